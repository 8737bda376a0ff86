package dev.trestle.bills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.connectors.netsuite.NetSuiteBillApplication;
import dev.trestle.connectors.netsuite.NetSuiteVendorPayment;
import dev.trestle.links.LinkKind;
import dev.trestle.links.LinkMethod;
import dev.trestle.links.RecordLink;
import dev.trestle.money.Money;
import dev.trestle.payments.CommitmentPaymentPlanner;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One bill's payments from NetSuite's applications, its payments and the hub's commitment payment links, and the
 * origin ids those links carry; pure, without Quarkus.
 */
class BillPaymentsAssemblyTest {

    private static final String BILL = "4000002";
    private static final Instant IMPORTED = Instant.parse("2025-12-01T10:10:00Z");

    private static Money usd(String amount) {
        return Money.parse(amount, "USD");
    }

    private static NetSuiteVendorPayment payment(String id, String check, boolean voided) {
        return new NetSuiteVendorPayment(id, check, "77", LocalDate.of(2025, 11, 14), usd(voided ? "0.00" : "100.00"),
                "1", voided, voided ? "V" : null, null, LocalDate.of(2025, 11, 14), List.of());
    }

    private static RecordLink imported(String contractPayment, String payment, String bill) {
        return RecordLink.of(LinkKind.COMMITMENT_PAYMENT, contractPayment, CommitmentPaymentPlanner.originId(payment,
                bill), LinkMethod.EXPORT, "export-worker", IMPORTED);
    }

    @Test
    void everyPaymentOfTheBillNowAndEveryImportedOneNoLongerApplied() {
        List<NetSuiteBillApplication> applications = List.of(
                new NetSuiteBillApplication("4000010", BILL, usd("4000.00")),
                new NetSuiteBillApplication("9", BILL, usd("12.34")),
                new NetSuiteBillApplication("4000010", BILL, usd("0.01")));
        Map<String, NetSuiteVendorPayment> headers = Map.of(
                "9", payment("9", "CHK-9", false),
                "4000010", payment("4000010", "CHK-10", false),
                "4000011", payment("4000011", "CHK-11", true),
                "4000013", payment("4000013", "CHK-13", false));
        List<RecordLink> links = List.of(imported("5900000001", "4000010", BILL),
                imported("5900000002", "4000011", BILL), imported("5900000003", "4000012", BILL),
                imported("5900000004", "4000013", BILL), imported("5900000005", "4000010", "4000099"));

        List<NetSuitePayment> payments = BillPayments.assemble(BILL, applications, headers, links, "USD");

        assertEquals(List.of("9", "4000010", "4000011", "4000012", "4000013"),
                payments.stream().map(NetSuitePayment::id).toList(), "by NetSuite id, as numbers");
        NetSuitePayment notImported = payments.get(0);
        assertEquals(usd("12.34"), notImported.amountApplied());
        assertNull(notImported.commitmentPayment());
        NetSuitePayment live = payments.get(1);
        assertEquals(usd("4000.01"), live.amountApplied(), "two rows of one payment add up");
        assertEquals("CHK-10", live.checkNumber());
        assertEquals(LocalDate.of(2025, 11, 14), live.date());
        assertEquals(new CommitmentPayment("5900000001", "netsuite-payment-4000010-bill-" + BILL, IMPORTED,
                PaymentDrift.NONE), live.commitmentPayment(), "the link of another bill is not this bill's");
        NetSuitePayment voided = payments.get(2);
        assertTrue(voided.voided());
        assertEquals(usd("0.00"), voided.amountApplied());
        assertEquals(PaymentDrift.VOIDED, voided.commitmentPayment().drift());
        NetSuitePayment deleted = payments.get(3);
        assertTrue(deleted.deleted());
        assertNull(deleted.amountApplied());
        assertNull(deleted.checkNumber());
        assertEquals(PaymentDrift.DELETED, deleted.commitmentPayment().drift());
        assertEquals("5900000003", deleted.commitmentPayment().id());
        NetSuitePayment unapplied = payments.get(4);
        assertEquals(usd("0.00"), unapplied.amountApplied());
        assertEquals(PaymentDrift.UNAPPLIED, unapplied.commitmentPayment().drift());
    }

    @Test
    void theSumOfEachBillsApplications() {
        assertEquals(Map.of(BILL, usd("4012.35"), "4000003", usd("1.00")), BillPayments.paid(Map.of(
                BILL, List.of(new NetSuiteBillApplication("1", BILL, usd("4000.01")),
                        new NetSuiteBillApplication("2", BILL, usd("12.34"))),
                "4000003", List.of(new NetSuiteBillApplication("1", "4000003", usd("1.00"))))));
    }

    @Test
    void commitmentPaymentOriginIdsReadBackAsTheirPaymentAndBill() {
        assertEquals(Optional.of(new CommitmentPaymentOrigin("4000010", "4000002")),
                CommitmentPaymentOrigin.parse(CommitmentPaymentPlanner.originId("4000010", "4000002")));
        for (String other : List.of("", "netsuite-payment-1-bill-", "netsuite-payment--bill-2", "ns-pay-1",
                "netsuite-bill-1-project-2", "netsuite-payment-1-bill-2-x", "netsuite-payment-a-bill-2")) {
            assertTrue(CommitmentPaymentOrigin.parse(other).isEmpty(), other);
        }
        assertTrue(CommitmentPaymentOrigin.parse(null).isEmpty());
    }
}
