package dev.trestle.payments;

import dev.trestle.money.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * What one NetSuite vendor payment becomes in Procore: a commitment payment per bill it pays
 * that came from a Procore subcontractor invoice, the applications it leaves out and why, and the
 * commitment payments already in Procore that the payment no longer stands behind (drift, for a
 * person to see: the hub never deletes a payment in Procore).
 */
public record CommitmentPaymentPlan(List<Entry> entries, List<Skipped> skipped, List<Drift> drift) {

    /**
     * One commitment payment ("Payments Issued") on a subcontractor invoice, as Procore's invoice
     * payments sync takes it.
     *
     * @param originId the hub's key of the (payment, bill) pair: a repeat updates the same payment
     */
    public record Entry(String originId, long requisitionId, Money amount, LocalDate date, String checkNumber,
            String invoiceNumber) {
    }

    /** An application the import leaves out, with the reason in words. */
    public record Skipped(String billId, String reason) {
    }

    /** A commitment payment in Procore whose NetSuite payment changed under it. */
    public record Drift(String originId, String change) {
    }

    public CommitmentPaymentPlan {
        entries = List.copyOf(entries);
        skipped = List.copyOf(skipped);
        drift = List.copyOf(drift);
    }
}
