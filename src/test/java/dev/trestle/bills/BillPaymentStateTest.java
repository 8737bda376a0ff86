package dev.trestle.bills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trestle.money.Money;
import org.junit.jupiter.api.Test;

/** A bill's payment state from its total and what its payments apply; pure, without Quarkus. */
class BillPaymentStateTest {

    private static Money usd(String amount) {
        return Money.parse(amount, "USD");
    }

    @Test
    void nothingAppliedIsUnpaidPartIsPartlyPaidTheWholeOrMoreIsPaid() {
        assertEquals(BillPaymentState.UNPAID, BillPaymentState.of(usd("9000.00"), null));
        assertEquals(BillPaymentState.UNPAID, BillPaymentState.of(usd("9000.00"), usd("0.00")));
        assertEquals(BillPaymentState.PARTIALLY_PAID, BillPaymentState.of(usd("9000.00"), usd("0.01")));
        assertEquals(BillPaymentState.PARTIALLY_PAID, BillPaymentState.of(usd("9000.00"), usd("8999.99")));
        assertEquals(BillPaymentState.PAID, BillPaymentState.of(usd("9000.00"), usd("9000.00")));
        assertEquals(BillPaymentState.PAID, BillPaymentState.of(usd("9000.00"), usd("9000.01")));
    }

    @Test
    void aBillOfNothingOwesNothingAndAnUnknownTotalHasNoState() {
        assertEquals(BillPaymentState.PAID, BillPaymentState.of(usd("0.00"), null));
        assertNull(BillPaymentState.of(null, usd("10.00")));
        assertNull(BillPaymentState.of(null, null));
    }
}
