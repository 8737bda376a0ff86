package dev.trestle.sandbox.procore;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A commitment payment ("Payments Issued" on a commitment), made against one subcontractor invoice. Immutable.
 * Once it has an {@code origin_id} (written by the ERP's invoice payments sync) it is read-only except through
 * that sync.
 *
 * @param contractId    the commitment
 * @param requisitionId the subcontractor invoice paid
 * @param checkNumber   the check number (NetSuite's payment {@code tranId})
 */
public record ProcoreContractPayment(long id, long projectId, long contractId, long requisitionId, BigDecimal amount,
        LocalDate date, String checkNumber, String invoiceNumber, String paymentNumber, String notes, String status,
        String originId, String originCode, String originData, Instant createdAt, Instant updatedAt)
        implements OriginIndexedStore.Entry {

    public boolean synced() {
        return originId != null;
    }
}
