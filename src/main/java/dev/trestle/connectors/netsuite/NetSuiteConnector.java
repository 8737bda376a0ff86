package dev.trestle.connectors.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trestle.connectors.Upstream;
import dev.trestle.connectors.UpstreamCaller;
import dev.trestle.connectors.UpstreamException;
import dev.trestle.connectors.UpstreamJson;
import dev.trestle.connectors.UpstreamSystem;
import dev.trestle.connectors.netsuite.NetSuiteApi.SuiteQlQuery;
import dev.trestle.errors.TrestleException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads NetSuite employees through SuiteQL. Every request goes through the shared NetSuite
 * {@link UpstreamCaller}: retries, the circuit breaker and the account-wide concurrency governor.
 *
 * <p>Failures arrive as {@link UpstreamException} (a {@link TrestleException} with
 * {@code UPSTREAM_*} codes); invalid arguments as {@code INVALID_ARGUMENT}.
 */
@ApplicationScoped
public class NetSuiteConnector {

    static final String EMPLOYEE_QUERY = "SELECT id, entityid, firstname, lastname, email, isinactive FROM employee";
    /** The sync's reads also take the modification time, from which it keeps its watermark. */
    static final String EMPLOYEE_SYNC_QUERY =
            "SELECT id, entityid, firstname, lastname, email, isinactive, lastmodifieddate FROM employee";
    /** The timestamp literal of {@code TO_TIMESTAMP(..., 'YYYY-MM-DD HH24:MI:SS')}, in UTC. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    /** NetSuite's largest SuiteQL page, and so the most ids one {@code IN (...)} query can return in one page. */
    static final int MAX_PAGE_SIZE = 1000;
    /** NetSuite serves at most this many pages of one query. */
    private static final long MAX_PAGES = 1000;
    private static final Pattern NUMERIC_ID = Pattern.compile("[0-9]{1,18}");
    private static final Comparator<NetSuiteEmployee> BY_ID = Comparator
            .comparing((NetSuiteEmployee e) -> e.id().length()).thenComparing(NetSuiteEmployee::id);
    private static final String OP_ALL = "employees.all";
    private static final String OP_BY_IDS = "employees.by_ids";
    private static final String OP_CHANGED = "employees.changed";

    private final NetSuiteApi api;
    private final UpstreamCaller caller;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final int pageSize;
    private final long rowsPerWindow;

    NetSuiteConnector(NetSuiteConfig config, @Upstream(UpstreamSystem.NETSUITE) UpstreamCaller caller, Clock clock,
            ObjectMapper mapper) {
        if (config.pageSize() < 1 || config.pageSize() > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("trestle.netsuite.page-size must be between 1 and " + MAX_PAGE_SIZE);
        }
        this.caller = caller;
        this.mapper = mapper;
        this.clock = clock;
        this.pageSize = config.pageSize();
        // Offsets must stay multiples of the page size, so the window is a whole number of pages.
        long cap = Math.min(config.maxRowsPerQuery(), MAX_PAGES * pageSize);
        this.rowsPerWindow = Math.max(pageSize, cap - cap % pageSize);
        this.api = NetSuiteHttp.client(config, clock);
    }

    /**
     * Every employee, active or not, ordered by internal id. Reads the first page, then all
     * remaining pages in parallel (the governor bounds how many are in flight). Past NetSuite's
     * 100,000-row cap per query it continues with a new query keyed on the last id read.
     */
    public Uni<List<NetSuiteEmployee>> allEmployees() {
        return window(OP_ALL, null, null).map(NetSuiteConnector::distinctSorted);
    }

    /**
     * The employees, active or not, whose {@code lastmodifieddate} is at or after {@code since}
     * (to the second, rounded down, so nothing of that second is missed), ordered by id; paged
     * like {@link #allEmployees()}. Employees deleted in NetSuite are not among them: only a full
     * read shows who is gone.
     */
    public Uni<List<NetSuiteEmployee>> employeesModifiedSince(Instant since) {
        // Digits, dashes, colons and a space only: the formatter writes the literal, never input.
        String filter = "lastmodifieddate >= TO_TIMESTAMP('" + TIMESTAMP.format(since)
                + "', 'YYYY-MM-DD HH24:MI:SS')";
        return window(OP_CHANGED, filter, null).map(NetSuiteConnector::distinctSorted);
    }

