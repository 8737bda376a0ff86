package dev.trestle.costcodes;

import org.eclipse.microprofile.graphql.Description;

@Description("Whether a WBS code has its NetSuite Other Charge item.")
public enum CostCodeLinkStatus {
    @Description("Linked to a NetSuite Other Charge item.")
    LINKED,
    @Description("Not exported to NetSuite yet.")
    NOT_LINKED
}
