package dev.trestle.exports;

import dev.trestle.connectors.UpstreamException;
import dev.trestle.connectors.netsuite.NetSuiteRecords;
import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Delivers approved exports: claims due outbox rows, writes each to NetSuite as an upsert by
 * external id, then gives the Procore record the NetSuite id as its origin_id, and records the
 * outcome. Every replica runs one; the claims keep them from taking the same row.
 *
 * <p>Exactly once: the outbox row is committed with the approval, so nothing approved is lost;
 * each write is an upsert keyed on an id derived from the Procore record, so repeating it after
 * a crash, a timeout or a dropped answer updates the record it created instead of adding one.
 *
 * <p>Throughput: up to {@code trestle.exports.in-flight} deliveries run at once, and a free slot
 * is refilled as soon as a delivery ends, so NetSuite's permits never wait for the slowest
 * delivery of a batch; the NetSuite governor bounds how many writes are on the wire.
 */
// Created at start, so that its gauge is on /q/metrics before the first delivery or poll.
@Startup
@ApplicationScoped
public class ExportWorker {

    private static final Logger LOG = Logger.getLogger(ExportWorker.class);

    private final ExportStore store;
    private final NetSuiteRecords netsuite;
    private final ProcoreOrigins origins;
    private final Clock clock;
    private final Vertx vertx;
    private final MeterRegistry meters;
    private final int inFlightLimit;
    private final int maxAttempts;
    private final Duration claimFor;
    private final Duration firstRetryAfter;
    private final Duration maxRetryAfter;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean claiming = new AtomicBoolean();
    private final AtomicBoolean wokenWhileClaiming = new AtomicBoolean();

    public ExportWorker(ExportStore store, NetSuiteRecords netsuite, ProcoreOrigins origins, Clock clock, Vertx vertx,
            MeterRegistry meters,
            @ConfigProperty(name = "trestle.exports.in-flight") int inFlightLimit,
            @ConfigProperty(name = "trestle.exports.max-attempts") int maxAttempts,
            @ConfigProperty(name = "trestle.exports.claim-for") Duration claimFor,
            @ConfigProperty(name = "trestle.exports.first-retry-after") Duration firstRetryAfter,
            @ConfigProperty(name = "trestle.exports.max-retry-after") Duration maxRetryAfter) {
        this.store = store;
        this.netsuite = netsuite;
        this.origins = origins;
        this.clock = clock;
        this.vertx = vertx;
        this.meters = meters;
        this.inFlightLimit = inFlightLimit;
        this.maxAttempts = maxAttempts;
        this.claimFor = claimFor;
        this.firstRetryAfter = firstRetryAfter;
        this.maxRetryAfter = maxRetryAfter;
        Gauge.builder("trestle.exports.in_flight", inFlight, AtomicInteger::get)
                .description("Export deliveries this replica is running")
                .register(meters);
    }

    /** Claims what is due now (after an approval), as far as free delivery slots allow. */
    public void wake() {
        if (!claiming.compareAndSet(false, true)) {
            // The claim under way may have been planned before this row was committed: claim again after it.
            wokenWhileClaiming.set(true);
            return;
        }
        wokenWhileClaiming.set(false);
        int busy = inFlight.get();
        int room = inFlightLimit - busy;
        // Refill by halves: one claim per delivery would double the database work of a large batch,
        // and half the slots still keep more writes queued than NetSuite's permits take.
        if (room <= 0 || busy > 0 && room < Math.max(1, inFlightLimit / 2)) {
            // Each delivery that ends wakes the worker again (one may have ended just now).
            claiming.set(false);
            if (wokenWhileClaiming.get()) {
                wake();
            }
            return;
        }
        Instant now = clock.instant();
        var context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        context.runOnContext(ignored -> store.claim(room, now, now.plus(claimFor)).subscribe().with(
                claims -> {
                    inFlight.addAndGet(claims.size());
                    claiming.set(false);
                    claims.forEach(claim -> deliver(claim).subscribe().with(done -> delivered(), failure -> {
                        LOG.errorf(failure, "Export write %s %s was not recorded; its claim expires and it is retried",
                                claim.recordType(), claim.externalId());
                        delivered();
                    }));
                    if (claims.size() == room || wokenWhileClaiming.get()) {
                        // Rows may be left, or have been approved while this claim ran.
                        wake();
                    }
                },
                failure -> {
                    LOG.errorf(failure, "Claiming exports failed; the next poll tries again");
                    claiming.set(false);
                }));
    }

    /** Picks up retries that came due, and rows whose replica died while holding them. */
    @Scheduled(identity = "export-poll", every = "${trestle.exports.poll-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    private void delivered() {
        inFlight.decrementAndGet();
        wake();
    }

    private Uni<Void> deliver(ExportStore.Claim claim) {
        return netsuite.upsert(claim.recordType(), claim.externalId(), claim.body())
                .call(netsuiteId -> origins.record(claim.linkKind(), claim.procoreId(), netsuiteId))
                .chain(netsuiteId -> store.delivered(claim, netsuiteId, clock.instant()))
                .invoke(completed -> meters.counter("trestle.exports.writes", "outcome", "delivered").increment())
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> failed(claim, failure));
    }

    private Uni<Void> failed(ExportStore.Claim claim, Throwable failure) {
        String code;
        String detail;
        boolean transientFailure;
        if (failure instanceof UpstreamException upstream) {
            code = upstream.upstreamCode().orElse(upstream.code().name());
            detail = upstream.upstreamDetail().orElse(upstream.getMessage());
            transientFailure = upstream.kind().isTransient() || upstream.code() == ErrorCode.UPSTREAM_UNAVAILABLE;
        } else if (failure instanceof TrestleException known) {
            code = known.code().name();
            detail = known.getMessage();
            transientFailure = false;
        } else {
            LOG.errorf(failure, "Export write %s %s failed unexpectedly", claim.recordType(), claim.externalId());
            code = ErrorCode.INTERNAL.name();
            detail = "Unexpected failure; the server log has the details.";
            transientFailure = true;
        }
        // An approver's retry starts a fresh budget of automatic retries.
        int attempts = claim.attemptsSinceRetry();
        Instant retryAt = transientFailure && attempts < maxAttempts ? clock.instant().plus(backoff(attempts)) : null;
        meters.counter("trestle.exports.writes", "outcome", retryAt == null ? "failed" : "retrying").increment();
        return store.failed(claim, code, detail, retryAt, clock.instant());
    }

    private Duration backoff(int attempts) {
        Duration delay = firstRetryAfter.multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : delay;
    }
}
