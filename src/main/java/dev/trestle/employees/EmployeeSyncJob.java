package dev.trestle.employees;

import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.settings.SettingsService;
import dev.trestle.sync.SyncRun;
import dev.trestle.sync.SyncRuns;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The scheduled employee syncs: the incremental run ({@code trestle.employee-sync.cron}, FULL
 * until there are watermarks) and the full reconcile ({@code trestle.employee-sync.reconcile-cron}),
 * both configured in {@link EmployeeSyncConfig}. Every replica fires them; the database lets one
 * run at a time, and the others skip quietly (so does the incremental tick that meets the reconcile).
 * The reconcile is the only run that notices users deleted in Precoro, so it is never skipped for a
 * run that happens to be going (an incremental tick due at the same minute, a person's run): it
 * waits for it, unless a full run started since it was due (another replica's reconcile).
 */
@ApplicationScoped
public class EmployeeSyncJob {

    private static final Logger LOG = Logger.getLogger(EmployeeSyncJob.class);

    /** How often a due reconcile looks again whether the run in its way has ended. */
    static final Duration RECONCILE_RETRY_EVERY = Duration.ofSeconds(15);
    /** How long a due reconcile waits for other runs before it gives up until its next time. */
    static final Duration RECONCILE_GIVES_UP_AFTER = Duration.ofHours(2);

    private final SettingsService settings;
    private final EmployeeSyncService sync;
    private final SyncRuns runs;
    private final Clock clock;

    public EmployeeSyncJob(SettingsService settings, EmployeeSyncService sync, SyncRuns runs, Clock clock) {
        this.settings = settings;
        this.sync = sync;
        this.runs = runs;
        this.clock = clock;
    }

    @Scheduled(identity = "employee-sync", cron = "${trestle.employee-sync.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return scheduled(false);
    }

    @Scheduled(identity = "employee-sync-reconcile", cron = "${trestle.employee-sync.reconcile-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> reconcile() {
        Instant due = clock.instant();
        return reconcileDue(due, due.plus(RECONCILE_GIVES_UP_AFTER), RECONCILE_RETRY_EVERY);
    }

    /** Runs the reconcile due at {@code due} once no other run is in its way, unless one ran since. */
    Uni<Void> reconcileDue(Instant due, Instant giveUpAt, Duration retryEvery) {
        return runs.fullRunSince(SyncRun.Kind.EMPLOYEES, due).chain(done -> {
            if (done) {
                return Uni.createFrom().voidItem();
            }
            return run(true).onFailure(EmployeeSyncJob::alreadyRunning).recoverWithUni(busy -> {
                if (!clock.instant().isBefore(giveUpAt)) {
                    LOG.warnf("The employee reconcile due at %s did not start: other runs were going until %s", due,
                            giveUpAt);
                    return Uni.createFrom().voidItem();
                }
                return Uni.createFrom().voidItem().onItem().delayIt().by(retryEvery)
                        .chain(() -> reconcileDue(due, giveUpAt, retryEvery));
            });
        });
    }

    private Uni<Void> scheduled(boolean full) {
        return run(full).onFailure(EmployeeSyncJob::alreadyRunning).recoverWithNull();
    }

    private Uni<Void> run(boolean full) {
        return settings.current().chain(current -> current.employeeSyncEnabled
                ? sync.run(SyncRun.Trigger.SCHEDULED, null, full)
                        .invoke(run -> LOG.infof("Scheduled employee sync %d (%s) %s: %d scanned, %d mapped",
                                run.id, run.mode, run.status, run.scanned, run.mapped))
                        .replaceWithVoid()
                : Uni.createFrom().voidItem());
    }

    private static boolean alreadyRunning(Throwable failure) {
        return failure instanceof TrestleException e && e.code() == ErrorCode.SYNC_ALREADY_RUNNING;
    }
}
