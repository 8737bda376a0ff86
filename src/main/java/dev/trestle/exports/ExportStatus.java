package dev.trestle.exports;

import org.eclipse.microprofile.graphql.Description;

@Description("Where an export request stands.")
public enum ExportStatus {
    @Description("Waiting for an accounting approver; the preview shows exactly what will be sent.")
    PENDING,
    @Description("Approved; delivery starts at once.")
    APPROVED,
    @Description("Being written to NetSuite. Outages only delay it: a write that failed transiently is retried "
            + "(see errorCode, errorDetail, attempts and nextRetryAt), never given up on.")
    EXPORTING,
    @Description("Every write landed in NetSuite (see netsuiteIds); the Procore origin ids follow on their own "
            + "(see deliveries.originStatus).")
    EXPORTED,
    @Description("NetSuite refused a write, which a person must fix (see errorCode and errorDetail). "
            + "An approver may retry it.")
    FAILED,
    @Description("An approver rejected it (see rejectionReason); the requester may change the record and resubmit.")
    REJECTED
}
