package dev.trestle.vendors;

import dev.trestle.links.RecordLink;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * One vendor as the hub sees it: a Procore company, a NetSuite vendor, or both when linked.
 *
 * @param id the Procore side's id as {@code procore-<id>} when there is one, else {@code netsuite-<id>}
 */
@Description("A vendor across both systems: a Procore company, a NetSuite vendor, or the two linked.")
public record Vendor(@Id @NonNull String id, @NonNull VendorLinkStatus linkStatus,
        @Description("Empty for NETSUITE_ONLY.") ProcoreVendorDetails procoreVendor,
        @Description("Empty for PROCORE_ONLY, and when the linked vendor is no longer in NetSuite.")
        NetSuiteVendorDetails netsuiteVendor,
        @Description("How and when the two were linked; empty unless LINKED.") RecordLink link) {

    static Vendor linked(ProcoreVendorDetails procore, NetSuiteVendorDetails netsuite, RecordLink link) {
        return new Vendor("procore-" + procore.id(), VendorLinkStatus.LINKED, procore, netsuite, link);
    }

    static Vendor procoreOnly(ProcoreVendorDetails procore) {
        return new Vendor("procore-" + procore.id(), VendorLinkStatus.PROCORE_ONLY, procore, null, null);
    }

    static Vendor netsuiteOnly(NetSuiteVendorDetails netsuite) {
        return new Vendor("netsuite-" + netsuite.id(), VendorLinkStatus.NETSUITE_ONLY, null, netsuite, null);
    }
}
