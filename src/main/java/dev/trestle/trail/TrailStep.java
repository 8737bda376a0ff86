package dev.trestle.trail;

import dev.trestle.connectors.UpstreamSystem;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * One step in the life of a document across the systems.
 *
 * @param system where it happened; empty for the hub's own steps (a request, an approval)
 */
@Description("One step in the life of a document across the systems: what happened, where, who did it and when.")
public record TrailStep(
        @NonNull Instant at,
        @Description("Where it happened; empty for the hub's own steps (requests, approvals).") UpstreamSystem system,
        @NonNull @Description("A stable code: INVOICE_APPROVED, EXPORT_REQUESTED, EXPORT_APPROVED, EXPORT_REJECTED, "
                + "EXPORT_RESUBMITTED, EXPORT_RETRY_REQUESTED, EXPORT_WRITE_FAILED, EXPORT_WRITE_DELIVERED, "
                + "EXPORT_COMPLETED, EXPORT_ORIGIN_RECORDED, EXPORT_ORIGIN_REFUSED, a link or unlink, "
                + "SOURCE_UNREADABLE; after a bill, BILL_PAYMENT (a NetSuite payment of the bill, dated by its day), "
                + "COMMITMENT_PAYMENT_RECORDED (the payment in Procore), PAYMENT_DRIFT (voided or deleted in NetSuite "
                + "since, dated when the trail was read) or PAYMENTS_UNREADABLE.") String action,
        @NonNull @Description("The step in words.") String description,
        @Description("Who did it, by the name their token showed; the hub's worker for its own work.") String actor,
        @Description("Who did it, by subject (sub claim); empty for the hub's own work.") String actorSubject,
        @Id @Description("The export request the step belongs to, if any.") String exportRequestId) {
}
