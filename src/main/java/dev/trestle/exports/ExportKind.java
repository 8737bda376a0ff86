package dev.trestle.exports;

import org.eclipse.microprofile.graphql.Description;

@Description("What an export sends to NetSuite.")
public enum ExportKind {
    @Description("A Procore company (directory vendor) becomes a NetSuite vendor.")
    VENDOR,
    @Description("A Procore project becomes a NetSuite project (job).")
    PROJECT,
    @Description("Every WBS code of an exported Procore project becomes a NetSuite Other Charge item.")
    COST_CODES,
    @Description("A Procore subcontractor invoice (approved, approved as noted, or pending owner approval) becomes a "
            + "NetSuite vendor bill.")
    SUBCONTRACTOR_INVOICE,
    @Description("An approved Precoro purchase order (by idn) becomes a NetSuite purchase order, its Employee the one "
            + "the employee sync matched to its purchaser.")
    PURCHASE_ORDER,
    @Description("Not supported (the owner side of a project stays in Procore): refused with NOT_SUPPORTED.")
    OWNER_INVOICE,
    @Description("Not supported (the owner side of a project stays in Procore): refused with NOT_SUPPORTED.")
    PRIME_CONTRACT,
    @Description("Not supported (the owner side of a project stays in Procore): refused with NOT_SUPPORTED.")
    OWNER_CHANGE_ORDER;

    /** The seed's unsupported objects: asked for, they are refused with the reason, never attempted. */
    public boolean ownerSide() {
        return this == OWNER_INVOICE || this == PRIME_CONTRACT || this == OWNER_CHANGE_ORDER;
    }
}
