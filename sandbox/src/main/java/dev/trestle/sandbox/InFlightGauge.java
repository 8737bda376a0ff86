package dev.trestle.sandbox;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests currently being served by one simulated system and the most seen at once. Tests use
 * the maximum to prove that the hub's client-side governor never exceeds its permits: every
 * request counts from arrival to its end, whatever the answer.
 */
public final class InFlightGauge {

    private final AtomicInteger current = new AtomicInteger();
    private final AtomicInteger max = new AtomicInteger();

    void enter() {
        int now = current.incrementAndGet();
        max.accumulateAndGet(now, Math::max);
    }

    void exit() {
        current.decrementAndGet();
    }

    public int current() {
        return current.get();
    }

    public int maxSeen() {
        return max.get();
    }

    /** Starts a new measurement from the requests in flight right now. */
    public void resetMax() {
        max.set(current.get());
    }
}
