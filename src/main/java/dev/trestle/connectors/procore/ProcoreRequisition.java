package dev.trestle.connectors.procore;

import dev.trestle.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A subcontractor invoice, which Procore's URIs and fields call a requisition, in the v1.1 shape.
 * Lists leave {@code items} empty; {@link ProcoreConnector#requisition} reads them.
 *
 * @param id                Procore's id
 * @param number            its sequence on the commitment (1, 2, ...); may be null
 * @param invoiceNumber     the subcontractor's invoice number; may be null
 * @param projectId         the project
 * @param commitmentId      the commitment it bills against
 * @param commitmentType    {@code WorkOrderContract} or {@code PurchaseOrderContract} when Procore sends it; may be null
 * @param vendorId          the commitment's vendor (v1.1); may be null
 * @param vendorName        may be null
 * @param contractName      the commitment's title; may be null
 * @param status            {@code draft}, {@code under_review}, {@code revise_and_resubmit}, {@code approved},
 *                          {@code approved_as_noted} or {@code pending_owner_approval}
 * @param billingDate       may be null
 * @param periodStart       {@code requisition_start}; may be null
 * @param periodEnd         {@code requisition_end}; may be null
 * @param originId          the ERP's id once the invoice is closed out (then it is read-only in Procore); may be null
 * @param currentPaymentDue {@code summary.current_payment_due}: what is owed for this invoice; null when not sent
 * @param updatedAt         may be null
 * @param items             the contract items, in Procore's order; empty when not read
 */
public record ProcoreRequisition(long id, Integer number, String invoiceNumber, long projectId, long commitmentId,
        String commitmentType, Long vendorId, String vendorName, String contractName, String status,
        LocalDate billingDate, LocalDate periodStart, LocalDate periodEnd, String originId, Money currentPaymentDue,
        Instant updatedAt, List<ProcoreContractItem> items) {

    public ProcoreRequisition {
        items = List.copyOf(items);
    }

    /** The same invoice with these contract items. */
    public ProcoreRequisition withItems(List<ProcoreContractItem> newItems) {
        return new ProcoreRequisition(id, number, invoiceNumber, projectId, commitmentId, commitmentType, vendorId,
                vendorName, contractName, status, billingDate, periodStart, periodEnd, originId, currentPaymentDue,
                updatedAt, newItems);
    }
}
