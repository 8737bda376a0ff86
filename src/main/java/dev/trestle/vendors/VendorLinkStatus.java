package dev.trestle.vendors;

import org.eclipse.microprofile.graphql.Description;

@Description("Whether a vendor exists on both sides and is linked, or only on one side.")
public enum VendorLinkStatus {
    @Description("A Procore company linked to a NetSuite vendor.")
    LINKED,
    @Description("A Procore company not linked to any NetSuite vendor.")
    PROCORE_ONLY,
    @Description("A NetSuite vendor not linked to any Procore company.")
    NETSUITE_ONLY
}
