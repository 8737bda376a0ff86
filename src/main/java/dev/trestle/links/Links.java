package dev.trestle.links;

import dev.trestle.audit.AuditEvent;
import dev.trestle.common.Db;
import dev.trestle.common.UniqueViolation;
import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The links between records of two systems: one to one per kind while linked, every link and
 * unlink audited, unlinked rows kept. A kind fixes each side's system and type
 * ({@link LinkKind}); callers name records by their id on the left (Procore, Precoro) or the
 * right (NetSuite). (Deliveries link inside their own transaction, see ExportStore; this is for
 * people linking and unlinking, and for reading.)
 */
@ApplicationScoped
public class Links {

    private static final String[] ONE_TO_ONE = {"record_link_left", "record_link_right"};

    private final Db db;
    private final Clock clock;

    public Links(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Links two records; ALREADY_LINKED if either is linked to something else. */
    public Uni<RecordLink> link(LinkKind kind, String leftId, String rightId, LinkMethod method, String actor) {
        Instant now = clock.instant();
        RecordLink link = RecordLink.of(kind, leftId, rightId, method, actor, now);
        return db.transaction(session -> session.persist(link)
                .chain(() -> session.persist(AuditEvent.of(now, actor, kind + "_LINKED", kind.leftSubjectType(), leftId,
                        link.getRight() + " (" + method + ")")))
                .chain(session::flush)
                .replaceWith(link))
                .onFailure(e -> UniqueViolation.of(e, ONE_TO_ONE)).transform(e -> new TrestleException(
                        ErrorCode.ALREADY_LINKED, link.getLeft() + " or " + link.getRight()
                                + " is already linked; unlink it first."));
    }

    /** Ends the link of a left record (Procore, Precoro); NOT_LINKED if it has none. */
    public Uni<RecordLink> unlink(LinkKind kind, String leftId, String actor) {
        Instant now = clock.instant();
        return db.transaction(session -> session.createSelectionQuery(
                "from RecordLink l where l.kind = :kind and l.leftId = :id and l.unlinkedAt is null", RecordLink.class)
                .setParameter("kind", kind)
                .setParameter("id", leftId)
                .getSingleResultOrNull()
                .chain(link -> {
                    if (link == null) {
                        return Uni.createFrom().failure(new TrestleException(ErrorCode.NOT_LINKED,
                                kind.left(leftId) + " is not linked."));
                    }
                    link.unlinkedAt = now;
                    link.unlinkedBy = actor;
                    return session.persist(AuditEvent.of(now, actor, kind + "_UNLINKED", kind.leftSubjectType(), leftId,
                            "was linked to " + link.getRight())).replaceWith(link);
                }));
    }

    /** The current links of these left records (Procore, Precoro), by left id. */
    public Uni<Map<String, RecordLink>> byLeftIds(LinkKind kind, Collection<String> leftIds) {
        return active(kind, "leftId", leftIds).map(links -> links.stream()
                .collect(Collectors.toMap(link -> link.leftId, Function.identity())));
    }

    /** The current links of these right records (NetSuite), by right id. */
    public Uni<Map<String, RecordLink>> byRightIds(LinkKind kind, Collection<String> rightIds) {
        return active(kind, "rightId", rightIds).map(links -> links.stream()
                .collect(Collectors.toMap(link -> link.rightId, Function.identity())));
    }

    /** Every current link of a kind. */
    public Uni<List<RecordLink>> all(LinkKind kind) {
        return db.read(session -> session.createSelectionQuery(
                "from RecordLink l where l.kind = :kind and l.unlinkedAt is null order by l.id", RecordLink.class)
                .setParameter("kind", kind)
                .getResultList());
    }

    private Uni<List<RecordLink>> active(LinkKind kind, String side, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return db.read(session -> session.createSelectionQuery(
                "from RecordLink l where l.kind = :kind and l." + side + " in :ids and l.unlinkedAt is null",
                RecordLink.class)
                .setParameter("kind", kind)
                .setParameter("ids", ids)
                .getResultList());
    }

}
