package dev.trestle.connectors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One replica's share of a tenant's request budget at an upstream system: an hourly, a daily and
 * a short spike window (as Procore and Precoro count), each its limit divided by the replicas, corrected by
 * what the service says is left ({@link #observe}) since other replicas and other integrations
 * spend the same budget.
 *
 * <p>It paces instead of collecting 429s: a request goes only when every window (and the one the
 * service last reported) has room. The
 * last {@link BudgetConfig#reserve()} of each window is the hub's own: reads for people stop
 * there (the answer is a rate limit with the time it is back), so exports and syncs always get
 * through. Pure logic on a clock; {@link UpstreamCaller} asks it before every attempt.
 */
public final class RequestBudget {

    /** A budget that never refuses: systems limited by concurrency only (NetSuite). */
    public static RequestBudget unlimited(Clock clock) {
        return new RequestBudget(clock, List.of(), 0);
    }

    public static RequestBudget of(BudgetConfig config, Clock clock) {
        List<Window> windows = new ArrayList<>();
        int replicas = Math.max(1, config.replicas());
        if (config.perHour() > 0) {
            windows.add(new Window(Duration.ofHours(1), Math.max(1, config.perHour() / replicas)));
        }
        if (config.spikeLimit() > 0) {
            windows.add(new Window(config.spikeWindow(), Math.max(1, config.spikeLimit() / replicas)));
        }
        if (config.perDay() > 0) {
            windows.add(new Window(Duration.ofDays(1), Math.max(1, config.perDay() / replicas)));
        }
        return new RequestBudget(clock, windows, config.reserve());
    }

    private final Clock clock;
    private final List<Window> windows;
    private final double reserve;
    /** The window the service last reported (its share for this replica), until it ends; null before. */
    private Reported reported;

    RequestBudget(Clock clock, List<Window> windows, double reserve) {
        this.clock = clock;
        this.windows = List.copyOf(windows);
        this.reserve = Math.min(Math.max(reserve, 0), 0.9);
    }

    /**
     * Takes one request of every window for work of {@code priority}, or says when there will be
     * room again (the budget is untouched then).
     */
    public synchronized Optional<Instant> tryAcquire(UpstreamPriority priority) {
        Instant now = clock.instant();
        Instant back = null;
        for (Window window : windows) {
            window.roll(now);
            if (window.remaining <= floor(window.limit, priority)) {
                back = later(back, window.resetAt);
            }
        }
        if (reported != null && !now.isBefore(reported.resetAt)) {
            reported = null;
        }
        if (reported != null && reported.remaining <= floor(reported.limit, priority)) {
            back = later(back, reported.resetAt);
        }
        if (back != null) {
            return Optional.of(back);
        }
        windows.forEach(window -> window.remaining--);
        if (reported != null) {
            reported.remaining--;
        }
        return Optional.empty();
    }

    /** Whether a request for work of {@code priority} could go now; takes nothing. */
    public synchronized boolean hasRoom(UpstreamPriority priority) {
        Instant now = clock.instant();
        for (Window window : windows) {
            window.roll(now);
            if (window.remaining <= floor(window.limit, priority)) {
                return false;
            }
        }
        return reported == null || !now.isBefore(reported.resetAt)
                || reported.remaining > floor(reported.limit, priority);
    }

    /**
     * What the service says of the window it reports (Procore: the hourly or the 10-second spike
     * window, whichever is closer to its end; Precoro: the per-second one): {@code limit} and
     * {@code remaining} for the tenant, all replicas together, until {@code resetAt}. Until then
     * this replica spends at most its share of what is left, besides its own counts.
     */
    public synchronized void observe(int limit, int remaining, Instant resetAt, int replicas) {
        Instant now = clock.instant();
        if (resetAt == null || !resetAt.isAfter(now) || limit <= 0) {
            return;
        }
        int share = Math.max(0, remaining) / Math.max(1, replicas);
        int limitShare = Math.max(1, limit / Math.max(1, replicas));
        // An answer that arrives late may describe an older state: keep the tighter count of one window.
        if (reported != null && reported.resetAt.equals(resetAt) && reported.remaining < share) {
            return;
        }
        reported = new Reported(limitShare, share, resetAt);
    }

    private int floor(int limit, UpstreamPriority priority) {
        return priority == UpstreamPriority.INTERACTIVE ? (int) Math.ceil(limit * reserve) : 0;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static final class Reported {
        private final int limit;
        private int remaining;
        private final Instant resetAt;

        Reported(int limit, int remaining, Instant resetAt) {
            this.limit = limit;
            this.remaining = remaining;
            this.resetAt = resetAt;
        }
    }

    /** Requests left in the tightest window, for metrics; -1 without a budget. */
    public synchronized int remaining() {
        Instant now = clock.instant();
        int least = -1;
        for (Window window : windows) {
            window.roll(now);
            least = least < 0 ? window.remaining : Math.min(least, window.remaining);
        }
        return least;
    }

    /** Full again; for tests that start afresh. */
    public synchronized void reset() {
        windows.forEach(window -> window.start(clock.instant()));
        reported = null;
    }

    static final class Window {
        private final Duration length;
        private final int limit;
        private int remaining;
        private Instant resetAt;

        Window(Duration length, int limit) {
            this.length = length;
            this.limit = limit;
            this.remaining = limit;
            this.resetAt = Instant.MIN;
        }

        /** A window that has ended starts again, full, at the first request after it. */
        void roll(Instant now) {
            if (!now.isBefore(resetAt)) {
                start(now);
            }
        }

        void start(Instant now) {
            remaining = limit;
            resetAt = now.plus(length);
        }
    }
}
