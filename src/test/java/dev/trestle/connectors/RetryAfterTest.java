package dev.trestle.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private final Clock clock = Clock.fixed(Instant.parse("2025-12-16T09:00:40Z"), ZoneOffset.UTC);

    @Test
    void delaySeconds() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), RetryAfter.parse(" 7 ", clock));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("0", clock));
    }

    @Test
    void httpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(20)), RetryAfter.parse("Tue, 16 Dec 2025 09:01:00 GMT", clock));
    }

    @Test
    void precoroUtcWallClock() {
        assertEquals(Optional.of(Duration.ofSeconds(9)), RetryAfter.parse("2025-12-16 09:00:49 UTC", clock));
    }

    @Test
    void pastMomentMeansNow() {
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("2025-12-16 08:00:00 UTC", clock));
    }

    @Test
    void garbageIsIgnored() {
        assertTrue(RetryAfter.parse("soon", clock).isEmpty());
        assertTrue(RetryAfter.parse("-5", clock).isEmpty());
        assertTrue(RetryAfter.parse(null, clock).isEmpty());
        assertTrue(RetryAfter.parse("99999999999999999999999", clock).isEmpty());
    }
}
