package dev.trestle.suppliers;

import org.eclipse.microprofile.graphql.Description;

@Description("Whether a Precoro supplier is linked to a NetSuite vendor.")
public enum SupplierLinkStatus {
    @Description("Linked to a NetSuite vendor (see linkMethod: by a person, or by the NetSuite id Precoro carries).")
    LINKED,
    @Description("Linked to no NetSuite vendor: a person links it, helped by the suggestions.")
    NOT_LINKED
}
