package dev.trestle.connectors.procore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.connectors.UpstreamException;
import dev.trestle.errors.ErrorCode;
import dev.trestle.money.Money;
import dev.trestle.sandbox.Fault;
import dev.trestle.sandbox.MoneyBackDemoCases;
import dev.trestle.sandbox.ProcoreDemoCases;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Procore side of the way back over real HTTP against the sandbox's money-back demo: invoice payments become
 * commitment payments, direct costs and their lines are synced and read back, the company's country is read, and
 * a sync that Procore takes only in part answers with each entry's outcome.
 */
@QuarkusTest
class ProcoreMoneyBackConnectorTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long PROJECT = ProcoreDemoCases.LINKED_PROJECT;
    private static final String PAYMENTS_SYNC = "/rest/v1.0/companies/" + ProcoreDemoCases.COMPANY_ID
            + "/invoice_payments/sync";

    @Inject
    ProcoreConnector connector;
    @Inject
    Sandbox sandbox;
    @Inject
    ProcoreConfig config;

    MoneyBackDemoCases cases;

    @BeforeEach
    void reset() {
        Hub.freshSystems(sandbox);
        sandbox.resetWithMoneyBackDemo();
        cases = sandbox.moneyBackCases();
    }

    private static Money usd(String amount) {
        return Money.parse(amount, "USD");
    }

    private static ProcoreInvoicePaymentUpdate payment(long invoice, String origin, String amount, String check) {
        return new ProcoreInvoicePaymentUpdate(invoice, origin, check, usd(amount), LocalDate.of(2025, 11, 14), check,
                null, null, "Paid in NetSuite", null);
    }

    private long wbsCode(String flatCode) {
        return connector.wbsCodes(PROJECT).await().atMost(WAIT).stream().filter(w -> flatCode.equals(w.flatCode()))
                .findFirst().orElseThrow().id();
    }

    @Test
    void readsTheCompanysCountry() {
        assertEquals("US", connector.companyCountry().await().atMost(WAIT));
        sandbox.procore().companyCountry("CA");
        assertEquals("CA", connector.companyCountry().await().atMost(WAIT));
    }

    @Test
    void invoicePaymentsBecomeCommitmentPaymentsOncePerOriginId() {
        long invoice1 = cases.exportedInvoices().get(0);
        long invoice2 = cases.exportedInvoices().get(1);
        long commitment = cases.commitments().get(0);
        String origin1 = "ns-pay-" + cases.paymentOverSeveralBills() + "-bill-" + cases.procoreBills().get(0);
        String origin2 = "ns-pay-" + cases.paymentOverSeveralBills() + "-bill-" + cases.procoreBills().get(1);

        ProcoreSyncResult result = connector.syncInvoicePayments(List.of(payment(invoice1, origin1, "22500.00",
                "CHK-5001"), payment(invoice2, origin2, "4000.00", "CHK-5001"))).await().atMost(WAIT);
        assertEquals(Set.of(origin1, origin2), result.syncedByOrigin().keySet());
        assertTrue(result.rejectedByOrigin().isEmpty(), result.toString());

        List<ProcoreContractPayment> payments = connector.contractPayments(PROJECT, commitment, null).await()
                .atMost(WAIT);
        assertEquals(sandbox.procore().contractPayments().matching(p -> p.contractId() == commitment).size(),
                payments.size());
        ProcoreContractPayment first = payments.stream().filter(p -> origin1.equals(p.originId())).findFirst()
                .orElseThrow();
        assertEquals(result.syncedByOrigin().get(origin1), first.id());
        assertEquals(commitment, first.contractId());
        assertEquals(invoice1, first.requisitionId());
        assertEquals(ProcoreInvoicePaymentUpdate.INVOICE_TYPE, first.invoiceType());
        assertEquals(usd("22500.00"), first.amount());
        assertEquals(LocalDate.of(2025, 11, 14), first.date());
        assertEquals("CHK-5001", first.checkNumber());
        assertEquals("CHK-5001", first.originCode());
        assertEquals("INV-9001", first.invoiceNumber(), "Procore keeps the invoice's number");
        assertEquals("Paid in NetSuite", first.notes());

        // A repeat with another amount updates the payment; it never adds one.
        ProcoreSyncResult again = connector.syncInvoicePayments(List.of(payment(invoice1, origin1, "22499.99",
                "CHK-5001"))).await().atMost(WAIT);
        assertEquals(first.id(), again.syncedByOrigin().get(origin1));
        List<ProcoreContractPayment> byOrigin = connector.contractPayments(PROJECT, commitment, origin1).await()
                .atMost(WAIT);
        assertEquals(1, byOrigin.size());
        assertEquals(usd("22499.99"), byOrigin.get(0).amount());
        assertEquals(payments.size(), connector.contractPayments(PROJECT, commitment, null).await().atMost(WAIT)
                .size());
    }

    @Test
    void aPartlyRefusedPaymentsSyncAnswersEachEntrysOutcome() {
        long invoice = cases.exportedInvoices().get(2);
        ProcoreSyncResult result = connector.syncInvoicePayments(List.of(
                payment(invoice, "ns-pay-good", "3000.00", "CHK-5003"),
                payment(1L, "ns-pay-no-invoice", "10.00", "CHK-1"),
                payment(invoice, "ns-pay-zero", "0.00", "CHK-2"))).await().atMost(WAIT);

        assertEquals(Set.of("ns-pay-good"), result.syncedByOrigin().keySet());
        assertEquals(Map.of("ns-pay-no-invoice", "invoice_id: not found", "ns-pay-zero",
                "amount: must be greater than 0"), result.rejectedByOrigin());
        assertEquals(1, sandbox.procore().contractPayments().matching(p -> p.originId() != null
                && p.originId().startsWith("ns-pay-")).size(), "only the good entry was written");
    }

    @Test
    void directCostsAndTheirLinesAreSyncedAndReadBack() {
        long rental = wbsCode("01-100.E");
        long tools = wbsCode("01-100.M");
        String bill = "ns-bill-" + cases.billsNotFromProcore().get(0);
        String journal = "ns-journal-" + cases.journals().get(0);

        ProcoreSyncResult costs = connector.syncDirectCosts(PROJECT, List.of(
                new ProcoreDirectCostUpdate(bill, "invoice", LocalDate.of(2025, 11, 20), "ACME-EQ-311",
                        ProcoreDemoCases.LINKED_VENDOR_A, "approved", "Entered in NetSuite", null, null, null, null),
                new ProcoreDirectCostUpdate(journal, "expense", LocalDate.of(2025, 11, 30), null, null, "approved",
                        "Equipment and tools allocation", null, null, null, null),
                new ProcoreDirectCostUpdate("ns-bill-bad-vendor", "invoice", LocalDate.of(2025, 11, 20), "X-1",
                        1L, null, null, null, null, null, null))).await().atMost(WAIT);
        assertEquals(Set.of(bill, journal), costs.syncedByOrigin().keySet());
        assertEquals(Map.of("ns-bill-bad-vendor", "vendor_id: is not a vendor of this company"),
                costs.rejectedByOrigin());
        long billCost = costs.syncedByOrigin().get(bill);
        long journalCost = costs.syncedByOrigin().get(journal);

        ProcoreSyncResult lines = connector.syncDirectCostLines(PROJECT, List.of(
                ProcoreDirectCostLineUpdate.onWbsCode(bill + "-line-1", billCost, usd("640.00"),
                        "Scissor lift, one week", rental),
                ProcoreDirectCostLineUpdate.onWbsCode(journal + "-line-0", journalCost, usd("1200.00"),
                        "Crane allocation, November", rental),
                ProcoreDirectCostLineUpdate.onWbsCode(journal + "-line-1", journalCost, usd("310.45"),
                        "Small tools, November", tools),
                ProcoreDirectCostLineUpdate.onWbsCode(journal + "-line-x", journalCost, usd("1.00"), "Nowhere", 1L)))
                .await().atMost(WAIT);
        assertEquals(Set.of(bill + "-line-1", journal + "-line-0", journal + "-line-1"),
                lines.syncedByOrigin().keySet());
        assertEquals(Map.of(journal + "-line-x", "wbs_code_id: is not a WBS code of this project"),
                lines.rejectedByOrigin());

        List<ProcoreDirectCost> all = connector.directCosts(PROJECT, null).await().atMost(WAIT);
        assertEquals(sandbox.procore().directCosts().matching(c -> c.projectId() == PROJECT).size(), all.size());
        ProcoreDirectCost expense = connector.directCosts(PROJECT, journal).await().atMost(WAIT).get(0);
        assertEquals(journalCost, expense.id());
        assertEquals("expense", expense.type());
        assertEquals(LocalDate.of(2025, 11, 30), expense.date());
        assertEquals("approved", expense.status());
        assertNull(expense.vendorId());
        assertEquals(usd("1510.45"), expense.grandTotal(), "the sum of its lines, to the cent");
        assertEquals(journal, expense.originId());
        ProcoreDirectCost invoice = connector.directCosts(PROJECT, bill).await().atMost(WAIT).get(0);
        assertEquals("invoice", invoice.type());
        assertEquals("ACME-EQ-311", invoice.invoiceNumber());
        assertEquals(ProcoreDemoCases.LINKED_VENDOR_A, invoice.vendorId());
        assertEquals(usd("640.00"), invoice.grandTotal());

        // A repeat updates by origin id: the same direct cost, its line changed, nothing added.
        ProcoreSyncResult repeat = connector.syncDirectCostLines(PROJECT, List.of(ProcoreDirectCostLineUpdate
                .onWbsCode(bill + "-line-1", billCost, usd("650.10"), "Scissor lift, one week", rental)))
                .await().atMost(WAIT);
        assertEquals(lines.syncedByOrigin().get(bill + "-line-1"), repeat.syncedByOrigin().get(bill + "-line-1"));
        assertEquals(usd("650.10"), connector.directCosts(PROJECT, bill).await().atMost(WAIT).get(0).grandTotal());
        assertEquals(all.size(), connector.directCosts(PROJECT, null).await().atMost(WAIT).size());
    }

    @Test
    void syncsRefuseWhatProcoreCannotTakeBeforeAnyRequest() {
        long before = sandbox.procore().requests().count();
        long invoice = cases.exportedInvoices().get(0);
        assertThrows(IllegalArgumentException.class, () -> connector.syncInvoicePayments(List.of(
                new ProcoreInvoicePaymentUpdate(invoice, "ns-pay-eur", null, Money.parse("10.00", "EUR"),
                        LocalDate.of(2025, 11, 14), null, null, null, null, null))));
        assertThrows(IllegalArgumentException.class, () -> connector.syncInvoicePayments(List.of(
                payment(invoice, "ns-pay-twice", "1.00", "C"), payment(invoice, "ns-pay-twice", "2.00", "C"))));
        List<ProcoreInvoicePaymentUpdate> tooMany = new ArrayList<>();
        for (int i = 0; i <= ProcoreConnector.MAX_SYNC_ENTRIES; i++) {
            tooMany.add(payment(invoice, "ns-pay-" + i, "1.00", "C"));
        }
        assertThrows(IllegalArgumentException.class, () -> connector.syncInvoicePayments(tooMany));
        assertThrows(IllegalArgumentException.class, () -> connector.syncDirectCosts(PROJECT, List.of()));
        assertEquals(before, sandbox.procore().requests().count(), "nothing reached Procore");
    }

    @Test
    void malformedAnswersFailAsMalformed() {
        long commitment = cases.commitments().get(0);
        connector.companyCountry().await().atMost(WAIT); // the token is in hand, so the faults hit the calls below
        sandbox.procore().knobs().failNext(10, Fault.MALFORMED_BODY);
        UpstreamException read = assertThrows(UpstreamException.class,
                () -> connector.contractPayments(PROJECT, commitment, null).await().atMost(WAIT));
        assertEquals(ErrorCode.UPSTREAM_MALFORMED_RESPONSE, read.code());

        long before = sandbox.procore().requests().count("PATCH", PAYMENTS_SYNC);
        UpstreamException sync = assertThrows(UpstreamException.class, () -> connector.syncInvoicePayments(List.of(
                payment(cases.exportedInvoices().get(0), "ns-pay-m", "1.00", "C"))).await().atMost(WAIT));
        assertEquals(ErrorCode.UPSTREAM_MALFORMED_RESPONSE, sync.code());
        assertEquals(1 + config.retry().malformedRetries(),
                sandbox.procore().requests().count("PATCH", PAYMENTS_SYNC) - before,
                "repeated like any malformed answer: the upsert by origin id makes that harmless");
        assertEquals(1, sandbox.procore().contractPayments().matching(p -> "ns-pay-m".equals(p.originId())).size());
    }
}
