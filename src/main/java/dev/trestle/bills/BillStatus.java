package dev.trestle.bills;

import dev.trestle.exports.ExportStatus;
import org.eclipse.microprofile.graphql.Description;

@Description("Where a subcontractor invoice stands on its way to a NetSuite vendor bill: its latest export's status, "
        + "or NOT_REQUESTED.")
public enum BillStatus {
    @Description("No export has been asked for.")
    NOT_REQUESTED,
    @Description("Waiting for an accounting approver.")
    PENDING,
    @Description("Approved; delivery starts at once.")
    APPROVED,
    @Description("Being written to NetSuite.")
    EXPORTING,
    @Description("The bill is in NetSuite.")
    EXPORTED,
    @Description("NetSuite refused the bill; an approver may retry once the cause is fixed.")
    FAILED,
    @Description("An approver rejected it; the requester may resubmit.")
    REJECTED;

    static BillStatus of(ExportStatus status) {
        return status == null ? NOT_REQUESTED : valueOf(status.name());
    }
}
