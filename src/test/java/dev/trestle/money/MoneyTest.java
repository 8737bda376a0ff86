package dev.trestle.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void keepsTwoDecimalsAndAddsExactly() {
        Money sum = Money.parse("0.1", "USD").plus(Money.parse("0.2", "USD"));
        assertEquals("0.30", sum.getAmount());
        assertEquals(Money.parse("0.30", "USD"), sum);
        assertEquals("-12.50", Money.parse("12.5", "USD").negate().getAmount());
        assertEquals("1000000000000.01", Money.of(new BigDecimal("1000000000000.010"), "USD").getAmount());
    }

    @Test
    void refusesFractionsOfACentAndMixedCurrencies() {
        assertThrows(IllegalArgumentException.class, () -> Money.parse("1.005", "USD"));
        assertThrows(IllegalArgumentException.class, () -> Money.parse("abc", "USD"));
        assertThrows(IllegalArgumentException.class, () -> Money.parse("1", "usd"));
        assertThrows(IllegalArgumentException.class, () -> Money.parse("1", "USD").plus(Money.parse("1", "EUR")));
    }
}
