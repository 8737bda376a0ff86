package dev.trestle.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrencyGovernorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void neverMoreInFlightThanPermits() {
        ConcurrencyGovernor governor = new ConcurrencyGovernor("test", 3);
        AtomicInteger current = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        List<Uni<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            calls.add(governor.run(() -> {
                max.accumulateAndGet(current.incrementAndGet(), Math::max);
                return Uni.createFrom().item(n).onItem().delayIt().by(Duration.ofMillis(10))
                        .onItem().invoke(current::decrementAndGet);
            }));
        }
        List<Integer> results = Uni.join().all(calls).andFailFast().await().atMost(WAIT);
        assertEquals(40, results.size());
        assertEquals(3, max.get());
        assertEquals(0, governor.inFlight());
        assertEquals(0, governor.waiting());
    }

    @Test
    void waitersAreServedInArrivalOrder() {
        ConcurrencyGovernor governor = new ConcurrencyGovernor("test", 1);
        List<Integer> started = new CopyOnWriteArrayList<>();
        List<Uni<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            calls.add(governor.run(() -> {
                started.add(n);
                return Uni.createFrom().item(n).onItem().delayIt().by(Duration.ofMillis(2));
            }));
        }
        Uni.join().all(calls).andFailFast().await().atMost(WAIT);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add(i);
        }
        assertEquals(expected, started);
    }

    @Test
    void failuresAndThrowingSuppliersReleaseThePermit() {
        ConcurrencyGovernor governor = new ConcurrencyGovernor("test", 1);
        assertThrows(IllegalStateException.class, () -> governor
                .run(() -> Uni.createFrom().failure(new IllegalStateException("boom"))).await().atMost(WAIT));
        assertThrows(IllegalArgumentException.class, () -> governor.<String>run(() -> {
            throw new IllegalArgumentException("bad");
        }).await().atMost(WAIT));
        assertEquals("ok", governor.run(() -> Uni.createFrom().item("ok")).await().atMost(WAIT));
        assertEquals(0, governor.inFlight());
    }

    @Test
    void cancellingReleasesOrGivesUpThePlace() throws Exception {
        ConcurrencyGovernor governor = new ConcurrencyGovernor("test", 1);
        AtomicInteger waiterStarted = new AtomicInteger();
        Cancellable running = governor.run(() -> Uni.createFrom().nothing()).subscribe().with(x -> {
        });
        Cancellable queued = governor.run(() -> {
            waiterStarted.incrementAndGet();
            return Uni.createFrom().item("never");
        }).subscribe().with(x -> {
        });
        assertEquals(1, governor.inFlight());
        assertEquals(1, governor.waiting());
        queued.cancel();
        assertEquals(0, governor.waiting());
        running.cancel();
        assertEquals(0, governor.inFlight());
        assertEquals("next", governor.run(() -> Uni.createFrom().item("next")).await().atMost(WAIT));
        assertEquals(0, waiterStarted.get());
    }

    @Test
    void pacingSpacesTheStarts() {
        ConcurrencyGovernor governor = new ConcurrencyGovernor("test", 5, Duration.ofMillis(100));
        List<Long> starts = new CopyOnWriteArrayList<>();
        List<Uni<Long>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(governor.run(() -> {
                long now = System.nanoTime();
                starts.add(now);
                return Uni.createFrom().item(now);
            }));
        }
        Uni.join().all(calls).andFailFast().await().atMost(WAIT);
        List<Long> sorted = starts.stream().sorted().toList();
        for (int i = 1; i < sorted.size(); i++) {
            long gapMillis = (sorted.get(i) - sorted.get(i - 1)) / 1_000_000;
            assertTrue(gapMillis >= 90, "starts only " + gapMillis + " ms apart");
        }
    }

    @Test
    void withCalendarSecondsEachStartTakesAWallClockSecondOfItsOwnEarlyInIt() {
        // One a second, as Precoro: the starts must also fall in distinct seconds, 100 to 750 ms into each, so that a
        // request a little delayed on its way cannot land in the same second as the next one.
        ConcurrencyGovernor governor = new ConcurrencyGovernor("test", 1, Duration.ofSeconds(1), true);
        List<Long> starts = new CopyOnWriteArrayList<>();
        List<Uni<Long>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(governor.run(() -> {
                long now = System.currentTimeMillis();
                starts.add(now);
                return Uni.createFrom().item(now);
            }));
        }
        Uni.join().all(calls).andFailFast().await().atMost(WAIT);
        List<Long> sorted = starts.stream().sorted().toList();
        for (int i = 0; i < sorted.size(); i++) {
            long into = Math.floorMod(sorted.get(i), 1000L);
            // A busy machine's timer fires late: a little past the window's close, never before its opening.
            assertTrue(into >= ConcurrencyGovernor.SECOND_OPENS_MILLIS && into < ConcurrencyGovernor.SECOND_CLOSES_MILLIS
                    + 200, "start " + i + " at " + into + " ms into its second");
            if (i > 0) {
                assertTrue(sorted.get(i) / 1000 > sorted.get(i - 1) / 1000, "two starts in one second: " + sorted);
                assertTrue(sorted.get(i) - sorted.get(i - 1) >= 990, "starts only " + (sorted.get(i)
                        - sorted.get(i - 1)) + " ms apart");
            }
        }
        assertTrue(sorted.get(3) - sorted.get(0) < 3_900, "one a second, not slower: " + sorted);
    }

    @Test
    void longQueuesOfSynchronousCallsDoNotGrowTheStack() {
        ConcurrencyGovernor governor = new ConcurrencyGovernor("test", 1);
        Cancellable blocker = governor.run(() -> Uni.createFrom().nothing()).subscribe().with(x -> {
        });
        List<Uni<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            int n = i;
            calls.add(governor.run(() -> Uni.createFrom().item(n)));
        }
        Uni<List<Integer>> all = Uni.join().all(calls).andFailFast().memoize().indefinitely();
        all.subscribe().with(x -> {
        });
        blocker.cancel();
        assertEquals(20_000, all.await().atMost(WAIT).size());
    }
}
