package dev.trestle.connectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * Runs every request to one upstream system through the same resilience chain:
 * retry (outermost) → circuit breaker → {@link ConcurrencyGovernor} → one timed HTTP attempt.
 *
 * <p>The order matters. Each attempt takes a governor permit and gives it back before the
 * back-off sleep, so a retrying caller never holds capacity it is not using. Each attempt passes
 * the breaker, so an open breaker stops the retries at once instead of sending them. Only
 * transient failures ({@link UpstreamException.Kind#isTransient()}) count against the breaker:
 * a rejected credential or an invalid query says nothing about the system's health.
 *
 * <p>An attempt reports failures as {@link UpstreamException} (the connector turns HTTP answers
 * into those); timeouts and connection errors from the HTTP client are classified here. Anything
 * else is a bug in the hub and passes through untouched, without a retry.
 *
 * <p>One instance exists per system (see {@link Upstream}); metrics:
 * timer {@code trestle.upstream.requests} (tags {@code system}, {@code operation}, {@code outcome}),
 * counters {@code trestle.upstream.retries} (tag {@code reason}) and {@code trestle.upstream.rejected},
 * gauges {@code trestle.upstream.governor.in_flight} and {@code trestle.upstream.governor.waiting}.
 */
public final class UpstreamCaller {

    private static final Logger LOG = Logger.getLogger(UpstreamCaller.class);

    private final UpstreamSystem system;
    private final ConcurrencyGovernor governor;
    private final RetryConfig retry;
    private final Guard breaker;
    private final MeterRegistry registry;
    private final RequestBudget budget;
    private final Duration budgetWait;

    public UpstreamCaller(UpstreamSystem system, ConcurrencyGovernor governor, RetryConfig retry,
            CircuitBreakerConfig circuitBreaker, MeterRegistry registry) {
        this(system, governor, retry, circuitBreaker, registry, RequestBudget.unlimited(Clock.systemUTC()),
                Duration.ZERO);
    }

    /**
     * With a request budget: every attempt first takes one request of it ({@link #budgeted}).
     *
     * @param budgetWait the longest the hub's own work waits in place for budget
     */
    public UpstreamCaller(UpstreamSystem system, ConcurrencyGovernor governor, RetryConfig retry,
            CircuitBreakerConfig circuitBreaker, MeterRegistry registry, RequestBudget budget, Duration budgetWait) {
        this.budget = Objects.requireNonNull(budget);
        this.budgetWait = Objects.requireNonNull(budgetWait);
        this.system = Objects.requireNonNull(system);
        this.governor = Objects.requireNonNull(governor);
        this.retry = Objects.requireNonNull(retry);
        this.registry = Objects.requireNonNull(registry);
        // Named, so that CircuitBreakerMaintenance can report and reset it (tests reset between cases).
        this.breaker = Guard.create()
                .withCircuitBreaker()
                .name(breakerName(system))
                .requestVolumeThreshold(circuitBreaker.requestVolumeThreshold())
                .failureRatio(circuitBreaker.failureRatio())
                .delay(circuitBreaker.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(circuitBreaker.successThreshold())
                .when(failure -> failure instanceof UpstreamException e && e.kind().isTransient())
                .onStateChange(state -> LOG.infof("%s circuit breaker is now %s", system.displayName(), state))
                .done()
                .build();
        Gauge.builder("trestle.upstream.governor.in_flight", governor, ConcurrencyGovernor::inFlight)
                .description("Requests to the upstream system holding a concurrency permit")
                .tag("system", system.tag())
                .register(registry);
        Gauge.builder("trestle.upstream.governor.waiting", governor, ConcurrencyGovernor::waiting)
                .description("Requests to the upstream system queued for a concurrency permit")
                .tag("system", system.tag())
                .register(registry);
        Gauge.builder("trestle.upstream.budget.remaining", budget, RequestBudget::remaining)
                .description("Requests left of this replica's share of the tightest budget window (-1: no budget)")
                .tag("system", system.tag())
                .register(registry);
    }

    /**
     * Whether a person's read would go out at once: the budget has room beyond the reserve and no
     * other call waits for the system (a sync's queued pages would make it wait its turn). Reads
     * that have another answer (the hub's copy) ask this first instead of waiting.
     */
    public boolean idleForPeople() {
        return governor.waiting() == 0 && budget.hasRoom(UpstreamPriority.INTERACTIVE);
    }

    /** This replica's share of the system's request budget. */
    public RequestBudget budget() {
        return budget;
    }

    /** The name of the system's circuit breaker, for {@code CircuitBreakerMaintenance}. */
    public static String breakerName(UpstreamSystem system) {
        return "trestle-" + system.tag();
    }

    public UpstreamSystem system() {
        return system;
    }

    public ConcurrencyGovernor governor() {
        return governor;
    }

    /**
     * Runs {@code attempt} with retries, the breaker and the governor. The supplier is invoked
     * once per attempt and must build a fresh request each time.
     *
     * @param operation a short, stable name for metrics and logs, e.g. {@code employees.all}
     */
    public <T> Uni<T> call(String operation, Supplier<Uni<T>> attempt) {
        return call(operation, attempt, null);
    }

    /**
     * As {@link #call}, for a request the service refuses to hear again too soon (Precoro: an
     * identical GET within a minute): a retry waits at least until {@code retryNotBefore} says,
     * and when that is beyond {@code max-delay} the call fails with the failure it had.
     */
    public <T> Uni<T> call(String operation, Supplier<Uni<T>> attempt, Supplier<Instant> retryNotBefore) {
        Objects.requireNonNull(operation);
        Objects.requireNonNull(attempt);
        // Whose work this is, read on the caller's context (retries and callbacks may run elsewhere).
        UpstreamPriority priority = UpstreamPriority.current();
        return attempt(operation, attempt, retryNotBefore, priority, 1, 0);
    }

    /**
     * As {@link #call}, outside the request budget: for a host the budget does not cover (the
     * OAuth host, whose token requests the API's rate limits do not count).
     */
    public <T> Uni<T> callOutsideBudget(String operation, Supplier<Uni<T>> attempt) {
        Objects.requireNonNull(operation);
        Objects.requireNonNull(attempt);
        return attempt(operation, attempt, null, null, 1, 0);
    }

    private <T> Uni<T> attempt(String operation, Supplier<Uni<T>> attempt, Supplier<Instant> retryNotBefore,
            UpstreamPriority priority, int number, int malformedSoFar) {
        Uni<Void> budgeted = priority == null ? Uni.createFrom().voidItem() : budgeted(operation, priority);
        return budgeted.chain(() -> guarded(operation, attempt)).onFailure().recoverWithUni(failure -> {
            if (!(failure instanceof UpstreamException upstream)) {
                return Uni.createFrom().failure(failure);
            }
            int malformed = malformedSoFar + (upstream.kind() == UpstreamException.Kind.MALFORMED ? 1 : 0);
            Duration wait = delayBeforeRetry(upstream, number, malformed);
            if (wait != null && retryNotBefore != null) {
                Duration floor = Duration.between(Instant.now(), retryNotBefore.get());
                if (floor.compareTo(wait) > 0) {
                    // A person is not kept waiting for a repeat window: the failure is the answer.
                    wait = floor.compareTo(retry.maxDelay()) > 0 || priority == UpstreamPriority.INTERACTIVE
                            ? null : floor;
                }
            }
            if (wait == null) {
                return Uni.createFrom().failure(upstream);
            }
            Counter.builder("trestle.upstream.retries")
                    .description("Attempts repeated after a transient upstream failure")
                    .tag("system", system.tag())
                    .tag("operation", operation)
                    .tag("reason", upstream.kind().outcome())
                    .register(registry)
                    .increment();
            LOG.debugf("%s %s: attempt %d failed (%s), retrying in %d ms", system.displayName(), operation, number,
                    upstream.kind().outcome(), wait.toMillis());
            return Uni.createFrom().voidItem().onItem().delayIt().by(timerDelay(wait))
                    .chain(() -> attempt(operation, attempt, retryNotBefore, priority, number + 1, malformed));
        });
    }

    /**
     * Takes one request of the budget before an attempt. Without room the call waits in place up
     * to {@code budgetWait} (a spike window of seconds), and beyond it fails as {@code BUDGET_SPENT}
     * with the time the budget is back: the export worker pauses the system then, spending no
     * attempt, and a person's read is told when reads are back (the last of each window is kept
     * for the hub's own work).
     */
    private Uni<Void> budgeted(String operation, UpstreamPriority priority) {
        return Uni.createFrom().deferred(() -> {
            Optional<Instant> back = budget.tryAcquire(priority);
            if (back.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Duration wait = Duration.between(Instant.now(), back.get());
            if (wait.compareTo(budgetWait) <= 0) {
                return Uni.createFrom().voidItem().onItem().delayIt().by(timerDelay(wait))
                        .chain(() -> budgeted(operation, priority));
            }
            Counter.builder("trestle.upstream.budget.refused")
                    .description("Calls refused without a request because the request budget had no room")
                    .tag("system", system.tag())
                    .tag("operation", operation)
                    .tag("priority", priority.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry)
                    .increment();
            return Uni.createFrom().failure(UpstreamException.budgetSpent(system, wait,
                    priority == UpstreamPriority.INTERACTIVE));
        });
    }

    /** A wait as Vert.x timers take it: whole milliseconds, at least one (never shortened). */
    static Duration timerDelay(Duration wait) {
        long nanos = Math.max(0, wait.toNanos());
        return Duration.ofMillis(Math.max(1, (nanos + 999_999) / 1_000_000));
    }

    /** Returns the wait before the next attempt, or null when the failure is final. */
    Duration delayBeforeRetry(UpstreamException failure, int attemptsMade, int malformedSoFar) {
        if (!failure.kind().isTransient() || attemptsMade > retry.maxRetries()) {
            return null;
        }
        if (failure.kind() == UpstreamException.Kind.MALFORMED && malformedSoFar > retry.malformedRetries()) {
            return null;
        }
        Duration max = retry.maxDelay();
        if (failure.retryAfter().isPresent()) {
            Duration asked = failure.retryAfter().get();
            return asked.compareTo(max) > 0 ? null : asked;
        }
        long base = retry.initialDelay().toMillis() << Math.min(attemptsMade - 1, 20);
        long capped = Math.min(Math.max(base, 1), max.toMillis());
        // "Equal jitter": at least half the exponential delay, so parallel callers spread out but
        // none retries almost immediately.
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
    }

    @SuppressWarnings("unchecked")
    private <T> Uni<T> guarded(String operation, Supplier<Uni<T>> attempt) {
        Supplier<Uni<T>> governed = () -> governor.run(() -> timed(operation, attempt));
        return Uni.createFrom()
                .deferred(() -> (Uni<T>) breaker.get((Supplier) governed, Uni.class))
                .onFailure(CircuitBreakerOpenException.class).transform(open -> {
                    Counter.builder("trestle.upstream.rejected")
                            .description("Calls refused without a request because the circuit breaker is open")
                            .tag("system", system.tag())
                            .tag("operation", operation)
                            .register(registry)
                            .increment();
                    return UpstreamException.circuitOpen(system, open);
                });
    }

    private <T> Uni<T> timed(String operation, Supplier<Uni<T>> attempt) {
        return Uni.createFrom().deferred(() -> {
            Timer.Sample sample = Timer.start(registry);
            return Uni.createFrom().deferred(attempt::get)
                    .onFailure().transform(this::classify)
                    .onItemOrFailure().invoke((item, failure) -> sample.stop(timer(operation, outcome(failure))))
                    .onCancellation().invoke(() -> sample.stop(timer(operation, "cancelled")));
        });
    }

    private Timer timer(String operation, String outcome) {
        return Timer.builder("trestle.upstream.requests")
                .description("One HTTP attempt against an upstream system")
                .tag("system", system.tag())
                .tag("operation", operation)
                .tag("outcome", outcome)
                .register(registry);
    }

    private static String outcome(Throwable failure) {
        if (failure == null) {
            return "success";
        }
        return failure instanceof UpstreamException e ? e.kind().outcome() : "error";
    }

    /** Turns the HTTP client's transport failures into {@link UpstreamException}s. */
    Throwable classify(Throwable failure) {
        if (failure instanceof UpstreamException) {
            return failure;
        }
        boolean transport = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String type = t.getClass().getName();
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (type.contains("Timeout") || message.contains("timeout") || message.contains("timed out")) {
                return UpstreamException.transport(system, true, failure);
            }
            if (t instanceof java.io.IOException
                    || type.startsWith("io.vertx.core.")
                    || type.startsWith("io.netty.")
                    || type.equals("jakarta.ws.rs.ProcessingException")) {
                transport = true;
            }
        }
        return transport ? UpstreamException.transport(system, false, failure) : failure;
    }
}
