package dev.trestle.connectors.procore;

import dev.trestle.money.Money;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a project's direct cost line items sync: a line of a direct cost on one WBS code (or a cost code
 * and cost type, which Procore resolves to the project's WBS code). Procore upserts it by {@code originId}. Null
 * optional fields are left out of the request.
 *
 * @param originId       the ERP's key of the line, unique per company
 * @param directCostId   the Procore direct cost it belongs to (from the direct costs sync)
 * @param amount         the line's amount, in the company's currency
 * @param description    may be null
 * @param wbsCodeId      the project's WBS code; null when given as cost code and cost type
 * @param costCodeId     with {@code lineItemTypeId}, instead of {@code wbsCodeId}; may be null
 * @param lineItemTypeId the cost type; may be null
 * @param quantity       may be null
 * @param unitCost       may be null
 * @param uom            unit of measure; may be null
 * @param originData     free text Procore keeps but does not interpret; may be null
 */
public record ProcoreDirectCostLineUpdate(String originId, long directCostId, Money amount, String description,
        Long wbsCodeId, Long costCodeId, Long lineItemTypeId, BigDecimal quantity, Money unitCost, String uom,
        String originData) {

    public ProcoreDirectCostLineUpdate {
        if (originId == null || originId.isBlank()) {
            throw new IllegalArgumentException("a direct cost line sync entry needs its origin id");
        }
        Objects.requireNonNull(amount, "amount");
        if (wbsCodeId == null && (costCodeId == null || lineItemTypeId == null)) {
            throw new IllegalArgumentException("a direct cost line needs a WBS code, or a cost code and a cost type");
        }
    }

    /** A line on a WBS code, the usual case. */
    public static ProcoreDirectCostLineUpdate onWbsCode(String originId, long directCostId, Money amount,
            String description, long wbsCodeId) {
        return new ProcoreDirectCostLineUpdate(originId, directCostId, amount, description, wbsCodeId, null, null, null,
                null, null, null);
    }

    /** The entry as Procore's sync action expects it; amounts as decimal strings, never floats. */
    public Map<String, Object> toWire() {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("origin_id", originId);
        wire.put("direct_cost_id", directCostId);
        wire.put("amount", amount.getAmount());
        ProcoreVendorUpdate.put(wire, "description", description);
        ProcoreVendorUpdate.put(wire, "wbs_code_id", wbsCodeId);
        if (wbsCodeId == null) {
            wire.put("cost_code_id", costCodeId);
            wire.put("line_item_type_id", lineItemTypeId);
        }
        ProcoreVendorUpdate.put(wire, "quantity", quantity == null ? null : quantity.toPlainString());
        ProcoreVendorUpdate.put(wire, "unit_cost", unitCost == null ? null : unitCost.getAmount());
        ProcoreVendorUpdate.put(wire, "uom", uom);
        ProcoreVendorUpdate.put(wire, "origin_data", originData);
        return wire;
    }
}
