package dev.trestle.imports;

import org.eclipse.microprofile.graphql.Description;

/** What an import brings from NetSuite into Procore. */
@Description("What an import brings from NetSuite into Procore.")
public enum ImportKind {
    @Description("NetSuite vendors that are not linked become Procore directory companies.")
    VENDORS,
    @Description("NetSuite projects (jobs) that are not linked become Procore projects.")
    PROJECTS,
    @Description("NetSuite bill payments applied to bills that came from Procore subcontractor invoices become "
            + "commitment payments on those invoices, one per bill (US companies only; elsewhere NOT_SUPPORTED). "
            + "Payments voided or deleted in NetSuite after they were imported are reported in notes (a deletion is "
            + "seen by a full read: daily by the schedule, or asked for with full: true).")
    BILL_PAYMENTS,
    @Description("NetSuite vendor bills entered in NetSuite, and journal entries, whose lines are costed to an exported "
            + "project become Procore direct costs on that project (bills as invoice direct costs with the linked "
            + "vendor, journals as expense), each line on the WBS code of its exported cost-code item or of its "
            + "account (trestle.direct-costs.account-wbs-codes). A direct cost with a line that maps to nothing is "
            + "held whole and named in notes; the document's direct costs on other projects go ahead.")
    DIRECT_COSTS,
    @Description("Not supported (the owner side of a project stays in Procore): refused with NOT_SUPPORTED.")
    OWNER_INVOICE_PAYMENTS;

    /** Whether NetSuite can be read by change date for it; the others read everything every time. */
    public boolean incremental() {
        return this == BILL_PAYMENTS || this == DIRECT_COSTS;
    }
}
