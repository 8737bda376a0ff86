package dev.trestle.exports;

import org.eclipse.microprofile.graphql.Description;

@Description("What an export sends to NetSuite.")
public enum ExportKind {
    @Description("A Procore company (directory vendor) becomes a NetSuite vendor.")
    VENDOR,
    @Description("A Procore project becomes a NetSuite project (job).")
    PROJECT,
    @Description("Every WBS code of an exported Procore project becomes a NetSuite Other Charge item.")
    COST_CODES
}
