package dev.trestle.sandbox.procore;

import java.math.BigDecimal;

/** Amounts as Procore's financial tools take them: a JSON number or a decimal string, to the cent. */
final class ProcoreMoney {

    private ProcoreMoney() {
    }

    /** The amount, or {@code null} with the problem put into {@code problem[0]}. */
    static BigDecimal parse(Object raw, String[] problem) {
        BigDecimal value;
        try {
            if (raw instanceof Number n) {
                value = new BigDecimal(n.toString());
            } else if (raw instanceof String s && !s.isBlank()) {
                value = new BigDecimal(s.trim());
            } else {
                problem[0] = "is not a number";
                return null;
            }
        } catch (NumberFormatException e) {
            problem[0] = "is not a number";
            return null;
        }
        if (value.stripTrailingZeros().scale() > 2) {
            problem[0] = "must be rounded to the cent (at most 2 decimal places)";
            return null;
        }
        return value.setScale(2);
    }
}
