package dev.trestle.connectors.procore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trestle.money.Money;
import org.junit.jupiter.api.Test;

/** Procore amounts arrive as strings or numbers; both are read exactly, never through a double. */
class ProcoreAmountsTest {

    private static final ObjectMapper MAPPER = ProcoreConnector.exactNumbers(new ObjectMapper());

    private static Money read(String json) throws Exception {
        JsonNode node = MAPPER.readTree("{\"a\":" + json + "}");
        return ProcoreConnector.amount(node.get("a"), "USD");
    }

    @Test
    void stringsAndNumbersGiveTheSameExactAmount() throws Exception {
        assertEquals(Money.parse("12500.10", "USD"), read("\"12500.10\""));
        assertEquals(Money.parse("12500.10", "USD"), read("12500.10"));
        assertEquals(Money.parse("12500.10", "USD"), read("12500.1"));
        assertEquals(Money.parse("-0.30", "USD"), read("-0.30"));
        assertEquals(Money.parse("7.00", "USD"), read("7"));
        // A value no double holds exactly stays exact: 2^53 + 1 cents.
        assertEquals(Money.parse("90071992547409.93", "USD"), read("90071992547409.93"));
        assertEquals(Money.parse("90071992547409.93", "USD"), read("\" 90071992547409.93 \""));
    }

    @Test
    void absentAmountsAreNullAndOthersRefused() throws Exception {
        assertNull(read("null"));
        assertNull(read("\"\""));
        assertThrows(NumberFormatException.class, () -> read("\"twelve\""));
        assertThrows(NumberFormatException.class, () -> read("true"));
        assertThrows(IllegalArgumentException.class, () -> read("\"1.005\""), "never rounded");
    }
}
