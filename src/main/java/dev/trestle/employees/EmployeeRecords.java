package dev.trestle.employees;

import dev.trestle.connectors.UpstreamException;
import dev.trestle.connectors.netsuite.NetSuiteConnector;
import dev.trestle.connectors.netsuite.NetSuiteEmployee;
import dev.trestle.connectors.precoro.PrecoroConfig;
import dev.trestle.connectors.precoro.PrecoroConnector;
import dev.trestle.connectors.precoro.PrecoroUser;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The Precoro user and NetSuite employee shown next to each mapping, without spending the
 * upstream budgets on dashboards: from the hub's copy (which the employee sync keeps) while it is
 * fresher than {@link EmployeeRecordsConfig#copyFreshFor()}; otherwise read live, but only when
 * the system would answer at once (budget beyond the reserve, no queue) and never the same
 * question twice within Precoro's duplicate window (an answer read within it is given again). When
 * a live read is not possible, or fails while the copy has every record asked for, the copy is the
 * answer; without one the failure is (a field error with its code). Every record says which it is.
 */
@ApplicationScoped
public class EmployeeRecords {

    private static final Logger LOG = Logger.getLogger(EmployeeRecords.class);
    /** Remembered live answers (one per page of ids); older ones are forgotten first. */
    private static final int REMEMBERED = 256;

    private record Remembered(List<PrecoroUser> users, Instant readAt) {
    }

    private record Copy<T>(Map<String, T> byId, Map<String, Instant> readAt, Instant lastRun, boolean syncRunning) {
        Instant asOf(String id) {
            Instant read = readAt.get(id);
            return lastRun == null || read != null && read.isAfter(lastRun) ? read : lastRun;
        }
    }

    private final Pool pool;
    private final PrecoroConnector precoro;
    private final NetSuiteConnector netsuite;
    private final Clock clock;
    private final Duration freshFor;
    private final Duration duplicateWindow;
    private final Map<String, Uni<Remembered>> inFlight = new HashMap<>();
    private final Map<String, Remembered> remembered = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
            return size() > REMEMBERED;
        }
    };

    EmployeeRecords(Pool pool, PrecoroConnector precoro, NetSuiteConnector netsuite, Clock clock,
            EmployeeRecordsConfig config, PrecoroConfig precoroConfig) {
        this.pool = pool;
        this.precoro = precoro;
        this.netsuite = netsuite;
        this.clock = clock;
        this.freshFor = config.copyFreshFor();
        this.duplicateWindow = precoroConfig.duplicateWindow();
    }

    /** The Precoro users with these ids, in the same order; null where neither Precoro nor the copy has one. */
    public Uni<List<PrecoroUserRecord>> precoroUsers(List<Long> ids) {
        List<String> keys = ids.stream().map(String::valueOf).toList();
        return copy("""
                SELECT id::text AS id, email, first_name, last_name, enabled, updated_at, read_at
                  FROM employee_sync_precoro_user WHERE id = ANY($1::bigint[])""",
                Tuple.of(ids.toArray(Long[]::new)),
                row -> new PrecoroUser(Long.parseLong(row.getString("id")), row.getString("email"),
                        row.getString("first_name"), row.getString("last_name"), row.getBoolean("enabled"),
                        instant(row.getOffsetDateTime("updated_at"))))
                .chain(copy -> {
                    Uni<List<PrecoroUserRecord>> fromCopy = Uni.createFrom().item(() -> keys.stream()
                            .map(id -> copy.byId().containsKey(id)
                                    ? PrecoroUserRecord.of(copy.byId().get(id), copy.asOf(id), ReadFrom.HUB_COPY)
                                    : null)
                            .toList());
                    if (fresh(copy, keys)) {
                        return fromCopy;
                    }
                    String question = keys.toString();
                    Remembered answer = rememberedAnswer(question);
                    if (answer != null) {
                        return Uni.createFrom().item(live(keys, answer.users(), answer.readAt()));
                    }
                    Uni<Remembered> read = liveRead(question, ids);
                    if (read == null) {
                        return fromCopy;
                    }
                    return orCopy(read.map(answered -> live(keys, answered.users(), answered.readAt())),
                            copy.byId().keySet().containsAll(keys), fromCopy);
                });
    }

    /** The NetSuite employees with these internal ids (nulls allowed), in the same order; null where none is known. */
    public Uni<List<NetSuiteEmployeeRecord>> netsuiteEmployees(List<String> ids) {
        List<String> known = ids.stream().filter(Objects::nonNull).distinct().toList();
        if (known.isEmpty()) {
            return Uni.createFrom().item(ids.stream().map(id -> (NetSuiteEmployeeRecord) null).toList());
        }
        return copy("""
                SELECT id, entity_id, first_name, last_name, email, inactive, read_at
                  FROM employee_sync_netsuite_employee WHERE id = ANY($1::text[])""",
                Tuple.of(known.toArray(String[]::new)),
                row -> new NetSuiteEmployee(row.getString("id"), row.getString("entity_id"),
                        row.getString("first_name"), row.getString("last_name"), row.getString("email"),
                        row.getBoolean("inactive")))
                .chain(copy -> {
                    Uni<List<NetSuiteEmployeeRecord>> fromCopy = Uni.createFrom().item(() -> ids.stream()
                            .map(id -> id != null && copy.byId().containsKey(id)
                                    ? NetSuiteEmployeeRecord.of(copy.byId().get(id), copy.asOf(id), ReadFrom.HUB_COPY)
                                    : null)
                            .toList());
                    if (fresh(copy, known) || !netsuite.canAskNow()) {
                        return fromCopy;
                    }
                    Instant readAt = clock.instant();
                    return orCopy(netsuite.employeesByIds(known).map(employees -> {
                        Map<String, NetSuiteEmployee> byId = new HashMap<>();
                        employees.forEach(employee -> byId.put(employee.id(), employee));
                        return ids.stream()
                                .map(id -> id != null && byId.containsKey(id)
                                        ? NetSuiteEmployeeRecord.of(byId.get(id), readAt, ReadFrom.LIVE)
                                        : null)
                                .toList();
                    }), copy.byId().keySet().containsAll(known), fromCopy);
                });
    }

    /** A live read, or the copy when the read fails and the copy has every record asked for. */
    private static <R> Uni<List<R>> orCopy(Uni<List<R>> live, boolean copyHasAll, Uni<List<R>> fromCopy) {
        return live.onFailure(UpstreamException.class).recoverWithUni(failure -> {
            if (!copyHasAll) {
                return Uni.createFrom().failure(failure);
            }
            LOG.debugf("Read from the hub's copy: %s", failure.getMessage());
            return fromCopy;
        });
    }

    /**
     * Whether every record asked for is in the copy, as of a moment within {@link
     * EmployeeRecordsConfig#copyFreshFor()}, or an employee sync is refreshing it right now (a live
     * read then would ask Precoro what the sync is asking, and wait behind its pages).
     */
    private boolean fresh(Copy<?> copy, List<String> ids) {
        if (copy.syncRunning() && copy.byId().keySet().containsAll(ids)) {
            return true;
        }
        Instant horizon = clock.instant().minus(freshFor);
        for (String id : ids) {
            Instant asOf = copy.byId().containsKey(id) ? copy.asOf(id) : null;
            if (asOf == null || asOf.isBefore(horizon)) {
                return false;
            }
        }
        return true;
    }

    private static List<PrecoroUserRecord> live(List<String> keys, List<PrecoroUser> users, Instant readAt) {
        Map<String, PrecoroUser> byId = new HashMap<>();
        users.forEach(user -> byId.put(String.valueOf(user.id()), user));
        List<PrecoroUserRecord> result = new ArrayList<>(keys.size());
        for (String id : keys) {
            PrecoroUser user = byId.get(id);
            result.add(user == null ? null : PrecoroUserRecord.of(user, readAt, ReadFrom.LIVE));
        }
        return result;
    }

    /**
     * One live read per question at a time: pages asked by several dashboards at once share the
     * request, as Precoro would refuse the second one. Null when Precoro would not answer at once.
     */
    private Uni<Remembered> liveRead(String question, List<Long> ids) {
        synchronized (this) {
            Uni<Remembered> going = inFlight.get(question);
            if (going != null) {
                return going;
            }
            if (!precoro.canAskNow(ids)) {
                return null;
            }
            Instant readAt = clock.instant();
            Uni<Remembered> read = precoro.usersByIds(ids)
                    .map(users -> new Remembered(users, readAt))
                    .invoke(answer -> remember(question, answer))
                    .onTermination().invoke(() -> forgetInFlight(question))
                    .memoize().indefinitely();
            inFlight.put(question, read);
            return read;
        }
    }

    private synchronized void forgetInFlight(String question) {
        inFlight.remove(question);
    }

    private synchronized Remembered rememberedAnswer(String question) {
        Remembered answer = remembered.get(question);
        if (answer != null && answer.readAt().plus(duplicateWindow).isBefore(clock.instant())) {
            remembered.remove(question);
            return null;
        }
        return answer;
    }

    private synchronized void remember(String question, Remembered answer) {
        remembered.put(question, answer);
    }

    /** Forgets the live answers it keeps; for tests that start afresh with the sandbox. */
    public synchronized void forgetAnswers() {
        remembered.clear();
        inFlight.clear();
    }

    /**
     * Rows of one copy table by id ({@code rows} selects them, with {@code id} and {@code read_at}),
     * the start of the last employee sync that succeeded and whether one is running, in one statement:
     * a page asks it once per sub-record, on its hot path.
     */
    private <T> Uni<Copy<T>> copy(String rows, Tuple ids, Function<Row, T> record) {
        // The run state by index (sync_run_kind_started, sync_run_one_running): runs pile up, a page
        // must not scan them. The join keeps the run state when no copy row matches.
        return pool.preparedQuery("""
                SELECT s.last_run, s.running, c.*
                  FROM (SELECT (SELECT started_at FROM sync_run WHERE kind = 'EMPLOYEES' AND status = 'SUCCEEDED'
                                 ORDER BY id DESC LIMIT 1) AS last_run,
                               EXISTS (SELECT 1 FROM sync_run WHERE kind = 'EMPLOYEES' AND status = 'RUNNING') AS running) s
                  LEFT JOIN (""" + rows + """
                ) c ON true""").execute(ids).map(found -> {
            Map<String, T> byId = new HashMap<>();
            Map<String, Instant> readAt = new HashMap<>();
            Instant lastRun = null;
            boolean running = false;
            for (Row row : found) {
                lastRun = instant(row.getOffsetDateTime("last_run"));
                running = Boolean.TRUE.equals(row.getBoolean("running"));
                String id = row.getString("id");
                if (id != null) {
                    byId.put(id, record.apply(row));
                    readAt.put(id, row.getOffsetDateTime("read_at").toInstant());
                }
            }
            return new Copy<>(byId, readAt, lastRun, running);
        });
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
