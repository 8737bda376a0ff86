package dev.trestle.connectors.netsuite;

import dev.trestle.money.Money;

/**
 * What one bill payment applies to one vendor bill, as {@code PreviousTransactionLineLink} shows it from the bill's
 * side ({@code previousdoc} the bill, {@code nextdoc} the payment, {@code foreignamount} the amount). NetSuite keeps
 * no such row for a voided or deleted payment.
 *
 * @param paymentId the payment's internal id
 * @param billId    the bill's internal id
 * @param amount    the amount applied, in the account's currency, exact to the cent
 */
public record NetSuiteBillApplication(String paymentId, String billId, Money amount) {
}
