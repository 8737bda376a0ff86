package dev.trestle.sandbox.procore;

import java.time.Clock;
import java.time.Duration;

/**
 * Procore's request limit: at most {@code limit} requests per fixed window aligned to the clock.
 * Procore runs an hourly and a 10-second spike window and reports whichever is closer to being
 * hit; one window whose size and limit tests choose shows a client the same headers and the
 * same 429. Every admitted request counts, whatever its answer, as Procore counts failed calls.
 */
public final class ProcoreRateLimit {

    /** The state reported in the {@code X-Rate-Limit-*} headers; {@code admitted} is false for a 429. */
    public record Decision(boolean admitted, int limit, int remaining, long resetEpochSecond) {
    }

    private final Clock clock;
    private final int defaultLimit;
    private final Duration defaultWindow;
    private int limit;
    private long windowMillis;
    private long windowStart = Long.MIN_VALUE;
    private int used;

    ProcoreRateLimit(Clock clock, int limit, Duration window) {
        this.clock = clock;
        this.defaultLimit = limit;
        this.defaultWindow = window;
        reset();
    }

    /** Requests allowed per window. */
    public synchronized ProcoreRateLimit limit(int requests) {
        if (requests < 1) {
            throw new IllegalArgumentException("a rate limit is at least 1");
        }
        limit = requests;
        return this;
    }

    /** Window length; a new window starts empty. */
    public synchronized ProcoreRateLimit window(Duration window) {
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("a rate limit window is at least 1 ms");
        }
        windowMillis = window.toMillis();
        windowStart = Long.MIN_VALUE;
        used = 0;
        return this;
    }

    public synchronized int limit() {
        return limit;
    }

    public synchronized void reset() {
        limit = defaultLimit;
        windowMillis = defaultWindow.toMillis();
        windowStart = Long.MIN_VALUE;
        used = 0;
    }

    /** Counts one request if the window has room. */
    synchronized Decision tryAcquire() {
        roll();
        if (used >= limit) {
            return new Decision(false, limit, 0, resetSecond());
        }
        used++;
        return new Decision(true, limit, limit - used, resetSecond());
    }

    /** The current state without counting a request (for answers refused before admission). */
    synchronized Decision peek() {
        roll();
        return new Decision(used < limit, limit, Math.max(0, limit - used), resetSecond());
    }

    private void roll() {
        long now = clock.millis();
        long start = Math.floorDiv(now, windowMillis) * windowMillis;
        if (start != windowStart) {
            windowStart = start;
            used = 0;
        }
    }

    /** Unix second at which the window reopens, rounded up so a client never retries early. */
    private long resetSecond() {
        return Math.floorDiv(windowStart + windowMillis + 999, 1000L);
    }
}
