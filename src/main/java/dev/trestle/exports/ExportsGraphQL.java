package dev.trestle.exports;

import dev.trestle.audit.AuditEvent;
import dev.trestle.connectors.UpstreamSystem;
import dev.trestle.links.RecordRef;
import dev.trestle.common.Db;
import dev.trestle.graphql.Cursors;
import dev.trestle.graphql.FreeText;
import dev.trestle.graphql.PageInfo;
import dev.trestle.security.CurrentUser;
import dev.trestle.security.RequiresRole;
import dev.trestle.security.Roles;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/** Export requests: ask, approve or reject, resubmit, retry; and the audit trail. */
@GraphQLApi
@RequiresRole({Roles.VIEWER, Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN})
public class ExportsGraphQL {

    private static final String CURSOR_TYPE = "export";

    private final ExportService exports;
    private final Db db;
    private final CurrentUser currentUser;

    public ExportsGraphQL(ExportService exports, Db db, CurrentUser currentUser) {
        this.exports = exports;
        this.db = db;
        this.currentUser = currentUser;
    }

    @Input("RequestExportInput")
    public static class RequestExportInput {
        @NonNull
        public ExportKind kind;
        @NonNull
        @Id
        @Description("The record: in Procore a company for VENDOR, a project for PROJECT and COST_CODES, a "
                + "subcontractor invoice for SUBCONTRACTOR_INVOICE; in Precoro a purchase order's idn for PURCHASE_ORDER.")
        public String sourceId;
        @Id
        @Description("For SUBCONTRACTOR_INVOICE: the invoice's Procore project (Procore finds invoices only within "
                + "their project). Optional: without it the hub looks through every project's invoices, which costs "
                + "Procore requests.")
        public String projectId;
    }

    @Input("ExportRequestFilter")
    public static class ExportRequestFilter {
        public List<@NonNull ExportStatus> status;
        public List<@NonNull ExportKind> kind;
    }

    public record ExportRequestEdge(@NonNull String cursor, @NonNull ExportRequest node) {
    }

    public record ExportRequestConnection(@NonNull List<@NonNull ExportRequestEdge> edges, @NonNull PageInfo pageInfo,
            @NonNull int totalCount) {
    }

    @Description("One write a request makes, exactly as it is sent.")
    public record WritePreview(@NonNull UpstreamSystem destination, @NonNull String recordType,
            @NonNull @Description("The NetSuite external id, or the Procore origin_id.") String idempotencyKey,
            @NonNull @Description("The JSON body.") String body,
            @NonNull @Description("The record the write stands for.") RecordRef source) {
    }

    @Mutation
    @NonNull
    @RequiresRole({Roles.REQUESTER, Roles.ADMIN})
    @Description("Asks for an export. It waits as PENDING, with the exact NetSuite writes, for an accounting approver.")
    public Uni<ExportRequest> requestExport(@NonNull RequestExportInput input) {
        return exports.request(input.kind, input.sourceId, input.projectId, currentUser.user()).chain(this::load);
    }

    @Mutation
    @NonNull
    @RequiresRole(Roles.APPROVER)
    @Description("Approves a pending export (not your own); delivery to NetSuite starts at once.")
    public Uni<ExportRequest> approveExport(@NonNull @Id String id) {
        long key = id(id);
        return exports.approve(key, currentUser.user()).chain(() -> load(key));
    }

    @Mutation
    @NonNull
    @RequiresRole(Roles.APPROVER)
    @Description("Rejects a pending export (not your own) with a reason; it goes back to its requester.")
    public Uni<ExportRequest> rejectExport(@NonNull @Id String id, @NonNull @FreeText String reason) {
        long key = id(id);
        return exports.reject(key, currentUser.user(), reason).chain(() -> load(key));
    }

    @Mutation
    @NonNull
    @RequiresRole({Roles.REQUESTER, Roles.ADMIN})
    @Description("Sends a rejected export again, planned anew from the record as it is now. Only its requester may.")
    public Uni<ExportRequest> resubmitExport(@NonNull @Id String id) {
        long key = id(id);
        return exports.resubmit(key, currentUser.user()).chain(() -> load(key));
    }

    @Mutation
    @NonNull
    @RequiresRole(Roles.APPROVER)
    @Description("Tries the undelivered writes of a FAILED export again (not your own); or, for an EXPORTED export "
            + "whose Procore record refused its origin id (deliveries.originStatus FAILED), records the origin id again.")
    public Uni<ExportRequest> retryExport(@NonNull @Id String id) {
        long key = id(id);
        return exports.retry(key, currentUser.user()).chain(() -> load(key));
    }

