package dev.trestle.connectors.precoro;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Precoro refuses an identical GET repeated within a minute (a 429 from its "route based limiter
 * by minute"). This remembers which GETs this replica sent within that window, so that the
 * connector can wait for the window, ask a wider question, or answer from what it read, instead
 * of being refused. Pure logic on a clock.
 *
 * <p>A question is the request's path and its parameters in a canonical order (Precoro compares
 * requests, not their spelling; treating a reordered query as the same request is the safe side).
 */
final class RepeatedGets {

    private record Asked(String question, Instant at) {
    }

    private final Clock clock;
    private final Duration window;
    private final Map<String, Instant> lastAsked = new HashMap<>();
    private final Deque<Asked> order = new ArrayDeque<>();

    /**
     * What the window is kept longer than Precoro's: it counts from when a request arrived, this
     * from just before it was sent, and a request delayed on its way (a busy client, a slow
     * connection) arrives later than the one it repeats.
     */
    static final Duration MARGIN = Duration.ofSeconds(1);

    RepeatedGets(Clock clock, Duration window) {
        this.clock = clock;
        this.window = window.isNegative() || window.isZero() ? Duration.ZERO : window.plus(MARGIN);
    }

    /** When {@code question} may be asked again: now or earlier if it was not asked within the window. */
    synchronized Instant freeAt(String question) {
        Instant now = clock.instant();
        forgetBefore(now);
        Instant at = lastAsked.get(question);
        return at == null ? now : at.plus(window);
    }

    /** Whether {@code question} was asked within the window. */
    boolean recentlyAsked(String question) {
        return freeAt(question).isAfter(clock.instant());
    }

    /**
     * Notes that {@code question} is being sent now, unless it was asked within the window (by a
     * caller that checked at the same moment): then it must not be sent, and this says false.
     */
    synchronized boolean tryAsk(String question) {
        if (recentlyAsked(question)) {
            return false;
        }
        asked(question);
        return true;
    }

    /** Notes that {@code question} is being sent now. */
    synchronized void asked(String question) {
        if (window.isZero()) {
            return;
        }
        Instant now = clock.instant();
        forgetBefore(now);
        lastAsked.put(question, now);
        order.addLast(new Asked(question, now));
    }

    /**
     * The latest whole second at or before {@code since} whose question was not asked within the
     * window, noted as asked: for questions where an earlier moment asks for more, never less.
     */
    synchronized Instant claimSecondAtOrBefore(Instant since, Function<Instant, String> question) {
        Instant second = since.truncatedTo(ChronoUnit.SECONDS);
        while (freeAt(question.apply(second)).isAfter(clock.instant())) {
            second = second.minusSeconds(1);
        }
        asked(question.apply(second));
        return second;
    }

    /** Forgets everything; for tests that start afresh, as the sandbox's windows do. */
    synchronized void clear() {
        lastAsked.clear();
        order.clear();
    }

    private void forgetBefore(Instant now) {
        Instant horizon = now.minus(window);
        while (!order.isEmpty() && !order.peekFirst().at().isAfter(horizon)) {
            Asked oldest = order.removeFirst();
            // A later ask of the same question keeps it remembered.
            if (oldest.at().equals(lastAsked.get(oldest.question()))) {
                lastAsked.remove(oldest.question());
            }
        }
    }
}
