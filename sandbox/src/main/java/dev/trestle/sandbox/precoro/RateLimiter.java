package dev.trestle.sandbox.precoro;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Precoro's API limits: requests per second, per hour and per day, each a fixed window aligned
 * to the UTC clock, and the duplicate rule: an identical GET within {@link #duplicateWindow()} of
 * the first one served is refused ("Route based limiter by minute", limit 1).
 *
 * <p>A refused request consumes nothing, in any limit: it does not count against the per-second,
 * hourly or daily windows, and it neither starts nor restarts a duplicate window. So the duplicate
 * window of a GET starts with the first one every limit admitted: a client is kept from asking the
 * same again for a whole window after the request that went through, which is the stricter reading
 * (a window started by an earlier refusal would end sooner after the request that went through).
 * An admitted request counts whatever its answer (a 500, a dropped connection), as Precoro's
 * limiter runs before its application does. The volume limits are checked first, so a duplicate
 * that is also over the daily limit hears about the daily limit, the refusal that lasts longer.
 */
public final class RateLimiter {

    /** Which limit refused a request, with Precoro's wording and the instant the window reopens. */
    public record Refusal(String type, int limit, Instant retryAfter) {
    }

    private final Clock clock;
    private final int defaultPerSecond;
    private final int defaultPerHour;
    private final int defaultPerDay;
    private final Duration defaultDuplicateWindow;
    private int perSecond;
    private int perHour;
    private int perDay;
    private long secondWindow = Long.MIN_VALUE;
    private long hourWindow = Long.MIN_VALUE;
    private long dayWindow = Long.MIN_VALUE;
    private int secondCount;
    private int hourCount;
    private int dayCount;
    private long duplicateWindowMillis;
    /** Key of each GET served (API key, path, sorted query) and when its duplicate window ends. */
    private final Map<String, Long> duplicateUntil = new HashMap<>();

    public RateLimiter(Clock clock, int perSecond, int perHour, int perDay) {
        this(clock, perSecond, perHour, perDay, Duration.ZERO);
    }

    public RateLimiter(Clock clock, int perSecond, int perHour, int perDay, Duration duplicateWindow) {
        this.clock = clock;
        this.defaultPerSecond = perSecond;
        this.defaultPerHour = perHour;
        this.defaultPerDay = perDay;
        this.defaultDuplicateWindow = notNegative(duplicateWindow);
        reset();
    }

    public synchronized void reset() {
        perSecond = defaultPerSecond;
        perHour = defaultPerHour;
        perDay = defaultPerDay;
        duplicateWindowMillis = defaultDuplicateWindow.toMillis();
        secondWindow = hourWindow = dayWindow = Long.MIN_VALUE;
        secondCount = hourCount = dayCount = 0;
        duplicateUntil.clear();
    }

    /**
     * How long an identical GET stays refused after the one served; {@link Duration#ZERO} turns the
     * rule off. GETs already served keep the window they started with.
     */
    public synchronized RateLimiter duplicateWindow(Duration window) {
        duplicateWindowMillis = notNegative(window).toMillis();
        if (duplicateWindowMillis == 0) {
            duplicateUntil.clear();
        }
        return this;
    }

    public synchronized Duration duplicateWindow() {
        return Duration.ofMillis(duplicateWindowMillis);
    }

    public synchronized RateLimiter requestsPerSecond(int limit) {
        perSecond = positive(limit);
        return this;
    }

    public synchronized RateLimiter hourlyBudget(int limit) {
        perHour = positive(limit);
        return this;
    }

    public synchronized RateLimiter dailyBudget(int limit) {
        perDay = positive(limit);
        return this;
    }

    public synchronized int requestsPerSecond() {
        return perSecond;
    }

    /** Counts a request that the duplicate rule does not apply to (not a GET). */
    synchronized Refusal tryAcquire() {
        return tryAcquire(null);
    }

    /**
     * Counts the request if every window has room and it is not a duplicate; otherwise says which
     * limit refused it. {@code duplicateKey} identifies a GET (see {@link PrecoroSandbox}), or is
     * {@code null} for requests the duplicate rule does not cover.
     */
    synchronized Refusal tryAcquire(String duplicateKey) {
        long now = clock.millis();
        long second = Math.floorDiv(now, 1000L);
        long hour = Math.floorDiv(now, 3_600_000L);
        long day = Math.floorDiv(now, 86_400_000L);
        if (second != secondWindow) {
            secondWindow = second;
            secondCount = 0;
        }
        if (hour != hourWindow) {
            hourWindow = hour;
            hourCount = 0;
        }
        if (day != dayWindow) {
            dayWindow = day;
            dayCount = 0;
        }
        if (dayCount >= perDay) {
            return new Refusal("Daily limiter", perDay, Instant.ofEpochMilli((day + 1) * 86_400_000L));
        }
        if (hourCount >= perHour) {
            return new Refusal("Hourly limiter", perHour, Instant.ofEpochMilli((hour + 1) * 3_600_000L));
        }
        if (secondCount >= perSecond) {
            return new Refusal("Route based limiter by second", perSecond, Instant.ofEpochSecond(second + 1));
        }
        if (duplicateKey != null && duplicateWindowMillis > 0) {
            Long until = duplicateUntil.get(duplicateKey);
            if (until != null && now < until) {
                // Precoro shows whole seconds; rounded up so that a client waiting until then is served.
                return new Refusal("Route based limiter by minute", 1, Instant.ofEpochSecond(Math.floorDiv(until + 999,
                        1000L)));
            }
            if (duplicateUntil.size() >= 10_000) {
                forgetEnded(now);
            }
            duplicateUntil.put(duplicateKey, now + duplicateWindowMillis);
        }
        secondCount++;
        hourCount++;
        dayCount++;
        return null;
    }

    /** What is left in the per-second window, for the {@code RateLimit-Remaining} header. */
    synchronized int remainingThisSecond() {
        return Math.max(0, perSecond - secondCount);
    }

    /** Drops the windows that have ended, so that a long run of distinct GETs does not grow the map. */
    private void forgetEnded(long now) {
        for (Iterator<Long> it = duplicateUntil.values().iterator(); it.hasNext(); ) {
            if (it.next() <= now) {
                it.remove();
            }
        }
    }

    private static Duration notNegative(Duration window) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("a duplicate window must not be negative");
        }
        return window;
    }

    private static int positive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a rate limit is at least 1");
        }
        return limit;
    }
}
