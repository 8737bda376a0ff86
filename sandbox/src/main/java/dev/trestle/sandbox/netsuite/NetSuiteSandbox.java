package dev.trestle.sandbox.netsuite;

import dev.trestle.sandbox.EncodedRecords;
import dev.trestle.sandbox.FaultKnobs;
import dev.trestle.sandbox.RequestLog;
import dev.trestle.sandbox.SandboxResponse;
import dev.trestle.sandbox.SimulatedSystem;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * A simulated NetSuite account: the REST record API for {@code employee} (and, through
 * {@link RecordApi}, {@code vendor}, {@code job}, {@code otherChargePurchaseItem} and {@code vendorBill}) and the SuiteQL query
 * service, behind token-based authentication and the account-wide concurrency pool. Paths are
 * relative to where the router is mounted ({@code /sandbox/netsuite} in the hub).
 */
public final class NetSuiteSandbox extends SimulatedSystem {

    public static final String EMPLOYEES = "/services/rest/record/v1/employee";
    public static final String SUITEQL = "/services/rest/query/v1/suiteql";
    static final int MAX_LIMIT = 1000;
    static final String SINGULAR = "application/vnd.oracle.resource+json; type=singular";
    static final String COLLECTION = "application/vnd.oracle.resource+json; type=collection";

    private static final Logger LOG = Logger.getLogger(NetSuiteSandbox.class);

    private final OAuthTbaVerifier verifier;
    private final ConcurrencyPool pool;
    private final EmployeeDirectory employees;
    private final EncodedRecords<SandboxEmployee> suiteQlRows = new EncodedRecords<>();
    private final RecordApi records;

    public NetSuiteSandbox(NetSuiteCredentials credentials, int concurrencyLimit, Duration latency, long seed,
            Clock clock) {
        super("NetSuite", new FaultKnobs(seed, latency),
                new RequestLog(r -> r.method().equals("POST") && r.path().equals(SUITEQL)), clock);
        this.verifier = new OAuthTbaVerifier(credentials.accountId(), credentials.consumerKey(),
                credentials.consumerSecret(), credentials.tokenId(), credentials.tokenSecret(), clock);
        this.pool = new ConcurrencyPool(concurrencyLimit);
        this.employees = new EmployeeDirectory(clock);
        this.records = new RecordApi(clock, employees);
    }

    /** The token-based authentication secrets the simulated account accepts. */
    public record NetSuiteCredentials(String accountId, String consumerKey, String consumerSecret, String tokenId,
            String tokenSecret) {
    }

    public EmployeeDirectory employees() {
        return employees;
    }

    /** The vendor, job, otherChargePurchaseItem or vendorBill records, with counts of the creates and updates that landed. */
    public RecordStore records(String type) {
        return records.store(type);
    }

    /**
     * Voids a vendor payment as a NetSuite user does in the UI (REST has no void): the payment stays, with
     * {@code voided: true}, {@code status: {"id":"V"}}, nothing applied and a total of 0, and its
     * {@code lastModifiedDate} moves, so an incremental read by {@code lastmodifieddate} sees it again; its
     * bills are open again. A voided payment can no longer be edited.
     */
    public NetSuiteRecord voidPayment(long id) {
        RecordStore payments = records.store(RecordType.VENDOR_PAYMENT.name());
        synchronized (payments) {
            NetSuiteRecord payment = payments.get(id).orElseThrow(() -> new IllegalArgumentException(
                    "no vendor payment " + id));
            JsonObject fields = payment.fields();
            JsonArray lines = new JsonArray();
            RecordType.lines(fields, "apply").forEach(o -> lines.add(((JsonObject) o).copy().put("apply", false)));
            fields.put("apply", new JsonObject().put("items", lines)).put("total", 0.0).put("voided", true)
                    .put("status", new JsonObject().put("id", "V"));
            NetSuiteRecord voided = payment.with(payment.externalId(), fields, clock.instant());
            payments.replace(voided);
            return voided;
        }
    }

    /**
     * Changes a record as a NetSuite user does in the UI: {@code change} edits a copy of its fields, and its
     * {@code lastModifiedDate} moves, so an incremental read by {@code lastmodifieddate} sees it again.
     */
    public NetSuiteRecord edit(String type, long id, java.util.function.Consumer<JsonObject> change) {
        RecordStore store = records.store(type);
        synchronized (store) {
            NetSuiteRecord record = store.get(id).orElseThrow(() -> new IllegalArgumentException("no " + type + " " + id));
            JsonObject fields = record.fields().copy();
            change.accept(fields);
            NetSuiteRecord edited = record.with(record.externalId(), fields, clock.instant());
            store.replace(edited);
            return edited;
        }
    }

