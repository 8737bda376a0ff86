package dev.trestle.exports;

import org.eclipse.microprofile.graphql.Description;

@Description("Where an export request stands.")
public enum ExportStatus {
    @Description("Waiting for an accounting approver; the preview shows exactly what will be sent.")
    PENDING,
    @Description("Approved; delivery starts at once.")
    APPROVED,
    @Description("Being written to NetSuite.")
    EXPORTING,
    @Description("Every write landed in NetSuite (see netsuiteIds).")
    EXPORTED,
    @Description("A write failed (see errorCode, errorDetail, attempts and nextRetryAt). An approver may retry it.")
    FAILED,
    @Description("An approver rejected it (see rejectionReason); the requester may change the record and resubmit.")
    REJECTED
}
