package dev.trestle.sandbox.precoro;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One simulated Precoro purchase order. Immutable; the book swaps whole records.
 *
 * @param id         Precoro's global id of the document (what a webhook's {@code id} carries)
 * @param idn        the company's document number, what {@code /purchaseorders/{idn}} and the PO # use
 * @param status     see {@link #STATUS_NAMES}; 2 is approved
 * @param creatorId  the Precoro user who is the PO's purchaser ("User" in the NetSuite field map)
 * @param locationId one of {@link PurchasingReference#LOCATIONS}, or {@code null}
 * @param department option id of the "NetSuite Departments" document custom field, or {@code null}
 * @param classId    option id of the "NetSuite Classes" document custom field, or {@code null}
 * @param approved   when it was approved, {@code null} until then
 */
public record PurchaseOrder(long id, int idn, int status, long supplierId, long creatorId, Long locationId,
        String currency, String note, Long department, Long classId, List<PurchaseOrderLine> lines, String externalId,
        Instant created, Instant updated, Instant approved) {

    public static final int OPEN = 0;
    public static final int PENDING = 1;
    public static final int APPROVED = 2;
    public static final int DENIED = 3;
    public static final int ON_REVISE = 7;
    public static final int CANCELED = 8;
    public static final int CLOSED = 11;

    /**
     * The status codes a PO can have here and their {@code statusString}. Precoro documents only 2 = approved for
     * purchase orders; the others are the document codes of its invoices (the notes' HG mapping) that apply to a
     * PO: open (draft), pending (in approval), denied, on revise, canceled, closed.
     */
    public static final Map<Integer, String> STATUS_NAMES = Map.of(OPEN, "open", PENDING, "pending", APPROVED,
            "approved", DENIED, "denied", ON_REVISE, "on_revise", CANCELED, "canceled", CLOSED, "closed");

    public PurchaseOrder {
        if (!STATUS_NAMES.containsKey(status)) {
            throw new IllegalArgumentException("no Precoro purchase order status " + status);
        }
        lines = List.copyOf(lines);
    }

    /** The PO # as Precoro shows it. */
    public String number() {
        return "PO-" + idn;
    }

    /** The net total: the lines' totals (the sandbox's POs carry no tax, so the gross total is the same). */
    public BigDecimal netSum() {
        return lines.stream().map(PurchaseOrderLine::sum).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public PurchaseOrder withStatus(int newStatus, Instant modified) {
        return new PurchaseOrder(id, idn, newStatus, supplierId, creatorId, locationId, currency, note, department,
                classId, lines, externalId, created, modified, newStatus == APPROVED ? modified : approved);
    }

    public PurchaseOrder withExternalId(String newExternalId, Instant modified) {
        return new PurchaseOrder(id, idn, status, supplierId, creatorId, locationId, currency, note, department,
                classId, lines, newExternalId, created, modified, approved);
    }

    public PurchaseOrder withUpdated(Instant modified) {
        return new PurchaseOrder(id, idn, status, supplierId, creatorId, locationId, currency, note, department,
                classId, lines, externalId, created, modified, approved);
    }
}
