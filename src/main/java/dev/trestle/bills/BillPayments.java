package dev.trestle.bills;

import dev.trestle.common.Db;
import dev.trestle.connectors.netsuite.NetSuiteBillApplication;
import dev.trestle.connectors.netsuite.NetSuiteConfig;
import dev.trestle.connectors.netsuite.NetSuiteTransactions;
import dev.trestle.connectors.netsuite.NetSuiteVendorPayment;
import dev.trestle.links.LinkKind;
import dev.trestle.links.RecordLink;
import dev.trestle.money.Money;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The NetSuite vendor payments of vendor bills, each with the Procore commitment payment it was imported as, read
 * for many bills at once (a page of the bills connection, a document trail): the hub's {@code COMMITMENT_PAYMENT}
 * links of the bills, then NetSuite's applications to the bills (one SuiteQL query of the link table per 100 bills)
 * and the headers of every payment either names (one query per 100 payments). Never a request per bill.
 *
 * <p>Why the links are read too: NetSuite keeps no application of a voided or deleted payment, so a payment that was
 * imported and then voided or deleted is known only from the hub's link, and is shown as drift.
 */
@ApplicationScoped
public class BillPayments {

    private final NetSuiteTransactions netsuite;
    private final Db db;
    private final String currency;

    BillPayments(NetSuiteTransactions netsuite, Db db, NetSuiteConfig config) {
        this.netsuite = netsuite;
        this.db = db;
        this.currency = config.currency();
    }

    /** The payments of each bill, by NetSuite bill id (every id asked for is a key, with an empty list if none). */
    public Uni<Map<String, List<NetSuitePayment>>> ofBills(Collection<String> billIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(billIds));
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Uni.combine().all().unis(imported(ids), netsuite.applicationsToBills(ids)).asTuple()
                .chain(read -> {
                    Map<String, List<RecordLink>> importedByBill = read.getItem1();
                    Map<String, List<NetSuiteBillApplication>> applications = read.getItem2();
                    Set<String> paymentIds = new LinkedHashSet<>();
                    applications.values().forEach(list -> list.forEach(a -> paymentIds.add(a.paymentId())));
                    importedByBill.values().forEach(list -> list.forEach(link -> CommitmentPaymentOrigin
                            .parse(link.rightId).ifPresent(origin -> paymentIds.add(origin.paymentId()))));
                    return netsuite.vendorPaymentHeadersByIds(paymentIds).map(headers -> {
                        Map<String, NetSuiteVendorPayment> byId = headers.stream()
                                .collect(Collectors.toMap(NetSuiteVendorPayment::id, Function.identity(), (a, b) -> a));
                        Map<String, List<NetSuitePayment>> result = new LinkedHashMap<>();
                        for (String billId : ids) {
                            result.put(billId, assemble(billId, applications.getOrDefault(billId, List.of()), byId,
                                    importedByBill.getOrDefault(billId, List.of()), currency));
                        }
                        return result;
                    });
                });
    }

    /**
     * What NetSuite's payments apply to each bill in all, by bill id (bills nothing applies to are absent): the
     * applications only, one query per 100 bills, for the payment state of many bills.
     */
    public Uni<Map<String, Money>> paidOf(Collection<String> billIds) {
        if (billIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return netsuite.applicationsToBills(billIds).map(BillPayments::paid);
    }

    /** The sum of each bill's applications. */
    static Map<String, Money> paid(Map<String, List<NetSuiteBillApplication>> applications) {
        Map<String, Money> paid = new HashMap<>();
        applications.forEach((bill, list) -> list.forEach(a -> paid.merge(bill, a.amount(), Money::plus)));
        return paid;
    }

    /**
     * One bill's payments, ordered by NetSuite id: every payment that applies to it now, and every imported one that
     * no longer does (voided, deleted, or no longer applied to this bill), each with its commitment payment.
     *
     * @param applications what NetSuite applies to the bill now
     * @param headers      the payments NetSuite has, by id (a payment absent here is gone from NetSuite)
     * @param imported     the bill's current {@code COMMITMENT_PAYMENT} links
     */
    static List<NetSuitePayment> assemble(String billId, List<NetSuiteBillApplication> applications,
            Map<String, NetSuiteVendorPayment> headers, List<RecordLink> imported, String currency) {
        Map<String, RecordLink> importedByPayment = new HashMap<>();
        for (RecordLink link : imported) {
            CommitmentPaymentOrigin.parse(link.rightId).filter(origin -> origin.billId().equals(billId))
                    .ifPresent(origin -> importedByPayment.put(origin.paymentId(), link));
        }
        // NetSuite lists a bill once per payment; should it list one twice, the amounts add up.
        Map<String, Money> applied = new LinkedHashMap<>();
        applications.forEach(a -> applied.merge(a.paymentId(), a.amount(), Money::plus));
        Set<String> paymentIds = new LinkedHashSet<>(applied.keySet());
        paymentIds.addAll(importedByPayment.keySet());
        List<NetSuitePayment> payments = new ArrayList<>();
        for (String paymentId : paymentIds) {
            NetSuiteVendorPayment header = headers.get(paymentId);
            Money amount = applied.get(paymentId);
            RecordLink link = importedByPayment.get(paymentId);
            PaymentDrift drift = header == null ? PaymentDrift.DELETED
                    : header.voided() ? PaymentDrift.VOIDED
                    : amount == null ? PaymentDrift.UNAPPLIED : PaymentDrift.NONE;
            CommitmentPayment commitmentPayment = link == null ? null
                    : new CommitmentPayment(link.leftId, link.rightId, link.linkedAt, drift);
            if (header == null) {
                payments.add(new NetSuitePayment(paymentId, null, null, null, false, true, commitmentPayment));
            } else {
                payments.add(new NetSuitePayment(paymentId, header.tranId(), header.tranDate(),
                        amount == null ? Money.zero(currency) : amount, header.voided(), false, commitmentPayment));
            }
        }
        payments.sort(Comparator.comparing((NetSuitePayment p) -> p.id().length()).thenComparing(NetSuitePayment::id));
        return payments;
    }

    /**
     * The current {@code COMMITMENT_PAYMENT} links of these bills, by bill id: their right id is the origin id,
     * {@code netsuite-payment-<payment>-bill-<bill>}, so the bill is what follows {@code -bill-} (payment ids are digits, so there is one).
     */
    private Uni<Map<String, List<RecordLink>>> imported(List<String> billIds) {
        return db.read(session -> session.createSelectionQuery("""
                from RecordLink l where l.kind = :kind and l.unlinkedAt is null
                and substring(l.rightId, locate('-bill-', l.rightId) + 6) in :bills order by l.id""", RecordLink.class)
                .setParameter("kind", LinkKind.COMMITMENT_PAYMENT)
                .setParameter("bills", billIds)
                .getResultList())
                .map(links -> {
                    Map<String, List<RecordLink>> byBill = new HashMap<>();
                    links.forEach(link -> CommitmentPaymentOrigin.parse(link.rightId).ifPresent(origin ->
                            byBill.computeIfAbsent(origin.billId(), k -> new ArrayList<>()).add(link)));
                    return byBill;
                });
    }
}
