package dev.trestle.suppliers;

import dev.trestle.connectors.netsuite.NetSuiteVendor;
import dev.trestle.connectors.precoro.PrecoroSupplier;
import dev.trestle.links.RecordLink;
import dev.trestle.vendors.NetSuiteVendorDetails;
import dev.trestle.vendors.VendorMatchSuggestion;
import dev.trestle.vendors.VendorMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The supplier list's rules, without any I/O: which suppliers the NetSuite id Precoro carries links now, what each
 * row shows, the filter and the suggestions. {@link SupplierDirectory} reads what they need and writes the links.
 */
final class SupplierRows {

    private SupplierRows() {
    }

    /**
     * What the hub knows of suppliers when it lists them.
     *
     * @param suppliers        every Precoro supplier, by id
     * @param vendors          every NetSuite vendor
     * @param links            the current supplier links
     * @param unlinkedByPeople the suppliers whose link a person ended at some time
     */
    record Known(List<PrecoroSupplier> suppliers, List<NetSuiteVendor> vendors, List<RecordLink> links,
            Set<String> unlinkedByPeople) {
    }

    /**
     * The links the ERP_ID rule makes now, supplier id to NetSuite vendor id, in supplier order: suppliers linked
     * to nothing and never unlinked by a person whose NetSuite id names a NetSuite vendor (active or not: it is
     * the vendor Precoro's integration uses) that no supplier is linked to. When two suppliers carry the same
     * vendor's id, the first takes it and the other shows why it is not linked.
     */
    static Map<Long, String> erpLinksToMake(Known known) {
        Set<String> vendorIds = vendorIds(known.vendors());
        Set<String> linkedSuppliers = new HashSet<>();
        Set<String> takenVendors = new HashSet<>();
        known.links().forEach(link -> {
            linkedSuppliers.add(link.leftId);
            takenVendors.add(link.rightId);
        });
        Map<Long, String> toMake = new LinkedHashMap<>();
        for (PrecoroSupplier supplier : known.suppliers()) {
            String id = String.valueOf(supplier.id());
            String vendorId = SupplierLinks.erpId(supplier);
            if (vendorId == null || linkedSuppliers.contains(id) || known.unlinkedByPeople().contains(id)
                    || !vendorIds.contains(vendorId) || !takenVendors.add(vendorId)) {
                continue;
            }
            toMake.put(supplier.id(), vendorId);
        }
        return toMake;
    }

    /** One row per supplier, in supplier order, without suggestions (those are for the page's rows only). */
    static List<Supplier> rows(Known known) {
        Map<String, NetSuiteVendor> vendors = new HashMap<>();
        known.vendors().forEach(vendor -> vendors.put(vendor.id(), vendor));
        Map<String, RecordLink> bySupplier = new HashMap<>();
        Map<String, RecordLink> byVendor = new HashMap<>();
        known.links().forEach(link -> {
            bySupplier.put(link.leftId, link);
            byVendor.put(link.rightId, link);
        });
        List<Supplier> rows = new ArrayList<>(known.suppliers().size());
        for (PrecoroSupplier supplier : known.suppliers()) {
            RecordLink link = bySupplier.get(String.valueOf(supplier.id()));
            if (link == null) {
                rows.add(Supplier.notLinked(supplier, whyNotLinked(supplier, vendors.keySet(), byVendor,
                        known.unlinkedByPeople())));
            } else {
                NetSuiteVendor vendor = vendors.get(link.rightId);
                rows.add(Supplier.linked(supplier, link, vendor == null ? null : NetSuiteVendorDetails.of(vendor),
                        vendor == null ? "NetSuite vendor " + link.rightId + ", which it is linked to, is no longer "
                                + "in NetSuite." : null));
            }
        }
        return rows;
    }

    /** Why a supplier carrying a NetSuite id is not linked by it; null when it carries none. */
    static String whyNotLinked(PrecoroSupplier supplier, Set<String> vendorIds, Map<String, RecordLink> byVendor,
            Set<String> unlinkedByPeople) {
        String vendorId = SupplierLinks.erpId(supplier);
        if (vendorId == null) {
            return null;
        }
        if (unlinkedByPeople.contains(String.valueOf(supplier.id()))) {
            return "A person unlinked it; the NetSuite id Precoro carries (" + vendorId + ") does not link it again.";
        }
        if (!vendorIds.contains(vendorId)) {
            return "Precoro carries NetSuite id " + vendorId + ", which names no NetSuite vendor; a person must "
                    + "link it.";
        }
        RecordLink other = byVendor.get(vendorId);
        if (other != null) {
            return "NetSuite vendor " + vendorId + ", whose id Precoro carries, is linked to Precoro supplier "
                    + other.leftId + ".";
        }
        return null;
    }

    static boolean matches(Supplier supplier, SupplierFilter filter) {
        if (filter == null) {
            return true;
        }
        if (filter.linkStatus != null && !filter.linkStatus.isEmpty()
                && !filter.linkStatus.contains(supplier.linkStatus())) {
            return false;
        }
        if (filter.search != null && !filter.search.isBlank()) {
            String search = filter.search.strip().toLowerCase(Locale.ROOT);
            return supplier.name() != null && supplier.name().toLowerCase(Locale.ROOT).contains(search);
        }
        return true;
    }

    /**
     * The NetSuite vendors that may be this supplier, best first: the vendor matcher's score and reasons over the
     * active vendors linked to no supplier (links are one to one; nobody can order from an inactive vendor). The
     * hub reads a supplier's name only, so names are what match.
     */
    static List<VendorMatchSuggestion> suggestions(Supplier supplier, Collection<NetSuiteVendor> vendors,
            Collection<RecordLink> links) {
        Set<String> taken = new HashSet<>();
        links.forEach(link -> taken.add(link.rightId));
        List<NetSuiteVendor> candidates = vendors.stream()
                .filter(vendor -> !vendor.inactive() && !taken.contains(vendor.id()))
                .toList();
        return VendorMatcher.suggest(new VendorMatcher.Company(supplier.name(), null, null), candidates);
    }

    private static Set<String> vendorIds(List<NetSuiteVendor> vendors) {
        Set<String> ids = new HashSet<>();
        vendors.forEach(vendor -> ids.add(vendor.id()));
        return ids;
    }
}
