package dev.trestle.sandbox.procore;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line item of a direct cost: an amount booked against a WBS code of the project (or a cost code and cost
 * type, which Procore resolves to the WBS code combining them).
 */
public record ProcoreDirectCostLine(long id, long directCostId, long projectId, BigDecimal amount,
        String description, long wbsCodeId, Long costCodeId, Long lineItemTypeId, BigDecimal quantity,
        BigDecimal unitCost, String uom, String originId, String originData, Instant createdAt, Instant updatedAt)
        implements OriginIndexedStore.Entry {
}
