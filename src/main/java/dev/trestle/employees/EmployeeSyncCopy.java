package dev.trestle.employees;

import dev.trestle.connectors.netsuite.NetSuiteEmployee;
import dev.trestle.connectors.precoro.PrecoroUser;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The employee sync's copy of what it last read from Precoro and NetSuite, and the watermarks an
 * incremental run reads from. Plain SQL on the reactive pool, in bulk, like {@link EmployeeMappingStore}.
 */
@ApplicationScoped
class EmployeeSyncCopy {

    /** What a watermark covers. */
    enum Source { PRECORO_USERS, NETSUITE_EMPLOYEES }

    /** Both sides as last read, in the order a full read returns them (ids ascending). */
    record Contents(List<PrecoroUser> users, List<NetSuiteEmployee> employees) {
    }

    private final Pool pool;

    EmployeeSyncCopy(Pool pool) {
        this.pool = pool;
    }

    /** The watermark of each source that has one. */
    Uni<Map<Source, Instant>> watermarks() {
        return pool.preparedQuery("SELECT source, read_from FROM employee_sync_watermark").execute().map(rows -> {
            Map<Source, Instant> result = new EnumMap<>(Source.class);
            for (Row row : rows) {
                result.put(Source.valueOf(row.getString(0)), row.getOffsetDateTime(1).toInstant());
            }
            return result;
        });
    }

