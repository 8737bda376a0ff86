package dev.trestle.vendors;

import dev.trestle.connectors.procore.ProcoreVendor;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ProcoreVendor")
@Description("A company of the Procore Directory, as Procore has it now.")
public record ProcoreVendorDetails(@Id @NonNull String id, String name, String email, String phone,
        @NonNull boolean active,
        @Description("The NetSuite internal id Procore keeps for it (set by imports and exports).") String originId) {

    static ProcoreVendorDetails of(ProcoreVendor vendor) {
        return new ProcoreVendorDetails(String.valueOf(vendor.id()), vendor.name(), vendor.emailAddress(),
                vendor.businessPhone(), vendor.active(), vendor.originId());
    }
}
