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
 * The links between Procore and NetSuite records: one to one while linked, every link and
 * unlink audited, unlinked rows kept. (Exports link inside their own transaction, see
 * ExportStore; this is for people linking and unlinking, and for reading.)
 */
@ApplicationScoped
public class Links {

    private static final String[] ONE_TO_ONE = {"record_link_procore", "record_link_netsuite"};

    private final Db db;
    private final Clock clock;

    public Links(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Links two records; ALREADY_LINKED if either is linked to something else. */
    public Uni<RecordLink> link(LinkKind kind, String procoreId, String netsuiteId, LinkMethod method, String actor) {
        Instant now = clock.instant();
        return db.transaction(session -> {
            RecordLink link = new RecordLink();
            link.kind = kind;
            link.procoreId = procoreId;
            link.netsuiteId = netsuiteId;
            link.method = method;
            link.linkedBy = actor;
            link.linkedAt = now;
            return session.persist(link)
                    .chain(() -> session.persist(AuditEvent.of(now, actor, kind + "_LINKED", subjectType(kind), procoreId,
                            "NetSuite " + netsuiteId + " (" + method + ")")))
                    .chain(session::flush)
                    .replaceWith(link);
        }).onFailure(e -> UniqueViolation.of(e, ONE_TO_ONE)).transform(e -> new TrestleException(ErrorCode.ALREADY_LINKED,
                "Procore " + procoreId + " or NetSuite " + netsuiteId + " is already linked; unlink it first."));
    }

    /** Ends the link of a Procore record; NOT_LINKED if it has none. */
    public Uni<RecordLink> unlink(LinkKind kind, String procoreId, String actor) {
        Instant now = clock.instant();
        return db.transaction(session -> session.createSelectionQuery(
                "from RecordLink l where l.kind = :kind and l.procoreId = :id and l.unlinkedAt is null", RecordLink.class)
                .setParameter("kind", kind)
                .setParameter("id", procoreId)
                .getSingleResultOrNull()
                .chain(link -> {
                    if (link == null) {
                        return Uni.createFrom().failure(new TrestleException(ErrorCode.NOT_LINKED,
                                "Procore " + procoreId + " is not linked."));
                    }
                    link.unlinkedAt = now;
                    link.unlinkedBy = actor;
                    return session.persist(AuditEvent.of(now, actor, kind + "_UNLINKED", subjectType(kind), procoreId,
                            "was linked to NetSuite " + link.netsuiteId)).replaceWith(link);
                }));
    }

    /** The current links of these Procore records, by Procore id. */
    public Uni<Map<String, RecordLink>> byProcoreIds(LinkKind kind, Collection<String> procoreIds) {
        return active(kind, "procoreId", procoreIds).map(links -> links.stream()
                .collect(Collectors.toMap(link -> link.procoreId, Function.identity())));
    }

    /** The current links of these NetSuite records, by NetSuite id. */
    public Uni<Map<String, RecordLink>> byNetsuiteIds(LinkKind kind, Collection<String> netsuiteIds) {
        return active(kind, "netsuiteId", netsuiteIds).map(links -> links.stream()
                .collect(Collectors.toMap(link -> link.netsuiteId, Function.identity())));
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

    /** The audit subject type of a kind's Procore records. */
    public static String subjectType(LinkKind kind) {
        return switch (kind) {
            case VENDOR -> "ProcoreVendor";
            case PROJECT -> "ProcoreProject";
            case COST_CODE -> "ProcoreWbsCode";
        };
    }
}
