package dev.trestle.exports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/** One NetSuite write of an export and how its delivery went. Written by {@link ExportStore}. */
@Entity
@Table(name = "export_delivery")
@Description("One NetSuite write of an export: an upsert by external id.")
public class ExportDelivery {

    @Id
    @Ignore
    public Long id;

    @Column(name = "export_request_id")
    @Ignore
    public long exportRequestId;

    @Ignore
    public int position;

    @Column(name = "record_type")
    @NonNull
    public String recordType;

    @Column(name = "external_id")
    @NonNull
    public String externalId;

    @Column(name = "procore_id")
    @NonNull
    @Description("The Procore record this write stands for.")
    public String procoreId;

    @NonNull
    @Description("PENDING, DELIVERED or FAILED.")
    public String status;

    public int attempts;

    @Column(name = "netsuite_id")
    @Description("The NetSuite internal id once delivered.")
    public String netsuiteId;

    @Column(name = "last_error_code")
    public String errorCode;

    @Column(name = "last_error_detail")
    public String errorDetail;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "next_attempt_at")
    @Description("When a PENDING write is tried again (after a back-off, or when a NetSuite pause ends).")
    public Instant nextRetryAt;

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
}
