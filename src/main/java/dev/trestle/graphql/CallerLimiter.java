package dev.trestle.graphql;

import dev.trestle.errors.ErrorCode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Per-caller fairness for GraphQL operations: a token bucket (a steady rate with a burst) and a cap
 * on the caller's operations running at once. Kept per replica in memory; with several replicas a
 * caller's share is per replica, which the documented figures say.
 */
public final class CallerLimiter {

    /** Buckets of callers who went quiet are dropped once there are this many. */
    private static final int SWEEP_ABOVE = 10_000;

    private final double perSecond;
    private final int burst;
    private final int concurrent;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public CallerLimiter(double perSecond, int burst, int concurrent, LongSupplier nanoTime) {
        if (perSecond <= 0 || burst < 1 || concurrent < 1) {
            throw new IllegalArgumentException("caller limits must be positive");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.concurrent = concurrent;
        this.nanoTime = nanoTime;
    }

    /** One running operation of a caller; {@link #close()} it when the operation has answered. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes a token and a running slot for the caller.
     *
     * @throws GraphQLRefusal with {@link ErrorCode#RATE_LIMITED} (HTTP 429) when either is exhausted
     */
    public Permit acquire(String caller) {
        if (buckets.size() > SWEEP_ABOVE) {
            sweep();
        }
        Bucket bucket = buckets.computeIfAbsent(caller, key -> new Bucket(burst, nanoTime.getAsLong()));
        long wait = bucket.take();
        if (wait > 0) {
            long seconds = Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
            throw GraphQLRefusal.request(429, ErrorCode.RATE_LIMITED,
                    "Too many operations: at most " + burst + " at once and " + perSecond
                            + " a second per caller. Retry in " + seconds + " s.",
                    Map.of("retryAfterSeconds", seconds));
        }
        if (wait < 0) {
            throw GraphQLRefusal.request(429, ErrorCode.RATE_LIMITED,
                    "Too many operations running at once: at most " + concurrent + " per caller.",
                    Map.of("retryAfterSeconds", 1L));
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                bucket.release();
            }
        };
    }

    private void sweep() {
        long now = nanoTime.getAsLong();
        buckets.values().removeIf(bucket -> bucket.idle(now));
    }

    private final class Bucket {
        private double tokens;
        private long refilledAt;
        private int running;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        /** 0 when taken; the nanoseconds until a token is due; -1 when the caller runs too many at once. */
        synchronized long take() {
            long now = nanoTime.getAsLong();
            tokens = Math.min(burst, tokens + (now - refilledAt) * perSecond / 1e9);
            refilledAt = now;
            if (tokens < 1) {
                return (long) Math.ceil((1 - tokens) / perSecond * 1e9);
            }
            if (running >= concurrent) {
                return -1;
            }
            tokens -= 1;
            running++;
            return 0;
        }

        synchronized void release() {
            running = Math.max(0, running - 1);
        }

        synchronized boolean idle(long now) {
            return running == 0 && tokens + (now - refilledAt) * perSecond / 1e9 >= burst;
        }
    }
}
