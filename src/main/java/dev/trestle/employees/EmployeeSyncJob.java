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
 * The scheduled employee sync ({@code trestle.employee-sync.cron}). Every replica fires it; the
 * database lets one run at a time, and the others skip quietly.
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
        return settings.current().chain(current -> current.employeeSyncEnabled
                ? sync.run(SyncRun.Trigger.SCHEDULED, null)
                        .invoke(run -> LOG.infof("Scheduled employee sync %d %s: %d scanned, %d mapped", run.id,
                                run.status, run.scanned, run.mapped))
                        .replaceWithVoid()
                        .onFailure(EmployeeSyncJob::alreadyRunning).recoverWithNull()
                : Uni.createFrom().voidItem());
    }

    private static boolean alreadyRunning(Throwable failure) {
        return failure instanceof TrestleException e && e.code() == ErrorCode.SYNC_ALREADY_RUNNING;
    }
}
