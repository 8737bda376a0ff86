package dev.trestle.sandbox.procore;

import java.time.Clock;
import java.time.Duration;

/**
 * Procore's two request limits, counted at once: the hourly window ({@link #limit(int)},
 * {@link #window(Duration)}; 3600 an hour by default) and the spike window
 * ({@link #spikeLimit(int)}, {@link #spikeWindow(Duration)}; 25 per 10 seconds by default), each a
 * fixed window aligned to the clock. A request is admitted only when both have room, and then
 * counts in both. Every admitted request counts, whatever its answer, as Procore counts failed
 * calls; a refused one (429) counts in neither.
 *
 * <p>Procore's headers describe "whichever limit you are more likely to hit first: usually the
 * spike limit, until the hourly limit is nearly used up". The sandbox's rule for that: the window
 * with the smaller share of its limit left ({@code remaining / limit}); on a tie (both untouched,
 * say) the one that resets sooner, and then the spike window. With the defaults that is the spike
 * window until fewer than about 4% of the hour's requests are left. (A test that shortens the
 * hourly window below the spike window's length therefore still sees the hourly reset on a fresh
 * window, as before the spike window existed.) A 429 reports the window that refused (limit,
 * 0 remaining, its reset); when both are full, the hourly one, whose reset is the one a client must
 * wait for.
 */
public final class ProcoreRateLimit {

    /**
     * The state reported in the {@code X-Rate-Limit-*} headers; {@code admitted} is false for a 429.
     * {@code window} names the window described: {@code hourly} or {@code spike}.
     */
    public record Decision(boolean admitted, int limit, int remaining, long resetEpochSecond, String window) {
    }

    /** One fixed window: a limit per length, and what was used of the current one. */
    private static final class Window {
        final String name;
        final int defaultLimit;
        final long defaultMillis;
        int limit;
        long millis;
        long start = Long.MIN_VALUE;
        int used;

        Window(String name, int limit, Duration length) {
            this.name = name;
            this.defaultLimit = positive(limit);
            this.defaultMillis = checkLength(length);
            reset();
        }

        void reset() {
            limit = defaultLimit;
            millis = defaultMillis;
            restart();
        }

        void restart() {
            start = Long.MIN_VALUE;
            used = 0;
        }

        void roll(long now) {
            long current = Math.floorDiv(now, millis) * millis;
            if (current != start) {
                start = current;
                used = 0;
            }
        }

        boolean full() {
            return used >= limit;
        }

        int remaining() {
            return Math.max(0, limit - used);
        }

        /** Unix second at which the window reopens, rounded up so a client never retries early. */
        long resetSecond() {
            return Math.floorDiv(start + millis + 999, 1000L);
        }

        Decision state(boolean admitted) {
            return new Decision(admitted, limit, admitted ? remaining() : 0, resetSecond(), name);
        }
    }

    private final Clock clock;
    private final Window hourly;
    private final Window spike;
    private final boolean defaultSpikeOn;
    private boolean spikeOn;

    ProcoreRateLimit(Clock clock, int limit, Duration window) {
        this(clock, limit, window, 0, Duration.ofSeconds(10));
    }

    /** {@code spikeLimit} 0: no spike window. */
    ProcoreRateLimit(Clock clock, int limit, Duration window, int spikeLimit, Duration spikeWindow) {
        this.clock = clock;
        this.hourly = new Window("hourly", limit, window);
        if (spikeLimit < 0) {
            throw new IllegalArgumentException("a spike limit is 0 (none) or more");
        }
        this.defaultSpikeOn = spikeLimit > 0;
        this.spike = new Window("spike", defaultSpikeOn ? spikeLimit : 1, spikeWindow);
        reset();
    }

    /** Requests allowed per hourly window. */
    public synchronized ProcoreRateLimit limit(int requests) {
        hourly.limit = positive(requests);
        return this;
    }

    /** Length of the hourly window (tests shorten it); a new window starts empty. */
    public synchronized ProcoreRateLimit window(Duration window) {
        hourly.millis = checkLength(window);
        hourly.restart();
        return this;
    }

    /** Requests allowed per spike window; turns the spike window on if it was off. */
    public synchronized ProcoreRateLimit spikeLimit(int requests) {
        spike.limit = positive(requests);
        spikeOn = true;
        return this;
    }

    /** Length of the spike window; a new window starts empty. */
    public synchronized ProcoreRateLimit spikeWindow(Duration window) {
        spike.millis = checkLength(window);
        spike.restart();
        return this;
    }

    /** No spike window until the next reset: only the hourly limit applies, as before Procore added one. */
    public synchronized ProcoreRateLimit noSpikeWindow() {
        spikeOn = false;
        spike.restart();
        return this;
    }

    /** The hourly window's limit. */
    public synchronized int limit() {
        return hourly.limit;
    }

    /** The spike window's limit, or 0 when it is off. */
    public synchronized int spikeLimit() {
        return spikeOn ? spike.limit : 0;
    }

    /** Back to the configured limits and windows, both empty. */
    public synchronized void reset() {
        hourly.reset();
        spike.reset();
        spikeOn = defaultSpikeOn;
    }

    /** Counts one request if both windows have room. */
    synchronized Decision tryAcquire() {
        long now = clock.millis();
        hourly.roll(now);
        spike.roll(now);
        if (hourly.full()) {
            return hourly.state(false);
        }
        if (spikeOn && spike.full()) {
            return spike.state(false);
        }
        hourly.used++;
        spike.used++;
        return reported().state(true);
    }

    /** The current state without counting a request (for answers refused before admission). */
    synchronized Decision peek() {
        long now = clock.millis();
        hourly.roll(now);
        spike.roll(now);
        if (hourly.full()) {
            return hourly.state(false);
        }
        if (spikeOn && spike.full()) {
            return spike.state(false);
        }
        return reported().state(true);
    }

    /** The window more likely to be hit first: the smaller share left, then the sooner reset, then the spike window. */
    private Window reported() {
        if (!spikeOn) {
            return hourly;
        }
        long hourlyShare = (long) hourly.remaining() * spike.limit;
        long spikeShare = (long) spike.remaining() * hourly.limit;
        if (hourlyShare != spikeShare) {
            return hourlyShare < spikeShare ? hourly : spike;
        }
        return hourly.start + hourly.millis < spike.start + spike.millis ? hourly : spike;
    }

    private static int positive(int requests) {
        if (requests < 1) {
            throw new IllegalArgumentException("a rate limit is at least 1");
        }
        return requests;
    }

    private static long checkLength(Duration window) {
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("a rate limit window is at least 1 ms");
        }
        return window.toMillis();
    }
}
