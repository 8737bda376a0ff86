package dev.trestle.sandbox;

import dev.trestle.sandbox.precoro.PrecoroSupplier;
import dev.trestle.sandbox.precoro.PurchaseOrder;
import dev.trestle.sandbox.precoro.PurchaseOrderBook;
import dev.trestle.sandbox.precoro.PurchaseOrderLine;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Precoro side of the purchasing demo: suppliers (some integrated with the NetSuite demo vendors) and purchase
 * orders of the demo's Precoro users, each a case of {@link PurchasingDemoCases}, plus any number of generated
 * approved (or pending) POs for benchmarks. Deterministic: the same inputs give the same records.
 *
 * <p>On in every sandbox: it adds only Precoro suppliers and POs, which nothing else reads, and no NetSuite record,
 * so the counts other tests rely on (Precoro users, NetSuite transactions) stay as they were.
 */
public record PurchasingDemoData(List<PrecoroSupplier> suppliers, List<PurchaseOrder> purchaseOrders,
        PurchasingDemoCases cases) {

    private static final Instant SUPPLIERS_CREATED = Instant.parse("2025-06-02T09:00:00Z");
    private static final Instant FIRST_PO = Instant.parse("2025-10-06T14:00:00Z");

    /**
     * The demo, and {@code generated} approved POs after it. {@code exactMatches} are the employee demo's
     * exact-match cases (Precoro user to NetSuite employee), whose users purchase the generated POs.
     */
    public static PurchasingDemoData generate(int generated, List<DemoCases.Match> exactMatches) {
        return generate(generated, false, exactMatches);
    }

    /**
     * As {@link #generate(int, List)}, the generated POs pending approval (status 1, no approvalDate) when
     * {@code pending}: a benchmark approves them all at once, as their last approver would, each approval firing its
     * update webhook.
     */
    public static PurchasingDemoData generate(int generated, boolean pending, List<DemoCases.Match> exactMatches) {
        List<PrecoroSupplier> suppliers = List.of(
                supplier(301, "Acme Safety Supply", "2027", true),
                supplier(302, "Lumber Liquidators Pro", "2028", true),
                supplier(303, "Office Depot Business", "2022", true),
                supplier(304, "Redwood Scaffolding", "2019", true),
                supplier(305, "Valley Hardware Co.", null, true),
                supplier(306, "Bayside Tool Rental", null, false));
        List<PurchaseOrder> pos = new ArrayList<>();
        pos.add(po(1, PurchaseOrder.APPROVED, 301, DemoCases.FIRST_EXACT_MATCH_PRECORO_ID, 1L, 101L, 201L,
                "Site safety restock, Harbor View", List.of(
                        line(1, "Hard hat, class E", "SAF-HH-E", "24", "18.75", "each", "4001"),
                        line(2, "Hi-vis safety vest", "SAF-VEST-2", "30", "12.49", "each", "4002"))));
        pos.add(po(2, PurchaseOrder.APPROVED, 302, DemoCases.CASE_AND_SPACES_PRECORO_ID, 2L, 101L, 202L,
                "Framing lumber", List.of(
                        line(3, "Stud 2x4 8ft", "LUM-2X4-8", "120", "4.37", "each", null),
                        line(4, "Furring strip 1x3", "LUM-1X3", "12.5", "8.40", "bundle", null))));
        pos.add(po(3, PurchaseOrder.APPROVED, 303, DemoCases.UNKNOWN_EMAIL_PRECORO_ID, 1L, 102L, null,
                "Office supplies", List.of(line(5, "Copy paper, case", "OFF-PAPER", "5", "17.23", "case", null))));
        pos.add(po(4, PurchaseOrder.PENDING, 301, DemoCases.FIRST_EXACT_MATCH_PRECORO_ID + 1, 1L, 101L, 201L,
                "Gloves, awaiting approval", List.of(line(6, "Cut-resistant gloves", "SAF-GLV", "48", "6.95", "pair",
                        "4003"))));
        pos.add(po(5, PurchaseOrder.APPROVED, 305, DemoCases.FIRST_EXACT_MATCH_PRECORO_ID + 2, 2L, 101L, null,
                "Fasteners", List.of(line(7, "Deck screws 5lb", "HW-SCR-5", "20", "15.50", "box", null))));
        pos.add(po(6, PurchaseOrder.APPROVED, 304, DemoCases.FIRST_EXACT_MATCH_PRECORO_ID + 3, 2L, 101L, 201L,
                "Scaffold rental, November", List.of(line(8, "Frame scaffold set, month", "SCF-SET", "4", "300.00",
                        "month", null))));
        pos.add(po(7, PurchaseOrder.OPEN, 302, DemoCases.FIRST_EXACT_MATCH_PRECORO_ID, 1L, null, null,
                "Draft: sheathing", List.of(line(9, "OSB 7/16 4x8", "LUM-OSB", "60", "14.85", "sheet", null))));
        pos.add(po(8, PurchaseOrder.APPROVED, 302, DemoCases.INACTIVE_ONLY_PRECORO_ID, 3L, null, null,
                "Mailroom shelving", List.of(line(10, "Shelf board 1x12", "LUM-1X12", "6", "7.50", "each", null))));
        List<Integer> generatedIdns = new ArrayList<>();
        long[] integrated = {301, 302, 303};
        long lineId = 11;
        for (int i = 0; i < generated; i++) {
            int idn = 9 + i;
            long purchaser = exactMatches.isEmpty() ? DemoCases.FIRST_EXACT_MATCH_PRECORO_ID
                    : exactMatches.get(i % exactMatches.size()).precoroId();
            List<PurchaseOrderLine> lines = new ArrayList<>();
            for (int l = 0; l < 3; l++) {
                // Prices with every cent digit, so a total off by a cent shows.
                String price = BigDecimal.valueOf(100 + (i * 7L + l * 13L) % 9_900, 2).add(BigDecimal.TEN).toPlainString();
                lines.add(line(lineId++, "Generated item " + (l + 1), String.format(Locale.ROOT, "GEN-%d", l + 1),
                        String.valueOf(1 + (i + l) % 12), price, "each", PurchasingDemoCases.INTEGRATED_ITEMS.get(l)));
            }
            pos.add(po(idn, pending ? PurchaseOrder.PENDING : PurchaseOrder.APPROVED, integrated[i % integrated.length],
                    purchaser, 1L, 101L, 201L,
                    "Generated PO " + idn, lines));
            generatedIdns.add(idn);
        }
        Map<Long, String> integratedSuppliers = new LinkedHashMap<>();
        integratedSuppliers.put(301L, "2027");
        integratedSuppliers.put(302L, "2028");
        integratedSuppliers.put(303L, "2022");
        PurchasingDemoCases cases = new PurchasingDemoCases(Map.copyOf(integratedSuppliers),
                PurchasingDemoCases.INACTIVE_VENDOR_SUPPLIER_ID, PurchasingDemoCases.NOT_INTEGRATED_SUPPLIER_ID, 306,
                List.of(poCase(pos, 1, "2027", DemoCases.FIRST_EXACT_MATCH_NETSUITE_ID),
                        poCase(pos, 2, "2028", DemoCases.CASE_AND_SPACES_NETSUITE_ID)),
                List.of(poCase(pos, 3, "2022", null), poCase(pos, 8, "2028", null)),
                List.of(PurchasingDemoCases.PENDING_PO_IDN, PurchasingDemoCases.DRAFT_PO_IDN),
                List.of(PurchasingDemoCases.SUPPLIER_NOT_INTEGRATED_PO_IDN),
                List.of(PurchasingDemoCases.INACTIVE_VENDOR_PO_IDN), List.copyOf(generatedIdns));
        return new PurchasingDemoData(suppliers, List.copyOf(pos), cases);
    }

    private static PurchasingDemoCases.PurchaseOrderCase poCase(List<PurchaseOrder> pos, int idn, String vendor,
            String employee) {
        PurchaseOrder po = pos.get(idn - 1);
        return new PurchasingDemoCases.PurchaseOrderCase(idn, po.supplierId(), vendor, po.creatorId(), employee,
                po.netSum());
    }

    private static PrecoroSupplier supplier(long id, String name, String netSuiteId, boolean enabled) {
        Instant created = SUPPLIERS_CREATED.plus(Duration.ofDays(id - 300));
        return new PrecoroSupplier(id, String.format(Locale.ROOT, "SUP-%04d", id), name, enabled, 2, "USD", netSuiteId,
                null, created, created.plus(Duration.ofHours(2)), created.plus(Duration.ofHours(1)));
    }

    private static PurchaseOrder po(int idn, int status, long supplier, long purchaser, Long location, Long department,
            Long classId, String note, List<PurchaseOrderLine> lines) {
        Instant created = FIRST_PO.plus(Duration.ofHours(3L * idn));
        Instant approved = status == PurchaseOrder.APPROVED ? created.plus(Duration.ofMinutes(45)) : null;
        Instant updated = approved != null ? approved : created.plus(Duration.ofMinutes(5));
        return new PurchaseOrder(PurchaseOrderBook.FIRST_ID + idn - 1, idn, status, supplier, purchaser, location, "USD",
                note, department, classId, lines, null, created, updated, approved);
    }

    private static PurchaseOrderLine line(long id, String name, String sku, String quantity, String price, String unit,
            String item) {
        return new PurchaseOrderLine(id, name, sku, new BigDecimal(quantity), new BigDecimal(price), unit, item);
    }
}
