package dev.trestle.sandbox.netsuite;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * NetSuite's account-wide concurrency governance: at most {@code limit} requests run at once;
 * one more is refused rather than queued.
 */
public final class ConcurrencyPool {

    private final int defaultLimit;
    private volatile int limit;
    private final AtomicInteger inUse = new AtomicInteger();

    public ConcurrencyPool(int limit) {
        this.defaultLimit = limit;
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }

    public void limit(int newLimit) {
        if (newLimit < 1) {
            throw new IllegalArgumentException("the concurrency limit is at least 1");
        }
        limit = newLimit;
    }

    public int inUse() {
        return inUse.get();
    }

    /** Takes a slot if one is free; the caller must {@link #release()} it when the request ends. */
    boolean tryAcquire() {
        while (true) {
            int now = inUse.get();
            if (now >= limit) {
                return false;
            }
            if (inUse.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void release() {
        inUse.decrementAndGet();
    }

    void resetLimit() {
        limit = defaultLimit;
    }
}
