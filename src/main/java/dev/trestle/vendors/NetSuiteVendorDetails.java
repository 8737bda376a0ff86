package dev.trestle.vendors;

import dev.trestle.connectors.netsuite.NetSuiteVendor;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("NetSuiteVendor")
@Description("A NetSuite vendor, as NetSuite has it now.")
public record NetSuiteVendorDetails(@Id @NonNull String id,
        @Description("The \"Vendor ID\" shown in NetSuite.") String entityId, String companyName, String email,
        String phone, @NonNull boolean inactive,
        @Description("The external id the hub wrote it under; empty for vendors created in NetSuite.") String externalId) {

    public static NetSuiteVendorDetails of(NetSuiteVendor vendor) {
        return new NetSuiteVendorDetails(vendor.id(), vendor.entityId(), vendor.companyName(), vendor.email(),
                vendor.phone(), vendor.inactive(), vendor.externalId());
    }
}