    /**
     * Whether a person's read would go to NetSuite at once: no other call waits for one of the
     * account's few concurrent requests (exports and syncs hold them).
     */
    public boolean canAskNow() {
        return caller.idleForPeople();
    }

    /**
     * The employees with these internal ids, ordered by id; unknown ids are simply absent. One
     * request per 1000 ids.
     *
     * @param ids numeric strings; anything else fails with {@code INVALID_ARGUMENT} before any request
     */
    public Uni<List<NetSuiteEmployee>> employeesByIds(Collection<String> ids) {
        TreeSet<Long> unique = new TreeSet<>();
        for (String id : ids) {
            String trimmed = id == null ? "" : id.strip();
            if (!NUMERIC_ID.matcher(trimmed).matches()) {
                // Never echo the value: it may be anything, and it is never spliced into SuiteQL.
                return Uni.createFrom().failure(
                        TrestleException.invalidArgument("NetSuite employee ids are numbers of up to 18 digits."));
            }
            unique.add(Long.parseLong(trimmed));
        }
        if (unique.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<List<NetSuiteEmployee>>> chunks = new ArrayList<>();
        List<Long> chunk = new ArrayList<>(MAX_PAGE_SIZE);
        for (Long id : unique) {
            chunk.add(id);
            if (chunk.size() == MAX_PAGE_SIZE) {
                chunks.add(byIds(chunk));
                chunk = new ArrayList<>(MAX_PAGE_SIZE);
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(byIds(chunk));
        }
        return Uni.join().all(chunks).andFailFast()
                .map(lists -> distinctSorted(lists.stream().flatMap(List::stream).toList()));
    }

    private Uni<List<NetSuiteEmployee>> byIds(List<Long> ids) {
        // The ids are parsed longs, so the SQL text contains digits only.
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
        String sql = EMPLOYEE_QUERY + " WHERE id IN (" + in + ") ORDER BY id";
        return page(OP_BY_IDS, sql, MAX_PAGE_SIZE, 0).map(SuiteQlPage::rows);
    }

    /** One query's worth of rows (at most {@link #rowsPerWindow}), then the next window keyed on the last id. */
    private Uni<List<NetSuiteEmployee>> window(String operation, String filter, Long afterId) {
        String where = filter == null
                ? (afterId == null ? "" : " WHERE id > " + afterId)
                : " WHERE " + filter + (afterId == null ? "" : " AND id > " + afterId);
        String sql = EMPLOYEE_SYNC_QUERY + where + " ORDER BY id";
        return page(operation, sql, pageSize, 0).chain(first -> {
            if (!first.hasMore()) {
                return Uni.createFrom().item(first.rows());
            }
            Uni<List<SuiteQlPage>> rest = first.totalResults() == null
                    ? sequential(operation, sql, pageSize, List.of(first))
                    : parallel(operation, sql, first);
            return rest.chain(pages -> {
                List<NetSuiteEmployee> rows = pages.stream().flatMap(p -> p.rows().stream())
                        .collect(Collectors.toCollection(ArrayList::new));
                SuiteQlPage last = pages.get(pages.size() - 1);
                Long lastId = rows.stream().map(e -> Long.parseLong(e.id())).max(Long::compare).orElse(null);
                // The window ends at the row cap, or the table grew while we read it: go on by key.
                if (!last.hasMore() || lastId == null || (afterId != null && lastId <= afterId)) {
                    return Uni.createFrom().item(rows);
                }
                return window(operation, filter, lastId).map(more -> {
                    rows.addAll(more);
                    return rows;
                });
            });
        });
    }

    /** All pages of the window, the first included, fetched side by side once the total is known. */
    private Uni<List<SuiteQlPage>> parallel(String operation, String sql, SuiteQlPage first) {
        long reachable = Math.min(first.totalResults(), rowsPerWindow);
        List<Uni<SuiteQlPage>> pages = new ArrayList<>();
        pages.add(Uni.createFrom().item(first));
        for (long offset = pageSize; offset < reachable; offset += pageSize) {
            pages.add(page(operation, sql, pageSize, (int) offset));
        }
        return Uni.join().all(pages).andFailFast();
    }

    /** Without a total (not seen from NetSuite, but not guaranteed either) follow {@code hasMore} page by page. */
    private Uni<List<SuiteQlPage>> sequential(String operation, String sql, int limit, List<SuiteQlPage> sofar) {
        SuiteQlPage last = sofar.get(sofar.size() - 1);
        long nextOffset = (long) sofar.size() * limit;
        if (!last.hasMore() || nextOffset >= rowsPerWindow) {
            return Uni.createFrom().item(sofar);
        }
        return page(operation, sql, limit, (int) nextOffset).chain(next -> {
            List<SuiteQlPage> more = new ArrayList<>(sofar);
            more.add(next);
            return sequential(operation, sql, limit, more);
        });
    }

    private Uni<SuiteQlPage> page(String operation, String sql, int limit, int offset) {
        return caller.call(operation, () -> api.suiteQl(limit, offset, new SuiteQlQuery(sql)).map(this::read));
    }

    private SuiteQlPage read(Response response) {
        int status = response.getStatus();
        byte[] body = UpstreamJson.bytes(response);
        if (status < 200 || status > 299) {
            throw failure(status, response, new String(body, StandardCharsets.UTF_8));
        }
        JsonNode root = UpstreamJson.object(UpstreamSystem.NETSUITE, status, body, mapper);
        JsonNode items = root.get("items");
        if (items == null || !items.isArray()) {
            throw UpstreamException.malformed(UpstreamSystem.NETSUITE, status, "the SuiteQL answer has no items array",
                    null);
        }
        List<NetSuiteEmployee> rows = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            rows.add(employee(status, item));
        }
        JsonNode hasMore = root.get("hasMore");
        JsonNode total = root.get("totalResults");
        Long totalResults = total != null && total.canConvertToLong() ? total.asLong() : null;
        return new SuiteQlPage(rows, hasMore != null && hasMore.asBoolean(false), totalResults);
    }

    private static NetSuiteEmployee employee(int status, JsonNode row) {
        String id = UpstreamJson.text(row, "id");
        if (!row.isObject() || id == null || !NUMERIC_ID.matcher(id).matches()) {
            throw UpstreamException.malformed(UpstreamSystem.NETSUITE, status, "an employee row has no numeric id",
                    null);
        }
        // SuiteQL leaves null columns out of the row, and renders booleans as "T"/"F".
        String inactive = UpstreamJson.text(row, "isinactive");
        String modified = UpstreamJson.text(row, "lastmodifieddate");
        Instant lastModified = null;
        if (modified != null && !modified.isBlank()) {
            try {
                lastModified = OffsetDateTime.parse(modified).toInstant();
            } catch (DateTimeParseException e) {
                throw UpstreamException.malformed(UpstreamSystem.NETSUITE, status,
                        "an employee's lastmodifieddate is not an ISO 8601 date-time", null);
            }
        }
        return new NetSuiteEmployee(id, UpstreamJson.text(row, "entityid"), UpstreamJson.text(row, "firstname"),
                UpstreamJson.text(row, "lastname"), UpstreamJson.text(row, "email"),
                "T".equalsIgnoreCase(inactive) || "true".equalsIgnoreCase(inactive), lastModified);
    }

    private UpstreamException failure(int status, Response response, String body) {
        return NetSuiteHttp.failure(status, response, body, mapper, clock);
    }

    private static List<NetSuiteEmployee> distinctSorted(List<NetSuiteEmployee> rows) {
        // Offset pages of a table that changes while it is read can overlap; the id is the key,
        // and the row read last wins. Pages arrive in id order, so the (stable) sort is a single
        // pass, and duplicates end up side by side.
        List<NetSuiteEmployee> sorted = new ArrayList<>(rows);
        sorted.sort(BY_ID);
        List<NetSuiteEmployee> result = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            if (i + 1 < sorted.size() && sorted.get(i + 1).id().equals(sorted.get(i).id())) {
                continue;
            }
            result.add(sorted.get(i));
        }
        return result;
    }

    /** One SuiteQL page. {@code totalResults} is null when NetSuite did not send it. */
    private record SuiteQlPage(List<NetSuiteEmployee> rows, boolean hasMore, Long totalResults) {
    }
}
