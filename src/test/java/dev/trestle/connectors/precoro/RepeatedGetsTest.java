package dev.trestle.connectors.precoro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RepeatedGetsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final RepeatedGets repeats = new RepeatedGets(clock, Duration.ofMinutes(1));

    @Test
    void aQuestionIsFreeAgainAMinuteAfterItWasLastAsked() {
        assertFalse(repeats.recentlyAsked("users?page=1&per_page=200"));
        repeats.asked("users?page=1&per_page=200");
        assertTrue(repeats.recentlyAsked("users?page=1&per_page=200"));
        assertFalse(repeats.recentlyAsked("users?page=2&per_page=200"), "another question is free");

        clock.advance(Duration.ofSeconds(30));
        repeats.asked("users?page=1&per_page=200");
        clock.advance(Duration.ofSeconds(40));
        assertEquals(Instant.parse("2026-12-01T10:01:31Z"), repeats.freeAt("users?page=1&per_page=200"),
                "the window (and a second's margin) runs from the last time it was asked");
        clock.advance(Duration.ofSeconds(21));
        assertFalse(repeats.recentlyAsked("users?page=1&per_page=200"));
    }

    @Test
    void aRepeatedMomentMovesToTheLatestFreeSecondBeforeIt() {
        Instant since = Instant.parse("2026-12-01T09:45:00.750Z");
        Instant first = repeats.claimSecondAtOrBefore(since, second -> "users?modifiedSince=" + second);
        Instant second = repeats.claimSecondAtOrBefore(since, at -> "users?modifiedSince=" + at);
        Instant third = repeats.claimSecondAtOrBefore(since, at -> "users?modifiedSince=" + at);
        assertEquals(Instant.parse("2026-12-01T09:45:00Z"), first, "whole seconds, rounded down");
        assertEquals(Instant.parse("2026-12-01T09:44:59Z"), second, "one second wider");
        assertEquals(Instant.parse("2026-12-01T09:44:58Z"), third);

        clock.advance(Duration.ofSeconds(61));
        assertEquals(first, repeats.claimSecondAtOrBefore(since, at -> "users?modifiedSince=" + at),
                "after the window the exact moment is free again");
    }

    @Test
    void noWindowRemembersNothing() {
        RepeatedGets none = new RepeatedGets(clock, Duration.ZERO);
        none.asked("users?page=1&per_page=200");
        assertFalse(none.recentlyAsked("users?page=1&per_page=200"));
    }
}
