package dev.trestle.sandbox.precoro;

import java.time.Clock;
import java.time.Instant;

/**
 * Precoro's API limits: requests per second, per hour and per day, each a fixed window aligned
 * to the UTC clock. A refused request does not consume any budget.
 */
public final class RateLimiter {

    /** Which limit refused a request, with Precoro's wording and the instant the window reopens. */
    public record Refusal(String type, int limit, Instant retryAfter) {
    }

    private final Clock clock;
    private final int defaultPerSecond;
    private final int defaultPerHour;
    private final int defaultPerDay;
    private int perSecond;
    private int perHour;
    private int perDay;
    private long secondWindow = Long.MIN_VALUE;
    private long hourWindow = Long.MIN_VALUE;
    private long dayWindow = Long.MIN_VALUE;
    private int secondCount;
    private int hourCount;
    private int dayCount;

    public RateLimiter(Clock clock, int perSecond, int perHour, int perDay) {
        this.clock = clock;
        this.defaultPerSecond = perSecond;
        this.defaultPerHour = perHour;
        this.defaultPerDay = perDay;
        reset();
    }

    public synchronized void reset() {
        perSecond = defaultPerSecond;
        perHour = defaultPerHour;
        perDay = defaultPerDay;
        secondWindow = hourWindow = dayWindow = Long.MIN_VALUE;
        secondCount = hourCount = dayCount = 0;
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

    /** Counts the request if every window has room; otherwise says which window is full. */
    synchronized Refusal tryAcquire() {
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
        secondCount++;
        hourCount++;
        dayCount++;
        return null;
    }

    /** What is left in the per-second window, for the {@code RateLimit-Remaining} header. */
    synchronized int remainingThisSecond() {
        return Math.max(0, perSecond - secondCount);
    }

    private static int positive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a rate limit is at least 1");
        }
        return limit;
    }
}
