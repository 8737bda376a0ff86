package dev.trestle.connectors;

import static dev.trestle.connectors.UpstreamPriority.BACKGROUND;
import static dev.trestle.connectors.UpstreamPriority.INTERACTIVE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestBudgetTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

    private RequestBudget budget(int perHour, int perDay, double reserve, int replicas) {
        return budget(perHour, perDay, 0, reserve, replicas);
    }

    private RequestBudget budget(int perHour, int perDay, int spikeLimit, double reserve, int replicas) {
        return RequestBudget.of(new BudgetConfig() {
            public int perHour() {
                return perHour;
            }

            public int perDay() {
                return perDay;
            }

            public int spikeLimit() {
                return spikeLimit;
            }

            public Duration spikeWindow() {
                return Duration.ofSeconds(10);
            }

            public double reserve() {
                return reserve;
            }

            public int replicas() {
                return replicas;
            }

            public Duration maxWait() {
                return Duration.ofSeconds(10);
            }
        }, clock);
    }

    @Test
    void theSpikeWindowPacesBurstsWithinTheHour() {
        // Procore: 3600 an hour, but 25 per 10 seconds; two replicas take 12 each.
        RequestBudget budget = budget(3600, 0, 25, 0.2, 2);
        for (int i = 0; i < 12; i++) {
            assertEquals(Optional.empty(), budget.tryAcquire(BACKGROUND), "request " + i);
        }
        assertEquals(Optional.of(Instant.parse("2026-12-01T10:00:10Z")), budget.tryAcquire(BACKGROUND),
                "the 13th waits for the next 10 seconds, although the hour has room");
        assertFalse(budget.hasRoom(BACKGROUND));
        clock.advance(Duration.ofSeconds(10));
        assertTrue(budget.hasRoom(BACKGROUND));
        assertEquals(Optional.empty(), budget.tryAcquire(BACKGROUND));
        assertEquals(11, budget.remaining(), "the tightest window is the new spike window");
    }

    @Test
    void hasRoomTakesNothingAndKeepsTheReserveFromPeople() {
        RequestBudget budget = budget(10, 0, 0.2, 1);
        for (int i = 0; i < 8; i++) {
            assertTrue(budget.hasRoom(INTERACTIVE));
            assertEquals(Optional.empty(), budget.tryAcquire(INTERACTIVE));
        }
        assertFalse(budget.hasRoom(INTERACTIVE), "the last 2 are the reserve");
        assertTrue(budget.hasRoom(BACKGROUND));
        assertTrue(budget.hasRoom(BACKGROUND), "asking twice took nothing");
        assertEquals(2, budget.remaining());
    }

    @Test
    void peopleStopAtTheReserveAndTheHubsOwnWorkSpendsIt() {
        RequestBudget budget = budget(10, 0, 0.2, 1);
        for (int i = 0; i < 8; i++) {
            assertEquals(Optional.empty(), budget.tryAcquire(INTERACTIVE), "request " + i);
        }
        Optional<Instant> back = budget.tryAcquire(INTERACTIVE);
        assertEquals(Optional.of(Instant.parse("2026-12-01T11:00:00Z")), back, "back when the hour ends");
        assertEquals(Optional.empty(), budget.tryAcquire(BACKGROUND));
        assertEquals(Optional.empty(), budget.tryAcquire(BACKGROUND));
        assertTrue(budget.tryAcquire(BACKGROUND).isPresent(), "the whole hour is spent");

        clock.advance(Duration.ofHours(1));
        assertEquals(Optional.empty(), budget.tryAcquire(INTERACTIVE), "a new hour is full again");
        assertEquals(9, budget.remaining());
    }

    @Test
    void theDailyWindowBindsAcrossHoursAndReplicasShareIt() {
        RequestBudget budget = budget(1500, 3000, 0, 2);
        int sent = 0;
        for (int hour = 0; hour < 4; hour++) {
            while (budget.tryAcquire(BACKGROUND).isEmpty()) {
                sent++;
            }
            clock.advance(Duration.ofHours(1));
        }
        assertEquals(1500, sent, "half of the day's 3,000 for each of two replicas");
    }

    @Test
    void theServicesCountTightensTheBudgetUntilItsWindowEnds() {
        RequestBudget budget = budget(3600, 0, 0.2, 2);
        // Procore reports its 10-second spike window: 24 left of 25 for the whole tenant.
        budget.observe(25, 24, clock.instant().plusSeconds(10), 2);
        int sent = 0;
        while (budget.tryAcquire(BACKGROUND).isEmpty()) {
            sent++;
        }
        assertEquals(12, sent, "this replica's half of what the service says is left");
        assertEquals(Optional.of(clock.instant().plusSeconds(10)), budget.tryAcquire(BACKGROUND));

        clock.advance(Duration.ofSeconds(10));
        assertEquals(Optional.empty(), budget.tryAcquire(BACKGROUND), "the spike window is over");
        assertEquals(1800 - 12 - 1, budget.remaining(), "the hour still counts every request");
    }

    @Test
    void noBudgetNeverRefuses() {
        RequestBudget none = RequestBudget.unlimited(clock);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(Optional.empty(), none.tryAcquire(INTERACTIVE));
        }
        assertEquals(-1, none.remaining());
    }
}
