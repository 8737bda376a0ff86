package dev.trestle.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Waits as Vert.x timers take them: they refuse a delay under a millisecond. */
class UpstreamCallerTimerTest {

    @Test
    void waitsAreWholeMillisecondsOfAtLeastOneAndNeverShorter() {
        assertEquals(Duration.ofMillis(1), UpstreamCaller.timerDelay(Duration.ofNanos(300_000)),
                "a budget window ending in 0.3 ms");
        assertEquals(Duration.ofMillis(1), UpstreamCaller.timerDelay(Duration.ZERO));
        assertEquals(Duration.ofMillis(1), UpstreamCaller.timerDelay(Duration.ofMillis(-5)), "already past");
        assertEquals(Duration.ofMillis(1501), UpstreamCaller.timerDelay(Duration.ofNanos(1_500_000_001)));
        assertEquals(Duration.ofSeconds(10), UpstreamCaller.timerDelay(Duration.ofSeconds(10)));
    }
}
