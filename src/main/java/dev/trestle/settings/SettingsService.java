package dev.trestle.settings;

import dev.trestle.audit.AuditEvent;
import dev.trestle.common.Db;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

@ApplicationScoped
public class SettingsService {

    private final Db db;
    private final Clock clock;

    public SettingsService(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Uni<IntegrationSettings> current() {
        return db.read(session -> session.get(IntegrationSettings.class, IntegrationSettings.SINGLE_ROW));
    }

    /**
     * Turns Sync Employee on. Only the call that actually flips it gets {@code true}: the
     * update is conditional, so two admins clicking at once start one initial sync, not two.
     */
    public Uni<Boolean> enableEmployeeSync(String actor) {
        Instant now = clock.instant();
        return db.transaction(session -> session.createMutationQuery("""
                update IntegrationSettings s
                   set s.employeeSyncEnabled = true, s.employeeSyncEnabledAt = :now, s.employeeSyncEnabledBy = :actor
                 where s.id = :id and s.employeeSyncEnabled = false""")
                .setParameter("now", now)
                .setParameter("actor", actor)
                .setParameter("id", IntegrationSettings.SINGLE_ROW)
                .executeUpdate()
                .chain(updated -> updated == 0
                        ? Uni.createFrom().item(false)
                        : session.persist(AuditEvent.of(now, actor, "EMPLOYEE_SYNC_ENABLED", "IntegrationSettings",
                                "employeeSync", "Sync Employee turned on (irreversible)")).replaceWith(true)));
    }
}
