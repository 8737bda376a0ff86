package dev.trestle.purchasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.employees.EmployeeMapping;
import dev.trestle.employees.MappingStatus;
import dev.trestle.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PurchaseOrderPlannerTest {

    private static final PurchaseOrderPlanner.Settings SETTINGS = new PurchaseOrderPlanner.Settings(
            Map.of("USD", "1"), "6100", "https://app.precoro.com/");
    private static final PurchaseOrder.Supplier ACME = new PurchaseOrder.Supplier(301, "Acme Safety Supply");

    private static Money usd(String amount) {
        return Money.parse(amount, "USD");
    }

    private static PurchaseOrder po(int status, PurchaseOrder.Reference location, List<PurchaseOrder.Line> lines,
            String netTotal) {
        return new PurchaseOrder(1, "PO-1", status, LocalDate.of(2025, 10, 6), ACME,
                new PurchaseOrder.Purchaser(12, "ann.adeyemi@example.com"), location,
                new PurchaseOrder.Reference("Field Operations", "1"), null, "USD", usd(netTotal), "Gloves for site B",
                lines);
    }

    private static final List<PurchaseOrder.Line> LINES = List.of(
            new PurchaseOrder.Line(1, "Nitrile gloves", "G-100", new BigDecimal("12"), new BigDecimal("18.40"), usd("220.80"), "4001"),
            new PurchaseOrder.Line(2, "Site signage", null, new BigDecimal("2.5"), new BigDecimal("241.56"), usd("603.90"), null));

    private static EmployeeMapping mapping(MappingStatus status, String employee, String reason) {
        EmployeeMapping mapping = new EmployeeMapping();
        mapping.status = status;
        mapping.netsuiteEmployeeId = employee;
        mapping.reason = reason;
        return mapping;
    }

    @Test
    @SuppressWarnings("unchecked")
    void anApprovedPoBecomesAPurchaseOrderWithTheVendorTheMatchedEmployeeAndExactLines() {
        PurchaseOrderPlan plan = PurchaseOrderPlanner.plan(po(2, new PurchaseOrder.Reference("Main Warehouse", "1"),
                LINES, "824.70"), new PurchaseOrderPlanner.Linked("2027", mapping(MappingStatus.MAPPED, "109", null),
                true), SETTINGS);

        PurchaseOrderPlan.Order order = assertInstanceOf(PurchaseOrderPlan.Order.class, plan);
        assertEquals("precoro-po-1", order.externalId());
        assertEquals(Map.of("id", "2027"), order.body().get("entity"));
        assertEquals(Map.of("id", "109"), order.body().get("employee"), "the purchaser's matched employee");
        assertEquals("PO-1", order.body().get("tranId"));
        assertEquals("2025-10-06", order.body().get("tranDate"));
        assertEquals(Map.of("id", "1"), order.body().get("location"));
        assertEquals(Map.of("id", "1"), order.body().get("department"));
        assertFalse(order.body().containsKey("class"));
        assertEquals("Gloves for site B (Precoro PO-1: https://app.precoro.com/purchaseorders/1)", order.body().get("memo"));
        Map<String, Object> item = ((List<Map<String, Object>>) ((Map<String, Object>) order.body().get("item"))
                .get("items")).get(0);
        assertEquals(Map.of("id", "4001"), item.get("item"));
        assertEquals(new BigDecimal("220.80"), item.get("amount"));
        assertEquals(new BigDecimal("18.40"), item.get("rate"));
        Map<String, Object> expense = ((List<Map<String, Object>>) ((Map<String, Object>) order.body().get("expense"))
                .get("items")).get(0);
        assertEquals(Map.of("id", "6100"), expense.get("account"), "a never integrated item goes on the account");
        assertEquals(new BigDecimal("603.90"), expense.get("amount"));
        assertEquals("Site signage (2.5 x 241.56 USD)", expense.get("memo"));
        assertEquals(usd("824.70"), order.total(), "to the cent");
        assertEquals(List.of(), order.notes());
    }

    @Test
    void anUnmatchedPurchaserLeavesTheEmployeeEmptyAndThePlanSaysWhy() {
        PurchaseOrder po = po(2, null, LINES, "824.70");

        PurchaseOrderPlan.Order notMapped = (PurchaseOrderPlan.Order) PurchaseOrderPlanner.plan(po,
                new PurchaseOrderPlanner.Linked("2027", mapping(MappingStatus.NOT_MAPPED, null,
                        "No active NetSuite employee has this email."), true), SETTINGS);
        PurchaseOrderPlan.Order syncOff = (PurchaseOrderPlan.Order) PurchaseOrderPlanner.plan(po,
                new PurchaseOrderPlanner.Linked("2027", null, false), SETTINGS);
        PurchaseOrderPlan.Order conflict = (PurchaseOrderPlan.Order) PurchaseOrderPlanner.plan(po,
                new PurchaseOrderPlanner.Linked("2027", mapping(MappingStatus.CONFLICT, null, null), true), SETTINGS);

        assertFalse(notMapped.body().containsKey("employee"));
        assertEquals(List.of("The purchaser ann.adeyemi@example.com is not mapped (No active NetSuite employee has this "
                + "email.): NetSuite's Employee field stays empty."), notMapped.notes());
        assertFalse(syncOff.body().containsKey("employee"));
        assertTrue(syncOff.notes().get(0).startsWith("Sync Employee is off"), syncOff.notes().toString());
        assertFalse(conflict.body().containsKey("employee"), "a conflict is never guessed");
        assertTrue(conflict.notes().get(0).contains("in a conflict"), conflict.notes().toString());
    }

    @Test
    void everyMissingRecordIsNamedAtOnceAndNothingIsPlanned() {
        PurchaseOrder po = new PurchaseOrder(5, "PO-5", 1, LocalDate.of(2025, 10, 6), ACME, null,
                new PurchaseOrder.Reference("Yard 3", null), null, null, "EUR", usd("1.00"), null, LINES);

        PurchaseOrderPlan.Refused refused = assertInstanceOf(PurchaseOrderPlan.Refused.class, PurchaseOrderPlanner.plan(
                po, new PurchaseOrderPlanner.Linked(null, null, true), new PurchaseOrderPlanner.Settings(Map.of("USD",
                        "1"), null, "https://app.precoro.com")));

        String all = String.join(" ", refused.reasons());
        assertTrue(all.contains("not approved (status 1)"), all);
        assertTrue(all.contains("supplier 'Acme Safety Supply' (id 301) is linked to no NetSuite vendor"), all);
        assertTrue(all.contains("in EUR, which has no NetSuite currency"), all);
        assertTrue(all.contains("location 'Yard 3'") && all.contains("has no NetSuite id"), all);
        assertTrue(all.contains("no expense account is configured"), all);
        assertTrue(all.contains("add up to 824.70 USD but its net total is 1.00 USD"), all);
        assertEquals("NOT_EXPORTABLE", refused.toException().code().name());
    }

    @Test
    void aNumberLongerThanNetSuiteHoldsIsRefusedNeverCut() {
        PurchaseOrder po = new PurchaseOrder(9, "PO-" + "9".repeat(50), 2, LocalDate.of(2025, 10, 6), ACME, null, null,
                null, null, "USD", usd("220.80"), null, LINES.subList(0, 1));

        PurchaseOrderPlan plan = PurchaseOrderPlanner.plan(po, new PurchaseOrderPlanner.Linked("2027", null, true),
                SETTINGS);

        assertTrue(((PurchaseOrderPlan.Refused) plan).reasons().get(0).contains("at most 45"), plan.toString());
    }
}
