package dev.trestle.connectors.procore;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of a project's direct costs sync: a direct cost's header (its lines go through the line items sync).
 * Procore upserts it by {@code originId}. Null optional fields are left out of the request, so they keep their
 * value in Procore.
 *
 * @param originId      the ERP's key of the document (bill or journal), unique per company
 * @param type          {@code invoice}, {@code expense} or {@code payroll}
 * @param date          the direct cost's date
 * @param invoiceNumber may be null
 * @param vendorId      a Procore vendor of the company; may be null
 * @param status        {@code draft}, {@code pending}, {@code revise_and_resubmit} or {@code approved}; null leaves
 *                      Procore's (a new one is {@code draft})
 * @param description   may be null
 * @param paymentDate   may be null
 * @param receivedDate  may be null
 * @param terms         may be null
 * @param originData    free text Procore keeps but does not interpret; may be null
 */
public record ProcoreDirectCostUpdate(String originId, String type, LocalDate date, String invoiceNumber,
        Long vendorId, String status, String description, LocalDate paymentDate, LocalDate receivedDate,
        String terms, String originData) {

    /** The direct cost types Procore knows. */
    public static final Set<String> TYPES = Set.of("invoice", "expense", "payroll");

    public ProcoreDirectCostUpdate {
        if (originId == null || originId.isBlank()) {
            throw new IllegalArgumentException("a direct cost sync entry needs its origin id");
        }
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("a direct cost is an invoice, an expense or payroll, not " + type);
        }
        Objects.requireNonNull(date, "date");
    }

    /** The entry as Procore's sync action expects it. */
    public Map<String, Object> toWire() {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("origin_id", originId);
        wire.put("direct_cost_type", type);
        wire.put("direct_cost_date", date.toString());
        ProcoreVendorUpdate.put(wire, "invoice_number", invoiceNumber);
        ProcoreVendorUpdate.put(wire, "vendor_id", vendorId);
        ProcoreVendorUpdate.put(wire, "status", status);
        ProcoreVendorUpdate.put(wire, "description", description);
        ProcoreVendorUpdate.put(wire, "payment_date", paymentDate == null ? null : paymentDate.toString());
        ProcoreVendorUpdate.put(wire, "received_date", receivedDate == null ? null : receivedDate.toString());
        ProcoreVendorUpdate.put(wire, "terms", terms);
        ProcoreVendorUpdate.put(wire, "origin_data", originData);
        return wire;
    }
}
