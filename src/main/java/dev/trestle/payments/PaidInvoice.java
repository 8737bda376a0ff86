package dev.trestle.payments;

/**
 * The Procore subcontractor invoice a NetSuite vendor bill was made from (the bill's link), as a
 * commitment payment on it needs it: Procore's invoice payments sync finds the commitment from
 * the invoice.
 *
 * @param invoiceNumber the subcontractor's invoice number (the bill's {@code tranId})
 */
public record PaidInvoice(long requisitionId, String invoiceNumber) {
}
