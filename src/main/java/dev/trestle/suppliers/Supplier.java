package dev.trestle.suppliers;

import dev.trestle.connectors.precoro.PrecoroSupplier;
import dev.trestle.links.LinkMethod;
import dev.trestle.links.RecordLink;
import dev.trestle.vendors.NetSuiteVendorDetails;
import dev.trestle.vendors.VendorMatchSuggestion;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * A Precoro supplier with the NetSuite vendor it is linked to, or the vendors it may be.
 *
 * @param id the Precoro supplier id
 */
@Description("A Precoro supplier, as Precoro has it, with its link to a NetSuite vendor.")
public record Supplier(@Id @NonNull String id, String name, @NonNull boolean enabled,
        @Description("ISO 4217, as Precoro has it.") String currency,
        @Description("The NetSuite vendor id Precoro's own NetSuite integration keeps for it.") String netSuiteId,
        @Description("The ERP id written into Precoro through its API.") String externalId,
        @NonNull SupplierLinkStatus linkStatus,
        @Description("How it was linked: MANUAL (a person) or ERP_ID (the NetSuite id Precoro carries); empty "
                + "unless LINKED.") LinkMethod linkMethod,
        @Description("Who linked it and when; empty unless LINKED.") RecordLink link,
        @Description("The linked NetSuite vendor as NetSuite has it now; empty unless LINKED, and when the vendor "
                + "is no longer in NetSuite.") NetSuiteVendorDetails netsuiteVendor,
        @Description("Active NetSuite vendors linked to no supplier that may be this one, best first; empty "
                + "unless NOT_LINKED. Nothing is linked until someone calls linkSupplier.")
        @NonNull List<@NonNull VendorMatchSuggestion> suggestions,
        @Description("Why the NetSuite id Precoro carries did not link it (it names no NetSuite vendor, the vendor "
                + "is linked to another supplier, a person unlinked it), or that the linked vendor is gone.")
        String note) {

    static Supplier linked(PrecoroSupplier supplier, RecordLink link, NetSuiteVendorDetails vendor, String note) {
        return of(supplier, SupplierLinkStatus.LINKED, link, vendor, note);
    }

    static Supplier notLinked(PrecoroSupplier supplier, String note) {
        return of(supplier, SupplierLinkStatus.NOT_LINKED, null, null, note);
    }

    private static Supplier of(PrecoroSupplier s, SupplierLinkStatus status, RecordLink link,
            NetSuiteVendorDetails vendor, String note) {
        return new Supplier(String.valueOf(s.id()), s.name(), s.enabled(), s.currency(), s.netSuiteId(),
                s.externalId(), status, link == null ? null : link.method, link, vendor, List.of(), note);
    }

    Supplier withSuggestions(List<VendorMatchSuggestion> found) {
        return new Supplier(id, name, enabled, currency, netSuiteId, externalId, linkStatus, linkMethod, link,
                netsuiteVendor, List.copyOf(found), note);
    }
}