    /**
     * Moves a purchase order on as NetSuite does when it is received, billed or closed in the UI:
     * {@code orderStatus} becomes {@code status} (e.g. {@code "G"} Fully Billed, {@code "H"} Closed; neither can
     * be written through the API) and its {@code lastModifiedDate} moves. A fully billed or closed order refuses
     * every later PATCH and PUT with 400 {@code USER_ERROR}.
     */
    public NetSuiteRecord setPurchaseOrderStatus(long id, String status) {
        return edit(RecordType.PURCHASE_ORDER.name(), id, fields -> fields.put("orderStatus",
                new JsonObject().put("id", status)));
    }

    /** Replaces the vendor, job and item records (by type name); called by the sandbox's reset. */
    public void loadRecords(Map<String, List<NetSuiteRecord>> byType) {
        records.load(byType);
    }

    /** The account's concurrency governance; set its limit per test. */
    public ConcurrencyPool concurrency() {
        return pool;
    }

    /** Restores the given employees and the default behaviour; called by the sandbox's reset. */
    public void restore(Collection<SandboxEmployee> demoEmployees) {
        resetBehaviour();
        pool.resetLimit();
        suiteQlRows.clear();
        employees.load(demoEmployees);
    }

    public Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        router.get(EMPLOYEES).handler(ctx -> serve(ctx, this::listEmployees));
        router.get(EMPLOYEES + "/:id").handler(ctx -> serve(ctx, this::getEmployee));
        records.mount(router, this::serve);
        router.post(SUITEQL).handler(BodyHandler.create(false).setBodyLimit(1_000_000))
                .handler(ctx -> serve(ctx, this::suiteQl));
        router.route().handler(ctx -> serve(ctx, this::unsupported));
        return router;
    }

    @Override
    protected SandboxResponse authenticate(RoutingContext ctx) {
        OAuthTbaVerifier.Verdict verdict;
        try {
            URI uri = URI.create(origin(ctx) + ctx.request().uri());
            verdict = verifier.verify(ctx.request().method().name(), uri, ctx.request().getHeader("Authorization"));
        } catch (IllegalArgumentException e) {
            verdict = OAuthTbaVerifier.Verdict.MALFORMED_HEADER;
        }
        if (verdict == OAuthTbaVerifier.Verdict.VALID) {
            return null;
        }
        // NetSuite tells the client nothing more; the reason goes to the log for whoever debugs a signer.
        LOG.infof("NetSuite sandbox refused %s %s: %s", ctx.request().method(), ctx.request().path(), verdict);
        return NetSuiteErrors.invalidLogin();
    }

    @Override
    protected Admission admit(RoutingContext ctx) {
        return pool.tryAcquire() ? Admission.granted(pool::release)
                : Admission.rejected(NetSuiteErrors.concurrencyLimitExceeded(pool.limit()));
    }

    @Override
    protected SandboxResponse serverError() {
        return NetSuiteErrors.unexpectedError();
    }

    @Override
    protected SandboxResponse throttled() {
        return NetSuiteErrors.concurrencyLimitExceeded(pool.limit());
    }

    private SandboxResponse listEmployees(RoutingContext ctx) {
        String q = ctx.request().getParam("q");
        Predicate<SandboxEmployee> filter;
        int[] paging;
        try {
            paging = paging(ctx);
            filter = RecordFilter.parse(q);
        } catch (InvalidQueryException e) {
            return NetSuiteErrors.invalidParameter(e.getMessage());
        }
        String collectionUrl = serviceRoot(ctx) + EMPLOYEES;
        List<SandboxEmployee> matching = employees.matching(filter);
        String extraQuery = q == null ? "" : "q=" + urlEncode(q) + "&";
        int from = Math.min(paging[1], matching.size());
        int to = Math.min(paging[1] + paging[0], matching.size());
        return page(matching.subList(from, to), matching.size(), paging[0], paging[1], collectionUrl, extraQuery,
                e -> new JsonObject().put("links", selfLink(collectionUrl + "/" + e.id())).put("id", String.valueOf(e.id()))
                        .encode());
    }

    private SandboxResponse getEmployee(RoutingContext ctx) {
        String key = ctx.pathParam("id");
        Optional<SandboxEmployee> found;
        if (key.startsWith("eid:")) {
            found = employees.byExternalId(key.substring(4));
        } else {
            try {
                found = employees.get(Long.parseLong(key));
            } catch (NumberFormatException e) {
                found = Optional.empty();
            }
        }
        if (found.isEmpty()) {
            return NetSuiteErrors.error(404, "NONEXISTENT_ID",
                    "The record instance does not exist. Provide a valid record instance ID.");
        }
        String recordRoot = serviceRoot(ctx) + "/services/rest/record/v1";
        return SandboxResponse.json(200, SINGULAR, employeeJson(found.get(), recordRoot));
    }

    private SandboxResponse suiteQl(RoutingContext ctx) {
        SandboxResponse notTransient = requireTransient(ctx);
        if (notTransient != null) {
            return notTransient;
        }
        SuiteQlQuery query;
        int[] paging;
        try {
            JsonObject body;
            try {
                body = ctx.body().asJsonObject();
            } catch (DecodeException | ClassCastException e) {
                return NetSuiteErrors.error(400, "INVALID_CONTENT", "The request body is not valid JSON.");
            }
            if (body == null || !(body.getValue("q") instanceof String)) {
                return NetSuiteErrors.invalidParameter("The request body must contain the query in the 'q' property.");
            }
            paging = paging(ctx);
            query = SuiteQlQuery.parse(body.getString("q"));
        } catch (InvalidQueryException e) {
            return NetSuiteErrors.invalidParameter(e.getMessage());
        }
        int limit = paging[0];
        int offset = paging[1];
        List<SandboxEmployee> rows;
        int total;
        Instant since = query.modifiedSince();
        if (since != null && query.idIn() == null) {
            long above = query.idAbove() == null ? Long.MIN_VALUE : query.idAbove();
            List<SandboxEmployee> selected = employees.matching(e -> e.id() > above && modifiedAtOrAfter(e, since));
            total = selected.size();
            rows = selected.subList(Math.min(offset, total), Math.min(offset + limit, total));
        } else if (query.idIn() != null) {
            List<SandboxEmployee> selected = new ArrayList<>();
            query.idIn().stream().sorted().distinct().forEach(id -> employees.get(id)
                    .filter(e -> since == null || modifiedAtOrAfter(e, since)).ifPresent(selected::add));
            total = selected.size();
            rows = selected.subList(Math.min(offset, total), Math.min(offset + limit, total));
        } else {
            // Only the requested page is materialised: reading all rows page by page stays linear.
            EmployeeDirectory.Slice slice = employees.after(query.idAbove() == null ? Long.MIN_VALUE : query.idAbove(),
                    offset, limit);
            rows = slice.rows();
            total = slice.total();
        }
        List<String> columns = query.columns();
        return page(rows, total, limit, offset, serviceRoot(ctx) + SUITEQL, "",
                e -> suiteQlRows.get(e.id(), e, columns, row -> suiteQlRow(row, columns).encode()));
    }

    /** Compared at the second NetSuite shows, so an edit within the bound's own second is included. */
    private static boolean modifiedAtOrAfter(SandboxEmployee e, Instant since) {
        return e.lastModified() != null && !e.lastModified().truncatedTo(ChronoUnit.SECONDS).isBefore(since);
    }

    private SandboxResponse unsupported(RoutingContext ctx) {
        String path = relativePath(ctx);
        if (path.startsWith(EMPLOYEES) || path.equals(SUITEQL)) {
            return NetSuiteErrors.error(405, "INVALID_REQUEST", "The sandbox does not simulate "
                    + ctx.request().method() + " on " + path + ".");
        }
        return NetSuiteErrors.error(404, "INVALID_REQUEST", "The sandbox does not simulate " + path + ".");
    }

    /**
     * Null when the request carries {@code Prefer: transient} (among other preferences, in any case),
     * as every SuiteQL request must; else NetSuite's refusal. Checked once the request is admitted, so
     * a refused query still took its place in the concurrency pool.
     */
    static SandboxResponse requireTransient(RoutingContext ctx) {
        for (String header : ctx.request().headers().getAll("Prefer")) {
            for (String preference : header.split(",")) {
                if (preference.trim().equalsIgnoreCase("transient")) {
                    return null;
                }
            }
        }
        return NetSuiteErrors.transientPreferenceRequired();
    }

    /** [limit, offset] with NetSuite's rules: limit 1..1000 (default 1000), offset a multiple of limit. */
    static int[] paging(RoutingContext ctx) {
        int limit = intParam(ctx, "limit", MAX_LIMIT);
        int offset = intParam(ctx, "offset", 0);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQueryException("Invalid value for the query parameter 'limit': " + limit
                    + ". The limit must be between 1 and " + MAX_LIMIT + ".");
        }
        if (offset < 0 || offset % limit != 0) {
            throw new InvalidQueryException("Invalid value for the query parameter 'offset': " + offset
                    + ". The offset must be a non-negative multiple of the limit (" + limit + ").");
        }
        return new int[] {limit, offset};
    }

    private static int intParam(RoutingContext ctx, String name, int defaultValue) {
        String raw = ctx.request().getParam(name);
        if (raw == null || raw.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("Invalid value for the query parameter '" + name + "': " + raw + ".");
        }
    }

    /**
     * A collection page with NetSuite's envelope and navigation links.
     *
     * @param pageRows the rows of this page only; {@code total} counts all rows of the query
     * @param item     a row's JSON text
     */
    private static SandboxResponse page(List<SandboxEmployee> pageRows, int total, int limit, int offset, String url,
            String extraQuery, Function<SandboxEmployee, String> item) {
        int from = Math.min(offset, total);
        int to = from + pageRows.size();
        boolean hasMore = to < total;
        JsonArray links = pageLinks(url + "?" + extraQuery, limit, offset, total, hasMore);
        // The text JsonObject would encode for {links, count, hasMore, items, offset, totalResults}
        // in that order, with the items spliced in as already encoded text.
        String head = new JsonObject().put("links", links).put("count", to - from).put("hasMore", hasMore).encode();
        String tail = new JsonObject().put("offset", offset).put("totalResults", total).encode();
        StringBuilder body = new StringBuilder(head.length() + tail.length() + 16 + pageRows.size() * 160)
                .append(head, 0, head.length() - 1).append(",\"items\":[");
        for (int i = 0; i < pageRows.size(); i++) {
            if (i > 0) {
                body.append(',');
            }
            body.append(item.apply(pageRows.get(i)));
        }
        body.append("],").append(tail, 1, tail.length());
        return new SandboxResponse(200, COLLECTION, Map.of(), body.toString());
    }

    /** The self, next, prev, first and last links of a collection page, in NetSuite's order. */
    static JsonArray pageLinks(String hrefBase, int limit, int offset, int total, boolean hasMore) {
        JsonArray links = new JsonArray().add(link("self", hrefBase + "limit=" + limit + "&offset=" + offset));
        if (hasMore) {
            links.add(link("next", hrefBase + "limit=" + limit + "&offset=" + (offset + limit)));
        }
        if (offset > 0) {
            links.add(link("prev", hrefBase + "limit=" + limit + "&offset=" + Math.max(0, offset - limit)));
            links.add(link("first", hrefBase + "limit=" + limit + "&offset=0"));
        }
        if (hasMore) {
            links.add(link("last", hrefBase + "limit=" + limit + "&offset=" + ((total - 1) / limit) * limit));
        }
        return links;
    }

    static JsonObject employeeJson(SandboxEmployee e, String recordRoot) {
        JsonObject json = new JsonObject()
                .put("links", selfLink(recordRoot + "/employee/" + e.id()))
                .put("id", String.valueOf(e.id()));
        putIfPresent(json, "externalId", e.externalId());
        putIfPresent(json, "entityId", e.entityId());
        putIfPresent(json, "firstName", e.firstName());
        putIfPresent(json, "lastName", e.lastName());
        putIfPresent(json, "email", e.email());
        json.put("isInactive", e.inactive());
        if (e.lastModified() != null) {
            json.put("lastModifiedDate", e.lastModified().truncatedTo(ChronoUnit.SECONDS).toString());
        }
        json.put("subsidiary", new JsonObject()
                .put("links", selfLink(recordRoot + "/subsidiary/" + e.subsidiaryId()))
                .put("id", String.valueOf(e.subsidiaryId()))
                .put("refName", e.subsidiaryName()));
        return json;
    }

    /** SuiteQL rows: strings only, booleans as T/F, and a null column left out, as NetSuite does. */
    static JsonObject suiteQlRow(SandboxEmployee e, List<String> columns) {
        JsonObject row = new JsonObject().put("links", new JsonArray());
        for (String column : columns) {
            String value = switch (column) {
                case "id" -> String.valueOf(e.id());
                case "entityid" -> e.entityId();
                case "firstname" -> e.firstName();
                case "lastname" -> e.lastName();
                case "email" -> e.email();
                case "isinactive" -> e.inactive() ? "T" : "F";
                // ISO 8601 in UTC, as REST datetimes are; a real account renders SuiteQL dates in its
                // users' date format unless the query formats them (TO_CHAR).
                case "lastmodifieddate" -> e.lastModified() == null ? null
                        : e.lastModified().truncatedTo(ChronoUnit.SECONDS).toString();
                default -> throw new IllegalStateException("column " + column + " passed the parser");
            };
            putIfPresent(row, column, value);
        }
        return row;
    }

    private static void putIfPresent(JsonObject json, String key, String value) {
        if (value != null && !value.isEmpty()) {
            json.put(key, value);
        }
    }

    static JsonArray selfLink(String href) {
        return new JsonArray().add(link("self", href));
    }

    private static JsonObject link(String rel, String href) {
        return new JsonObject().put("rel", rel).put("href", href);
    }

    /** Origin plus mount point, e.g. {@code http://localhost:8081/sandbox/netsuite}. */
    static String serviceRoot(RoutingContext ctx) {
        String path = ctx.request().path();
        int services = path.indexOf("/services/rest/");
        return origin(ctx) + (services >= 0 ? path.substring(0, services) : "");
    }

    private static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