    /** The whole copy. Ordered as the connectors order a full read, so that matching is the same either way. */
    Uni<Contents> load() {
        Uni<List<PrecoroUser>> users = pool.preparedQuery("""
                SELECT id, email, first_name, last_name, enabled, updated_at
                  FROM employee_sync_precoro_user ORDER BY id""").execute()
                .map(rows -> {
                    List<PrecoroUser> result = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        result.add(new PrecoroUser(row.getLong(0), row.getString(1), row.getString(2),
                                row.getString(3), row.getBoolean(4), instant(row.getOffsetDateTime(5))));
                    }
                    return result;
                });
        Uni<List<NetSuiteEmployee>> employees = pool.preparedQuery("""
                SELECT id, entity_id, first_name, last_name, email, inactive, last_modified
                  FROM employee_sync_netsuite_employee ORDER BY length(id), id""").execute()
                .map(rows -> {
                    List<NetSuiteEmployee> result = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        result.add(new NetSuiteEmployee(row.getString(0), row.getString(1), row.getString(2),
                                row.getString(3), row.getString(4), row.getBoolean(5),
                                instant(row.getOffsetDateTime(6))));
                    }
                    return result;
                });
        return Uni.combine().all().unis(users, employees).asTuple()
                .map(both -> new Contents(both.getItem1(), both.getItem2()));
    }

    /**
     * A full read of both sides: the copy becomes exactly what was read (records gone upstream are
     * removed), in one transaction.
     */
    Uni<Void> replace(List<PrecoroUser> users, List<NetSuiteEmployee> employees, long runId, Instant readAt) {
        return pool.withTransaction(connection -> connection.preparedQuery(REPLACE_USERS)
                .execute(userColumns(users, runId, readAt))
                .chain(() -> connection.preparedQuery(REPLACE_EMPLOYEES).execute(employeeColumns(employees, runId, readAt)))
                .replaceWithVoid());
    }

    /**
     * A full read of Precoro: the users' copy becomes exactly what was read, in one statement (so
     * atomically), independently of the employees' copy. A full run replaces each side as soon as it
     * has read it, while the other side is still being read or the mappings are being written.
     */
    Uni<Void> replaceUsers(List<PrecoroUser> users, long runId, Instant readAt) {
        return pool.preparedQuery(REPLACE_USERS).execute(userColumns(users, runId, readAt)).replaceWithVoid();
    }

    /** A full read of NetSuite: as {@link #replaceUsers}, for the employees' copy. */
    Uni<Void> replaceEmployees(List<NetSuiteEmployee> employees, long runId, Instant readAt) {
        return pool.preparedQuery(REPLACE_EMPLOYEES).execute(employeeColumns(employees, runId, readAt))
                .replaceWithVoid();
    }

    /** An incremental read: what was read replaces its earlier copy; everything else stays. */
    Uni<Void> upsert(List<PrecoroUser> users, List<NetSuiteEmployee> employees, long runId, Instant readAt) {
        return pool.withTransaction(connection -> connection.preparedQuery(UPSERT_USERS)
                .execute(userColumns(users, runId, readAt))
                .chain(() -> connection.preparedQuery(UPSERT_EMPLOYEES).execute(employeeColumns(employees, runId, readAt)))
                .replaceWithVoid());
    }

    private static final String UPSERT_USERS = """
            INSERT INTO employee_sync_precoro_user (id, email, first_name, last_name, enabled, updated_at,
                                                    read_at, run_id)
            SELECT u.*, $7, $8 FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::boolean[],
                                           $6::timestamptz[]) AS u
            ON CONFLICT (id) DO UPDATE SET
                email = excluded.email, first_name = excluded.first_name, last_name = excluded.last_name,
                enabled = excluded.enabled, updated_at = excluded.updated_at, read_at = excluded.read_at,
                run_id = excluded.run_id""";
    private static final String UPSERT_EMPLOYEES = """
            INSERT INTO employee_sync_netsuite_employee (id, entity_id, first_name, last_name, email,
                                                         inactive, last_modified, read_at, run_id)
            SELECT e.*, $8, $9 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
                                           $6::boolean[], $7::timestamptz[]) AS e
            ON CONFLICT (id) DO UPDATE SET
                entity_id = excluded.entity_id, first_name = excluded.first_name,
                last_name = excluded.last_name, email = excluded.email, inactive = excluded.inactive,
                last_modified = excluded.last_modified, read_at = excluded.read_at,
                run_id = excluded.run_id""";

    // A full read replaces a side's copy without rewriting what did not change: records no longer
    // listed are deleted, new ones inserted, changed ones updated, and a record read as it was stored
    // is left as it is (the WHERE of the DO UPDATE). Deleting and re-inserting 50,000 identical users
    // took about half a second at the end of every reconcile (and left as many dead rows). So after a
    // full run a record's read_at and run_id say when its stored version was first read; an
    // incremental run stamps every record it read (UPSERT_*). The DELETE and the INSERT see the same
    // snapshot and touch disjoint ids (not read / read).
    private static final String REPLACE_USERS = """
            WITH read (id, email, first_name, last_name, enabled, updated_at) AS (
                     SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::boolean[],
                                          $6::timestamptz[])),
                 gone AS (DELETE FROM employee_sync_precoro_user c
                           WHERE NOT EXISTS (SELECT 1 FROM read r WHERE r.id = c.id))
            INSERT INTO employee_sync_precoro_user AS c (id, email, first_name, last_name, enabled, updated_at,
                                                         read_at, run_id)
            SELECT r.*, $7, $8 FROM read r
            ON CONFLICT (id) DO UPDATE SET
                email = excluded.email, first_name = excluded.first_name, last_name = excluded.last_name,
                enabled = excluded.enabled, updated_at = excluded.updated_at, read_at = excluded.read_at,
                run_id = excluded.run_id
              WHERE (c.email, c.first_name, c.last_name, c.enabled, c.updated_at)
                    IS DISTINCT FROM (excluded.email, excluded.first_name, excluded.last_name, excluded.enabled,
                                      excluded.updated_at)""";
    private static final String REPLACE_EMPLOYEES = """
            WITH read (id, entity_id, first_name, last_name, email, inactive, last_modified) AS (
                     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[],
                                          $7::timestamptz[])),
                 gone AS (DELETE FROM employee_sync_netsuite_employee c
                           WHERE NOT EXISTS (SELECT 1 FROM read r WHERE r.id = c.id))
            INSERT INTO employee_sync_netsuite_employee AS c (id, entity_id, first_name, last_name, email,
                                                              inactive, last_modified, read_at, run_id)
            SELECT r.*, $8, $9 FROM read r
            ON CONFLICT (id) DO UPDATE SET
                entity_id = excluded.entity_id, first_name = excluded.first_name, last_name = excluded.last_name,
                email = excluded.email, inactive = excluded.inactive, last_modified = excluded.last_modified,
                read_at = excluded.read_at, run_id = excluded.run_id
              WHERE (c.entity_id, c.first_name, c.last_name, c.email, c.inactive, c.last_modified)
                    IS DISTINCT FROM (excluded.entity_id, excluded.first_name, excluded.last_name, excluded.email,
                                      excluded.inactive, excluded.last_modified)""";

    private static Tuple userColumns(List<PrecoroUser> users, long runId, Instant readAt) {
        return Tuple.tuple(List.of(
                column(users, PrecoroUser::id, Long[]::new),
                column(users, PrecoroUser::email, String[]::new),
                column(users, PrecoroUser::firstName, String[]::new),
                column(users, PrecoroUser::lastName, String[]::new),
                column(users, PrecoroUser::enabled, Boolean[]::new),
                column(users, u -> utc(u.updated()), OffsetDateTime[]::new),
                readAt.atOffset(ZoneOffset.UTC), runId));
    }

    private static Tuple employeeColumns(List<NetSuiteEmployee> employees, long runId, Instant readAt) {
        return Tuple.tuple(List.of(
                column(employees, NetSuiteEmployee::id, String[]::new),
                column(employees, NetSuiteEmployee::entityId, String[]::new),
                column(employees, NetSuiteEmployee::firstName, String[]::new),
                column(employees, NetSuiteEmployee::lastName, String[]::new),
                column(employees, NetSuiteEmployee::email, String[]::new),
                column(employees, NetSuiteEmployee::inactive, Boolean[]::new),
                column(employees, e -> utc(e.lastModified()), OffsetDateTime[]::new),
                readAt.atOffset(ZoneOffset.UTC), runId));
    }

    /**
     * Stores where the next incremental read of each source starts; called only once a run has
     * written every mapping, so a run that fails leaves the watermarks where they were.
     */
    Uni<Void> saveWatermarks(Map<Source, Watermark> watermarks, long runId, Instant now) {
        List<Source> sources = new ArrayList<>(watermarks.keySet());
        Tuple columns = Tuple.tuple(List.of(
                column(sources, Source::name, String[]::new),
                column(sources, s -> utc(watermarks.get(s).readFrom()), OffsetDateTime[]::new),
                column(sources, s -> utc(watermarks.get(s).newestSeen()), OffsetDateTime[]::new),
                runId, utc(now)));
        return pool.preparedQuery("""
                INSERT INTO employee_sync_watermark (source, read_from, newest_seen, run_id, updated_at)
                SELECT w.*, $4, $5 FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) AS w
                ON CONFLICT (source) DO UPDATE SET read_from = excluded.read_from, newest_seen = excluded.newest_seen,
                    run_id = excluded.run_id, updated_at = excluded.updated_at""").execute(columns).replaceWithVoid();
    }

    /**
     * One source's watermark.
     *
     * @param readFrom   where the next incremental read starts
     * @param newestSeen the newest upstream modification time read; null when none was known
     */
    record Watermark(Instant readFrom, Instant newestSeen) {
    }

    private static <T, V> V[] column(List<T> rows, Function<T, V> value, IntFunction<V[]> array) {
        V[] values = array.apply(rows.size());
        for (int i = 0; i < values.length; i++) {
            values[i] = value.apply(rows.get(i));
        }
        return values;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
