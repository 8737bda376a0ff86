package dev.trestle.suppliers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.connectors.netsuite.NetSuiteVendor;
import dev.trestle.connectors.precoro.PrecoroSupplier;
import dev.trestle.links.LinkKind;
import dev.trestle.links.LinkMethod;
import dev.trestle.links.RecordLink;
import dev.trestle.vendors.MatchReason;
import dev.trestle.vendors.VendorMatchSuggestion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The supplier list's rules without Quarkus: the ERP id rule, what rows say, and how suggestions are scored. */
class SupplierRowsTest {

    private static PrecoroSupplier supplier(long id, String name, String netSuiteId, String externalId) {
        return new PrecoroSupplier(id, name, true, 2, "USD", netSuiteId, externalId);
    }

    private static NetSuiteVendor vendor(String id, String name, boolean inactive) {
        return new NetSuiteVendor(id, "V" + id, name, null, null, inactive, null);
    }

    private static RecordLink link(long supplierId, String vendorId) {
        return RecordLink.of(LinkKind.SUPPLIER, String.valueOf(supplierId), vendorId, LinkMethod.MANUAL, "someone",
                Instant.EPOCH);
    }

    @Test
    void theNetSuiteIdLinksOnlyAnExistingFreeVendorOfASupplierNeverUnlinkedByAPerson() {
        List<PrecoroSupplier> suppliers = List.of(
                supplier(1, "By netSuiteId", "10", null),
                supplier(2, "By numeric externalId", null, " 11 "),
                supplier(3, "Non-numeric externalId", null, "ERP-11"),
                supplier(4, "Names no vendor", "99", null),
                supplier(5, "Unlinked by a person", "12", null),
                supplier(6, "Already linked", "13", null),
                supplier(7, "Vendor linked to another supplier", "14", null),
                supplier(8, "Same vendor as supplier 1", "10", null),
                supplier(9, "Inactive vendor", "15", null));
        List<NetSuiteVendor> vendors = List.of(vendor("10", "A", false), vendor("11", "B", false),
                vendor("12", "C", false), vendor("13", "D", false), vendor("14", "E", false), vendor("15", "F", true),
                vendor("16", "G", false));
        List<RecordLink> links = List.of(link(6, "16"), link(100, "14"));
        SupplierRows.Known known = new SupplierRows.Known(suppliers, vendors, links, Set.of("5"));

        assertEquals(Map.of(1L, "10", 2L, "11", 9L, "15"), SupplierRows.erpLinksToMake(known));
        assertEquals(List.of(1L, 2L, 9L), List.copyOf(SupplierRows.erpLinksToMake(known).keySet()), "in supplier order");
    }

    @Test
    void rowsSayWhyTheNetSuiteIdDidNotLink() {
        List<PrecoroSupplier> suppliers = List.of(supplier(1, "Linked", "10", null), supplier(4, "No vendor", "99", null),
                supplier(5, "Unlinked", "12", null), supplier(7, "Taken", "14", null),
                supplier(8, "Plain", null, null), supplier(9, "Vendor gone", null, null));
        List<NetSuiteVendor> vendors = List.of(vendor("10", "A", false), vendor("12", "C", false),
                vendor("14", "E", false));
        List<Supplier> rows = SupplierRows.rows(new SupplierRows.Known(suppliers, vendors,
                List.of(link(1, "10"), link(100, "14"), link(9, "77")), Set.of("5")));

        assertEquals(SupplierLinkStatus.LINKED, rows.get(0).linkStatus());
        assertEquals(LinkMethod.MANUAL, rows.get(0).linkMethod());
        assertEquals("10", rows.get(0).netsuiteVendor().id());
        assertNull(rows.get(0).note());
        assertTrue(rows.get(1).note().contains("99, which names no NetSuite vendor"), rows.get(1).note());
        assertTrue(rows.get(2).note().startsWith("A person unlinked it"), rows.get(2).note());
        assertTrue(rows.get(3).note().contains("is linked to Precoro supplier 100"), rows.get(3).note());
        assertEquals(SupplierLinkStatus.NOT_LINKED, rows.get(4).linkStatus());
        assertNull(rows.get(4).note());
        assertEquals(SupplierLinkStatus.LINKED, rows.get(5).linkStatus());
        assertNull(rows.get(5).netsuiteVendor());
        assertTrue(rows.get(5).note().contains("77, which it is linked to, is no longer in NetSuite"));
    }

    @Test
    void suggestionsScoreTheNameAmongActiveVendorsLinkedToNoSupplierBestFirst() {
        Supplier valley = Supplier.notLinked(supplier(5, "Valley Hardware Co.", null, null), null);
        List<NetSuiteVendor> vendors = List.of(
                vendor("30", "VALLEY HARDWARE", false),
                vendor("20", "Valley Hardware, Inc.", false),
                vendor("21", "Valley Hardware LLC", true),
                vendor("22", "Valley Hardware Ltd", false),
                vendor("23", "Valley Hardwood", false),
                vendor("24", "Co Valley Hardware", false));

        List<VendorMatchSuggestion> suggestions = SupplierRows.suggestions(valley, vendors, List.of(link(9, "22")));

        // Legal suffixes, case and punctuation ignored; inactive (21) and already linked (22) vendors left out; a
        // similar name (23) or a suffix word in front (24) is no match; equal scores by NetSuite id.
        assertEquals(List.of("20", "30"), suggestions.stream().map(s -> s.netsuiteVendor().id()).toList());
        for (VendorMatchSuggestion suggestion : suggestions) {
            assertEquals(0.5, suggestion.score());
            assertEquals(List.of(MatchReason.NAME), suggestion.reasons());
        }
        assertEquals(List.of(), SupplierRows.suggestions(Supplier.notLinked(supplier(6, null, null, null), null),
                vendors, List.of()), "a supplier without a name matches nothing");
    }

    @Test
    void theFilterTakesLinkStatusAndAPartOfTheName() {
        Supplier valley = Supplier.notLinked(supplier(5, "Valley Hardware Co.", null, null), null);
        SupplierFilter filter = new SupplierFilter();
        filter.search = " HARDWARE ";
        assertTrue(SupplierRows.matches(valley, filter));
        filter.linkStatus = List.of(SupplierLinkStatus.LINKED);
        assertEquals(false, SupplierRows.matches(valley, filter));
        filter.linkStatus = List.of(SupplierLinkStatus.NOT_LINKED);
        filter.search = "lumber";
        assertEquals(false, SupplierRows.matches(valley, filter));
    }
}
