package dev.trestle.payments;

/**
 * The Procore subcontractor invoice a NetSuite vendor bill was made from (the bill's link), as a
 * commitment payment on it needs it.
 */
public record PaidInvoice(long requisitionId, long commitmentId, String invoiceNumber) {
}
