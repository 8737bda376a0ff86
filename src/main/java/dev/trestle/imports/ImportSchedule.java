package dev.trestle.imports;

import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.security.UserRef;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The scheduled imports of the money flows back from NetSuite ({@code trestle.bill-payments.cron},
 * {@code trestle.direct-costs.cron}), as the seed has imports run on request or on a schedule. Each
 * reads what NetSuite changed since its watermark. A run with nothing to write queues no request,
 * so an idle hour leaves only its run behind. Every replica fires it; one run of a kind reads at a
 * time (the others are told so and skip), and its writes are upserts by origin id.
 */
@ApplicationScoped
public class ImportSchedule {

    /** Who a scheduled import is requested by, in the audit trail (not a subject any token carries). */
    static final UserRef SCHEDULE = new UserRef("trestle:schedule", "schedule");
    private static final Logger LOG = Logger.getLogger(ImportSchedule.class);

    private final ImportRunner runner;

    public ImportSchedule(ImportRunner runner) {
        this.runner = runner;
    }

    @Scheduled(identity = "bill-payments-import", cron = "${trestle.bill-payments.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> billPayments() {
        return run(ImportKind.BILL_PAYMENTS);
    }

    @Scheduled(identity = "direct-costs-import", cron = "${trestle.direct-costs.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> directCosts() {
        return run(ImportKind.DIRECT_COSTS);
    }

    private Uni<Void> run(ImportKind kind) {
        return runner.run(kind, false, ImportRun.Trigger.SCHEDULED, SCHEDULE)
                .invoke(result -> {
                    if (result.outcome() != null) {
                        LOG.infof("Scheduled %s import %d %s: %d written, %d failed, %d pending, %d notes", kind,
                                result.outcome().requestId(), result.outcome().status(), result.outcome().linked(),
                                result.outcome().failed(), result.outcome().pending(), result.outcome().notes().size());
                    }
                })
                .replaceWithVoid()
                // Another replica's run of the same tick, or a company outside the US (the flow does
                // not apply, every hour alike): not worth a warning.
                .onFailure(ImportSchedule::expected).recoverWithItem(refused -> {
                    LOG.debug(refused.getMessage());
                    return null;
                })
                // Recorded on the run (importRuns), with its error code.
                .onFailure().invoke(failure -> LOG.warnf("Scheduled %s import did not run: %s", kind,
                        failure.getMessage()))
                .onFailure().recoverWithNull();
    }

    private static boolean expected(Throwable failure) {
        return failure instanceof TrestleException e && (e.code() == ErrorCode.NOT_SUPPORTED
                || e.code() == ErrorCode.SYNC_ALREADY_RUNNING || e.code() == ErrorCode.EXPORT_ALREADY_REQUESTED);
    }
}
