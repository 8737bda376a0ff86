package dev.trestle.connectors;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A non-blocking, first-come-first-served async semaphore with optional pacing.
 *
 * <p>Upstream systems limit how many requests a client may have open at once (NetSuite per
 * account, Precoro per key), and they answer excess requests with 429. Rather than provoke
 * those answers and back off, every call to a system goes through that system's single
 * governor, so the process never has more than {@code maxConcurrency} requests in flight.
 * A permit is held only while one attempt runs: retries call {@link #run} again after their
 * back-off, so a sleeping retry never blocks other callers.
 *
 * <p>Nothing here blocks a thread: a caller that finds no free permit is queued and resumed by
 * whichever call releases one. Waiters are served strictly in arrival order, so a burst of
 * parallel page fetches cannot starve a single lookup that arrived earlier.
 *
 * <p>With a minimum interval, the starts of successive calls are spaced at least that far
 * apart (Precoro allows about one request per second). The pacing wait happens after the
 * permit is granted, so the spacing holds even when calls complete quickly.
 *
 * <p>With calendar seconds (Precoro, which counts the requests of each second of its clock as they
 * arrive), each paced start also falls in a later wall-clock second than the one before, between
 * {@value #SECOND_OPENS_MILLIS} and {@value #SECOND_CLOSES_MILLIS} ms into it: a request may then be
 * up to a quarter of a second on its way, or the two clocks that far apart, and still arrive in a
 * second of its own. Spacing alone cannot promise that: two starts a little over a second apart
 * arrive in one second whenever the first is delayed by more than the margin.
 */
public final class ConcurrencyGovernor {

    private final String name;
    private final int maxConcurrency;
    private final long minIntervalNanos;
    private final ArrayDeque<Ticket> queue = new ArrayDeque<>();
    private final AtomicInteger drainGuard = new AtomicInteger();
    private int available;
    private long nextStartNanos;
    /** When the latest paced call actually started. */
    private long lastStartNanos;
    /** Milliseconds into a wall-clock second from which, and until which, a calendar-second start may happen. */
    static final long SECOND_OPENS_MILLIS = 100;
    static final long SECOND_CLOSES_MILLIS = 750;
    private final boolean calendarSeconds;
    /** The wall-clock second (epoch seconds) of the latest paced start, with calendar seconds. */
    private long lastStartSecond = Long.MIN_VALUE;

    /**
     * @param name           for diagnostics and metric tags, e.g. {@code netsuite}
     * @param maxConcurrency permits; at least 1
     * @param minInterval    minimum spacing between the starts of two calls; zero for none
     */
    public ConcurrencyGovernor(String name, int maxConcurrency, Duration minInterval) {
        this(name, maxConcurrency, minInterval, false);
    }

    /**
     * @param calendarSeconds whether each paced start also takes a wall-clock second of its own (see the class)
     */
    public ConcurrencyGovernor(String name, int maxConcurrency, Duration minInterval, boolean calendarSeconds) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("max concurrency of " + name + " must be at least 1");
        }
        if (minInterval.isNegative()) {
            throw new IllegalArgumentException("pacing interval of " + name + " must not be negative");
        }
        this.name = Objects.requireNonNull(name);
        this.maxConcurrency = maxConcurrency;
        // Timers fire in whole milliseconds: a shorter interval (over 1000 calls a second) could not
        // be kept by waiting anyway, so it costs nothing instead of a timer per call.
        this.minIntervalNanos = minInterval.toNanos() < 1_000_000 ? 0 : minInterval.toNanos();
        this.available = maxConcurrency;
        this.calendarSeconds = calendarSeconds && this.minIntervalNanos > 0;
        this.nextStartNanos = System.nanoTime();
        this.lastStartNanos = nextStartNanos - this.minIntervalNanos;
    }

    public ConcurrencyGovernor(String name, int maxConcurrency) {
        this(name, maxConcurrency, Duration.ZERO);
    }

    /**
     * Runs {@code call} once a permit is free and releases the permit when the returned
     * {@code Uni} completes, fails or is cancelled. The supplier is invoked lazily, once per
     * subscription, and only while the permit is held.
     */
    public <T> Uni<T> run(Supplier<Uni<T>> call) {
        Objects.requireNonNull(call, "call");
        return Uni.createFrom().emitter(emitter -> {
            AtomicReference<Ticket> self = new AtomicReference<>();
            // The permit goes back before the result goes on, so whatever the caller does next
            // never holds a permit, and the next waiter starts at once.
            Ticket ticket = new Ticket(() -> start(call,
                    item -> {
                        self.get().terminate();
                        emitter.complete(item);
                    },
                    failure -> {
                        self.get().terminate();
                        emitter.fail(failure);
                    }));
            self.set(ticket);
            emitter.onTermination(ticket::terminate);
            enqueue(ticket);
        });
    }

    public String name() {
        return name;
    }

    public int maxConcurrency() {
        return maxConcurrency;
    }

    /** Calls currently holding a permit. */
    public synchronized int inFlight() {
        return maxConcurrency - available;
    }

    /** Calls queued for a permit. */
    public synchronized int waiting() {
        return queue.size();
    }

    private <T> Cancellable start(Supplier<Uni<T>> call, Consumer<T> onItem, Consumer<Throwable> onFailure) {
        long delayNanos = reserveStart();
        // With calendar seconds every start is confirmed against the wall clock, even one that needs no wait.
        Uni<T> attempt = delayNanos > 0 || calendarSeconds ? paced(call, delayNanos)
                : Uni.createFrom().deferred(call::get);
        return attempt.subscribe().with(onItem, onFailure);
    }

    /** Waits for the reserved start, and again if the call before started late, then runs the call. */
    private <T> Uni<T> paced(Supplier<Uni<T>> call, long delayNanos) {
        if (delayNanos <= 0) {
            long more = confirmStart();
            return more > 0 ? paced(call, more) : Uni.createFrom().deferred(call::get);
        }
        // Rounded up to the timer's resolution, so the spacing is never shortened.
        Duration wait = UpstreamCaller.timerDelay(Duration.ofNanos(delayNanos));
        return Uni.createFrom().voidItem().onItem().delayIt().by(wait).chain(() -> {
            long more = confirmStart();
            return more > 0 ? paced(call, more) : Uni.createFrom().deferred(call::get);
        });
    }

    /**
     * Reserves the next start slot and returns how long to wait for it. Without pacing this is
     * free: no clock, no lock.
     */
    private long reserveStart() {
        if (minIntervalNanos == 0) {
            return 0;
        }
        synchronized (this) {
            long now = System.nanoTime();
            long start = Math.max(now, nextStartNanos);
            nextStartNanos = start + minIntervalNanos;
            if (start == now && !calendarSeconds) {
                lastStartNanos = now;
            }
            return start - now;
        }
    }

    /**
     * Called when a paced call's wait is over. Timers fire late on a busy machine, so the call
     * before may have started later than its slot; the spacing is kept from that actual start.
     * Returns 0 when the call may start now, else how much longer to wait.
     */
    private synchronized long confirmStart() {
        long now = System.nanoTime();
        long earliest = lastStartNanos + minIntervalNanos;
        if (now - earliest < 0) {
            nextStartNanos = Math.max(nextStartNanos, earliest + minIntervalNanos);
            return earliest - now;
        }
        if (calendarSeconds) {
            long wall = System.currentTimeMillis();
            long second = Math.floorDiv(wall, 1000);
            long into = Math.floorMod(wall, 1000);
            long waitMillis = second <= lastStartSecond
                    ? (lastStartSecond + 1) * 1000 + SECOND_OPENS_MILLIS - wall
                    : into < SECOND_OPENS_MILLIS ? SECOND_OPENS_MILLIS - into
                    : into >= SECOND_CLOSES_MILLIS ? 1000 - into + SECOND_OPENS_MILLIS
                    : 0;
            if (waitMillis > 0) {
                long waitNanos = waitMillis * 1_000_000;
                nextStartNanos = Math.max(nextStartNanos, now + waitNanos + minIntervalNanos);
                return waitNanos;
            }
            lastStartSecond = second;
        }
        lastStartNanos = now;
        return 0;
    }

    private void enqueue(Ticket ticket) {
        synchronized (this) {
            queue.addLast(ticket);
        }
        drain();
    }

    private void release() {
        synchronized (this) {
            available++;
        }
        drain();
    }

    private synchronized void forget(Ticket ticket) {
        queue.remove(ticket);
    }

    /**
     * Hands free permits to queued tickets. The guard turns re-entrant calls (a call that
     * completes synchronously and releases its permit while being started) into extra loop
     * rounds, so a long queue never becomes a deep stack.
     */
    private void drain() {
        if (drainGuard.getAndIncrement() != 0) {
            return;
        }
        do {
            while (true) {
                Ticket next;
                synchronized (this) {
                    if (available == 0 || queue.isEmpty()) {
                        break;
                    }
                    next = queue.pollFirst();
                    available--;
                }
                if (!next.grant()) {
                    synchronized (this) {
                        available++;
                    }
                }
            }
        } while (drainGuard.decrementAndGet() != 0);
    }

    @Override
    public String toString() {
        return "ConcurrencyGovernor[" + name + ", " + inFlight() + "/" + maxConcurrency + " in flight, " + waiting()
                + " waiting]";
    }

    private enum State {
        WAITING, RUNNING, DONE
    }

    /** One caller's place in the queue; its state decides who releases the permit. */
    private final class Ticket {
        private final AtomicReference<State> state = new AtomicReference<>(State.WAITING);
        private final Supplier<Cancellable> starter;
        private volatile Cancellable running;

        Ticket(Supplier<Cancellable> starter) {
            this.starter = starter;
        }

        /** Returns false when the caller went away while queued, so the permit goes to the next one. */
        boolean grant() {
            if (!state.compareAndSet(State.WAITING, State.RUNNING)) {
                return false;
            }
            running = starter.get();
            if (state.get() == State.DONE) {
                // cancelled while starting: the terminate() that saw RUNNING released the permit
                running.cancel();
            }
            return true;
        }

        /** Called once on completion, failure or cancellation of the caller's Uni. */
        void terminate() {
            State previous = state.getAndSet(State.DONE);
            if (previous == State.WAITING) {
                forget(this);
            } else if (previous == State.RUNNING) {
                Cancellable inner = running;
                if (inner != null) {
                    inner.cancel();
                }
                release();
            }
        }
    }
}
