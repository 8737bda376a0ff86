package dev.trestle.employees;

import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.settings.SettingsService;
import dev.trestle.sync.SyncRun;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The scheduled employee syncs: the incremental run ({@code trestle.employee-sync.cron}, FULL
 * until there are watermarks) and the full reconcile ({@code trestle.employee-sync.reconcile-cron}),
 * both configured in {@link EmployeeSyncConfig}. Every replica fires them; the database lets one
 * run at a time, and the others skip quietly (so does the incremental tick that meets the reconcile).
 */
@ApplicationScoped
public class EmployeeSyncJob {

    private static final Logger LOG = Logger.getLogger(EmployeeSyncJob.class);

    private final SettingsService settings;
    private final EmployeeSyncService sync;

    public EmployeeSyncJob(SettingsService settings, EmployeeSyncService sync) {
        this.settings = settings;
        this.sync = sync;
    }

    @Scheduled(identity = "employee-sync", cron = "${trestle.employee-sync.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return scheduled(false);
    }

    @Scheduled(identity = "employee-sync-reconcile", cron = "${trestle.employee-sync.reconcile-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> reconcile() {
        return scheduled(true);
    }

    private Uni<Void> scheduled(boolean full) {
        return settings.current().chain(current -> current.employeeSyncEnabled
                ? sync.run(SyncRun.Trigger.SCHEDULED, null, full)
                        .invoke(run -> LOG.infof("Scheduled employee sync %d (%s) %s: %d scanned, %d mapped",
                                run.id, run.mode, run.status, run.scanned, run.mapped))
                        .replaceWithVoid()
                        .onFailure(EmployeeSyncJob::alreadyRunning).recoverWithNull()
                : Uni.createFrom().voidItem());
    }

    private static boolean alreadyRunning(Throwable failure) {
        return failure instanceof TrestleException e && e.code() == ErrorCode.SYNC_ALREADY_RUNNING;
    }
}
