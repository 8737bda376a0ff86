package dev.trestle.imports;

import dev.trestle.directcosts.DirectCostImporter;
import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.capabilities.IntegrationCapabilities;
import dev.trestle.exports.ExportService;
import dev.trestle.exports.ImportOutcome;
import dev.trestle.exports.ImportPlan;
import dev.trestle.payments.BillPaymentImporter;
import dev.trestle.projects.ProjectImporter;
import dev.trestle.security.UserRef;
import dev.trestle.vendors.VendorImporter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs an import from NetSuite into Procore as a recorded run: reads NetSuite (only what changed
 * since the kind's watermark, unless a full read is asked for or no run has succeeded yet), plans
 * the Procore writes, queues them into the outbox and closes the run with its counts and notes;
 * then waits a while for the writes to land. The watermark moves only once the writes are in the
 * outbox, which delivers them through any outage: a run that fails is read again by the next.
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    private final ImportRuns runs;
    private final ExportService outbox;
    private final VendorImporter vendors;
    private final ProjectImporter projects;
    private final BillPaymentImporter payments;
    private final DirectCostImporter directCosts;
    private final Vertx vertx;
    private final Clock clock;
    private final Duration heartbeatInterval;
    private final Duration overlap;
    private final Duration fullEvery;

    public ImportRunner(ImportRuns runs, ExportService outbox, VendorImporter vendors, ProjectImporter projects,
            BillPaymentImporter payments, DirectCostImporter directCosts, Vertx vertx, Clock clock,
            @ConfigProperty(name = "trestle.sync.heartbeat-interval") Duration heartbeatInterval,
            @ConfigProperty(name = "trestle.imports.watermark-overlap") Duration overlap,
            @ConfigProperty(name = "trestle.imports.full-every") Duration fullEvery) {
        if (overlap.isNegative()) {
            throw new IllegalArgumentException("trestle.imports.watermark-overlap must not be negative");
        }
        this.runs = runs;
        this.outbox = outbox;
        this.vendors = vendors;
        this.projects = projects;
        this.payments = payments;
        this.directCosts = directCosts;
        this.vertx = vertx;
        this.clock = clock;
        this.heartbeatInterval = heartbeatInterval;
        this.overlap = overlap;
        this.fullEvery = fullEvery;
    }

    /** How a run ended, and how its writes stand. */
    public record Result(ImportRun run, ImportOutcome outcome) {
    }

    /**
     * Runs the import. Asked for while an import of the kind still writes, it answers with that one
     * (its run is null: nothing was read); while one reads NetSuite, with {@code SYNC_ALREADY_RUNNING}.
     * A scheduled run that finds nothing to write queues no empty request. A scheduled run reads
     * everything once the last full read is {@code trestle.imports.full-every} old: only a full read
     * sees what NetSuite deleted, and what an incremental one passed over because it was not the
     * hub's yet (a bill linked by hand since).
     */
    public Uni<Result> run(ImportKind kind, boolean full, ImportRun.Trigger trigger, UserRef requester) {
        if (kind == ImportKind.OWNER_INVOICE_PAYMENTS) {
            return Uni.createFrom().failure(new TrestleException(ErrorCode.NOT_SUPPORTED,
                    IntegrationCapabilities.OWNER_SIDE));
        }
        return outbox.openImport(kind.name()).chain(open -> open != null
                ? Uni.createFrom().item(new Result(null, open))
                : readFrom(kind, full, trigger)
                        .chain(readFrom -> runs.start(kind, readFrom == null ? ImportRun.Mode.FULL
                                : ImportRun.Mode.INCREMENTAL, trigger, requester.name(), readFrom))
                        .chain(run -> carryOut(run, requester)));
    }

    /** Where the run reads NetSuite from: null for everything. */
    private Uni<Instant> readFrom(ImportKind kind, boolean full, ImportRun.Trigger trigger) {
        if (!kind.incremental() || full) {
            return Uni.createFrom().nullItem();
        }
        Uni<Boolean> fullDue = trigger == ImportRun.Trigger.SCHEDULED
                ? runs.lastFullRun(kind).map(last -> last == null || last.isBefore(clock.instant().minus(fullEvery)))
                : Uni.createFrom().item(false);
        return fullDue.chain(due -> due ? Uni.createFrom().nullItem() : runs.watermark(kind));
    }

    private Uni<Result> carryOut(ImportRun run, UserRef requester) {
        // The next run reads from the moment this one asked, minus the overlap: NetSuite's clock is
        // not ours, and a record saved while the read ran may carry an earlier time than its commit.
        Instant asked = clock.instant();
        long heartbeats = vertx.setPeriodic(heartbeatInterval.toMillis(), tick -> runs.heartbeat(run.id).subscribe()
                .with(done -> { }, failure -> LOG.warnf("Heartbeat of import run %d failed: %s", run.id, failure)));
        Instant nextReadFrom = run.kind.incremental() ? asked.minus(overlap) : null;
        return plan(run.kind, run.readFrom)
                .eventually(() -> vertx.cancelTimer(heartbeats))
                .chain(plan -> {
                    boolean nothing = plan.writes().isEmpty();
                    if (nothing && run.trigger == ImportRun.Trigger.SCHEDULED) {
                        return runs.succeeded(run.id, plan.scanned(), 0, plan.skipped(), plan.notes(), null,
                                nextReadFrom).map(closed -> new Result(closed, null));
                    }
                    return outbox.queueImport(run.kind.name(), plan, requester)
                            .chain(requestId -> runs.succeeded(run.id, plan.scanned(), plan.writes().size(),
                                            plan.skipped(), plan.notes(), requestId, nextReadFrom)
                                    .chain(closed -> outbox.awaitImport(requestId, plan, asked)
                                            .map(outcome -> new Result(closed, outcome))));
                })
                .onFailure().call(failure -> {
                    if (failure instanceof TrestleException known) {
                        LOG.warnf("Import run %d (%s) failed: %s", run.id, run.kind, known.getMessage());
                        return runs.failed(run.id, known.code().name(), known.getMessage());
                    }
                    LOG.errorf(failure, "Import run %d (%s) failed unexpectedly", run.id, run.kind);
                    return runs.failed(run.id, ErrorCode.INTERNAL.name(),
                            "An unexpected error stopped the run; the hub's log has the details.");
                });
    }

    private Uni<ImportPlan> plan(ImportKind kind, Instant readFrom) {
        return switch (kind) {
            case VENDORS -> vendors.plan();
            case PROJECTS -> projects.plan();
            case BILL_PAYMENTS -> payments.plan(readFrom);
            case DIRECT_COSTS -> directCosts.plan(readFrom);
            case OWNER_INVOICE_PAYMENTS -> throw new IllegalArgumentException(kind + " is not imported");
        };
    }
}
