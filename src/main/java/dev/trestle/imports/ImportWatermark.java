package dev.trestle.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Where the next incremental read of an import kind starts. Written by {@link ImportRuns} only. */
@Entity
@Table(name = "import_watermark")
class ImportWatermark {

    @Id
    @Enumerated(EnumType.STRING)
    ImportKind kind;

    @Column(name = "read_from")
    Instant readFrom;

    @Column(name = "run_id")
    long runId;

    @Column(name = "updated_at")
    Instant updatedAt;
}
