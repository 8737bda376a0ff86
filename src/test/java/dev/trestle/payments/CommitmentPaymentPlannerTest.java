package dev.trestle.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommitmentPaymentPlannerTest {

    private static final LocalDate PAID = LocalDate.of(2026, 11, 30);
    private static final Map<String, PaidInvoice> FROM_PROCORE = Map.of(
            "4001", new PaidInvoice(5700000001L, "INV-1001"),
            "4002", new PaidInvoice(5700000002L, "INV-1002"));

    private static Money usd(String amount) {
        return Money.parse(amount, "USD");
    }

    private static BillPayment payment(String id, boolean voided, BillPayment.Application... applications) {
        return new BillPayment(id, "CHK-" + id, PAID, voided, List.of(applications));
    }

    @Test
    void onePaymentOverSeveralBillsIsOneCommitmentPaymentPerBillForTheAmountAppliedToIt() {
        CommitmentPaymentPlan plan = CommitmentPaymentPlanner.plan(payment("7001", false,
                new BillPayment.Application("4001", usd("12500.10")),
                new BillPayment.Application("4002", usd("0.05"))), FROM_PROCORE, "USD", Set.of());

        assertEquals(List.of(
                new CommitmentPaymentPlan.Entry("netsuite-payment-7001-bill-4001", 5700000001L, usd("12500.10"),
                        PAID, "CHK-7001", "INV-1001"),
                new CommitmentPaymentPlan.Entry("netsuite-payment-7001-bill-4002", 5700000002L, usd("0.05"),
                        PAID, "CHK-7001", "INV-1002")), plan.entries());
        assertTrue(plan.skipped().isEmpty() && plan.drift().isEmpty());
    }

    @Test
    void partialPaymentsOfOneBillAreCommitmentPaymentsOfTheirOwnAndARepeatKeepsItsOriginId() {
        String first = CommitmentPaymentPlanner.plan(payment("7001", false,
                new BillPayment.Application("4001", usd("100.00"))), FROM_PROCORE, "USD", Set.of())
                .entries().get(0).originId();
        String second = CommitmentPaymentPlanner.plan(payment("7002", false,
                new BillPayment.Application("4001", usd("50.00"))), FROM_PROCORE, "USD", Set.of())
                .entries().get(0).originId();
        String again = CommitmentPaymentPlanner.plan(payment("7001", false,
                new BillPayment.Application("4001", usd("100.00"))), FROM_PROCORE, "USD", Set.of(first))
                .entries().get(0).originId();

        assertTrue(!first.equals(second), "two payments, two commitment payments that add up");
        assertEquals(first, again, "imported again, the same commitment payment is updated");
    }

    @Test
    void billsThatDidNotComeFromProcoreAndOtherCurrenciesAreLeftOutAndNamed() {
        CommitmentPaymentPlan plan = CommitmentPaymentPlanner.plan(payment("7003", false,
                new BillPayment.Application("4001", Money.parse("10.00", "CAD")),
                new BillPayment.Application("4999", usd("10.00"))), FROM_PROCORE, "USD", Set.of());

        assertTrue(plan.entries().isEmpty());
        assertEquals(List.of(
                new CommitmentPaymentPlan.Skipped("4001",
                        "NetSuite payment CHK-7003 (7003) is in CAD; the Procore company books USD."),
                new CommitmentPaymentPlan.Skipped("4999", "Bill 4999 did not come from a Procore subcontractor invoice.")),
                plan.skipped());
    }

    @Test
    void aVoidedPaymentIsDriftWhereItWasImportedAndNothingWhereItWasNot() {
        String imported = CommitmentPaymentPlanner.originId("7004", "4001");
        CommitmentPaymentPlan plan = CommitmentPaymentPlanner.plan(payment("7004", true,
                new BillPayment.Application("4001", usd("300.00")),
                new BillPayment.Application("4002", usd("20.00"))), FROM_PROCORE, "USD", Set.of(imported));

        assertTrue(plan.entries().isEmpty(), "the hub never deletes nor zeroes a payment in Procore by itself");
        assertEquals(1, plan.drift().size());
        assertEquals(imported, plan.drift().get(0).originId());
        assertTrue(plan.drift().get(0).change().contains("voided") && plan.drift().get(0).change().contains("INV-1001"),
                plan.drift().get(0).change());
        assertEquals(List.of(new CommitmentPaymentPlan.Skipped("4002",
                "NetSuite payment CHK-7004 (7004) was voided before it was imported.")), plan.skipped());
    }

    @Test
    void twoApplicationsToOneBillAddUpToTheCent() {
        CommitmentPaymentPlan plan = CommitmentPaymentPlanner.plan(payment("7005", false,
                new BillPayment.Application("4001", usd("0.10")),
                new BillPayment.Application("4001", usd("0.20"))), FROM_PROCORE, "USD", Set.of());
        assertEquals(List.of(usd("0.30")), plan.entries().stream().map(CommitmentPaymentPlan.Entry::amount).toList());
    }
}
