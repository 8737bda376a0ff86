package dev.trestle.bills;

import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.money.Money;
import java.util.List;
import java.util.Map;

/** What {@link VendorBillPlanner} decided for one invoice: the exact bill, or why there is none. */
public sealed interface VendorBillPlan {

    /**
     * The vendor bill to write.
     *
     * @param externalId the bill's NetSuite external id, the key it is upserted by
     * @param body       the vendorBill record body in NetSuite's REST JSON (amounts as {@link java.math.BigDecimal})
     * @param total      the bill's total, the sum of its lines: the invoice's current payment due
     */
    record Bill(String externalId, Map<String, Object> body, Money total) implements VendorBillPlan {
    }

    /**
     * The invoice cannot be exported now; {@code reasons} names every problem, each a sentence.
     *
     * @param code always {@link ErrorCode#NOT_EXPORTABLE}
     */
    record Refused(ErrorCode code, List<String> reasons) implements VendorBillPlan {

        public Refused {
            reasons = List.copyOf(reasons);
        }

        /** All reasons in one message. */
        public String message() {
            return String.join(" ", reasons);
        }

        public TrestleException toException() {
            return new TrestleException(code, message());
        }
    }

    /** The bill, or the refusal as a {@code NOT_EXPORTABLE} {@link TrestleException}. */
    default Bill orThrow() {
        if (this instanceof Refused refused) {
            throw refused.toException();
        }
        return (Bill) this;
    }
}
