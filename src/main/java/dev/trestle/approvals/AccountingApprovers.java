package dev.trestle.approvals;

import dev.trestle.audit.AuditEvent;
import dev.trestle.common.Db;
import dev.trestle.errors.TrestleException;
import dev.trestle.security.UserRef;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/**
 * The company's designated accounting approvers: the only people who may decide on exports.
 * Approvers are designated and looked up by subject (the {@code sub} claim of their tokens, see
 * {@link UserRef}), never by the name a token shows.
 */
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

    public Uni<Boolean> isDesignated(UserRef user) {
        return db.read(session -> session.get(AccountingApprover.class, user.subject())).map(found -> found != null);
    }

    /** Designates the user with that subject; designating someone twice changes nothing. */
    public Uni<AccountingApprover> designate(String subject, UserRef admin) {
        String name = requireSubject(subject);
        return db.transaction(session -> session.find(AccountingApprover.class, name).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(existing);
            }
            AccountingApprover approver = new AccountingApprover();
            approver.user = name;
            approver.designatedBy = admin.name();
            approver.designatedBySubject = admin.subject();
            approver.designatedAt = clock.instant();
            return session.persist(approver)
                    .chain(() -> session.persist(AuditEvent.of(approver.designatedAt, admin,
                            "ACCOUNTING_APPROVER_DESIGNATED", "AccountingApprover", name, null)))
                    .replaceWith(approver);
        }));
    }

    /** Withdraws the designation of the user with that subject; returns whether there was one. */
    public Uni<Boolean> withdraw(String subject, UserRef admin) {
        String name = requireSubject(subject);
        return db.transaction(session -> session.find(AccountingApprover.class, name).chain(existing -> existing == null
                ? Uni.createFrom().item(false)
                : session.remove(existing)
                        .chain(() -> session.persist(AuditEvent.of(clock.instant(), admin,
                                "ACCOUNTING_APPROVER_WITHDRAWN", "AccountingApprover", name, null)))
                        .replaceWith(true)));
    }

    private static String requireSubject(String subject) {
        if (subject == null || subject.isBlank()) {
            throw TrestleException.invalidArgument("\"user\" must be a user's subject (the sub claim of their tokens).");
        }
        return subject.trim();
    }
}
