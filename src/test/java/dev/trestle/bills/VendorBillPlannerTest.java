package dev.trestle.bills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every rule of {@link VendorBillPlanner}, on invoices built by hand. */
class VendorBillPlannerTest {

    record Settings(String retainageAccountId, Optional<Integer> paymentTermsDays) implements BillSettings {
    }

    static final Settings SETTINGS = new Settings("27", Optional.empty());
    static final LocalDate BILLED = LocalDate.of(2025, 10, 31);
    static final LinkedRecords LINKED = new LinkedRecords("2020", "3001", Map.of(55L, "4001", 56L, "4002", 57L, "4003"));

    static Money usd(String amount) {
        return Money.parse(amount, "USD");
    }

    static SubcontractorInvoice.Line line(long id, Long wbs, String work, String stored, String retainage) {
        return new SubcontractorInvoice.Line(id, wbs, wbs == null ? null : "01-" + wbs + ".L",
                wbs == null ? null : "Code " + wbs, "Work " + id, usd(work), usd(stored), usd(retainage));
    }

    static SubcontractorInvoice invoice(String status, String invoiceNumber, String due,
            List<SubcontractorInvoice.Line> lines) {
        return new SubcontractorInvoice(5700000001L, 1, invoiceNumber, status, BILLED, BILLED.withDayOfMonth(1), BILLED,
                null, due == null ? null : usd(due), new SubcontractorInvoice.Project(5100000001L, "P-100", "Tower"),
                new SubcontractorInvoice.Commitment(5600000001L, "SC-101", "Drywall", 5000000019L, "Acme Drywall"),
                lines);
    }

    /** 1000.00 + 200.00 stored - 120.00 retainage, and 500.50 - 50.05: due 1530.45. */
    static SubcontractorInvoice approved() {
        return invoice("approved", "INV-1001", "1530.45", List.of(line(1, 55L, "1000.00", "200.00", "120.00"),
                line(2, 56L, "500.50", "0.00", "50.05")));
    }

