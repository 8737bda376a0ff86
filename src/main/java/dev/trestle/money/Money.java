package dev.trestle.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * An amount of one currency, exact to the cent: the one money type of the hub. Never a float;
 * in GraphQL the amount is a decimal string ({@code "1234.50"}), so no client parses it as a
 * binary floating-point number by accident.
 *
 * <p>Amounts are kept at two decimals: the upstream systems hold money to the cent, and an
 * amount that does not fit (a third decimal) is refused rather than rounded, because rounding
 * money silently is how totals stop agreeing.
 */
@Name("Money")
@Description("An amount of one currency, exact to the cent. The amount is a decimal string with two decimals "
        + "(\"-1250.00\"), never a float.")
public final class Money {

    private final BigDecimal value;
    private final String currency;

    private Money(BigDecimal value, String currency) {
        this.value = value;
        this.currency = currency;
    }

    /**
     * {@code amount} in {@code currency} (ISO 4217, e.g. {@code USD}). Refuses an amount with
     * more than two decimals that are not zero.
     */
    public static Money of(BigDecimal amount, String currency) {
        Objects.requireNonNull(amount, "amount");
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("a currency is an ISO 4217 code, not " + currency);
        }
        BigDecimal cents;
        try {
            cents = amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("money is exact to the cent, not " + amount.toPlainString(), e);
        }
        return new Money(cents, currency);
    }

    /** Parses a decimal string as upstream JSON carries it ({@code "12.5"}, {@code "-3.00"}). */
    public static Money parse(String amount, String currency) {
        try {
            return of(new BigDecimal(amount.trim()), currency);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a decimal amount: " + amount, e);
        }
    }

    public static Money zero(String currency) {
        return of(BigDecimal.ZERO, currency);
    }

    @NonNull
    @Description("The amount as a decimal string with two decimals.")
    public String getAmount() {
        return value.toPlainString();
    }

    @NonNull
    @Description("ISO 4217 currency code.")
    public String getCurrency() {
        return currency;
    }

    /** The amount, for arithmetic. */
    @Ignore
    public BigDecimal value() {
        return value;
    }

    public Money plus(Money other) {
        return new Money(value.add(sameCurrency(other).value), currency);
    }

    public Money minus(Money other) {
        return new Money(value.subtract(sameCurrency(other).value), currency);
    }

    public Money negate() {
        return new Money(value.negate(), currency);
    }

    @Ignore
    public boolean isZero() {
        return value.signum() == 0;
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return other;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Money money && value.equals(money.value) && currency.equals(money.currency);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, currency);
    }

    @Override
    public String toString() {
        return value.toPlainString() + " " + currency;
    }
}
