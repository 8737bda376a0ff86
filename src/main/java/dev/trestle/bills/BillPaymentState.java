package dev.trestle.bills;

import dev.trestle.money.Money;
import org.eclipse.microprofile.graphql.Description;

/**
 * How much of a NetSuite vendor bill its payments cover: what NetSuite applied to it (its payments' applications,
 * voided and deleted payments applying nothing) against its total.
 */
@Description("How much of the NetSuite vendor bill is paid: the amounts NetSuite's payments apply to it (voided or "
        + "deleted payments apply nothing) against the bill's total. Only bills with a NetSuite vendor bill have one.")
public enum BillPaymentState {
    @Description("No payment applies anything to the bill: its whole total is still owed.")
    UNPAID,
    @Description("Payments apply part of the total: some of it is paid, some still owed.")
    PARTIALLY_PAID,
    @Description("Payments apply the whole total (or more): nothing remains owed.")
    PAID;

    /**
     * The state of a bill of {@code total} that payments applied {@code paid} to; null when the total is unknown
     * (NetSuite sent none), since then nobody can say what remains.
     *
     * @param paid the sum of the applications; null or zero when none
     */
    public static BillPaymentState of(Money total, Money paid) {
        if (total == null) {
            return null;
        }
        Money applied = paid == null ? Money.zero(total.getCurrency()) : paid;
        if (total.minus(applied).value().signum() <= 0) {
            return PAID;
        }
        return applied.value().signum() <= 0 ? UNPAID : PARTIALLY_PAID;
    }
}
