package dev.trestle.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/** One run of an import from NetSuite into Procore: when, why, what it read and queued, and how it ended. */
@Entity
@Table(name = "import_run")
@Description("One run of an import from NetSuite into Procore: when it ran, why, how much it read, what it queued "
        + "into the outbox (its writes are the export request exportRequestId) and what a person must read.")
public class ImportRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    @org.eclipse.microprofile.graphql.Enum("ImportMode")
    public enum Mode {
        @Description("Read every record of the kind from NetSuite; the only mode that sees records deleted there.")
        FULL,
        @Description("Read only what NetSuite changed since the last successful run (its watermark, minus an overlap).")
        INCREMENTAL
    }

    @org.eclipse.microprofile.graphql.Enum("ImportTrigger")
    public enum Trigger {
        @Description("The scheduled run.")
        SCHEDULED,
        @Description("Asked for by a user.")
        ON_REQUEST
    }

    @org.eclipse.microprofile.graphql.Enum("ImportRunStatus")
    public enum Status {
        RUNNING,
        @Description("Read and planned; its writes are in the outbox (see exportRequestId for how they went).")
        SUCCEEDED,
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @NonNull
    @org.eclipse.microprofile.graphql.Id
    public Long id;

    @Enumerated(EnumType.STRING)
    @NonNull
    public ImportKind kind;

    @Enumerated(EnumType.STRING)
    @NonNull
    public Mode mode;

    @Enumerated(EnumType.STRING)
    @NonNull
    public Trigger trigger;

    @Column(name = "requested_by")
    @NonNull
    @Description("Who asked for it; the schedule for scheduled runs.")
    public String requestedBy;

    @Enumerated(EnumType.STRING)
    @NonNull
    public Status status;

    @Column(name = "started_at")
    @NonNull
    public Instant startedAt;

    @Column(name = "heartbeat_at")
    @Ignore
    public Instant heartbeatAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "read_from")
    @Description("NetSuite records changed at or after this moment were read; empty when the run read everything.")
    public Instant readFrom;

    @Description("NetSuite records read.")
    public int scanned;
    @Description("Procore writes queued into the outbox.")
    public int queued;
    @Description("Records left alone: already in Procore and unchanged, not Procore's, or held (see notes).")
    public int skipped;

    @Column(name = "notes")
    @Ignore
    public String notesJson = "[]";

    @Column(name = "export_request_id")
    @Description("The export request holding the run's writes (its deliveries and audit trail); empty when the run "
            + "had nothing to write.")
    @org.eclipse.microprofile.graphql.Id
    public Long exportRequestId;

    @Column(name = "error_code")
    @Description("Why the run failed, as an error code (e.g. UPSTREAM_UNAVAILABLE, NOT_SUPPORTED).")
    public String errorCode;

    @Description("Why the run failed, in words, with the upstream system's own error where there is one.")
    public String error;

    @NonNull
    @Description("What a person must read: records held back and why, and drift (what changed in NetSuite after "
            + "an import that the hub does not undo by itself).")
    public List<@NonNull String> getNotes() {
        try {
            return JSON.readValue(notesJson, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("import_run " + id + " has notes that are not a JSON array", e);
        }
    }

    void notes(List<String> notes) {
        try {
            notesJson = JSON.writeValueAsString(notes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
