package dev.trestle.sandbox.procore;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * A subcontractor invoice (a "requisition" in Procore's URIs and fields) against one commitment, for one
 * billing period. Immutable. Its figures follow the AIA G702/G703 arithmetic Procore uses, per line and summed:
 * <pre>
 * total completed and stored to date = work completed from previous + work completed this period
 *                                       + materials presently stored
 * total retainage                    = retainage from previous + retainage this period
 * total earned less retainage        = total completed and stored to date - total retainage
 * less previous certificates         = work completed from previous - retainage from previous
 * current payment due                = total earned less retainage - less previous certificates
 *                                    = work completed this period + materials presently stored - retainage this period
 * </pre>
 * Once it has an {@code origin_id} (set by the ERP close-out) it is read-only.
 *
 * @param number   the invoice's sequence on its commitment (1, 2, ...)
 * @param status   one of {@link #STATUSES}
 */
public record ProcoreRequisition(long id, long projectId, long commitmentId, int number, String invoiceNumber,
        String status, LocalDate billingDate, LocalDate periodStart, LocalDate periodEnd, long periodId,
        String originId, String originData, List<Item> items, Instant submittedAt, Instant createdAt,
        Instant updatedAt) implements OriginIndexedStore.Entry {

    /** Procore's requisition statuses (PSDK's validator), as the API spells them. */
    public static final List<String> STATUSES = List.of("draft", "under_review", "revise_and_resubmit", "approved",
            "approved_as_noted", "pending_owner_approval");
    /** The statuses from which Procore lets an invoice be sent to the ERP. */
    public static final List<String> EXPORTABLE_STATUSES = List.of("approved", "approved_as_noted",
            "pending_owner_approval");

    /**
     * One contract item: the invoice's line for one schedule-of-values line of the commitment.
     *
     * @param lineItemId the commitment's schedule-of-values line
     */
    public record Item(long id, long lineItemId, long costCodeId, long wbsCodeId, String description,
            BigDecimal scheduledValue, BigDecimal workCompletedFromPrevious, BigDecimal workCompletedThisPeriod,
            BigDecimal materialsPresentlyStored, BigDecimal retainageFromPrevious, BigDecimal retainageThisPeriod,
            String originId) {

        public BigDecimal totalCompletedAndStoredToDate() {
            return workCompletedFromPrevious.add(workCompletedThisPeriod).add(materialsPresentlyStored);
        }

        public BigDecimal totalRetainage() {
            return retainageFromPrevious.add(retainageThisPeriod);
        }

        public BigDecimal currentPaymentDue() {
            return workCompletedThisPeriod.add(materialsPresentlyStored).subtract(retainageThisPeriod);
        }

        Item withOrigin(String newOriginId) {
            return new Item(id, lineItemId, costCodeId, wbsCodeId, description, scheduledValue,
                    workCompletedFromPrevious, workCompletedThisPeriod, materialsPresentlyStored,
                    retainageFromPrevious, retainageThisPeriod, newOriginId);
        }
    }

    public BigDecimal sum(Function<Item, BigDecimal> figure) {
        return items.stream().map(figure).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal currentPaymentDue() {
        return sum(Item::currentPaymentDue);
    }

    public boolean synced() {
        return originId != null;
    }

    ProcoreRequisition with(String newOriginId, List<Item> newItems, Instant now) {
        return new ProcoreRequisition(id, projectId, commitmentId, number, invoiceNumber, status, billingDate,
                periodStart, periodEnd, periodId, newOriginId, originData, newItems, submittedAt, createdAt, now);
    }

    ProcoreRequisition edited(String newInvoiceNumber, String newStatus, LocalDate newBillingDate,
            LocalDate newStart, LocalDate newEnd, Instant now) {
        return new ProcoreRequisition(id, projectId, commitmentId, number, newInvoiceNumber, newStatus, newBillingDate,
                newStart, newEnd, periodId, originId, originData, items, submittedAt, createdAt, now);
    }
}
