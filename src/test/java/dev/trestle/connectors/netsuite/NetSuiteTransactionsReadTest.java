package dev.trestle.connectors.netsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trestle.connectors.ConfigOverride;
import dev.trestle.connectors.Upstream;
import dev.trestle.connectors.UpstreamCaller;
import dev.trestle.connectors.UpstreamException;
import dev.trestle.connectors.UpstreamSystem;
import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.money.Money;
import dev.trestle.sandbox.Fault;
import dev.trestle.sandbox.MoneyBackDemoCases;
import dev.trestle.sandbox.ProcoreDemoCases;
import dev.trestle.sandbox.RequestLog;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.sandbox.SandboxHarness;
import dev.trestle.sandbox.SandboxSettings;
import dev.trestle.sandbox.netsuite.NetSuiteReferenceData;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The NetSuite reads of the way back (bill payments with the bills they pay, vendor bills and journal entries with
 * their lines) over real HTTP against the sandbox's money-back demo, every figure to the cent.
 */
@QuarkusTest
class NetSuiteTransactionsReadTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SUITEQL = "/services/rest/query/v1/suiteql";
    private static final String JOB = ProcoreDemoCases.LINKED_PROJECT_JOB;
    private static final String VENDOR_A = ProcoreDemoCases.LINKED_VENDOR_A_NETSUITE;

    @Inject
    NetSuiteTransactions transactions;
    @Inject
    Sandbox sandbox;
    @Inject
    NetSuiteConfig config;
    @Inject
    @Upstream(UpstreamSystem.NETSUITE)
    UpstreamCaller caller;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper mapper;

    MoneyBackDemoCases cases;

    @BeforeEach
    void reset() {
        Hub.freshSystems(sandbox);
        sandbox.resetWithMoneyBackDemo();
        sandbox.netsuite().knobs().latency(Duration.ZERO);
        cases = sandbox.moneyBackCases();
    }

    private static Money usd(String amount) {
        return Money.parse(amount, "USD");
    }

    private static Map<String, Money> applied(NetSuiteVendorPayment payment) {
        return payment.applications().stream().collect(Collectors.toMap(NetSuiteVendorPayment.Application::billId,
                NetSuiteVendorPayment.Application::amount));
    }

    private static NetSuiteVendorPayment find(List<NetSuiteVendorPayment> payments, long id) {
        return payments.stream().filter(p -> p.id().equals(String.valueOf(id))).findFirst().orElseThrow();
    }

    private static String id(long id) {
        return String.valueOf(id);
    }

    @Test
    void readsEveryPaymentWithTheAmountAppliedToEachBill() {
        List<NetSuiteVendorPayment> all = transactions.vendorPaymentsModifiedSince(null).await().atMost(WAIT);

        assertEquals(sandbox.netsuite().records("vendorPayment").count(), all.size());
        String bill1 = id(cases.procoreBills().get(0));
        String bill2 = id(cases.procoreBills().get(1));
        String bill3 = id(cases.procoreBills().get(2));

        NetSuiteVendorPayment several = find(all, cases.paymentOverSeveralBills());
        assertEquals("CHK-5001", several.tranId(), "the check number");
        assertEquals(VENDOR_A, several.entityId());
        assertEquals(LocalDate.of(2025, 11, 14), several.tranDate());
        assertFalse(several.voided());
        assertEquals(Map.of(bill1, usd("22500.00"), bill2, usd("4000.00")), applied(several));
        assertEquals(usd("26500.00"), several.total());
        assertEquals("Payment", several.applications().get(0).linkType());

        assertEquals(Map.of(bill2, usd("5000.00")), applied(find(all, cases.partialPayment())));
        assertEquals(Map.of(bill3, usd("3000.00")), applied(find(all, cases.paymentToVoid())));
        assertEquals(Map.of(bill3, usd("2000.00")), applied(find(all, cases.paymentToDelete())));

        NetSuiteVendorPayment voided = find(all, cases.voidedPayment());
        assertTrue(voided.voided());
        assertEquals("V", voided.status());
        assertTrue(voided.applications().isEmpty(), "a voided payment applies to no bill");
    }

    @Test
    void paymentsModifiedSinceAnInstantAreReadToTheSecond() {
        // The demo's payment to delete was last modified on 2025-11-21 at 17:00 UTC, the partial one a week later.
        Instant modified = Instant.parse("2025-11-21T17:00:00Z");
        List<NetSuiteVendorPayment> since = transactions.vendorPaymentsModifiedSince(modified).await().atMost(WAIT);
        assertEquals(List.of(id(cases.paymentToDelete()), id(cases.partialPayment())).stream().sorted().toList(),
                since.stream().map(NetSuiteVendorPayment::id).toList(), "ordered by id");
        List<NetSuiteVendorPayment> after = transactions.vendorPaymentsModifiedSince(modified.plusSeconds(1))
                .await().atMost(WAIT);
        assertEquals(List.of(id(cases.partialPayment())), after.stream().map(NetSuiteVendorPayment::id).toList());

        // Voiding a payment moves its modification time: an incremental read sees it again, applying to nothing.
        Instant before = Instant.now().minusSeconds(2);
        sandbox.netsuite().voidPayment(cases.paymentToVoid());
        List<NetSuiteVendorPayment> changed = transactions.vendorPaymentsModifiedSince(before).await().atMost(WAIT);
        assertEquals(List.of(id(cases.paymentToVoid())), changed.stream().map(NetSuiteVendorPayment::id).toList());
        assertTrue(changed.get(0).voided());
        assertTrue(changed.get(0).applications().isEmpty());
    }

    @Test
    void paymentsByIdsLeaveOutTheDeletedOnes() {
        assertTrue(sandbox.netsuite().records("vendorPayment").remove(cases.paymentToDelete()));

        List<NetSuiteVendorPayment> found = transactions.vendorPaymentsByIds(List.of(id(cases.partialPayment()),
                id(cases.paymentToDelete()), id(cases.paymentOverSeveralBills()), "99999999")).await().atMost(WAIT);

        assertEquals(List.of(id(cases.paymentOverSeveralBills()), id(cases.partialPayment())).stream().sorted()
                .toList(), found.stream().map(NetSuiteVendorPayment::id).toList());
        assertEquals(2, find(found, cases.paymentOverSeveralBills()).applications().size());

        long before = sandbox.netsuite().requests().count("POST", SUITEQL);
        TrestleException bad = assertThrows(TrestleException.class, () -> transactions.vendorPaymentsByIds(
                List.of("7001) OR (1=1")).await().atMost(WAIT));
        assertEquals(ErrorCode.INVALID_ARGUMENT, bad.code());
        assertFalse(bad.getMessage().contains("1=1"), "the value is never repeated");
        assertEquals(before, sandbox.netsuite().requests().count("POST", SUITEQL), "nothing reaches NetSuite");
    }

    @Test
    void billsEnteredInNetSuiteAreReadWithTheirLines() {
        // The bills entered in NetSuite were last modified from 2025-11-21 on; the exported ones before.
        List<NetSuiteVendorBillWithLines> bills = transactions
                .vendorBillsModifiedSince(Instant.parse("2025-11-21T00:00:00Z")).await().atMost(WAIT);
        assertEquals(List.of(id(cases.billsNotFromProcore().get(0)), id(cases.billsNotFromProcore().get(1)),
                id(cases.billOnOtherProject())), bills.stream().map(b -> b.bill().id()).toList());

        NetSuiteVendorBillWithLines mapped = bills.get(0);
        assertEquals("ACME-EQ-311", mapped.bill().tranId());
        assertNull(mapped.bill().externalId(), "entered in NetSuite, not from Procore");
        assertEquals(VENDOR_A, mapped.bill().entityId());
        assertEquals(usd("1890.00"), mapped.bill().total());
        assertEquals(LocalDate.of(2025, 11, 20), mapped.bill().tranDate());
        assertEquals("Entered in NetSuite", mapped.memo());
        assertFalse(mapped.voided());

        assertEquals(3, mapped.lines().size());
        NetSuiteTransactionLine main = mapped.lines().get(0);
        assertTrue(main.mainLine());
        assertEquals(usd("-1890.00"), main.amount());
        assertEquals(NetSuiteReferenceData.AP_ACCOUNT_ID, main.accountId());

        List<NetSuiteTransactionLine> costs = mapped.costLines();
        assertEquals(2, costs.size());
        NetSuiteTransactionLine item = costs.get(0);
        JsonObject heldItem = sandbox.netsuite().records("vendorBill").get(cases.billsNotFromProcore().get(0))
                .orElseThrow().fields().getJsonObject("item").getJsonArray("items").getJsonObject(0);
        assertEquals(String.valueOf(heldItem.getJsonObject("item").getValue("id")), item.itemId());
        assertEquals(JOB, item.entityId(), "the project is the line's customer");
        assertEquals(usd("1250.00"), item.amount());
        assertEquals(usd("1250.00"), item.debit());
        assertEquals("Rebar chairs and ties", item.memo());
        NetSuiteTransactionLine expense = costs.get(1);
        assertNull(expense.itemId());
        assertEquals(NetSuiteReferenceData.EQUIPMENT_RENTAL_ACCOUNT_ID, expense.accountId());
        assertEquals(JOB, expense.entityId());
        assertEquals(usd("640.00"), expense.amount());
        assertEquals("Scissor lift, one week", expense.memo());

        NetSuiteVendorBillWithLines unmapped = bills.get(1);
        assertEquals(List.of(NetSuiteReferenceData.SMALL_TOOLS_ACCOUNT_ID, NetSuiteReferenceData.TRAVEL_ACCOUNT_ID),
                unmapped.costLines().stream().map(NetSuiteTransactionLine::accountId).toList());
        assertEquals(List.of(usd("212.35"), usd("96.40")),
                unmapped.costLines().stream().map(NetSuiteTransactionLine::amount).toList());

        List<NetSuiteVendorBillWithLines> all = transactions.vendorBillsModifiedSince(null).await().atMost(WAIT);
        assertEquals(sandbox.netsuite().records("vendorBill").count(), all.size());
        NetSuiteVendorBillWithLines exported = all.stream()
                .filter(b -> b.bill().id().equals(id(cases.procoreBills().get(0)))).findFirst().orElseThrow();
        assertEquals("procore-requisition-" + cases.exportedInvoices().get(0), exported.bill().externalId());
        Money sum = exported.costLines().stream().map(NetSuiteTransactionLine::amount)
                .reduce(Money.zero("USD"), Money::plus);
        assertEquals(exported.bill().total(), sum, "the lines add up to the total, to the cent");
    }

    @Test
    void journalEntriesAreReadWithDebitsCreditsAndTheProjectOfEachLine() {
        List<NetSuiteJournalEntry> journals = transactions.journalEntriesModifiedSince(null).await().atMost(WAIT);
        assertEquals(List.of(id(cases.journals().get(0)), id(cases.journals().get(1))),
                journals.stream().map(NetSuiteJournalEntry::id).toList());

        NetSuiteJournalEntry first = journals.get(0);
        assertEquals("JE-1101", first.tranId());
        assertEquals(LocalDate.of(2025, 11, 30), first.tranDate());
        assertEquals("Equipment and tools allocation", first.memo());
        assertEquals(3, first.lines().size());
        NetSuiteTransactionLine crane = first.lines().get(0);
        assertFalse(crane.mainLine());
        assertEquals(NetSuiteReferenceData.EQUIPMENT_RENTAL_ACCOUNT_ID, crane.accountId());
        assertEquals(JOB, crane.entityId(), "the project is the line's entity");
        assertEquals(usd("1200.00"), crane.debit());
        assertNull(crane.credit());
        assertEquals(usd("1200.00"), crane.amount());
        assertEquals("Crane allocation, November", crane.memo());
        assertEquals(usd("310.45"), first.lines().get(1).debit());
        NetSuiteTransactionLine accrual = first.lines().get(2);
        assertEquals(usd("1510.45"), accrual.credit());
        assertEquals(usd("-1510.45"), accrual.amount());
        assertNull(accrual.entityId());

        assertEquals(VENDOR_A, journals.get(1).lines().get(2).entityId(), "a line's entity may be a vendor");
        // Both were last modified on 2025-11-30 at 18:00 UTC.
        assertEquals(2, transactions.journalEntriesModifiedSince(Instant.parse("2025-11-30T18:00:00Z")).await()
                .atMost(WAIT).size());
        assertTrue(transactions.journalEntriesModifiedSince(Instant.parse("2025-11-30T18:00:01Z")).await()
                .atMost(WAIT).isEmpty());
    }

    @Test
    void pagedReadsGiveTheSameAnswers() {
        NetSuiteConfig paged = ConfigOverride.of(NetSuiteConfig.class, config).with("pageSize", 1).build();
        NetSuiteTransactions small = new NetSuiteTransactions(paged, caller, clock, mapper);

        assertEquals(transactions.vendorPaymentsModifiedSince(null).await().atMost(WAIT),
                small.vendorPaymentsModifiedSince(null).await().atMost(WAIT));
        assertEquals(transactions.vendorBillsModifiedSince(null).await().atMost(WAIT),
                small.vendorBillsModifiedSince(null).await().atMost(WAIT));
        assertEquals(transactions.journalEntriesModifiedSince(null).await().atMost(WAIT),
                small.journalEntriesModifiedSince(null).await().atMost(WAIT));
    }

    @Test
    void thousandsOfPaymentsAreReadWithTheirBillsInAFewQueriesSideBySide() {
        int generated = 2500;
        Duration latency = Duration.ofMillis(300);
        try (SandboxHarness many = new SandboxHarness(SandboxSettings.defaults().toBuilder()
                .netsuiteGeneratedBillPayments(generated).netsuiteLatency(latency).build())) {
            NetSuiteConfig there = ConfigOverride.of(NetSuiteConfig.class, config)
                    .with("baseUrl", many.base + "/netsuite").build();
            NetSuiteTransactions reader = new NetSuiteTransactions(there, caller, clock, mapper);
            // Once to warm up a fresh sandbox (a cold first answer may pass the tests' 1 s read timeout and be
            // retried), then counted.
            reader.vendorPaymentsModifiedSince(null).await().atMost(WAIT);
            many.sandbox.netsuite().requests().clear();
            List<NetSuiteVendorPayment> all = reader.vendorPaymentsModifiedSince(null).await().atMost(WAIT);

            assertEquals(generated, all.size());
            assertTrue(all.stream().allMatch(p -> p.applications().size() == 1), "each pays one bill");
            assertEquals(generated, all.stream().map(p -> p.applications().get(0).billId()).distinct().count());
            // Three pages of 1,000 payments, and their bills 1,000 payments a query (25 queries of 100 before).
            List<RequestLog.LoggedRequest> requests = many.sandbox.netsuite().requests().all();
            assertEquals(3 + 3, requests.size(), requests.toString());
            // The applications queries went together, not one after another's answer.
            Duration spread = Duration.between(requests.get(3).time(), requests.get(5).time());
            assertTrue(spread.compareTo(latency) < 0, "applications queries " + spread + " apart");
        }
    }

    @Test
    void aMalformedAnswerFailsAsMalformed() {
        sandbox.netsuite().knobs().failNext(10, Fault.MALFORMED_BODY);
        UpstreamException e = assertThrows(UpstreamException.class,
                () -> transactions.vendorPaymentsModifiedSince(null).await().atMost(WAIT));
        assertEquals(ErrorCode.UPSTREAM_MALFORMED_RESPONSE, e.code());
        assertEquals(1 + config.retry().malformedRetries(), sandbox.netsuite().requests().count());
    }
}
