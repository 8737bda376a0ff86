package dev.trestle.employees;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The sync's bulk access to the mapping tables, in plain SQL on the reactive pool.
 *
 * <p>Why not Hibernate here: a sync compares every user on each run and may rewrite tens of
 * thousands of rows. Entity-at-a-time loading and batched inserts took seconds per ten
 * thousand rows; one {@code unnest} statement per chunk takes milliseconds. Everything else
 * (the API's reads) goes through Hibernate Reactive.
 */
@ApplicationScoped
class EmployeeMappingStore {

    private static final ConflictCandidatesConverter CANDIDATES = new ConflictCandidatesConverter();

    private final Pool pool;

    EmployeeMappingStore(Pool pool) {
        this.pool = pool;
    }

    /** Every stored mapping by Precoro user id. */
    Uni<Map<Long, EmployeeMapping>> loadAll() {
        // A prepared query, though it has no parameters: the extended protocol returns rows in
        // binary, so timestamps arrive as numbers instead of text that must be parsed per row.
        return pool.preparedQuery("""
                SELECT precoro_user_id, email, normalized_email, name, status, reason_code, reason,
                       netsuite_employee_id, candidates, matched_at
                  FROM employee_mapping""").execute()
                .map(rows -> {
                    Map<Long, EmployeeMapping> byUser = new HashMap<>(Math.max(16, rows.size() * 4 / 3 + 1));
                    for (Row row : rows) {
                        // Columns by position, in the order of the SELECT above: by name is a lookup per value.
                        EmployeeMapping mapping = new EmployeeMapping();
                        mapping.precoroUserId = row.getLong(0);
                        mapping.email = row.getString(1);
                        mapping.normalizedEmail = row.getString(2);
                        mapping.name = row.getString(3);
                        mapping.status = MappingStatus.valueOf(row.getString(4));
                        String reasonCode = row.getString(5);
                        mapping.reasonCode = reasonCode == null ? null : MappingReason.valueOf(reasonCode);
                        mapping.reason = row.getString(6);
                        mapping.netsuiteEmployeeId = row.getString(7);
                        mapping.candidates = CANDIDATES.convertToEntityAttribute(row.getString(8));
                        OffsetDateTime matchedAt = row.getOffsetDateTime(9);
                        mapping.matchedAt = matchedAt == null ? null : matchedAt.toInstant();
                        byUser.put(mapping.precoroUserId, mapping);
                    }
                    return byUser;
                });
    }

    /** Upserts the mappings and appends their changes, in one transaction. */
    Uni<Void> write(List<EmployeeMapping> mappings, List<EmployeeMappingChange> changes) {
        Tuple mappingColumns = Tuple.tuple(List.of(
                column(mappings, m -> m.precoroUserId, Long[]::new),
                column(mappings, m -> m.email, String[]::new),
                column(mappings, m -> m.normalizedEmail, String[]::new),
                column(mappings, m -> m.name, String[]::new),
                column(mappings, m -> m.status.name(), String[]::new),
                column(mappings, m -> m.reasonCode == null ? null : m.reasonCode.name(), String[]::new),
                column(mappings, m -> m.reason, String[]::new),
                column(mappings, m -> m.netsuiteEmployeeId, String[]::new),
                column(mappings, m -> CANDIDATES.convertToDatabaseColumn(m.candidates), String[]::new),
                column(mappings, m -> utc(m.matchedAt), OffsetDateTime[]::new),
                column(mappings, m -> utc(m.evaluatedAt), OffsetDateTime[]::new),
                column(mappings, m -> m.runId, Long[]::new)));
        Tuple changeColumns = Tuple.tuple(List.of(
                column(changes, c -> c.precoroUserId, Long[]::new),
                column(changes, c -> utc(c.changedAt), OffsetDateTime[]::new),
                column(changes, c -> c.runId, Long[]::new),
                column(changes, c -> c.oldStatus == null ? null : c.oldStatus.name(), String[]::new),
                column(changes, c -> c.newStatus.name(), String[]::new),
                column(changes, c -> c.oldEmail, String[]::new),
                column(changes, c -> c.newEmail, String[]::new),
                column(changes, c -> c.oldNetsuiteEmployeeId, String[]::new),
                column(changes, c -> c.newNetsuiteEmployeeId, String[]::new),
                column(changes, c -> c.reason, String[]::new)));
        return pool.withTransaction(connection -> connection.preparedQuery("""
                INSERT INTO employee_mapping (precoro_user_id, email, normalized_email, name, status, reason_code,
                                              reason, netsuite_employee_id, candidates, matched_at, evaluated_at, run_id)
                SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                                     $7::text[], $8::text[], $9::text[], $10::timestamptz[], $11::timestamptz[],
                                     $12::bigint[])
                ON CONFLICT (precoro_user_id) DO UPDATE SET
                    email = excluded.email, normalized_email = excluded.normalized_email, name = excluded.name,
                    status = excluded.status, reason_code = excluded.reason_code, reason = excluded.reason,
                    netsuite_employee_id = excluded.netsuite_employee_id, candidates = excluded.candidates,
                    matched_at = excluded.matched_at, evaluated_at = excluded.evaluated_at, run_id = excluded.run_id""")
                .execute(mappingColumns)
                .chain(() -> connection.preparedQuery("""
                        INSERT INTO employee_mapping_change (precoro_user_id, changed_at, run_id, old_status, new_status,
                                                             old_email, new_email, old_netsuite_employee_id,
                                                             new_netsuite_employee_id, reason)
                        SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::bigint[], $4::text[], $5::text[],
                                             $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])""")
                        .execute(changeColumns))
                .replaceWithVoid());
    }

    private static <T, V> V[] column(List<T> rows, Function<T, V> value, java.util.function.IntFunction<V[]> array) {
        V[] values = array.apply(rows.size());
        for (int i = 0; i < values.length; i++) {
            values[i] = value.apply(rows.get(i));
        }
        return values;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