    static List<String> refused(VendorBillPlan plan) {
        return assertInstanceOf(VendorBillPlan.Refused.class, plan).reasons();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> sublist(Map<String, Object> body, String name) {
        return (List<Map<String, Object>>) ((Map<String, Object>) body.get(name)).get("items");
    }

    @Test
    void plansTheExactBodyWithOneLinePerItemAndOneRetainageLine() {
        VendorBillPlan.Bill bill = VendorBillPlanner.plan(approved(), LINKED, SETTINGS).orThrow();

        assertEquals("procore-requisition-5700000001", bill.externalId());
        assertEquals(usd("1530.45"), bill.total());
        Map<String, Object> body = bill.body();
        assertEquals("procore-requisition-5700000001", body.get("externalId"));
        assertEquals(Map.of("id", "2020"), body.get("entity"));
        assertEquals("INV-1001", body.get("tranId"));
        assertEquals("2025-10-31", body.get("tranDate"));
        assertEquals("2025-10-31", body.get("dueDate"), "no terms: due on the billing date");
        String memo = (String) body.get("memo");
        for (String part : List.of("INV-1001", "SC-101", "P-100 Tower", "5700000001")) {
            assertTrue(memo.contains(part), memo);
        }
        List<Map<String, Object>> items = sublist(body, "item");
        assertEquals(2, items.size());
        assertEquals(Map.of("item", Map.of("id", "4001"), "customer", Map.of("id", "3001"),
                "amount", new BigDecimal("1200.00"), "description", "01-55.L Work 1"), items.get(0));
        assertEquals(new BigDecimal("500.50"), items.get(1).get("amount"));
        assertEquals(Map.of("id", "4002"), items.get(1).get("item"));
        List<Map<String, Object>> expense = sublist(body, "expense");
        assertEquals(1, expense.size(), "one retainage line for the whole invoice");
        assertEquals(Map.of("id", "27"), expense.get(0).get("account"));
        assertEquals(new BigDecimal("-170.05"), expense.get(0).get("amount"));
        assertEquals(Map.of("id", "3001"), expense.get(0).get("customer"));
        assertEquals(List.of("externalId", "entity", "tranId", "tranDate", "dueDate", "memo", "item", "expense"),
                List.copyOf(body.keySet()));
    }

    @Test
    void paymentTermsSetTheDueDate() {
        VendorBillPlan.Bill bill = VendorBillPlanner.plan(approved(), LINKED, new Settings("27", Optional.of(30)))
                .orThrow();
        assertEquals("2025-11-30", bill.body().get("dueDate"));
    }

    @Test
    void noRetainageMeansNoExpenseSublist() {
        SubcontractorInvoice invoice = invoice("pending_owner_approval", "INV-3001", "700.00",
                List.of(line(1, 55L, "700.00", "0.00", "0.00")));
        VendorBillPlan.Bill bill = VendorBillPlanner.plan(invoice, LINKED, SETTINGS).orThrow();
        assertFalse(bill.body().containsKey("expense"));
        assertEquals(usd("700.00"), bill.total());
    }

    @Test
    void onlyApprovedApprovedAsNotedAndPendingOwnerApprovalAreExported() {
        for (String status : List.of("approved", "approved_as_noted", "pending_owner_approval")) {
            SubcontractorInvoice ok = invoice(status, "INV-1", "1530.45", approved().lines());
            assertInstanceOf(VendorBillPlan.Bill.class, VendorBillPlanner.plan(ok, LINKED, SETTINGS), status);
        }
        for (String status : List.of("draft", "under_review", "revise_and_resubmit")) {
            SubcontractorInvoice no = invoice(status, "INV-1", "1530.45", approved().lines());
            VendorBillPlan plan = VendorBillPlanner.plan(no, LINKED, SETTINGS);
            List<String> reasons = refused(plan);
            assertEquals(1, reasons.size(), reasons.toString());
            assertTrue(reasons.get(0).contains(" is " + status + ";"), reasons.get(0));
            assertEquals(ErrorCode.NOT_EXPORTABLE, ((VendorBillPlan.Refused) plan).code());
            TrestleException thrown = assertThrows(TrestleException.class, plan::orThrow);
            assertEquals(ErrorCode.NOT_EXPORTABLE, thrown.code());
            assertTrue(thrown.getMessage().contains(status));
        }
    }

    @Test
    void namesEachMissingRecordAllAtOnce() {
        SubcontractorInvoice invoice = invoice("approved", "INV-1", "1580.45", List.of(
                line(1, 55L, "1000.00", "200.00", "120.00"), line(2, 56L, "500.50", "0.00", "50.05"),
                line(3, 57L, "50.00", "0.00", "0.00"), line(4, 56L, "0.10", "0.00", "0.10"),
                line(5, 99L, "0.00", "0.00", "0.00")));
        LinkedRecords nothing = new LinkedRecords(null, " ", Map.of(57L, "4003"));

        List<String> reasons = refused(VendorBillPlanner.plan(invoice, nothing, SETTINGS));

        assertEquals(List.of(
                "Procore company 'Acme Drywall' (id 5000000019) is not linked to a NetSuite vendor.",
                "Project 'P-100 Tower' (id 5100000001) is not exported to NetSuite.",
                "WBS code 01-55.L 'Code 55' (id 55) is not exported as a NetSuite item.",
                "WBS code 01-56.L 'Code 56' (id 56) is not exported as a NetSuite item."), reasons,
                "each missing record once; code 99 bills nothing, so it need not be exported");
    }

    @Test
    void aCommitmentWithoutVendorAndALineWithoutWbsCodeAreNamed() {
        SubcontractorInvoice base = invoice("approved", "INV-1", "100.00", List.of(line(7, null, "100.00", "0.00",
                "0.00")));
        SubcontractorInvoice invoice = new SubcontractorInvoice(base.requisitionId(), base.number(),
                base.invoiceNumber(), base.status(), base.billingDate(), base.periodStart(), base.periodEnd(), null,
                base.currentPaymentDue(), base.project(),
                new SubcontractorInvoice.Commitment(5600000001L, "SC-101", "Drywall", null, null), base.lines());
        List<String> reasons = refused(VendorBillPlanner.plan(invoice, LINKED, SETTINGS));
        assertEquals(List.of("Commitment SC-101 'Drywall' (id 5600000001) has no vendor.",
                "Contract item 7 'Work 7' has no WBS code."), reasons);
    }

    @Test
    void zeroLinesAreLeftOutAndAnInvoiceOfOnlyZerosIsRefused() {
        SubcontractorInvoice invoice = invoice("approved", "INV-1", "1000.00", List.of(
                line(1, 55L, "0.00", "0.00", "0.00"), line(2, 56L, "1000.00", "0.00", "0.00"),
                line(3, 57L, "0.00", "0.00", "0.00")));
        VendorBillPlan.Bill bill = VendorBillPlanner.plan(invoice, LINKED, SETTINGS).orThrow();
        List<Map<String, Object>> items = sublist(bill.body(), "item");
        assertEquals(1, items.size());
        assertEquals(Map.of("id", "4002"), items.get(0).get("item"));

        SubcontractorInvoice zeros = invoice("approved", "INV-1", "0.00", List.of(line(1, 55L, "0.00", "0.00",
                "0.00")));
        List<String> reasons = refused(VendorBillPlanner.plan(zeros, LINKED, SETTINGS));
        assertEquals(1, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).contains("bills nothing this period"), reasons.get(0));
        // Work and materials that cancel out are nothing to bill either; stored materials alone are.
        SubcontractorInvoice stored = invoice("approved", "INV-1", "80.00", List.of(line(1, 55L, "0.00", "80.00",
                "0.00")));
        assertEquals(usd("80.00"), VendorBillPlanner.plan(stored, LINKED, SETTINGS).orThrow().total());
    }

