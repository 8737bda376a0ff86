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

    /**
     * Turns the automatic approval of Precoro-approved purchase orders on or off. Audited, with who did it; a
     * request approved by it names the setting and its admin in its own audit entry.
     */
    public Uni<IntegrationSettings> autoApprovePurchaseOrders(boolean on, String actor) {
        Instant now = clock.instant();
        return db.transaction(session -> session.find(IntegrationSettings.class, IntegrationSettings.SINGLE_ROW)
                .chain(settings -> {
                    boolean was = settings.autoApprovePurchaseOrders;
                    settings.autoApprovePurchaseOrders = on;
                    settings.autoApprovePurchaseOrdersBy = actor;
                    settings.autoApprovePurchaseOrdersAt = now;
                    return session.persist(AuditEvent.of(now, actor, on ? "PURCHASE_ORDER_AUTO_APPROVAL_ON"
                                    : "PURCHASE_ORDER_AUTO_APPROVAL_OFF", "IntegrationSettings",
                            "autoApprovePurchaseOrders", "Automatic approval of Precoro-approved purchase orders turned "
                                    + (on ? "on" : "off") + (was == on ? " (it already was)" : "")))
                            .replaceWith(settings);
                }));
    }
}
