package dev.trestle.exports;

import dev.trestle.common.NextTurn;
import dev.trestle.connectors.UpstreamException;
import dev.trestle.connectors.UpstreamSystem;
import dev.trestle.connectors.netsuite.NetSuiteConfig;
import dev.trestle.connectors.netsuite.NetSuiteRecords;
import dev.trestle.connectors.precoro.PrecoroConfig;
import dev.trestle.connectors.precoro.PrecoroPurchasing;
import dev.trestle.links.RecordRef;
import dev.trestle.connectors.procore.ProcoreConfig;
import dev.trestle.connectors.procore.ProcoreConnector;
import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox, both directions: claims due rows, writes each into its destination
 * (NetSuite: an upsert by external id; Procore: a sync entry by origin id, many per request) and
 * records the outcome and the link; then, as follow-up work of the same row, gives an exported
 * Procore record the NetSuite id as its origin_id. Every replica runs one; the claims keep them
 * from taking the same row.
 *
 * <p>Outages never fail an export. An open breaker or a rate limit window (429) pauses that
 * system's work on this replica: nothing of it is claimed until the breaker's delay or the
 * upstream's Retry-After/reset has passed, the rows it had are due again then, and no attempt is
 * spent. Other transient failures (5xx, timeouts, dropped connections) count an attempt and are
 * retried with capped exponential back-off, for as long as it takes. Only refusals a person must
 * fix (a NetSuite validation error, a missing record) end FAILED, until an approver retries.
 *
 * <p>A landed write is never reported as failed: the export is EXPORTED once NetSuite took every
 * write, and the origin ids follow on their own ({@link ExportStore#claimOrigins}), many per
 * Procore sync action, without writing to NetSuite again.
 *
 * <p>Exactly once: the outbox row is committed with the approval, so nothing approved is lost;
 * each write is an upsert keyed on an id derived from the Procore record, so repeating it after
 * a crash, a timeout or a dropped answer updates the record it created instead of adding one.
 *
 * <p>Throughput: up to {@code trestle.exports.in-flight} NetSuite deliveries run at once, and a
 * free slot is refilled as soon as a delivery ends, so NetSuite's permits never wait for the
 * slowest delivery of a batch; the NetSuite governor bounds how many writes are on the wire.
 * Procore's are claimed a sync action's worth at a time (up to 1,000), since they go many to a
 * request.
 */
// Created at start, so that its gauge is on /q/metrics before the first delivery or poll.
@Startup
@ApplicationScoped
public class ExportWorker {

    private static final Logger LOG = Logger.getLogger(ExportWorker.class);
    /** Precoro takes one request a second: a claim of ten is ten seconds of its pace, far inside a claim's time. */
    private static final int PRECORO_ORIGINS_PER_CLAIM = 10;

    private final ExportStore store;
    private final NetSuiteRecords netsuite;
    private final ProcoreSyncs procore;
    private final Clock clock;
    private final Vertx vertx;
    private final MeterRegistry meters;
    private final Duration netsuiteBreakerDelay;
    private final Duration procoreBreakerDelay;
    private final Duration claimFor;
    private final Duration firstRetryAfter;
    private final Duration maxRetryAfter;
    private final List<Recording> toRecord = new ArrayList<>();
    private boolean recordingScheduled;
    private final Lane netsuiteLane;
    private final Lane procoreLane;
    private final OriginLane procoreOrigins;
    private final OriginLane precoroOrigins;
    private final PrecoroPurchasing precoro;
    private final PurchaseOrderWriteBack writeBack;
    private final Duration precoroBreakerDelay;
    /** Until when this replica sends nothing to a system (an open breaker, a 429); absent when it is not paused. */
    private final Map<UpstreamSystem, Instant> pausedUntil = new ConcurrentHashMap<>();

    public ExportWorker(ExportStore store, NetSuiteRecords netsuite, ProcoreSyncs procore, PrecoroPurchasing precoro,
            Clock clock, Vertx vertx, MeterRegistry meters, NetSuiteConfig netsuiteConfig, ProcoreConfig procoreConfig,
            PrecoroConfig precoroConfig, PurchaseOrderWriteBack writeBack,
            @ConfigProperty(name = "trestle.exports.in-flight") int inFlightLimit,
            @ConfigProperty(name = "trestle.exports.claim-for") Duration claimFor,
            @ConfigProperty(name = "trestle.exports.first-retry-after") Duration firstRetryAfter,
            @ConfigProperty(name = "trestle.exports.max-retry-after") Duration maxRetryAfter) {
        this.store = store;
        this.netsuite = netsuite;
        this.procore = procore;
        this.precoro = precoro;
        this.writeBack = writeBack;
        this.clock = clock;
        this.vertx = vertx;
        this.meters = meters;
        this.netsuiteBreakerDelay = netsuiteConfig.circuitBreaker().delay();
        this.procoreBreakerDelay = procoreConfig.circuitBreaker().delay();
        this.precoroBreakerDelay = precoroConfig.circuitBreaker().delay();
        this.claimFor = claimFor;
        this.firstRetryAfter = firstRetryAfter;
        this.maxRetryAfter = maxRetryAfter;
        this.netsuiteLane = new Lane(UpstreamSystem.NETSUITE, inFlightLimit, inFlightLimit);
        this.procoreLane = new Lane(UpstreamSystem.PROCORE, 2 * ProcoreConnector.MAX_SYNC_ENTRIES,
                ProcoreConnector.MAX_SYNC_ENTRIES);
        this.procoreOrigins = new OriginLane(UpstreamSystem.PROCORE, ProcoreConnector.MAX_SYNC_ENTRIES);
        this.precoroOrigins = new OriginLane(UpstreamSystem.PRECORO, PRECORO_ORIGINS_PER_CLAIM);
        Gauge.builder("trestle.exports.in_flight", this,
                        worker -> worker.netsuiteLane.inFlight.get() + worker.procoreLane.inFlight.get())
                .description("Export deliveries this replica is running")
                .register(meters);
    }

    /** Claims what is due now (after an approval), as far as free delivery slots allow. */
    public void wake() {
        Instant now = clock.instant();
        // Both may be paused; the poll after a pause claims again.
        if (!paused(UpstreamSystem.NETSUITE, now)) {
            netsuiteLane.wake();
        }
        if (!paused(UpstreamSystem.PROCORE, now)) {
            procoreLane.wake();
        }
    }

    /**
     * The deliveries to one destination, claimed and run up to its limit: NetSuite's is the
     * in-flight setting (writes one at a time per permit); Procore's are claimed a whole sync
     * action's worth at a time (its writes go many to a request, so a claim of fewer would split one
     * sync action into many), two at once, so that the next sync action is ready when one answers.
     */
    private final class Lane {
        private final UpstreamSystem destination;
        private final int limit;
        private final int perClaim;
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicBoolean claiming = new AtomicBoolean();
        private final AtomicBoolean wokenWhileClaiming = new AtomicBoolean();

        Lane(UpstreamSystem destination, int limit, int perClaim) {
            this.destination = destination;
            this.limit = limit;
            this.perClaim = perClaim;
        }

        void wake() {
            if (!claiming.compareAndSet(false, true)) {
                // The claim under way may have been planned before this row was committed: claim again after it.
                wokenWhileClaiming.set(true);
                return;
            }
            wokenWhileClaiming.set(false);
            // On the next turn: the deliveries that end together (a sync action's) have all made room by then.
            var context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            context.runOnContext(ignored -> claimDue());
        }

        private void claimDue() {
            int busy = inFlight.get();
            int room = Math.min(perClaim, limit - busy);
            // Refill by halves: one claim per delivery would double the database work of a large batch,
            // and half the slots still keep more writes queued than the destination takes at once.
            if (room <= 0 || busy > 0 && limit - busy < Math.max(1, limit / 2)) {
                // Each delivery that ends wakes the worker again (one may have ended just now).
                claiming.set(false);
                if (wokenWhileClaiming.get()) {
                    wake();
                }
                return;
            }
            Instant now = clock.instant();
            store.claim(List.of(destination), room, now, now.plus(claimFor))
                    .subscribe().with(
                    claims -> {
                        inFlight.addAndGet(claims.size());
                        claiming.set(false);
                        claims.forEach(claim -> deliver(claim).subscribe().with(done -> delivered(), failure -> {
                            LOG.errorf(failure, "Export write %s %s was not recorded; its claim expires and it is "
                                    + "retried", claim.recordType(), claim.idempotencyKey());
                            delivered();
                        }));
                        if (claims.size() == room || wokenWhileClaiming.get()) {
                            // Rows may be left, or have been approved while this claim ran.
                            ExportWorker.this.wake();
                        }
                    },
                    failure -> {
                        LOG.errorf(failure, "Claiming exports failed; the next poll tries again");
                        claiming.set(false);
                    });
        }

        private void delivered() {
            inFlight.decrementAndGet();
            ExportWorker.this.wake();
        }
    }

    /** Picks up retries that came due, and rows whose replica died while holding them. */
    @Scheduled(identity = "export-poll", every = "${trestle.exports.poll-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
        wakeOrigins();
    }

    /**
     * Gives the exported records their destination's id: Procore records their origin_id, up to one sync action's
     * worth at a time; Precoro purchase orders their externalId, a few at a time (one PATCH each, at Precoro's pace).
     */
    void wakeOrigins() {
        procoreOrigins.wake();
        precoroOrigins.wake();
    }

    /** The origin ids due in one source system, claimed and recorded one claim at a time. */
    private final class OriginLane {
        private final UpstreamSystem system;
        private final int perClaim;
        private final AtomicBoolean recording = new AtomicBoolean();
        private final AtomicBoolean woken = new AtomicBoolean();

        OriginLane(UpstreamSystem system, int perClaim) {
            this.system = system;
            this.perClaim = perClaim;
        }

        void wake() {
            if (!recording.compareAndSet(false, true)) {
                // Rows delivered meanwhile go in the next round, as they would queue for the next sync.
                woken.set(true);
                return;
            }
            woken.set(false);
            Instant now = clock.instant();
            if (paused(system, now)) {
                recording.set(false);
                return;
            }
            var context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            context.runOnContext(ignored -> store.claimOrigins(system, perClaim, now, now.plus(claimFor))
                    .chain(claims -> recordOrigins(claims).replaceWith(claims.size()))
                    .subscribe().with(
                            claimed -> {
                                recording.set(false);
                                if (claimed == perClaim || woken.get()) {
                                    wake();
                                }
                            },
                            failure -> {
                                LOG.errorf(failure, "Recording %s ids failed; their claims expire and a later poll "
                                        + "tries again", system.displayName());
                                recording.set(false);
                            }));
        }
    }

    /** Completes once the source record holds the id of the record its write made. */
    private Uni<Void> recordOrigin(ExportStore.OriginClaim claim) {
        return switch (claim.source().system()) {
            case PROCORE -> procore.recordOrigin(claim.source(), claim.destinationId());
            case PRECORO -> precoro.recordExternalId(Long.parseLong(claim.source().id()), claim.destinationId())
                    .call(writeBack::externalIdRecorded)
                    .replaceWithVoid();
            case NETSUITE -> Uni.createFrom().failure(new IllegalStateException("NetSuite records keep no origin id"));
        };
    }

    private Uni<Void> recordOrigins(List<ExportStore.OriginClaim> claims) {
        if (claims.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<ExportStore.OriginClaim> recorded = new ArrayList<>();
        List<ExportStore.OriginFailure> failures = new ArrayList<>();
        List<Uni<Void>> syncs = claims.stream().map(claim -> recordOrigin(claim)
                .invoke(() -> {
                    synchronized (recorded) {
                        recorded.add(claim);
                    }
                })
                .onFailure().recoverWithItem(failure -> {
                    ExportStore.OriginFailure outcome = originFailed(claim, failure);
                    synchronized (recorded) {
                        failures.add(outcome);
                    }
                    return null;
                })).toList();
        return Uni.join().all(syncs).andCollectFailures()
                .chain(() -> {
                    Instant now = clock.instant();
                    meters.counter("trestle.exports.origins", "outcome", "recorded").increment(recorded.size());
                    return store.originsRecorded(recorded, now).chain(() -> store.originsFailed(failures, now));
                });
    }

    private ExportStore.OriginFailure originFailed(ExportStore.OriginClaim claim, Throwable failure) {
        Outcome outcome = classify(failure, claim.source().system(), claim.attempts());
        if (outcome.paused()) {
            pause(claim.source().system(), outcome.retryAt());
        }
        meters.counter("trestle.exports.origins", "outcome", outcome.retryAt() == null ? "failed"
                : outcome.paused() ? "paused" : "retrying").increment();
        return new ExportStore.OriginFailure(claim, outcome.code(), outcome.detail(), outcome.retryAt(), !outcome.paused());
    }

    private Uni<Void> deliver(ExportStore.Claim claim) {
        OutboxWrite write = claim.write();
        Uni<String> written = switch (write.destination()) {
            case NETSUITE -> netsuite.upsert(write.recordType(), write.idempotencyKey(), write.body());
            case PROCORE -> procore.write(write);
            case PRECORO -> Uni.createFrom().failure(new IllegalStateException("the outbox does not write to Precoro"));
        };
        boolean followUp = write.destination() == UpstreamSystem.NETSUITE && keepsOrigin(write.source());
        return written
                .chain(destinationId -> recordLanded(new ExportStore.Landed(claim, destinationId, followUp)))
                .invoke(completed -> {
                    meters.counter("trestle.exports.writes", "outcome", "delivered").increment();
                    wakeOrigins();
                })
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> failed(claim, failure));
    }

    /** A landed write waiting to be recorded with the others of its event-loop turn. */
    private record Recording(ExportStore.Landed landed, UniEmitter<? super Void> done) {
    }

    /**
     * Records a landed write together with the others that land in the same event-loop turn (a
     * Procore sync action lands up to a thousand at once), in one transaction.
     */
    private Uni<Void> recordLanded(ExportStore.Landed landed) {
        return Uni.createFrom().emitter(done -> {
            boolean first;
            synchronized (toRecord) {
                toRecord.add(new Recording(landed, done));
                first = !recordingScheduled;
                recordingScheduled = true;
            }
            if (first) {
                NextTurn.run(this::recordAll);
            }
        });
    }

    private void recordAll() {
        List<Recording> batch;
        synchronized (toRecord) {
            batch = new ArrayList<>(toRecord);
            toRecord.clear();
            recordingScheduled = false;
        }
        store.delivered(batch.stream().map(Recording::landed).toList(), clock.instant()).subscribe().with(
                done -> batch.forEach(recording -> recording.done().complete(null)),
                failure -> batch.forEach(recording -> recording.done().fail(failure)));
    }

    private Uni<Void> failed(ExportStore.Claim claim, Throwable failure) {
        // An approver's retry starts the back-off afresh.
        UpstreamSystem destination = claim.destination();
        Outcome outcome = classify(failure, destination, claim.attemptsSinceRetry());
        if (outcome.paused()) {
            pause(destination, outcome.retryAt());
        }
        meters.counter("trestle.exports.writes", "outcome", outcome.retryAt() == null ? "failed"
                : outcome.paused() ? "paused" : "retrying").increment();
        return store.failed(claim, outcome.code(), outcome.detail(), outcome.retryAt(), !outcome.paused(),
                clock.instant());
    }

    /**
     * What a failed request to {@code system} means for its row: paused (no attempt spent) until
     * the breaker's delay or the upstream's reset, retried after back-off, or refused for good
     * ({@code retryAt} null).
     */
    private record Outcome(String code, String detail, Instant retryAt, boolean paused) {
    }

    private Outcome classify(Throwable failure, UpstreamSystem system, int attempts) {
        Instant now = clock.instant();
        if (failure instanceof UpstreamException upstream) {
            String code = upstream.upstreamCode().orElse(upstream.code().name());
            String detail = upstream.upstreamDetail().orElse(upstream.getMessage());
            UpstreamException.Kind kind = upstream.kind();
            if (kind == UpstreamException.Kind.CIRCUIT_OPEN || kind == UpstreamException.Kind.THROTTLED
                    || kind == UpstreamException.Kind.BUDGET_SPENT) {
                // A rate limit (the service's, or the hub's own budget) says how long; an open breaker
                // lets trial calls through after its delay.
                Duration breakerDelay = switch (upstream.system()) {
                    case PROCORE -> procoreBreakerDelay;
                    case PRECORO -> precoroBreakerDelay;
                    case NETSUITE -> netsuiteBreakerDelay;
                };
                Duration wait = upstream.retryAfter().orElse(kind == UpstreamException.Kind.CIRCUIT_OPEN
                        ? breakerDelay : firstRetryAfter);
                return new Outcome(code, detail, now.plus(wait), upstream.system() == system);
            }
            return new Outcome(code, detail, kind.isTransient() ? now.plus(backoff(attempts)) : null, false);
        }
        if (failure instanceof TrestleException known) {
            return new Outcome(known.code().name(), known.getMessage(), null, false);
        }
        LOG.errorf(failure, "A %s request of an export failed unexpectedly", system.displayName());
        return new Outcome(ErrorCode.INTERNAL.name(), "Unexpected failure; the server log has the details.",
                now.plus(backoff(attempts)), false);
    }

    /** Whether the destination's id goes back onto this source record: a Procore origin_id, a Precoro externalId. */
    static boolean keepsOrigin(RecordRef source) {
        return ProcoreSyncs.keepsOrigin(source)
                || source.system() == UpstreamSystem.PRECORO && source.type().equals("purchase_order");
    }

    private boolean paused(UpstreamSystem system, Instant now) {
        Instant until = pausedUntil.get(system);
        return until != null && now.isBefore(until);
    }

    private void pause(UpstreamSystem system, Instant until) {
        pausedUntil.merge(system, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Capped exponential back-off; it only slows retries, it never ends them. */
    private Duration backoff(int attempts) {
        Duration delay = firstRetryAfter.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return delay.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : delay;
    }
}
