package dev.trestle.directcosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DirectCostPlannerTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final long PROJECT = 5100000001L;
    private static final long OTHER_PROJECT = 5100000008L;
    private static final Map<String, Long> PROJECTS = Map.of("3001", PROJECT, "3008", OTHER_PROJECT);
    private static final Map<String, Long> VENDORS = Map.of("2001", 5000000001L);
    /** Item 501 is the exported cost code 61001; account 61 maps to 61002 on the first project only. */
    private static final DirectCostPlanner.WbsCodes WBS = new DirectCostPlanner.WbsCodes() {
        public Long forItem(long projectId, String itemId) {
            return "501".equals(itemId) ? 61001L : null;
        }

        public Long forAccount(long projectId, String accountId) {
            return projectId == PROJECT && "61".equals(accountId) ? 61002L : null;
        }
    };

    private static Money usd(String amount) {
        return Money.parse(amount, "USD");
    }

    private static CostDocument bill(String vendor, CostDocument.Line... lines) {
        return new CostDocument(CostDocument.Type.BILL, "4101", "INV-77", DAY, vendor, List.of(lines));
    }

    @Test
    void aBillOnAnExportedProjectIsAnInvoiceDirectCostWithTheLinkedVendorAndEveryLineOnItsWbsCode() {
        DirectCostPlan plan = DirectCostPlanner.plan(bill("2001",
                new CostDocument.Line("1", "501", null, "3001", usd("1250.00"), "Formwork"),
                new CostDocument.Line("2", null, "61", "3001", usd("640.01"), "Rental")), PROJECTS, VENDORS, WBS);

        assertEquals(List.of(), plan.held());
        DirectCostPlan.DirectCost cost = plan.directCosts().get(0);
        assertEquals("netsuite-bill-4101-project-" + PROJECT, cost.originId());
        assertEquals("invoice", cost.type());
        assertEquals("INV-77", cost.invoiceNumber());
        assertEquals(5000000001L, cost.vendorId());
        assertEquals(List.of(
                new DirectCostPlan.CostLine(cost.originId() + "-line-1", 61001L, usd("1250.00"), "Formwork"),
                new DirectCostPlan.CostLine(cost.originId() + "-line-2", 61002L, usd("640.01"), "Rental")), cost.lines());
        assertEquals(usd("1890.01"), cost.total(), "to the cent");
    }

    @Test
    void aLineThatMapsToNothingHoldsItsWholeDirectCostNamingTheLineAndAccountAndOtherProjectsGoAhead() {
        DirectCostPlan plan = DirectCostPlanner.plan(bill("2001",
                new CostDocument.Line("1", "501", null, "3001", usd("100.00"), null),
                new CostDocument.Line("2", null, "63", "3001", usd("80.00"), "Travel"),
                new CostDocument.Line("3", "501", null, "3008", usd("40.00"), null)), PROJECTS, VENDORS, WBS);

        assertEquals(1, plan.held().size());
        DirectCostPlan.Held held = plan.held().get(0);
        assertEquals(PROJECT, held.projectId());
        assertTrue(held.reasons().get(0).contains("line 2 (Travel) on account 63"), held.reasons().toString());
        assertEquals(List.of(OTHER_PROJECT), plan.directCosts().stream().map(DirectCostPlan.DirectCost::projectId).toList(),
                "the other project's lines all map");
        assertEquals(1, plan.directCosts().get(0).lines().size());
    }

    @Test
    void aJournalIsAnExpenseWithoutVendorAndItsCreditsCountAgainstItsDebits() {
        CostDocument journal = new CostDocument(CostDocument.Type.JOURNAL, "4201", "JE-9", DAY, null, List.of(
                new CostDocument.Line("0", null, "61", "3001", usd("1200.00"), "Crane"),
                new CostDocument.Line("1", null, "61", "3001", usd("-200.00"), "Crane refund"),
                new CostDocument.Line("2", null, "20", null, usd("-1000.00"), "Cash")));

        DirectCostPlan plan = DirectCostPlanner.plan(journal, PROJECTS, VENDORS, WBS);

        DirectCostPlan.DirectCost cost = plan.directCosts().get(0);
        assertEquals("expense", cost.type());
        assertEquals(null, cost.vendorId());
        assertEquals(usd("1000.00"), cost.total());
        assertEquals(List.of("Journal JE-9 (4201): 1 line(s) are costed to no exported project and stay in NetSuite."),
                plan.notes());
    }

    @Test
    void aBillOfAVendorLinkedToNoProcoreCompanyIsHeldWithTheReason() {
        DirectCostPlan plan = DirectCostPlanner.plan(bill("2999",
                new CostDocument.Line("1", "501", null, "3001", usd("10.00"), null)), PROJECTS, VENDORS, WBS);

        assertTrue(plan.directCosts().isEmpty());
        assertTrue(plan.held().get(0).reasons().get(0).contains("linked to no Procore company"),
                plan.held().toString());
    }

    @Test
    void aDirectCostThatAddsUpToNothingIsHeld() {
        DirectCostPlan plan = DirectCostPlanner.plan(bill("2001",
                new CostDocument.Line("1", "501", null, "3001", usd("10.00"), null),
                new CostDocument.Line("2", "501", null, "3001", usd("-10.00"), null)), PROJECTS, VENDORS, WBS);

        assertTrue(plan.directCosts().isEmpty());
        assertTrue(plan.held().get(0).reasons().get(0).contains("add up to nothing"), plan.held().toString());
    }
}
