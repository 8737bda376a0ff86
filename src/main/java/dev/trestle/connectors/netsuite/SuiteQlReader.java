package dev.trestle.connectors.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trestle.connectors.UpstreamCaller;
import dev.trestle.connectors.UpstreamException;
import dev.trestle.connectors.UpstreamJson;
import dev.trestle.connectors.UpstreamSystem;
import dev.trestle.connectors.netsuite.NetSuiteApi.SuiteQlQuery;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a whole NetSuite table through SuiteQL, paged the way {@link NetSuiteConnector} reads
 * employees: the first page, then every remaining page of the query side by side (the governor
 * bounds how many are in flight), and past NetSuite's row cap per query (100,000 without
 * SuiteAnalytics Connect) a new query keyed on the last id read ({@code WHERE id > last}).
 * Works for any table with a numeric {@code id} column.
 */
final class SuiteQlReader {

    /** NetSuite's largest SuiteQL page. */
    static final int MAX_PAGE_SIZE = 1000;
    /** NetSuite serves at most this many pages of one query. */
    private static final long MAX_PAGES = 1000;
    static final Pattern NUMERIC_ID = Pattern.compile("[0-9]{1,18}");

    private final NetSuiteApi api;
    private final UpstreamCaller caller;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final int pageSize;
    private final long rowsPerWindow;