    @Test
    void aTranIdLongerThanNetSuiteTakesIsRefusedNotCut() {
        String of45 = "I".repeat(45);
        assertEquals(of45, VendorBillPlanner.plan(invoice("approved", of45, "1530.45", approved().lines()), LINKED,
                SETTINGS).orThrow().body().get("tranId"));
        List<String> reasons = refused(VendorBillPlanner.plan(invoice("approved", of45 + "X", "1530.45",
                approved().lines()), LINKED, SETTINGS));
        assertEquals(1, reasons.size());
        assertTrue(reasons.get(0).contains("46 characters") && reasons.get(0).contains("at most 45"), reasons.get(0));
        List<String> none = refused(VendorBillPlanner.plan(invoice("approved", "  ", "1530.45", approved().lines()),
                LINKED, SETTINGS));
        assertTrue(none.get(0).contains("has no invoice number"), none.toString());
    }

    @Test
    void aTotalThatDisagreesWithTheCurrentPaymentDueIsRefused() {
        List<String> reasons = refused(VendorBillPlanner.plan(invoice("approved", "INV-1", "1530.46",
                approved().lines()), LINKED, SETTINGS));
        assertEquals(List.of("The bill of subcontractor invoice INV-1 (id 5700000001) would total 1530.45 USD but "
                + "Procore's current payment due is 1530.46 USD."), reasons);
        List<String> unknown = refused(VendorBillPlanner.plan(invoice("approved", "INV-1", null, approved().lines()),
                LINKED, SETTINGS));
        assertTrue(unknown.get(0).contains("no current payment due"), unknown.toString());
    }

    @Test
    void manySmallLinesAddUpExactly() {
        // 0.10 and 0.20 as doubles make 0.30000000000000004; as money they make 0.30, line after line.
        List<SubcontractorInvoice.Line> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lines.add(line(i, 55L, i % 2 == 0 ? "0.10" : "0.20", "0.00", i % 3 == 0 ? "0.01" : "0.00"));
        }
        VendorBillPlan.Bill bill = VendorBillPlanner.plan(invoice("approved", "INV-1", "4.40", lines), LINKED, SETTINGS)
                .orThrow();
        assertEquals(usd("4.40"), bill.total(), "15 x 0.10 + 15 x 0.20 - 10 x 0.01");
        BigDecimal sum = BigDecimal.ZERO;
        for (String sublist : List.of("item", "expense")) {
            for (Map<String, Object> l : sublist(bill.body(), sublist)) {
                sum = sum.add((BigDecimal) l.get("amount"));
            }
        }
        assertEquals(new BigDecimal("4.40"), sum, "the lines NetSuite adds up give the same total");
        assertEquals(new BigDecimal("-0.10"), sublist(bill.body(), "expense").get(0).get("amount"));
    }

    @Test
    void retainageNeedsAConfiguredAccount() {
        List<String> reasons = refused(VendorBillPlanner.plan(approved(), LINKED, new Settings("", Optional.empty())));
        assertEquals(1, reasons.size());
        assertTrue(reasons.get(0).contains("trestle.bills.retainage-account-id"), reasons.get(0));
    }
}
