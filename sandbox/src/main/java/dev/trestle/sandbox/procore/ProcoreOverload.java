package dev.trestle.sandbox.procore;

import java.time.Duration;

/**
 * Procore under heavy platform load: with more than {@link #concurrency()} API requests in flight at
 * once, the next one is answered 503 with {@code Retry-After} (whole seconds) until some finish.
 * The check comes before the rate limits, as a platform that sheds load does so before it counts
 * anything, so a 503 uses up no quota. Requests to the login service are not counted. Change per
 * test; the sandbox's reset restores the configured figures.
 */
public final class ProcoreOverload {

    private final int defaultConcurrency;
    private final Duration defaultRetryAfter;
    private int concurrency;
    private Duration retryAfter;
    private int inFlight;

    /** {@code concurrency} 0: never overloaded. */
    ProcoreOverload(int concurrency, Duration retryAfter) {
        this.defaultConcurrency = notNegative(concurrency);
        this.defaultRetryAfter = checkRetryAfter(retryAfter);
        reset();
    }

    /** Requests in flight at once that are still served; the next is refused. 0 turns the rule off. */
    public synchronized ProcoreOverload concurrency(int requests) {
        concurrency = notNegative(requests);
        return this;
    }

    public synchronized int concurrency() {
        return concurrency;
    }

    /** The {@code Retry-After} of a 503, rounded up to whole seconds on the wire. */
    public synchronized ProcoreOverload retryAfter(Duration value) {
        retryAfter = checkRetryAfter(value);
        return this;
    }

    public synchronized Duration retryAfter() {
        return retryAfter;
    }

    /** Admitted API requests not yet answered. */
    public synchronized int inFlight() {
        return inFlight;
    }

    /** Restores the configured figures. Requests in flight stay counted until they end. */
    public synchronized void reset() {
        concurrency = defaultConcurrency;
        retryAfter = defaultRetryAfter;
    }

    /** Takes a place if there is one; the caller must {@link #exit()} when the request ends. */
    synchronized boolean tryEnter() {
        if (concurrency > 0 && inFlight >= concurrency) {
            return false;
        }
        inFlight++;
        return true;
    }

    synchronized void exit() {
        inFlight--;
    }

    /** Retry-After in seconds, at least 1. */
    synchronized long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    private static int notNegative(int requests) {
        if (requests < 0) {
            throw new IllegalArgumentException("an overload concurrency is 0 (off) or more");
        }
        return requests;
    }

    private static Duration checkRetryAfter(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("Retry-After must not be negative");
        }
        return value;
    }
}