    @Query
    @NonNull
    @Description("Export requests, newest first.")
    public Uni<ExportRequestConnection> exportRequests(ExportRequestFilter filter, Integer first, String after) {
        int size = Cursors.pageSize(first);
        Long before = Cursors.decode(CURSOR_TYPE, after);
        Map<String, Object> parameters = new LinkedHashMap<>();
        // Exports are the requests into NetSuite; imports into Procore are answered by requestImport.
        StringBuilder where = new StringBuilder("r.destination = :netsuite");
        parameters.put("netsuite", UpstreamSystem.NETSUITE);
        if (filter != null && filter.status != null && !filter.status.isEmpty()) {
            where.append(" and r.status in :statuses");
            parameters.put("statuses", filter.status);
        }
        if (filter != null && filter.kind != null && !filter.kind.isEmpty()) {
            where.append(" and r.kind in :kinds");
            parameters.put("kinds", filter.kind);
        }
        String pageWhere = before == null ? where.toString() : where + " and r.id < :before";
        return db.read(session -> {
            var page = session.createSelectionQuery("from ExportRequest r where " + pageWhere + " order by r.id desc",
                    ExportRequest.class);
            var count = session.createSelectionQuery("select count(r) from ExportRequest r where " + where, Long.class);
            parameters.forEach((name, value) -> {
                page.setParameter(name, value);
                count.setParameter(name, value);
            });
            if (before != null) {
                page.setParameter("before", before);
            }
            return page.setMaxResults(size + 1).getResultList().chain(rows -> count.getSingleResult().map(total -> {
                boolean more = rows.size() > size;
                List<ExportRequestEdge> edges = new ArrayList<>();
                for (ExportRequest row : more ? rows.subList(0, size) : rows) {
                    edges.add(new ExportRequestEdge(Cursors.encode(CURSOR_TYPE, row.id), row));
                }
                String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
                return new ExportRequestConnection(edges, new PageInfo(more, end), Math.toIntExact(total));
            }));
        });
    }

    @Query
    @NonNull
    @Description("Who did what to a subject, oldest first: an export request id, or a Procore record id.")
    public Uni<List<@NonNull AuditEvent>> auditTrail(@NonNull @Id String subjectId) {
        return db.read(session -> session.createSelectionQuery(
                "from AuditEvent a where a.subjectId = :subject order by a.id", AuditEvent.class)
                .setParameter("subject", subjectId)
                .getResultList());
    }

    @Name("preview")
    @Description("The exact writes this request makes.")
    public List<@NonNull WritePreview> preview(@Source ExportRequest request) {
        return ExportStore.writes(request.payload).stream()
                .map(write -> new WritePreview(write.destination(), write.recordType(), write.idempotencyKey(),
                        ExportStore.json(write.body()), write.source()))
                .toList();
    }

    @Name("previewNotes")
    @NonNull
    @Description("What the approver must read beside the writes, in words: a NetSuite field the export leaves empty "
            + "and why (a purchase order whose purchaser is matched to no NetSuite employee). Empty when there is "
            + "nothing to add.")
    public List<@NonNull String> previewNotes(@Source ExportRequest request) {
        return ExportStore.notes(request.previewNotes);
    }

    @Name("deliveries")
    @Description("Each NetSuite write and how its delivery went (empty until approved).")
    public Uni<List<@NonNull List<@NonNull ExportDelivery>>> deliveries(@Source List<ExportRequest> requests) {
        List<Long> ids = requests.stream().map(request -> request.id).toList();
        return db.read(session -> session.createSelectionQuery(
                "from ExportDelivery d where d.exportRequestId in :ids order by d.exportRequestId, d.position",
                ExportDelivery.class).setParameter("ids", ids).getResultList())
                .map(rows -> {
                    Map<Long, List<ExportDelivery>> byRequest = new HashMap<>();
                    rows.forEach(row -> byRequest.computeIfAbsent(row.exportRequestId, k -> new ArrayList<>()).add(row));
                    return ids.stream().map(id -> byRequest.getOrDefault(id, List.of())).toList();
                });
    }

    private Uni<ExportRequest> load(long id) {
        return db.read(session -> session.createSelectionQuery(
                "from ExportRequest r where r.id = :id and r.destination = :netsuite", ExportRequest.class)
                .setParameter("id", id)
                .setParameter("netsuite", UpstreamSystem.NETSUITE)
                .getSingleResult());
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw dev.trestle.errors.TrestleException.invalidArgument("\"id\" is not an export request id.");
        }
    }
}
