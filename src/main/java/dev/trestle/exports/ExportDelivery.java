package dev.trestle.exports;

import jakarta.persistence.Column;
import dev.trestle.connectors.UpstreamSystem;
import dev.trestle.links.RecordRef;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/** One write of the outbox and how its delivery went. Written by {@link ExportStore}. */
@Entity
@Table(name = "export_delivery")
@Description("One write of a request into another system: an upsert by its idempotency key (the NetSuite external id, "
        + "or the Procore origin_id).")
public class ExportDelivery {

    @Id
    @Ignore
    public Long id;

    @Column(name = "export_request_id")
    @Ignore
    public long exportRequestId;

    @Ignore
    public int position;

    @Enumerated(EnumType.STRING)
    @NonNull
    @Description("The system written to.")
    public UpstreamSystem destination;

    @Column(name = "record_type")
    @NonNull
    @Description("The destination's record type.")
    public String recordType;

    @Column(name = "idempotency_key")
    @NonNull
    @Description("What makes repeating the write harmless: the NetSuite external id, or the Procore origin_id.")
    public String idempotencyKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_system")
    @Ignore
    public UpstreamSystem sourceSystem;

    @Column(name = "source_type")
    @Ignore
    public String sourceType;

    @Column(name = "source_id")
    @Ignore
    public String sourceId;

    @NonNull
    @Description("PENDING, DELIVERED or FAILED.")
    public String status;

    public int attempts;

    @Column(name = "destination_id")
    @Description("The record's id in the destination once delivered.")
    public String destinationId;

    @Column(name = "last_error_code")
    public String errorCode;

    @Column(name = "last_error_detail")
    public String errorDetail;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "next_attempt_at")
    @Ignore
    public Instant nextAttemptAt;

    @Column(name = "origin_status")
    @Description("The Procore record's origin_id (the NetSuite id) once the write landed: PENDING until Procore "
            + "holds it (retried on its own, without writing to NetSuite again), RECORDED, or FAILED when Procore "
            + "refused it. Empty before the write landed and for cost codes.")
    public String originStatus;

    @Column(name = "origin_attempts")
    @Description("Origin id syncs that reached Procore.")
    public int originAttempts;

    @Column(name = "origin_next_attempt_at")
    @Description("When a PENDING origin id is tried again.")
    public Instant originNextRetryAt;

    @Column(name = "origin_error_code")
    @Description("Procore's code of the last failure to record the origin id.")
    public String originErrorCode;

    @Column(name = "origin_error_detail")
    public String originErrorDetail;

    @Column(name = "origin_recorded_at")
    public Instant originRecordedAt;

    @Description("When a PENDING write is tried again (after a back-off, or when a pause of its destination ends); "
            + "empty once delivered or failed for good.")
    public Instant getNextRetryAt() {
        return "PENDING".equals(status) ? nextAttemptAt : null;
    }

    @NonNull
    @Description("The record this write stands for.")
    public RecordRef getSource() {
        return new RecordRef(sourceSystem, sourceType, sourceId);
    }

    @Deprecated
    @Description("The NetSuite external id of a write into NetSuite. Use idempotencyKey.")
    public String getExternalId() {
        return destination == UpstreamSystem.NETSUITE ? idempotencyKey : null;
    }

    @Deprecated
    @Description("The NetSuite internal id once a write into NetSuite landed. Use destinationId.")
    public String getNetsuiteId() {
        return destination == UpstreamSystem.NETSUITE ? destinationId : null;
    }

    @Deprecated
    @Description("The Procore record a write into NetSuite stands for. Use source.")
    public String getProcoreId() {
        return sourceSystem == UpstreamSystem.PROCORE ? sourceId : null;
    }
}
