package dev.trestle.sandbox.netsuite;

import static dev.trestle.sandbox.netsuite.NetSuiteSandbox.pageLinks;
import static dev.trestle.sandbox.netsuite.NetSuiteSandbox.paging;
import static dev.trestle.sandbox.netsuite.NetSuiteSandbox.selfLink;
import static dev.trestle.sandbox.netsuite.NetSuiteSandbox.serviceRoot;

import dev.trestle.sandbox.SandboxResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The REST record API for {@code vendor}, {@code job}, {@code otherChargePurchaseItem}, {@code vendorBill},
 * {@code vendorPayment}, {@code journalEntry} and {@code purchaseOrder}, and SuiteQL on the vendor, job, transaction, transactionline and
 * PreviousTransactionLineLink tables (see {@link RecordSuiteQl}). Runs inside the NetSuite simulation's pipeline (token
 * authentication, concurrency pool, knobs), which hands its {@code serve} in.
 * <ul>
 *   <li>{@code POST /services/rest/record/v1/<type>}: 204, {@code Location: <base>/services/rest/record/v1/<type>/<id>}.</li>
 *   <li>{@code PATCH .../<type>/<id|eid:ext>}: 204 with {@code Location}; fields left out stay, a field sent as
 *       {@code null} is cleared.</li>
 *   <li>{@code PUT .../<type>/eid:<ext>}: upsert: creates the record with that external id, or updates
 *       the existing one the way PATCH does; 204 with the {@code Location} of the internal id.</li>
 *   <li>{@code GET .../<type>/<id|eid:ext>}: the record; {@code GET .../<type>?limit&offset&q}: ids and links.</li>
 *   <li>{@code DELETE .../<transaction type>/<id|eid:ext>}: 204 (a bill that a payment applies to: 400).</li>
 *   <li>{@code POST .../vendorBill/<id>/!transform/vendorPayment}: pays the bill's amount remaining.</li>
 * </ul>
 * Transactions (bills, payments, journals) share one range of internal ids. A payment's {@code apply} lines
 * name a bill of the payee ({@code doc}), and an applied amount is positive, has at most two decimals and is at
 * most the bill's amount remaining (its total less the other payments that are not voided); a journal's lines
 * each carry one of {@code debit} or {@code credit}, an account of the chart and optionally an {@code entity}
 * (a vendor or the project), and balance.
 * A write the rules refuse answers 400 with NetSuite's error body and {@code o:errorPath}:
 * {@code USER_ERROR} for a missing mandatory field or a duplicate, {@code INVALID_CONTENT} for a
 * value of the wrong kind (a bare id where {@code {"id":...}} is required, an id that is no internal
 * id, a fixed value outside its documented set, text for a number or a date), an unknown reference
 * or a bad external id, and {@code NONEXISTENT_FIELD}
 * for an unknown field when the client asks for {@code X-NetSuite-PropertyNameValidation: Error}
 * (by default NetSuite only warns: the field is ignored and {@code X-NetSuite-Warning} names it).
 * <p>
 * Sublists (the vendor bill's {@code item} and {@code expense}) are written as {@code {"items":[...]}} and keyed
 * by {@code line}: a write without {@code ?replace=<sublist>} updates the lines whose {@code line} it names and
 * adds the others (so a PUT upsert that resends a bill's lines must say {@code replace=item,expense}, or they
 * are added twice); with it the sent lines replace the stored ones. GET shows a sublist as a link unless
 * {@code expandSubResources=true}; {@code GET .../<type>/<id>/<sublist>} gives its lines.
 */
final class RecordApi {

    static final String RECORD_ROOT = "/services/rest/record/v1";
    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern INTERNAL_ID = Pattern.compile("[0-9]{1,18}");

    private final Clock clock;
    private final Map<String, RecordStore> stores = new LinkedHashMap<>();
    private final Map<String, RecordType> types = new LinkedHashMap<>();

    private final EmployeeDirectory employees;

    RecordApi(Clock clock, EmployeeDirectory employees) {
        this.clock = clock;
        this.employees = employees;
        RecordStore.IdSequence transactions = new RecordStore.IdSequence(NetSuiteReferenceData.FIRST_TRANSACTION_ID);
        for (RecordType type : RecordType.ALL) {
            types.put(type.name(), type);
            stores.put(type.name(), type.transaction() ? new RecordStore(type.name(), transactions)
                    : new RecordStore(type.name(), type.firstId()));
        }
    }

    RecordStore store(String type) {
        RecordStore store = stores.get(type);
        if (store == null) {
            throw new IllegalArgumentException("the sandbox simulates no record type " + type + "; it has "
                    + stores.keySet());
        }
        return store;
    }

    /** Replaces the records of every type; types left out become empty. Counters start again. */
    void load(Map<String, List<NetSuiteRecord>> records) {
        stores.values().forEach(store -> store.sequence().reset());
        stores.forEach((type, store) -> store.load(records.getOrDefault(type, List.of())));
    }

    /** The record type by name. */
    RecordType type(String name) {
        RecordType type = types.get(name);
        if (type == null) {
            throw new IllegalArgumentException("the sandbox simulates no record type " + name);
        }
        return type;
    }

    /**
     * Registers the record routes and the SuiteQL route for vendor and job queries; must come
     * before the employee SuiteQL route so those queries are answered here.
     */
    void mount(Router router, BiConsumer<RoutingContext, Function<RoutingContext, SandboxResponse>> serve) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(1_000_000);
        for (RecordType type : types.values()) {
            String collection = RECORD_ROOT + "/" + type.name();
            router.get(collection).handler(ctx -> serve.accept(ctx, c -> list(c, type)));
            router.post(collection).handler(body).handler(ctx -> serve.accept(ctx, c -> create(c, type)));
            router.get(collection + "/:id").handler(ctx -> serve.accept(ctx, c -> get(c, type)));
            router.patch(collection + "/:id").handler(body).handler(ctx -> serve.accept(ctx, c -> patch(c, type)));
            router.put(collection + "/:id").handler(body).handler(ctx -> serve.accept(ctx, c -> upsert(c, type)));
            if (!type.sublists().isEmpty()) {
                router.get(collection + "/:id/:sublist").handler(ctx -> serve.accept(ctx, c -> sublist(c, type)));
            }
            if (type.transaction()) {
                router.delete(collection + "/:id").handler(ctx -> serve.accept(ctx, c -> delete(c, type)));
            }
        }
        router.post(RECORD_ROOT + "/vendorBill/:id/!transform/vendorPayment").handler(body)
                .handler(ctx -> serve.accept(ctx, this::transformBillToPayment));
        router.post(NetSuiteSandbox.SUITEQL).handler(body).handler(ctx -> {
            String table = RecordSuiteQl.recordTable(queryText(ctx));
            if (table == null) {
                ctx.next();  // an employee query, or one the employee path refuses with the right message
            } else {
                serve.accept(ctx, this::suiteQl);
            }
        });
    }

    // ---- reads -----------------------------------------------------------------------------------------------

    private SandboxResponse get(RoutingContext ctx, RecordType type) {
        boolean expand = "true".equalsIgnoreCase(ctx.request().getParam("expandSubResources"));
        return find(type, ctx.pathParam("id"))
                .map(r -> SandboxResponse.json(200, NetSuiteSandbox.SINGULAR, recordJson(r, serviceRoot(ctx), type, expand)))
                .orElseGet(RecordApi::notFound);
    }

    /** {@code GET .../<type>/<id>/<sublist>}: the sublist's lines, expanded, as a collection. */
    private SandboxResponse sublist(RoutingContext ctx, RecordType type) {
        String name = ctx.pathParam("sublist");
        if (!type.sublists().containsKey(name)) {
            return NetSuiteErrors.error(404, "NONEXISTENT_ID", "The record instance does not exist. Provide a valid "
                    + "record instance ID.");
        }
        return find(type, ctx.pathParam("id"))
                .map(r -> SandboxResponse.json(200, NetSuiteSandbox.COLLECTION, sublistJson(r, name,
                        serviceRoot(ctx) + RECORD_ROOT, true)))
                .orElseGet(RecordApi::notFound);
    }

    private SandboxResponse list(RoutingContext ctx, RecordType type) {
        int[] paging;
        Predicate<NetSuiteRecord> filter;
        String q = ctx.request().getParam("q");
        try {
            paging = paging(ctx);
            filter = RecordCondition.parse(q, type);
        } catch (InvalidQueryException e) {
            return NetSuiteErrors.invalidParameter(e.getMessage());
        }
        String url = serviceRoot(ctx) + RECORD_ROOT + "/" + type.name();
        List<NetSuiteRecord> matching = store(type.name()).all().stream().filter(filter).toList();
        String extraQuery = q == null ? "" : "q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20") + "&";
        return page(matching, paging, url, extraQuery, r -> new JsonObject()
                .put("links", selfLink(url + "/" + r.id())).put("id", String.valueOf(r.id())));
    }

    private SandboxResponse suiteQl(RoutingContext ctx) {
        SandboxResponse notTransient = NetSuiteSandbox.requireTransient(ctx);
        if (notTransient != null) {
            return notTransient;
        }
        RecordSuiteQl query;
        int[] paging;
        try {
            paging = paging(ctx);
            query = RecordSuiteQl.parse(queryText(ctx));
        } catch (InvalidQueryException e) {
            return NetSuiteErrors.invalidParameter(e.getMessage());
        }
        String url = serviceRoot(ctx) + NetSuiteSandbox.SUITEQL;
        List<NetSuiteRecord> sources = new ArrayList<>();
        RecordSuiteQl.SOURCE.get(query.table()).forEach(type -> sources.addAll(store(type).all()));
        sources.sort(java.util.Comparator.comparingLong(NetSuiteRecord::id));
        if (query.table().equals(RecordSuiteQl.LINKS)) {
            // Rows in (nextdoc, previousdoc) order; the key condition names either end of the link.
            String column = query.keyFilter();
            List<JsonObject> links = new ArrayList<>();
            sources.forEach(payment -> RecordSuiteQl.links(payment).stream()
                    .filter(l -> query.keySelects(Long.parseLong(l.getString(column)))).forEach(links::add));
            links.sort(java.util.Comparator.comparingLong((JsonObject l) -> Long.parseLong(l.getString("nextdoc")))
                    .thenComparingLong(l -> Long.parseLong(l.getString("previousdoc"))));
            return page(links, paging, url, "", query::linkRow);
        }
        List<NetSuiteRecord> rows = sources.stream().filter(r -> query.keySelects(r.id())).filter(query::selects)
                .toList();
        return switch (query.table()) {
            case "transaction" -> page(rows, paging, url, "", query::transactionRow);
            case "transactionline" -> {
                RecordStore items = store(RecordType.OTHER_CHARGE_PURCHASE_ITEM.name());
                Function<String, String> itemAccount = item -> items.get(Long.parseLong(item))
                        .map(i -> i.text("expenseAccount")).orElse(null);
                List<JsonObject> lines = new ArrayList<>();
                rows.forEach(bill -> lines.addAll(query.lineRows(bill, itemAccount)));
                yield page(lines, paging, url, "", Function.identity());
            }
            default -> page(rows, paging, url, "", query::row);
        };
    }

    // ---- writes ----------------------------------------------------------------------------------------------

    private SandboxResponse create(RoutingContext ctx, RecordType type) {
        return write(ctx, type, null, null);
    }

    private SandboxResponse patch(RoutingContext ctx, RecordType type) {
        Optional<NetSuiteRecord> existing = find(type, ctx.pathParam("id"));
        if (existing.isEmpty()) {
            return notFound();
        }
        return write(ctx, type, existing.get(), null);
    }

    private SandboxResponse upsert(RoutingContext ctx, RecordType type) {
        String key = ctx.pathParam("id");
        if (!key.startsWith("eid:")) {
            return NetSuiteErrors.invalidParameter("Upsert works only with an external ID in the URL: PUT "
                    + RECORD_ROOT + "/" + type.name() + "/eid:<externalId>.");
        }
        String externalId = key.substring(4);
        if (!EXTERNAL_ID.matcher(externalId).matches()) {
            return NetSuiteErrors.errorAt(400, "INVALID_CONTENT", "Invalid external ID '" + externalId
                    + "'. An external ID may contain only letters, digits, '_' and '-'.", "externalId");
        }
        return write(ctx, type, store(type.name()).byExternalId(externalId).orElse(null), externalId);
    }

    /**
     * Checks and applies one write. {@code existing} is the record to change ({@code null}: create);
     * {@code urlExternalId} is the upsert's external id.
     */
    private SandboxResponse write(RoutingContext ctx, RecordType type, NetSuiteRecord existing, String urlExternalId) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            return NetSuiteErrors.error(400, "INVALID_CONTENT", "The request body is not a valid JSON object.");
        }
        return write(ctx, type, existing, urlExternalId, body);
    }

    /** A create of {@code type} from a body the sandbox built (a transform). */
    private SandboxResponse writeBody(RoutingContext ctx, RecordType type, JsonObject body) {
        return write(ctx, type, null, null, body);
    }

    private SandboxResponse write(RoutingContext ctx, RecordType type, NetSuiteRecord existing, String urlExternalId,
            JsonObject body) {
        if (body == null) {
            body = new JsonObject();
        }
        String validation = Optional.ofNullable(ctx.request().getHeader("X-NetSuite-PropertyNameValidation"))
                .orElse("Warning").trim().toLowerCase(Locale.ROOT);
        JsonObject changes = new JsonObject();
        Map<String, JsonArray> sentLines = new LinkedHashMap<>();
        List<String> replace = replaced(ctx);
        List<String> unknown = new ArrayList<>();
        boolean externalIdSent = body.containsKey("externalId");
        String externalId = existing == null ? urlExternalId : existing.externalId();
        for (Map.Entry<String, Object> entry : body) {
            String field = entry.getKey();
            Object value = entry.getValue();
            if (field.equals("externalId")) {
                if (value != null && !(value instanceof String s && EXTERNAL_ID.matcher(s).matches())) {
                    return NetSuiteErrors.errorAt(400, "INVALID_CONTENT", "Invalid external ID '" + value
                            + "'. An external ID may contain only letters, digits, '_' and '-'.", "externalId");
                }
                if (urlExternalId != null && !urlExternalId.equals(value)) {
                    return NetSuiteErrors.errorAt(400, "INVALID_CONTENT", "The externalId in the body ('" + value
                            + "') differs from the one in the URL ('" + urlExternalId + "').", "externalId");
                }
                externalId = (String) value;
                continue;
            }
            if (RecordType.READ_ONLY.contains(field)) {
                continue;  // echoed from a GET; NetSuite ignores read-only fields on write
            }
            Map<String, RecordType.Kind> lineFields = type.sublists().get(field);
            if (lineFields != null && value != null) {
                Object lines = sublistLines(field, lineFields, value, unknown);
                if (lines instanceof SandboxResponse refusal) {
                    return refusal;
                }
                sentLines.put(field, (JsonArray) lines);
                continue;
            }
            RecordType.Kind kind = type.fields().get(field);
            if (kind == null && lineFields == null) {
                unknown.add(field);
                continue;
            }
            if (value == null) {
                changes.putNull(field);
                continue;
            }
            Object normalized = normalize(field, kind, value);
            if (normalized == null) {
                return NetSuiteErrors.errorAt(400, "INVALID_CONTENT", "Invalid value for the resource or "
                        + "sub-resource field '" + field + "'. Provide a valid value.", field);
            }
            changes.put(field, normalized);
        }
        if (!unknown.isEmpty() && validation.equals("error")) {
            return NetSuiteErrors.errorAt(400, "NONEXISTENT_FIELD", "Invalid field name '" + unknown.get(0)
                    + "'. The field does not exist on the record type '" + type.name() + "'.", unknown.get(0));
        }
        RecordStore store = store(type.name());
        NetSuiteRecord saved;
        // Read, check and write as one step: two racing upserts of one external id, or creates of one
        // itemId, must not both land.
        synchronized (store) {
            if (urlExternalId != null) {
                existing = store.byExternalId(urlExternalId).orElse(null);
            } else if (existing != null) {
                existing = store.get(existing.id()).orElse(existing);
            }
            if (existing != null && !externalIdSent) {
                externalId = existing.externalId();
            }
            JsonObject merged = existing == null ? new JsonObject() : existing.fields();
            changes.forEach(e -> {
                if (e.getValue() == null) {
                    merged.remove(e.getKey());
                } else {
                    merged.put(e.getKey(), e.getValue());
                }
            });
            // A sublist named in replace but not sent loses all its lines.
            replace.stream().filter(type.sublists()::containsKey).forEach(name -> sentLines.putIfAbsent(name,
                    new JsonArray()));
            sentLines.forEach((name, lines) -> merged.put(name, new JsonObject().put("items",
                    mergeLines(RecordType.lines(merged, name), lines, replace.contains(name)))));
            if (existing != null && existing.flag("voided")) {
                return NetSuiteErrors.error(400, "USER_ERROR", "You cannot edit a voided transaction.");
            }
            if (existing != null && type == RecordType.PURCHASE_ORDER
                    && RecordType.FINISHED_ORDER_STATUSES.contains(existing.text("orderStatus"))) {
                return NetSuiteErrors.error(400, "USER_ERROR", "You cannot edit this purchase order: it is "
                        + ("G".equals(existing.text("orderStatus")) ? "fully billed" : "closed") + ".");
            }
            if (type == RecordType.PURCHASE_ORDER && merged.getValue("orderStatus") == null) {
                merged.put("orderStatus", new JsonObject().put("id", "1".equals(RecordApi.refText(
                        merged.getValue("approvalStatus"))) ? "A" : "B"));
            }
            if (type == RecordType.VENDOR_PAYMENT && merged.getValue("account") == null) {
                // NetSuite fills a payment's account with the preferred bank account when none is sent.
                merged.put("account", new JsonObject().put("id", NetSuiteReferenceData.BANK_ACCOUNT_ID));
            }
            if (!type.sublists().isEmpty()) {
                merged.put("total", type.total(merged).doubleValue());
                if (merged.getValue("tranDate") == null) {
                    // NetSuite dates a transaction entered without a date today (in the account's time zone).
                    merged.put("tranDate", LocalDate.now(clock).toString());
                }
            }
            List<RecordType.Violation> violations = type.rules().check(merged, records(existing == null ? -1
                    : existing.id()));
            if (!violations.isEmpty()) {
                RecordType.Violation first = violations.get(0);
                return NetSuiteErrors.errorAt(400, first.code(), first.detail(), first.path());
            }
            long selfId = existing == null ? -1 : existing.id();
            String newExternalId = externalId;
            if (newExternalId != null && store.byExternalId(newExternalId).filter(r -> r.id() != selfId).isPresent()) {
                return NetSuiteErrors.errorAt(400, "USER_ERROR", "A record with the external ID '" + newExternalId
                        + "' already exists.", "externalId");
            }
            String unique = type.uniqueField() == null ? null : textOf(merged.getValue(type.uniqueField()));
            if (unique != null && store.all().stream().anyMatch(r -> r.id() != selfId
                    && unique.equalsIgnoreCase(textOf(r.text(type.uniqueField()))))) {
                return NetSuiteErrors.errorAt(400, "USER_ERROR", type.uniqueMessage(), type.uniqueField());
            }
            Instant now = clock.instant();
            if (existing == null) {
                saved = new NetSuiteRecord(type.name(), store.nextId(), externalId, merged, now, now);
                store.create(saved);
            } else {
                saved = existing.with(externalId, merged, now);
                store.update(saved);
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Location", serviceRoot(ctx) + RECORD_ROOT + "/" + type.name() + "/" + saved.id());
        if (!unknown.isEmpty() && validation.equals("warning")) {
            headers.put("X-NetSuite-Warning", "Unknown field(s) ignored on record type '" + type.name() + "': "
                    + String.join(", ", unknown));
        }
        return new SandboxResponse(204, null, headers, null);
    }

    /** The account's records as the rules of a write see them; {@code selfId} the record written (-1: new). */
    private RecordType.Records records(long selfId) {
        return new RecordType.Records() {
            @Override
            public boolean exists(String type, String id) {
                return RecordApi.this.exists(type, id);
            }

            @Override
            public Optional<NetSuiteRecord> find(String type, String id) {
                try {
                    return store(type).get(Long.parseLong(id));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }

            @Override
            public List<NetSuiteRecord> all(String type) {
                return store(type).all();
            }

            @Override
            public long selfId() {
                return selfId;
            }

            @Override
            public Optional<SandboxEmployee> employee(String id) {
                try {
                    return employees.get(Long.parseLong(id));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        };
    }

    /**
     * {@code DELETE .../<transaction type>/<id|eid:ext>}: 204; an unknown record 404. A bill that payments
     * apply to cannot be deleted (NetSuite keeps the dependent payments' links), nor can a voided payment be
     * told apart from any other: it is deleted like one.
     */
    private SandboxResponse delete(RoutingContext ctx, RecordType type) {
        RecordStore store = store(type.name());
        synchronized (store) {
            Optional<NetSuiteRecord> found = find(type, ctx.pathParam("id"));
            if (found.isEmpty()) {
                return notFound();
            }
            if (type == RecordType.VENDOR_BILL && isApplied(found.get().id())) {
                return NetSuiteErrors.error(400, "USER_ERROR", "This record cannot be deleted because it has "
                        + "dependent records.");
            }
            store.remove(found.get().id());
        }
        return new SandboxResponse(204, null, Map.of(), null);
    }

    /** Whether a payment that is not voided applies to the bill. */
    boolean isApplied(long billId) {
        String bill = String.valueOf(billId);
        return store(RecordType.VENDOR_PAYMENT.name()).all().stream().filter(p -> !p.flag("voided"))
                .flatMap(p -> RecordType.lines(p.fields(), "apply").stream())
                .map(o -> (JsonObject) o)
                .anyMatch(l -> Boolean.TRUE.equals(l.getValue("apply")) && l.getValue("doc") instanceof JsonObject ref
                        && bill.equals(String.valueOf(ref.getValue("id"))));
    }

    /**
     * {@code POST .../vendorBill/<id>/!transform/vendorPayment}: pays the bill. The body may set header fields
     * ({@code tranId}, {@code tranDate}, {@code account}, {@code memo}) and the {@code apply} amount (its one line);
     * without an amount the payment applies the bill's whole amount remaining. 204 with the payment's
     * {@code Location}, or the refusals of a payment written directly.
     */
    private SandboxResponse transformBillToPayment(RoutingContext ctx) {
        Optional<NetSuiteRecord> bill = find(RecordType.VENDOR_BILL, ctx.pathParam("id"));
        if (bill.isEmpty()) {
            return notFound();
        }
        JsonObject sent;
        try {
            sent = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            return NetSuiteErrors.error(400, "INVALID_CONTENT", "The request body is not a valid JSON object.");
        }
        JsonObject body = sent == null ? new JsonObject() : sent.copy();
        Object amount = null;
        if (body.getValue("apply") instanceof JsonObject apply && apply.getValue("items") instanceof JsonArray lines
                && !lines.isEmpty() && lines.getValue(0) instanceof JsonObject first) {
            amount = first.getValue("amount");
        }
        if (amount == null) {
            amount = RecordType.amountRemaining(bill.get(), records(-1), -1).doubleValue();
        }
        body.put("entity", new JsonObject().put("id", bill.get().text("entity")));
        body.put("apply", new JsonObject().put("items", new JsonArray().add(new JsonObject()
                .put("doc", new JsonObject().put("id", String.valueOf(bill.get().id()))).put("apply", true)
                .put("amount", amount))));
        return writeBody(ctx, RecordType.VENDOR_PAYMENT, body);
    }

    /** Whether a record of a simulated type exists; what the rules check a reference against. */
    private boolean exists(String type, String id) {
        try {
            return store(type).get(Long.parseLong(id)).isPresent();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The sublists named by {@code ?replace=item,expense}: their lines are replaced rather than merged. */
    private static List<String> replaced(RoutingContext ctx) {
        String replace = ctx.request().getParam("replace");
        return replace == null ? List.of() : List.of(replace.trim().split("\\s*,\\s*"));
    }

    /**
     * The lines of a sublist as sent ({@code {"items":[...]}}), each normalized; or the refusal of the first bad
     * value, with its path ({@code item.items[2].amount}). Unknown line fields are collected as
     * {@code item.<field>}. An item line with a rate but no amount gets rate × quantity (1 when left out), as
     * NetSuite computes it.
     */
    private static Object sublistLines(String sublist, Map<String, RecordType.Kind> lineFields, Object value,
            List<String> unknown) {
        if (!(value instanceof JsonObject obj) || !(obj.getValue("items") instanceof JsonArray items)) {
            return NetSuiteErrors.errorAt(400, "INVALID_CONTENT", "Invalid value for the resource or sub-resource field '"
                    + sublist + "'. Provide a valid value.", sublist);
        }
        JsonArray lines = new JsonArray();
        for (int i = 0; i < items.size(); i++) {
            String path = sublist + ".items[" + i + "]";
            if (!(items.getValue(i) instanceof JsonObject line)) {
                return NetSuiteErrors.errorAt(400, "INVALID_CONTENT", "Invalid value for the resource or sub-resource "
                        + "field '" + sublist + "'. Provide a valid value.", path);
            }
            JsonObject normalized = new JsonObject();
            for (Map.Entry<String, Object> entry : line) {
                String field = entry.getKey();
                if (RecordType.READ_ONLY.contains(field)) {
                    continue;
                }
                RecordType.Kind kind = lineFields.get(field);
                if (kind == null) {
                    if (!unknown.contains(sublist + "." + field)) {
                        unknown.add(sublist + "." + field);
                    }
                    continue;
                }
                if (entry.getValue() == null) {
                    continue;
                }
                // References on lines are checked against the records by the type's rules, not the fixed lists.
                Object v = kind == RecordType.Kind.REFERENCE ? reference(null, entry.getValue())
                        : normalize(field, kind, entry.getValue());
                if (v == null) {
                    return NetSuiteErrors.errorAt(400, "INVALID_CONTENT", "Invalid value for the resource or "
                            + "sub-resource field '" + field + "'. Provide a valid value.", path + "." + field);
                }
                normalized.put(field, v);
            }
            if (!normalized.containsKey("amount") && normalized.getValue("rate") instanceof Number rate) {
                BigDecimal quantity = normalized.getValue("quantity") instanceof Number q ? decimal(q) : BigDecimal.ONE;
                normalized.put("amount", decimal(rate).multiply(quantity).setScale(2, RoundingMode.HALF_UP).doubleValue());
            }
            lines.add(normalized);
        }
        return lines;
    }

    /**
     * The lines a write leaves: with {@code replace} the sent ones; otherwise a sent line whose {@code line}
     * matches a stored one updates it (the sublists are keyed by line), and the others are added. Lines are
     * numbered from 1 in the order they are added.
     */
    private static JsonArray mergeLines(JsonArray stored, JsonArray sent, boolean replace) {
        JsonArray result = replace ? new JsonArray() : stored.copy();
        long next = 1;
        for (Object o : result) {
            next = Math.max(next, ((JsonObject) o).getLong("line") + 1);
        }
        for (Object o : sent) {
            JsonObject line = ((JsonObject) o).copy();
            JsonObject match = null;
            if (!replace && line.getValue("line") instanceof Number key) {
                for (Object r : result) {
                    if (((JsonObject) r).getLong("line") == key.longValue()) {
                        match = (JsonObject) r;
                    }
                }
            }
            if (match != null) {
                match.mergeIn(line);
            } else {
                line.put("line", next++);
                result.add(line);
            }
        }
        return result;
    }

    static BigDecimal decimal(Number n) {
        return new BigDecimal(n.toString());
    }

    /** The value as stored, or {@code null} when it is not of the field's kind or points at an unknown record. */
    private static Object normalize(String field, RecordType.Kind kind, Object value) {
        return switch (kind) {
            case TEXT -> value instanceof String ? value : null;
            case BOOLEAN -> value instanceof Boolean ? value : null;
            case NUMBER -> value instanceof Number ? value : null;
            case INTEGER -> value instanceof Number n && isWhole(n) ? n.longValue() : null;
            case ENUM -> enumValue(field, value);
            case DATE -> value instanceof String s && isDate(s) ? s : null;
            case REFERENCE -> reference(field, value);
            case REFERENCE_OR_COLLECTION -> {
                if (value instanceof JsonObject obj && obj.getValue("items") instanceof JsonArray items) {
                    JsonArray refs = new JsonArray();
                    for (Object item : items) {
                        JsonObject ref = reference(field, item);
                        if (ref == null) {
                            yield null;
                        }
                        refs.add(ref);
                    }
                    yield refs.isEmpty() ? null : new JsonObject().put("items", refs);
                }
                yield reference(field, value);
            }
        };
    }

    private static JsonObject reference(String field, Object value) {
        if (!(value instanceof JsonObject obj)) {
            return null;  // a bare id ("14" or 14) where NetSuite wants {"id": "14"}
        }
        String refId = internalId(obj.getValue("id"));
        if (refId == null) {
            return null;
        }
        Map<String, String> known = field == null ? null : RecordType.KNOWN_REFERENCES.get(field);
        if (known != null && !known.containsKey(refId)) {
            return null;
        }
        return new JsonObject().put("id", refId);
    }

    /** An internal id as stored: digits, sent as a string or as a whole number; else {@code null}. */
    private static String internalId(Object id) {
        if (id instanceof String s) {
            return INTERNAL_ID.matcher(s).matches() ? s : null;
        }
        if (id instanceof Number n && isWhole(n) && n.longValue() >= 0) {
            return String.valueOf(n.longValue());
        }
        return null;
    }

    /** A fixed-value select field: {@code {"id":"<value>"}} with a documented value (a number for numeric values). */
    private static JsonObject enumValue(String field, Object value) {
        if (!(value instanceof JsonObject obj)) {
            return null;
        }
        Object id = obj.getValue("id");
        String text = id instanceof String s ? s : id instanceof Number n && isWhole(n) ? String.valueOf(n.longValue())
                : null;
        Set<String> allowed = RecordType.ENUM_VALUES.get(field);
        return text != null && allowed != null && allowed.contains(text) ? new JsonObject().put("id", text) : null;
    }

    private static boolean isWhole(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return true;
        }
        try {
            decimal(n).longValueExact();
            return true;
        } catch (ArithmeticException | NumberFormatException e) {
            return false;
        }
    }

    private static boolean isDate(String s) {
        try {
            LocalDate.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    // ---- shapes ----------------------------------------------------------------------------------------------

    /** A record as GET returns it: links, id, externalId, body fields; references carry links and refName. */
    static JsonObject recordJson(NetSuiteRecord r, String serviceRoot) {
        return recordJson(r, serviceRoot, null, false);
    }

    /**
     * As {@link #recordJson(NetSuiteRecord, String)}; the type's sublists are links (NetSuite does not expand
     * them by default) or, with {@code expandSubResources}, their lines.
     */
    static JsonObject recordJson(NetSuiteRecord r, String serviceRoot, RecordType type, boolean expandSubResources) {
        String recordRoot = serviceRoot + RECORD_ROOT;
        JsonObject json = new JsonObject()
                .put("links", selfLink(recordRoot + "/" + r.type() + "/" + r.id()))
                .put("id", String.valueOf(r.id()));
        if (r.externalId() != null) {
            json.put("externalId", r.externalId());
        }
        JsonObject fields = r.fields();
        for (Map.Entry<String, Object> e : fields) {
            Object value = e.getValue();
            if (type != null && type.sublists().containsKey(e.getKey())) {
                json.put(e.getKey(), sublistJson(r, e.getKey(), recordRoot, expandSubResources));
            } else if (value instanceof JsonObject ref && ref.containsKey("id")) {
                json.put(e.getKey(), expandReference(e.getKey(), ref, recordRoot));
            } else if (value instanceof JsonObject collection && collection.getValue("items") instanceof JsonArray items) {
                JsonArray expanded = new JsonArray();
                items.forEach(i -> expanded.add(expandReference(e.getKey(), (JsonObject) i, recordRoot)));
                json.put(e.getKey(), new JsonObject().put("items", expanded).put("count", expanded.size())
                        .put("totalResults", expanded.size()).put("hasMore", false).put("offset", 0));
            } else {
                json.put(e.getKey(), value);
            }
        }
        json.put("dateCreated", r.created().truncatedTo(ChronoUnit.SECONDS).toString());
        json.put("lastModifiedDate", r.lastModified().truncatedTo(ChronoUnit.SECONDS).toString());
        return json;
    }

    /** A sublist: its link, and when expanded its lines with their references expanded. */
    private static JsonObject sublistJson(NetSuiteRecord r, String sublist, String recordRoot, boolean expand) {
        String url = recordRoot + "/" + r.type() + "/" + r.id() + "/" + sublist;
        JsonObject json = new JsonObject().put("links", selfLink(url));
        if (!expand) {
            return json;
        }
        JsonArray lines = new JsonArray();
        for (Object o : RecordType.lines(r.fields(), sublist)) {
            JsonObject line = new JsonObject();
            ((JsonObject) o).forEach(f -> line.put(f.getKey(), f.getValue() instanceof JsonObject ref
                    ? expandReference(f.getKey(), ref, recordRoot) : f.getValue()));
            lines.add(line);
        }
        return json.put("items", lines).put("count", lines.size()).put("hasMore", false).put("offset", 0)
                .put("totalResults", lines.size());
    }

    private static JsonObject expandReference(String field, JsonObject ref, String recordRoot) {
        String id = String.valueOf(ref.getValue("id"));
        if (RecordType.ENUM_VALUES.containsKey(field)) {
            return new JsonObject().put("id", id);  // a fixed value, not a record: nothing to link to
        }
        String linkType = RecordType.RECORD_REFERENCES.getOrDefault(field, field);
        JsonObject expanded = new JsonObject().put("links", selfLink(recordRoot + "/" + linkType + "/" + id)).put("id", id);
        String name = RecordType.KNOWN_REFERENCES.getOrDefault(field, Map.of()).get(id);
        if (name == null && field.equals("account")) {
            name = RecordType.ACCOUNTS.get(id);
        }
        if (name != null) {
            expanded.put("refName", name);
        }
        return expanded;
    }

    private static <T> SandboxResponse page(List<T> all, int[] paging, String url, String extraQuery,
            Function<T, JsonObject> item) {
        int limit = paging[0];
        int offset = paging[1];
        int total = all.size();
        int from = Math.min(offset, total);
        int to = Math.min(offset + limit, total);
        JsonArray items = new JsonArray();
        all.subList(from, to).forEach(r -> items.add(item.apply(r)));
        boolean hasMore = to < total;
        JsonArray links = pageLinks(url + "?" + extraQuery, limit, offset, total, hasMore);
        return SandboxResponse.json(200, NetSuiteSandbox.COLLECTION, new JsonObject()
                .put("links", links)
                .put("count", to - from)
                .put("hasMore", hasMore)
                .put("items", items)
                .put("offset", offset)
                .put("totalResults", total));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private Optional<NetSuiteRecord> find(RecordType type, String key) {
        RecordStore store = store(type.name());
        if (key.startsWith("eid:")) {
            return store.byExternalId(key.substring(4));
        }
        try {
            return store.get(Long.parseLong(key));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static SandboxResponse notFound() {
        return NetSuiteErrors.error(404, "NONEXISTENT_ID",
                "The record instance does not exist. Provide a valid record instance ID.");
    }

    private static String queryText(RoutingContext ctx) {
        try {
            JsonObject body = ctx.body().asJsonObject();
            return body != null && body.getValue("q") instanceof String q ? q : null;
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }

    private static String refText(Object value) {
        return value instanceof JsonObject ref && ref.getValue("id") != null ? ref.getValue("id").toString() : null;
    }

    private static String textOf(Object value) {
        return value instanceof String s && !s.isBlank() ? s.trim() : null;
    }
}
