package dev.trestle.sandbox.procore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A direct cost on a project: an invoice, expense or payroll booked without a commitment. Immutable; its line
 * items are records of their own ({@link ProcoreDirectCostLine}), as Procore's line item sync writes them on
 * their own. Once it has an {@code origin_id} the whole object is immutable except through the sync actions.
 *
 * @param type   one of {@link #TYPES}
 * @param status one of {@link #STATUSES}
 */
public record ProcoreDirectCost(long id, long projectId, String type, LocalDate date, String invoiceNumber,
        String status, Long vendorId, String description, LocalDate paymentDate, LocalDate receivedDate,
        String terms, String originId, String originData, Instant createdAt, Instant updatedAt)
        implements OriginIndexedStore.Entry {

    /** {@code direct_cost_type} as the wire spells it. */
    public static final List<String> TYPES = List.of("invoice", "expense", "payroll");
    public static final List<String> STATUSES = List.of("draft", "pending", "revise_and_resubmit", "approved");

    public boolean synced() {
        return originId != null;
    }
}