    SuiteQlReader(NetSuiteApi api, UpstreamCaller caller, ObjectMapper mapper, Clock clock, int pageSize,
            long maxRowsPerQuery) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("trestle.netsuite.page-size must be between 1 and " + MAX_PAGE_SIZE);
        }
        this.api = api;
        this.caller = caller;
        this.mapper = mapper;
        this.clock = clock;
        this.pageSize = pageSize;
        // Offsets must stay multiples of the page size, so the window is a whole number of pages.
        long cap = Math.min(maxRowsPerQuery, MAX_PAGES * pageSize);
        this.rowsPerWindow = Math.max(pageSize, cap - cap % pageSize);
    }

    /**
     * Every row of {@code select}, ordered by numeric id.
     *
     * @param operation metric and log name, e.g. {@code vendors.all}
     * @param select    {@code SELECT <columns> FROM <table>}, with {@code id} among the columns and no
     *                  WHERE or ORDER BY (the reader adds them); never built from user input
     * @param row       maps one row; receives the HTTP status for malformed-answer errors
     * @param id        the row's internal id
     */
    <T> Uni<List<T>> all(String operation, String select, BiFunction<Integer, JsonNode, T> row,
            Function<T, String> id) {
        return window(operation, select, null, row, id, null).map(rows -> distinctSorted(rows, id));
    }

    /**
     * Every row of {@code select} that meets {@code condition}, ordered by numeric id, paged as {@link #all}
     * (past the row cap the next query adds {@code AND id > last}).
     *
     * @param condition a WHERE condition without the keyword, e.g. {@code type = 'VendPymt'}; never built from
     *                  unchecked input
     */
    <T> Uni<List<T>> where(String operation, String select, String condition, BiFunction<Integer, JsonNode, T> row,
            Function<T, String> id) {
        return window(operation, select, condition, row, id, null).map(rows -> distinctSorted(rows, id));
    }

    /**
     * Every row of one bounded query (a WHERE that selects a known, small set, such as
     * {@code id IN (...)}), page after page while NetSuite says {@code hasMore}, in NetSuite's order.
     *
     * @param sql a complete statement, never built from unchecked input
     */
    <T> Uni<List<T>> query(String operation, String sql, BiFunction<Integer, JsonNode, T> row) {
        return pages(operation, sql, row, true, new ArrayList<>(), 0);
    }

    /**
     * As {@link #query}, for tables whose rows have no numeric {@code id} of their own (such as
     * {@code PreviousTransactionLineLink}): the row mapper checks the keys it needs.
     */
    <T> Uni<List<T>> unkeyedQuery(String operation, String sql, BiFunction<Integer, JsonNode, T> row) {
        return pages(operation, sql, row, false, new ArrayList<>(), 0);
    }

    private <T> Uni<List<T>> pages(String operation, String sql, BiFunction<Integer, JsonNode, T> row,
            boolean keyed, List<T> sofar, int offset) {
        return page(operation, sql, row, keyed, offset).chain(page -> {
            sofar.addAll(page.rows());
            long next = (long) offset + pageSize;
            if (!page.hasMore() || page.rows().isEmpty() || next >= rowsPerWindow) {
                return Uni.createFrom().item(sofar);
            }
            return pages(operation, sql, row, keyed, sofar, (int) next);
        });
    }

    private <T> Uni<List<T>> window(String operation, String select, String condition,
            BiFunction<Integer, JsonNode, T> row, Function<T, String> id, Long afterId) {
        String where = condition == null
                ? (afterId == null ? "" : " WHERE id > " + afterId)
                : " WHERE " + condition + (afterId == null ? "" : " AND id > " + afterId);
        String sql = select + where + " ORDER BY id";
        return page(operation, sql, row, true, 0).chain(first -> {
            if (!first.hasMore()) {
                return Uni.createFrom().item(first.rows());
            }
            Uni<List<Page<T>>> rest = first.totalResults() == null
                    ? sequential(operation, sql, row, List.of(first))
                    : parallel(operation, sql, row, first);
            return rest.chain(pages -> {
                List<T> rows = new ArrayList<>();
                pages.forEach(p -> rows.addAll(p.rows()));
                Page<T> last = pages.get(pages.size() - 1);
                Long lastId = rows.stream().map(r -> Long.parseLong(id.apply(r))).max(Long::compare).orElse(null);
                // The window ends at the row cap, or the table grew while we read it: go on by key.
                if (!last.hasMore() || lastId == null || (afterId != null && lastId <= afterId)) {
                    return Uni.createFrom().item(rows);
                }
                return window(operation, select, condition, row, id, lastId).map(more -> {
                    rows.addAll(more);
                    return rows;
                });
            });
        });
    }

    private <T> Uni<List<Page<T>>> parallel(String operation, String sql, BiFunction<Integer, JsonNode, T> row,
            Page<T> first) {
        long reachable = Math.min(first.totalResults(), rowsPerWindow);
        List<Uni<Page<T>>> pages = new ArrayList<>();
        pages.add(Uni.createFrom().item(first));
        for (long offset = pageSize; offset < reachable; offset += pageSize) {
            pages.add(page(operation, sql, row, true, (int) offset));
        }
        return Uni.join().all(pages).andFailFast();
    }

    /** Without a total, follow {@code hasMore} page by page. */
    private <T> Uni<List<Page<T>>> sequential(String operation, String sql, BiFunction<Integer, JsonNode, T> row,
            List<Page<T>> sofar) {
        Page<T> last = sofar.get(sofar.size() - 1);
        long nextOffset = (long) sofar.size() * pageSize;
        if (!last.hasMore() || nextOffset >= rowsPerWindow) {
            return Uni.createFrom().item(sofar);
        }
        return page(operation, sql, row, true, (int) nextOffset).chain(next -> {
            List<Page<T>> more = new ArrayList<>(sofar);
            more.add(next);
            return sequential(operation, sql, row, more);
        });
    }

    private <T> Uni<Page<T>> page(String operation, String sql, BiFunction<Integer, JsonNode, T> row,
            boolean keyed, int offset) {
        return caller.call(operation,
                () -> api.suiteQl(pageSize, offset, new SuiteQlQuery(sql)).map(response -> read(response, row, keyed)));
    }

    private <T> Page<T> read(Response response, BiFunction<Integer, JsonNode, T> row, boolean keyed) {
        int status = response.getStatus();
        String body = UpstreamJson.body(response);
        if (status < 200 || status > 299) {
            throw NetSuiteHttp.failure(status, response, body, mapper, clock);
        }
        JsonNode root = UpstreamJson.object(UpstreamSystem.NETSUITE, status, body, mapper);
        JsonNode items = root.get("items");
        if (items == null || !items.isArray()) {
            throw UpstreamException.malformed(UpstreamSystem.NETSUITE, status, "the SuiteQL answer has no items array",
                    null);
        }
        List<T> rows = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            String id = UpstreamJson.text(item, "id");
            if (!item.isObject() || (keyed && (id == null || !NUMERIC_ID.matcher(id).matches()))) {
                throw UpstreamException.malformed(UpstreamSystem.NETSUITE, status, "a SuiteQL row has no numeric id",
                        null);
            }
            rows.add(row.apply(status, item));
        }
        JsonNode hasMore = root.get("hasMore");
        JsonNode total = root.get("totalResults");
        Long totalResults = total != null && total.canConvertToLong() ? total.asLong() : null;
        return new Page<>(rows, hasMore != null && hasMore.asBoolean(false), totalResults);
    }

    /** SuiteQL renders booleans as {@code "T"}/{@code "F"}. */
    static boolean bool(JsonNode row, String column) {
        String value = UpstreamJson.text(row, column);
        return "T".equalsIgnoreCase(value) || "true".equalsIgnoreCase(value);
    }

    private static <T> List<T> distinctSorted(List<T> rows, Function<T, String> id) {
        // Offset pages of a table that changes while it is read can overlap; the id is the key.
        Map<String, T> byId = new LinkedHashMap<>();
        for (T row : rows) {
            byId.put(id.apply(row), row);
        }
        List<T> result = new ArrayList<>(byId.values());
        result.sort(Comparator.comparing((T r) -> id.apply(r).length()).thenComparing(id));
        return result;
    }

    /** One SuiteQL page. {@code totalResults} is null when NetSuite did not send it. */
    private record Page<T>(List<T> rows, boolean hasMore, Long totalResults) {
    }
}
