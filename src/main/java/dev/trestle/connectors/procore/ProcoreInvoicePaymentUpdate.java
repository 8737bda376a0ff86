package dev.trestle.connectors.procore;

import dev.trestle.money.Money;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the invoice payments sync: a payment of a subcontractor invoice, which Procore records as a
 * commitment payment on the invoice's commitment. Procore upserts it by {@code originId}, so sending it again
 * updates the payment instead of adding one. Null optional fields are left out of the request.
 *
 * @param invoiceId     the subcontractor invoice (requisition) paid
 * @param originId      the ERP's key of this payment of this invoice, unique per company
 * @param originCode    the ERP's id people see (e.g. the check number); may be null
 * @param amount        the amount paid on this invoice, positive, in the company's currency
 * @param date          the payment's date
 * @param checkNumber   may be null
 * @param invoiceNumber may be null (Procore then keeps the invoice's own)
 * @param paymentNumber may be null
 * @param notes         may be null
 * @param originData    free text Procore keeps but does not interpret; may be null
 */
public record ProcoreInvoicePaymentUpdate(long invoiceId, String originId, String originCode, Money amount,
        LocalDate date, String checkNumber, String invoiceNumber, String paymentNumber, String notes,
        String originData) {

    /** The one kind of invoice the sync pays: a subcontractor invoice. */
    public static final String INVOICE_TYPE = "Billings::Requisition";

    public ProcoreInvoicePaymentUpdate {
        if (originId == null || originId.isBlank()) {
            throw new IllegalArgumentException("an invoice payment sync entry needs its origin id");
        }
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(date, "date");
    }

    /** The entry as Procore's sync action expects it; the amount as a decimal string, never a float. */
    public Map<String, Object> toWire() {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("invoice_type", INVOICE_TYPE);
        wire.put("invoice_id", invoiceId);
        wire.put("origin_id", originId);
        ProcoreVendorUpdate.put(wire, "origin_code", originCode);
        wire.put("amount", amount.getAmount());
        wire.put("date", date.toString());
        ProcoreVendorUpdate.put(wire, "check_number", checkNumber);
        ProcoreVendorUpdate.put(wire, "invoice_number", invoiceNumber);
        ProcoreVendorUpdate.put(wire, "payment_number", paymentNumber);
        ProcoreVendorUpdate.put(wire, "notes", notes);
        ProcoreVendorUpdate.put(wire, "origin_data", originData);
        return wire;
    }
}
