package dev.trestle.connectors.netsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.money.Money;
import dev.trestle.sandbox.MoneyBackDemoCases;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The NetSuite reads of the bills' side of the way back over real HTTP against the sandbox's money-back demo: what
 * payments apply to given bills, read from the bills' side of the link table, and payment headers by id.
 */
@QuarkusTest
class NetSuiteBillApplicationsReadTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SUITEQL = "/services/rest/query/v1/suiteql";

    @Inject
    NetSuiteTransactions transactions;
    @Inject
    Sandbox sandbox;

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

    @Test
    void theApplicationsToEachBillInOneQueryToTheCent() {
        List<String> bills = cases.procoreBills().stream().map(String::valueOf).toList();
        long before = sandbox.netsuite().requests().count("POST", SUITEQL);

        Map<String, List<NetSuiteBillApplication>> applied = transactions.applicationsToBills(bills).await()
                .atMost(WAIT);

        assertEquals(before + 1, sandbox.netsuite().requests().count("POST", SUITEQL), "three bills, one query");
        assertEquals(List.of(new NetSuiteBillApplication(cases.paymentOverSeveralBills().toString(), bills.get(0),
                usd("22500.00"))), applied.get(bills.get(0)));
        assertEquals(List.of(new NetSuiteBillApplication(cases.paymentOverSeveralBills().toString(), bills.get(1),
                usd("4000.00")), new NetSuiteBillApplication(cases.partialPayment().toString(), bills.get(1),
                usd("5000.00"))), applied.get(bills.get(1)));
        assertEquals(List.of(cases.paymentToVoid().toString(), cases.paymentToDelete().toString()),
                applied.get(bills.get(2)).stream().map(NetSuiteBillApplication::paymentId).toList(),
                "the payment voided before applies nothing");

        sandbox.netsuite().voidPayment(cases.paymentToVoid());
        sandbox.netsuite().records("vendorPayment").remove(cases.paymentToDelete());
        assertFalse(transactions.applicationsToBills(List.of(bills.get(2))).await().atMost(WAIT)
                .containsKey(bills.get(2)), "voided and deleted payments apply nothing");
        assertEquals(Map.of(), transactions.applicationsToBills(List.of(cases.billsNotFromProcore().get(0)
                .toString())).await().atMost(WAIT), "a bill nobody paid");
    }

    @Test
    void manyBillsAreReadAHundredAQuery() {
        List<String> bills = new ArrayList<>();
        for (long id = 1; id <= 250; id++) {
            bills.add(String.valueOf(id));
        }
        bills.add(cases.procoreBills().get(0).toString());
        long before = sandbox.netsuite().requests().count("POST", SUITEQL);

        Map<String, List<NetSuiteBillApplication>> applied = transactions.applicationsToBills(bills).await()
                .atMost(WAIT);

        assertEquals(before + 3, sandbox.netsuite().requests().count("POST", SUITEQL));
        assertEquals(List.of(cases.procoreBills().get(0).toString()), List.copyOf(applied.keySet()));
    }

    @Test
    void paymentHeadersByIdLeaveOutWhatNetSuiteNoLongerHas() {
        sandbox.netsuite().voidPayment(cases.paymentToVoid());
        sandbox.netsuite().records("vendorPayment").remove(cases.paymentToDelete());

        List<NetSuiteVendorPayment> headers = transactions.vendorPaymentHeadersByIds(List.of(
                cases.partialPayment().toString(), cases.paymentToVoid().toString(),
                cases.paymentToDelete().toString())).await().atMost(WAIT);

        assertEquals(List.of(cases.partialPayment().toString(), cases.paymentToVoid().toString()),
                headers.stream().map(NetSuiteVendorPayment::id).toList());
        NetSuiteVendorPayment partial = headers.get(0);
        assertEquals("CHK-5002", partial.tranId());
        assertEquals(LocalDate.of(2025, 11, 28), partial.tranDate());
        assertEquals(usd("5000.00"), partial.total());
        assertFalse(partial.voided());
        assertTrue(partial.applications().isEmpty(), "headers only");
        assertTrue(headers.get(1).voided());
        assertEquals(List.of(), transactions.vendorPaymentHeadersByIds(List.of()).await().atMost(WAIT));
    }

    @Test
    void idsThatAreNotNumbersAreRefusedBeforeAnyRequest() {
        long before = sandbox.netsuite().requests().count();
        for (List<String> ids : List.of(List.of("12", "1 OR 1=1"), List.of("12')"), java.util.Arrays.asList("1",
                null))) {
            TrestleException refused = assertThrows(TrestleException.class,
                    () -> transactions.applicationsToBills(ids).await().atMost(WAIT));
            assertEquals(ErrorCode.INVALID_ARGUMENT, refused.code());
            assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(TrestleException.class,
                    () -> transactions.vendorPaymentHeadersByIds(ids).await().atMost(WAIT)).code());
        }
        assertEquals(before, sandbox.netsuite().requests().count());
    }
}
