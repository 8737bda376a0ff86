package dev.trestle.sandbox.procore;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A commitment on a project: a subcontract ({@code work_order_contract}) or a purchase order
 * ({@code purchase_order_contract}) with a vendor, and its schedule of values. Immutable.
 *
 * @param kind             {@link #WORK_ORDER} or {@link #PURCHASE_ORDER}
 * @param status           one of {@link #STATUSES}
 * @param retainagePercent the default retainage withheld from each invoice, e.g. {@code 10.0}
 * @param lines            the schedule of values
 */
public record ProcoreCommitment(long id, long projectId, String kind, String number, String title, String status,
        boolean executed, long vendorId, BigDecimal retainagePercent, LocalDate contractDate, String originId,
        String originCode, String originData, List<Line> lines, Instant createdAt, Instant updatedAt)
        implements OriginIndexedStore.Entry {

    public static final String WORK_ORDER = "work_order_contract";
    public static final String PURCHASE_ORDER = "purchase_order_contract";
    /** Procore's commitment statuses, spelled as the API sends them. */
    public static final List<String> STATUSES = List.of("Draft", "Out For Bid", "Out For Signature", "Approved",
            "Complete", "Terminated", "Void");

    /** One schedule-of-values line: what it is for (cost code, WBS code) and its amount. */
    public record Line(long id, String description, long costCodeId, long wbsCodeId, BigDecimal amount) {
    }

    /** The sum of the schedule of values. */
    public BigDecimal grandTotal() {
        return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The class name Procore gives the commitment in a requisition's {@code commitment_type}. */
    public String typeName() {
        return kind.equals(WORK_ORDER) ? "WorkOrderContract" : "PurchaseOrderContract";
    }

    ProcoreCommitment withOrigin(String newOriginId, Instant now) {
        return new ProcoreCommitment(id, projectId, kind, number, title, status, executed, vendorId, retainagePercent,
                contractDate, newOriginId, originCode, originData, lines, createdAt, now);
    }
}
