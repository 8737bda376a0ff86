package dev.trestle.payments;

import dev.trestle.money.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans the Procore commitment payments of one NetSuite vendor payment, as the seed has it: a
 * bill payment applied to a bill that came from a Procore subcontractor invoice becomes a
 * commitment payment on that invoice's commitment, for the amount applied to that bill. Pure: no
 * I/O, the same input gives the same plan.
 *
 * <p>Rules:
 * <ul>
 *   <li>One commitment payment per bill the payment is applied to: a payment over several bills
 *       gives several, and partial payments of one bill (several payments) add up in Procore.</li>
 *   <li>Its {@code origin_id} is derived from the payment and the bill, so importing the same payment
 *       again updates its commitment payments instead of adding new ones.</li>
 *   <li>Applications to bills that did not come from Procore are left out, and named.</li>
 *   <li>Amounts are in the Procore company's currency, exact to the cent; a payment in another
 *       currency is left out with the reason (Procore would book it as if it were its own).</li>
 *   <li>A voided payment becomes no commitment payment. If its commitment payments are already in
 *       Procore, each is reported as drift: the hub never deletes money in Procore by itself.
 *       (NetSuite lists no applications for a voided payment: give it those that were imported,
 *       with any amount.)</li>
 * </ul>
 */
public final class CommitmentPaymentPlanner {

    private CommitmentPaymentPlanner() {
    }

    /** The {@code origin_id} of the commitment payment of one (payment, bill) pair. */
    public static String originId(String paymentId, String billId) {
        return "netsuite-payment-" + paymentId + "-bill-" + billId;
    }

    /**
     * @param invoices the Procore invoice of each bill that came from one (by NetSuite bill id)
     * @param currency the Procore company's currency
     * @param imported the origin ids already written to Procore
     */
    public static CommitmentPaymentPlan plan(BillPayment payment, Map<String, PaidInvoice> invoices, String currency,
            Set<String> imported) {
        // NetSuite lists a bill once per payment; should it ever list one twice, the amounts add up.
        Map<String, Money> byBill = new LinkedHashMap<>();
        for (BillPayment.Application application : payment.applications()) {
            byBill.merge(application.billId(), application.amount(), Money::plus);
        }
        List<CommitmentPaymentPlan.Entry> entries = new ArrayList<>();
        List<CommitmentPaymentPlan.Skipped> skipped = new ArrayList<>();
        List<CommitmentPaymentPlan.Drift> drift = new ArrayList<>();
        for (Map.Entry<String, Money> applied : byBill.entrySet()) {
            String billId = applied.getKey();
            String originId = originId(payment.id(), billId);
            PaidInvoice invoice = invoices.get(billId);
            if (invoice == null) {
                skipped.add(new CommitmentPaymentPlan.Skipped(billId,
                        "Bill " + billId + " did not come from a Procore subcontractor invoice."));
            } else if (payment.voided()) {
                if (imported.contains(originId)) {
                    drift.add(new CommitmentPaymentPlan.Drift(originId, "NetSuite payment " + name(payment)
                            + " was voided after its payment of invoice " + invoiceName(invoice)
                            + " was recorded in Procore as a commitment payment; remove or reverse it there."));
                } else {
                    skipped.add(new CommitmentPaymentPlan.Skipped(billId,
                            "NetSuite payment " + name(payment) + " was voided before it was imported."));
                }
            } else if (payment.date() == null) {
                skipped.add(new CommitmentPaymentPlan.Skipped(billId,
                        "NetSuite payment " + name(payment) + " has no date; Procore records a payment with its date."));
            } else if (!applied.getValue().getCurrency().equals(currency)) {
                skipped.add(new CommitmentPaymentPlan.Skipped(billId, "NetSuite payment " + name(payment) + " is in "
                        + applied.getValue().getCurrency() + "; the Procore company books " + currency + "."));
            } else if (applied.getValue().value().signum() <= 0) {
                skipped.add(new CommitmentPaymentPlan.Skipped(billId,
                        "NetSuite payment " + name(payment) + " applies nothing to bill " + billId + "."));
            } else {
                entries.add(new CommitmentPaymentPlan.Entry(originId, invoice.requisitionId(), applied.getValue(),
                        payment.date(), payment.checkNumber(), invoice.invoiceNumber()));
            }
        }
        return new CommitmentPaymentPlan(entries, skipped, drift);
    }

    private static String invoiceName(PaidInvoice invoice) {
        return invoice.invoiceNumber() == null || invoice.invoiceNumber().isBlank()
                ? Long.toString(invoice.requisitionId())
                : invoice.invoiceNumber() + " (" + invoice.requisitionId() + ")";
    }

    private static String name(BillPayment payment) {
        return payment.checkNumber() == null || payment.checkNumber().isBlank()
                ? payment.id() : payment.checkNumber() + " (" + payment.id() + ")";
    }
}
