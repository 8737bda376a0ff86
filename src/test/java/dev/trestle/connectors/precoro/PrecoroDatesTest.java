package dev.trestle.connectors.precoro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The field-by-field reading of Precoro dates agrees with the full ISO parser, and refuses what it refuses. */
class PrecoroDatesTest {

    @Test
    void readsWhatTheIsoParserReads() {
        for (String text : List.of("2025-01-30T19:54:19+00:00", "2024-02-29T00:00:00+00:00", "1999-12-31T23:59:59-05:30",
                "2025-06-01T12:00:00+14:00", "2025-01-30T19:54:19.250+00:00", "2025-01-30T19:54:19Z",
                "2025-01-30T19:54+01:00")) {
            assertEquals(OffsetDateTime.parse(text).toInstant(), PrecoroConnector.instant(text), text);
        }
    }

    @Test
    void refusesWhatTheIsoParserRefuses() {
        for (String text : List.of("2025-13-30T19:54:19+00:00", "2025-02-30T19:54:19+00:00", "2025-01-30T24:00:00+00:00",
                "2025-01-30T19:54:60+00:00", "2025-01-30T19:54:19+19:00", "2025-0a-30T19:54:19+00:00",
                "2025-01-30 19:54:19+00:00", "yesterday")) {
            assertThrows(DateTimeParseException.class, () -> PrecoroConnector.instant(text), text);
        }
    }
}
