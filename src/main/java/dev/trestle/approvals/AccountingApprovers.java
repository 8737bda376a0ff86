package dev.trestle.approvals;

import dev.trestle.audit.AuditEvent;
import dev.trestle.common.Db;
import dev.trestle.errors.TrestleException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/** The company's designated accounting approvers: the only people who may decide on exports. */
@ApplicationScoped
public class AccountingApprovers {

    private final Db db;
    private final Clock clock;

    public AccountingApprovers(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Uni<List<AccountingApprover>> all() {
        return db.read(session -> session.createSelectionQuery(
                "from AccountingApprover a order by a.user", AccountingApprover.class).getResultList());
    }

    public Uni<Boolean> isDesignated(String user) {
        return db.read(session -> session.get(AccountingApprover.class, user)).map(found -> found != null);
    }

    /** Designates a user; designating someone twice changes nothing. */
    public Uni<AccountingApprover> designate(String user, String admin) {
        String name = requireUser(user);
        return db.transaction(session -> session.find(AccountingApprover.class, name).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(existing);
            }
            AccountingApprover approver = new AccountingApprover();
            approver.user = name;
            approver.designatedBy = admin;
            approver.designatedAt = clock.instant();
            return session.persist(approver)
                    .chain(() -> session.persist(AuditEvent.of(approver.designatedAt, admin,
                            "ACCOUNTING_APPROVER_DESIGNATED", "AccountingApprover", name, null)))
                    .replaceWith(approver);
        }));
    }

    /** Withdraws a designation; returns whether there was one. */
    public Uni<Boolean> withdraw(String user, String admin) {
        String name = requireUser(user);
        return db.transaction(session -> session.find(AccountingApprover.class, name).chain(existing -> existing == null
                ? Uni.createFrom().item(false)
                : session.remove(existing)
                        .chain(() -> session.persist(AuditEvent.of(clock.instant(), admin,
                                "ACCOUNTING_APPROVER_WITHDRAWN", "AccountingApprover", name, null)))
                        .replaceWith(true)));
    }

    private static String requireUser(String user) {
        if (user == null || user.isBlank()) {
            throw TrestleException.invalidArgument("\"user\" must name a user.");
        }
        return user.trim();
    }
}
