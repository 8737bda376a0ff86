package dev.trestle.purchasing;

import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.money.Money;
import java.util.List;
import java.util.Map;

/** What {@link PurchaseOrderPlanner} decided for one Precoro PO: the exact NetSuite purchase order, or why there is none. */
public sealed interface PurchaseOrderPlan {

    /**
     * The purchase order to write.
     *
     * @param externalId the key it is upserted by in NetSuite
     * @param body       the purchaseOrder record body in NetSuite's REST JSON (amounts as {@link java.math.BigDecimal})
     * @param total      the sum of its lines: Precoro's net total
     * @param notes      what the preview must tell the approver, in words (an Employee field left empty, and why)
     */
    record Order(String externalId, Map<String, Object> body, Money total, List<String> notes)
            implements PurchaseOrderPlan {

        public Order {
            notes = List.copyOf(notes);
        }
    }

    /** The PO cannot be exported now; {@code reasons} names every problem at once, each a sentence. */
    record Refused(List<String> reasons) implements PurchaseOrderPlan {

        public Refused {
            reasons = List.copyOf(reasons);
        }

        public TrestleException toException() {
            return new TrestleException(ErrorCode.NOT_EXPORTABLE, String.join(" ", reasons));
        }
    }
}
