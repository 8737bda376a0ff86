package dev.trestle.exports;

import dev.trestle.connectors.UpstreamException;
import dev.trestle.connectors.netsuite.NetSuiteRecords;
import dev.trestle.connectors.procore.ProcoreConnector;
import dev.trestle.connectors.procore.ProcoreProjectUpdate;
import dev.trestle.connectors.procore.ProcoreVendorUpdate;
import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
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
 */
@ApplicationScoped
public class ExportWorker {

    private static final Logger LOG = Logger.getLogger(ExportWorker.class);

    private final ExportStore store;
    private final NetSuiteRecords netsuite;
    private final ProcoreConnector procore;
    private final Clock clock;
    private final Vertx vertx;
    private final MeterRegistry meters;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration claimFor;
    private final Duration firstRetryAfter;
    private final Duration maxRetryAfter;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wokenWhileDraining = new AtomicBoolean();

    public ExportWorker(ExportStore store, NetSuiteRecords netsuite, ProcoreConnector procore, Clock clock, Vertx vertx,
            MeterRegistry meters,
            @ConfigProperty(name = "trestle.exports.batch-size") int batchSize,
            @ConfigProperty(name = "trestle.exports.max-attempts") int maxAttempts,
            @ConfigProperty(name = "trestle.exports.claim-for") Duration claimFor,
            @ConfigProperty(name = "trestle.exports.first-retry-after") Duration firstRetryAfter,
            @ConfigProperty(name = "trestle.exports.max-retry-after") Duration maxRetryAfter) {
        this.store = store;
        this.netsuite = netsuite;
        this.procore = procore;
        this.clock = clock;
        this.vertx = vertx;
        this.meters = meters;
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
        this.claimFor = claimFor;
        this.firstRetryAfter = firstRetryAfter;
        this.maxRetryAfter = maxRetryAfter;
    }

    /** Starts delivering now (after an approval), unless this replica is already at it. */
    public void wake() {
        if (!draining.compareAndSet(false, true)) {
            wokenWhileDraining.set(true);
            return;
        }
        var context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        context.runOnContext(ignored -> drain().subscribe().with(
                done -> finishedDraining(),
                failure -> {
                    LOG.errorf(failure, "Export delivery stopped; the next poll resumes it");
                    finishedDraining();
                }));
    }

    /** Picks up retries that came due, and rows whose replica died while holding them. */
    @Scheduled(identity = "export-poll", every = "${trestle.exports.poll-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    private void finishedDraining() {
        draining.set(false);
        if (wokenWhileDraining.getAndSet(false)) {
            wake();
        }
    }

    /** Claims and delivers batches until nothing is due. */
    private Uni<Void> drain() {
        Instant now = clock.instant();
        return store.claim(batchSize, now, now.plus(claimFor)).chain(claims -> {
            if (claims.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<Uni<Void>> deliveries = new ArrayList<>(claims.size());
            for (ExportStore.Claim claim : claims) {
                deliveries.add(deliver(claim));
            }
            // Each delivery records its own outcome; the NetSuite governor bounds how many are in flight.
            return Uni.join().all(deliveries).andCollectFailures().onFailure().recoverWithNull()
                    .chain(this::drain);
        });
    }

    private Uni<Void> deliver(ExportStore.Claim claim) {
        return netsuite.upsert(claim.recordType(), claim.externalId(), claim.body())
                .call(netsuiteId -> recordOrigin(claim, netsuiteId))
                .chain(netsuiteId -> store.delivered(claim, netsuiteId, clock.instant()))
                .invoke(completed -> meters.counter("trestle.exports.writes", "outcome", "delivered").increment())
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> failed(claim, failure));
    }

    /** The Procore side records the NetSuite id too (origin_id); an update by Procore id, so repeatable. */
    private Uni<?> recordOrigin(ExportStore.Claim claim, String netsuiteId) {
        long procoreId = Long.parseLong(claim.procoreId());
        return switch (claim.linkKind()) {
            case VENDOR -> procore.syncVendor(new ProcoreVendorUpdate(procoreId, netsuiteId, null, null, null, null, null));
            case PROJECT -> procore.syncProject(
                    new ProcoreProjectUpdate(procoreId, netsuiteId, null, null, null, null, null, null));
            case COST_CODE -> Uni.createFrom().voidItem();
        };
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
        Instant retryAt = transientFailure && claim.attempts() < maxAttempts ? clock.instant().plus(backoff(claim.attempts())) : null;
        meters.counter("trestle.exports.writes", "outcome", retryAt == null ? "failed" : "retrying").increment();
        return store.failed(claim, code, detail, retryAt, clock.instant());
    }

    private Duration backoff(int attempts) {
        Duration delay = firstRetryAfter.multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : delay;
    }
}
