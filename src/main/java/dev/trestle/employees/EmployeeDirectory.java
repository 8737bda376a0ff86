package dev.trestle.employees;

import dev.trestle.common.Db;
import dev.trestle.graphql.Cursors;
import dev.trestle.graphql.PageInfo;
import dev.trestle.sync.SyncRun;
import dev.trestle.sync.SyncRuns;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the hub's employee mappings: pages, the summary infocard and each user's history. */
@ApplicationScoped
public class EmployeeDirectory {

    private static final String CURSOR_TYPE = "employee";

    private final Db db;
    private final SyncRuns runs;

    public EmployeeDirectory(Db db, SyncRuns runs) {
        this.db = db;
        this.runs = runs;
    }

    public Uni<EmployeeConnection> page(EmployeeFilter filter, Integer first, String after) {
        int size = Cursors.pageSize(first);
        Long afterKey = Cursors.decode(CURSOR_TYPE, after);
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(filter, parameters);
        String pageWhere = afterKey == null ? where : where + " and m.precoroUserId > :afterKey";
        return db.read(session -> {
            var pageQuery = session.createSelectionQuery(
                    "from EmployeeMapping m where " + pageWhere + " order by m.precoroUserId", EmployeeMapping.class);
            var countQuery = session.createSelectionQuery(
                    "select count(m) from EmployeeMapping m where " + where, Long.class);
            parameters.forEach((name, value) -> {
                pageQuery.setParameter(name, value);
                countQuery.setParameter(name, value);
            });
            if (afterKey != null) {
                pageQuery.setParameter("afterKey", afterKey);
            }
            // One statement at a time on a session; the two are cheap and indexed.
            return pageQuery.setMaxResults(size + 1).getResultList()
                    .chain(rows -> countQuery.getSingleResult().map(total -> connection(rows, size, total)));
        });
    }

    private static EmployeeConnection connection(List<EmployeeMapping> rows, int size, long total) {
        boolean more = rows.size() > size;
        List<EmployeeConnection.EmployeeEdge> edges = new ArrayList<>(Math.min(rows.size(), size));
        for (EmployeeMapping row : more ? rows.subList(0, size) : rows) {
            edges.add(new EmployeeConnection.EmployeeEdge(Cursors.encode(CURSOR_TYPE, row.precoroUserId),
                    Employee.of(row)));
        }
        String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new EmployeeConnection(edges, new PageInfo(more, endCursor), Math.toIntExact(total));
    }

    private static String where(EmployeeFilter filter, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        conditions.add("1 = 1");
        if (filter != null) {
            if (filter.netsuiteIntegrated != null) {
                conditions.add(filter.netsuiteIntegrated ? "m.status = :mapped" : "m.status <> :mapped");
                parameters.put("mapped", MappingStatus.MAPPED);
            }
            if (filter.status != null && !filter.status.isEmpty()) {
                conditions.add("m.status in :statuses");
                parameters.put("statuses", filter.status);
            }
            if (filter.search != null && !filter.search.isBlank()) {
                conditions.add("(lower(m.email) like :search or lower(m.name) like :search)");
                parameters.put("search", "%" + likeEscaped(filter.search.trim().toLowerCase(Locale.ROOT)) + "%");
            }
        }
        return String.join(" and ", conditions);
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public Uni<MappingSummary> summary() {
        Uni<List<Object[]>> counts = db.read(session -> session.createSelectionQuery(
                "select m.status, count(m) from EmployeeMapping m group by m.status", Object[].class).getResultList());
        return Uni.combine().all().unis(counts, runs.lastSucceededAt(SyncRun.Kind.EMPLOYEES)).asTuple()
                .map(both -> {
                    Map<MappingStatus, Integer> byStatus = new EnumMap<>(MappingStatus.class);
                    for (Object[] row : both.getItem1()) {
                        byStatus.put((MappingStatus) row[0], ((Number) row[1]).intValue());
                    }
                    int mapped = byStatus.getOrDefault(MappingStatus.MAPPED, 0);
                    int notMapped = byStatus.getOrDefault(MappingStatus.NOT_MAPPED, 0);
                    int conflicts = byStatus.getOrDefault(MappingStatus.CONFLICT, 0);
                    return new MappingSummary(mapped + notMapped + conflicts, mapped, notMapped, conflicts,
                            both.getItem2());
                });
    }

    /** Each user's changes, oldest first, for a whole page of users in one query. */
    public Uni<Map<Long, List<EmployeeMappingChange>>> history(List<Long> precoroUserIds) {
        return db.read(session -> session.createSelectionQuery(
                "from EmployeeMappingChange c where c.precoroUserId in :ids order by c.id", EmployeeMappingChange.class)
                .setParameter("ids", precoroUserIds)
                .getResultList())
                .map(changes -> {
                    Map<Long, List<EmployeeMappingChange>> byUser = new HashMap<>();
                    for (EmployeeMappingChange change : changes) {
                        byUser.computeIfAbsent(change.precoroUserId, id -> new ArrayList<>()).add(change);
                    }
                    return byUser;
                });
    }
}
