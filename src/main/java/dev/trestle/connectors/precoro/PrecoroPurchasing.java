package dev.trestle.connectors.precoro;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trestle.connectors.Upstream;
import dev.trestle.connectors.UpstreamCaller;
import dev.trestle.connectors.UpstreamException;
import dev.trestle.connectors.UpstreamJson;
import dev.trestle.connectors.UpstreamSystem;
import dev.trestle.errors.TrestleException;
import dev.trestle.money.Money;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToLongFunction;

/**
 * Reads Precoro's purchase orders and suppliers and writes the ERP's id back onto a purchase order.
 *
 * <p>It is the same Precoro account as {@link PrecoroConnector}'s users, and Precoro's limits are the account's:
 * every request goes through the same Precoro caller (one request at a time, the pace, the budget, retries, the
 * breaker) and every GET through {@link PrecoroConnector}'s duplicate-window rule, with the same memory of what
 * was asked, so a question asked by one reader is not asked again by the other within the minute.
 *
 * <p>Failures arrive as {@link UpstreamException} ({@code UPSTREAM_*} codes; a body the hub cannot read is
 * {@code UPSTREAM_MALFORMED_RESPONSE}); a purchase order or supplier Precoro does not have is {@code NOT_FOUND};
 * invalid arguments are {@code INVALID_ARGUMENT}.
 */
@ApplicationScoped
public class PrecoroPurchasing {

    private static final String OP_PO_CHANGED = "purchase_orders.changed";
    private static final String OP_PO = "purchase_orders.by_idn";
    private static final String OP_PO_EXTERNAL_ID = "purchase_orders.external_id";
    private static final String OP_SUPPLIERS = "suppliers.all";
    private static final String OP_SUPPLIER = "suppliers.by_id";
    private static final UpstreamSystem PRECORO = UpstreamSystem.PRECORO;

    private final PrecoroPurchasingApi api;
    private final UpstreamCaller caller;
    private final PrecoroConnector account;
    /** Reads amounts as the decimals Precoro wrote, never through a double. */
    private final ObjectMapper exact;
    private final int pageSize;

    PrecoroPurchasing(PrecoroConfig config, @Upstream(UpstreamSystem.PRECORO) UpstreamCaller caller,
            PrecoroConnector account, ObjectMapper mapper) {
        this.api = PrecoroConnector.client(config, PrecoroPurchasingApi.class);
        this.caller = caller;
        this.account = account;
        this.exact = mapper.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.pageSize = config.pageSize();
    }

    /**
     * The purchase orders modified at or after {@code since} ({@code modifiedSince}, to the second, rounded down so
     * nothing of that second is missed), in the list form (no lines, note or custom fields), ordered by idn; every
     * page. {@code status} keeps only POs with that status code ({@code status[]}), null keeps all.
     */
    public Uni<List<PrecoroPurchaseOrder>> purchaseOrdersModifiedSince(Instant since, Integer status) {
        if (since == null) {
            return Uni.createFrom().failure(TrestleException.invalidArgument("modifiedSince needs a moment."));
        }
        List<Integer> statuses = status == null ? null : List.of(status);
        String filter = status == null ? "" : "&status[]=" + status;
        // As for users: asked again within the duplicate window, the same modifiedSince would be refused; an
        // earlier second asks a wider question, which can only return more, never miss anything.
        String modifiedSince = PrecoroConnector.MODIFIED_SINCE.format(account.repeats().claimSecondAtOrBefore(since,
                second -> "purchaseorders?modifiedSince=" + PrecoroConnector.MODIFIED_SINCE.format(second) + filter));
        return listed(number -> account.unrepeated("purchaseorders?modifiedSince=" + modifiedSince + "&page=" + number
                + "&per_page=" + pageSize + filter, OP_PO_CHANGED,
                () -> api.purchaseOrders(number, pageSize, modifiedSince, statuses)
                        .map(response -> page(response, po -> purchaseOrder(po, false)))),
                PrecoroPurchaseOrder::idn);
    }

    /** One purchase order in full (lines, note, custom fields); {@code NOT_FOUND} when Precoro has none with this idn. */
    public Uni<PrecoroPurchaseOrder> purchaseOrder(long idn) {
        if (idn <= 0) {
            return Uni.createFrom().failure(TrestleException.invalidArgument("A Precoro PO number is positive."));
        }
        return account.unrepeated("purchaseorders/" + idn, OP_PO,
                () -> api.purchaseOrder(idn).map(response -> detail(response, po -> purchaseOrder(po, true))))
                .onFailure(PrecoroPurchasing::notFound)
                .transform(e -> TrestleException.notFound("Precoro has no purchase order " + idn + "."));
    }

    /**
     * When {@link #purchaseOrder(long)} of this idn may be asked again without waiting: now, or the end of Precoro's
     * duplicate minute since it was last asked. For work that has other things to do than wait.
     */
    public Instant purchaseOrderFreeAt(long idn) {
        return account.repeats().freeAt("purchaseorders/" + idn);
    }

    /**
     * Writes {@code externalId} (the NetSuite id of the PO made from it) onto the purchase order, as Precoro's
     * form field {@code externalId}; empty clears it. Answers the PO as Precoro has it then.
     * {@code NOT_FOUND} when Precoro has no PO with this idn; a value Precoro refuses (too long) is its refusal.
     */
    public Uni<PrecoroPurchaseOrder> recordExternalId(long idn, String externalId) {
        if (idn <= 0) {
            return Uni.createFrom().failure(TrestleException.invalidArgument("A Precoro PO number is positive."));
        }
        if (externalId == null) {
            return Uni.createFrom().failure(TrestleException.invalidArgument("An external id is required (empty "
                    + "clears it)."));
        }
        // A write, but one that may be retried blindly: setting the same externalId again leaves the PO as the
        // first PATCH left it, so a retry after a lost answer cannot do anything twice. It is not a GET, so
        // Precoro's duplicate rule does not apply to it.
        return caller.call(OP_PO_EXTERNAL_ID,
                () -> api.recordExternalId(idn, externalId).map(response -> detail(response,
                        po -> purchaseOrder(po, true))))
                .onFailure(PrecoroPurchasing::notFound)
                .transform(e -> TrestleException.notFound("Precoro has no purchase order " + idn + "."));
    }

    /** Every supplier, enabled or not, ordered by id; every page. */
    public Uni<List<PrecoroSupplier>> suppliers() {
        return listed(number -> account.unrepeated("suppliers?page=" + number + "&per_page=" + pageSize,
                OP_SUPPLIERS, () -> api.suppliers(number, pageSize).map(response -> page(response,
                        PrecoroPurchasing::supplier))), PrecoroSupplier::id);
    }

    /** One supplier; {@code NOT_FOUND} when Precoro has none with this id. */
    public Uni<PrecoroSupplier> supplier(long id) {
        if (id <= 0) {
            return Uni.createFrom().failure(TrestleException.invalidArgument("A Precoro supplier id is positive."));
        }
        return account.unrepeated("suppliers/" + id, OP_SUPPLIER,
                () -> api.supplier(id).map(response -> detail(response, PrecoroPurchasing::supplier)))
                .onFailure(PrecoroPurchasing::notFound)
                .transform(e -> TrestleException.notFound("Precoro has no supplier " + id + "."));
    }

    private static boolean notFound(Throwable failure) {
        return failure instanceof UpstreamException e && e.httpStatus().isPresent() && e.httpStatus().getAsInt() == 404;
    }

    // ---- paging ----------------------------------------------------------------------------------------------

    /** One page of a list. {@code totalPages} is null when Precoro did not send it. */
    private record Page<T>(List<T> items, boolean hasNext, Integer totalPages) {
    }

    /**
     * Every page of one listing, as {@link PrecoroConnector} reads users: the first, then the rest together (the
     * governor lets them out one by one at the pace), then on while {@code has_next_page} says so (a list can grow
     * while it is read). Pages that overlap count once, the record read last winning.
     */
    private <T> Uni<List<T>> listed(IntFunction<Uni<Page<T>>> pageOf, ToLongFunction<T> key) {
        return pageOf.apply(1).chain(first -> {
            if (!first.hasNext()) {
                return Uni.createFrom().item(List.of(first));
            }
            if (first.totalPages() == null) {
                return sequential(List.of(first), pageOf);
            }
            List<Uni<Page<T>>> pages = new ArrayList<>();
            pages.add(Uni.createFrom().item(first));
            for (int number = 2; number <= first.totalPages(); number++) {
                pages.add(pageOf.apply(number));
            }
            return Uni.join().all(pages).andFailFast().chain(all -> sequential(all, pageOf));
        }).map(pages -> {
            Map<Long, T> byKey = new LinkedHashMap<>();
            pages.forEach(page -> page.items().forEach(item -> byKey.put(key.applyAsLong(item), item)));
            List<T> result = new ArrayList<>(byKey.values());
            result.sort(Comparator.comparingLong(key));
            return result;
        });
    }

    private <T> Uni<List<Page<T>>> sequential(List<Page<T>> sofar, IntFunction<Uni<Page<T>>> pageOf) {
        Page<T> last = sofar.get(sofar.size() - 1);
        if (!last.hasNext() || last.items().isEmpty()) {
            return Uni.createFrom().item(sofar);
        }
        return pageOf.apply(sofar.size() + 1).chain(next -> {
            List<Page<T>> more = new ArrayList<>(sofar);
            more.add(next);
            return sequential(more, pageOf);
        });
    }

    // ---- reading answers -------------------------------------------------------------------------------------

    /** A record that is not what the hub can read; its message says what, never the body. */
    private static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private JsonNode body(Response response) {
        int status = response.getStatus();
        byte[] body = UpstreamJson.bytes(response);
        if (status < 200 || status > 299) {
            throw account.failure(status, response, new String(body, StandardCharsets.UTF_8));
        }
        return UpstreamJson.object(PRECORO, status, body, exact);
    }

    private <T> Page<T> page(Response response, Function<JsonNode, T> element) {
        JsonNode root = body(response);
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            throw UpstreamException.malformed(PRECORO, response.getStatus(), "the answer has no data array", null);
        }
        List<T> items = new ArrayList<>(data.size());
        try {
            data.forEach(node -> items.add(element.apply(node)));
        } catch (Unreadable e) {
            throw UpstreamException.malformed(PRECORO, response.getStatus(), e.getMessage(), null);
        }
        JsonNode pagination = root.path("meta").path("pagination");
        JsonNode totalPages = pagination.get("total_pages");
        JsonNode current = pagination.get("current_page");
        JsonNode hasNext = pagination.get("has_next_page");
        Integer total = totalPages != null && totalPages.canConvertToInt() ? totalPages.asInt() : null;
        // Older payloads have only current_page/total_pages; newer ones has_next_page.
        boolean next = hasNext != null ? hasNext.asBoolean(false)
                : total != null && current != null && current.canConvertToInt() && current.asInt() < total;
        return new Page<>(items, next, total);
    }

    private <T> T detail(Response response, Function<JsonNode, T> reader) {
        JsonNode root = body(response);
        try {
            return reader.apply(root);
        } catch (Unreadable e) {
            throw UpstreamException.malformed(PRECORO, response.getStatus(), e.getMessage(), null);
        }
    }

    static PrecoroPurchaseOrder purchaseOrder(JsonNode po, boolean detailed) {
        if (!po.isObject()) {
            throw new Unreadable("a purchase order is not an object");
        }
        long id = requiredId(po, "id", "a purchase order has no numeric id");
        long idn = requiredId(po, "idn", "a purchase order has no numeric idn");
        Long status = id(po.get("status"));
        if (status == null) {
            throw new Unreadable("purchase order " + idn + " has no status code");
        }
        String currency = UpstreamJson.text(po, "currency");
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new Unreadable("purchase order " + idn + " has no ISO currency");
        }
        Money netSum = money(po, "netSum", currency, "purchase order " + idn);
        if (netSum == null) {
            throw new Unreadable("purchase order " + idn + " has no netSum");
        }
        PrecoroPurchaseOrder.SupplierRef supplier = null;
        JsonNode s = po.get("supplier");
        if (s != null && s.isObject()) {
            supplier = new PrecoroPurchaseOrder.SupplierRef(requiredId(s, "id", "purchase order " + idn
                    + " names a supplier without a numeric id"), UpstreamJson.text(s, "name"));
        }
        PrecoroPurchaseOrder.Purchaser creator = null;
        JsonNode c = po.get("creator");
        if (c != null && c.isObject()) {
            creator = new PrecoroPurchaseOrder.Purchaser(requiredId(c, "id", "purchase order " + idn
                    + " names a creator without a numeric id"), UpstreamJson.text(c, "email"),
                    UpstreamJson.text(c, "firstname"), UpstreamJson.text(c, "lastname"));
        }
        PrecoroPurchaseOrder.Location location = null;
        JsonNode l = po.get("location");
        if (l != null && l.isObject()) {
            location = new PrecoroPurchaseOrder.Location(requiredId(l, "id", "purchase order " + idn
                    + " names a location without a numeric id"), UpstreamJson.text(l, "name"),
                    UpstreamJson.text(l, "externalId"));
        }
        List<PrecoroPurchaseOrder.Line> lines = List.of();
        List<PrecoroPurchaseOrder.CustomFieldValue> fields = List.of();
        String note = null;
        if (detailed) {
            note = UpstreamJson.text(po, "note");
            JsonNode items = po.get("items");
            if (items == null || !items.isArray()) {
                throw new Unreadable("purchase order " + idn + " has no items list");
            }
            lines = new ArrayList<>();
            for (JsonNode item : items) {
                lines.add(line(item, idn, currency));
            }
            fields = customFields(po.path("dataDocumentCustomFields").path("data"), idn);
        }
        return new PrecoroPurchaseOrder(id, idn, UpstreamJson.text(po, "number"), status.intValue(),
                UpstreamJson.text(po, "statusString"), date(po, "createDate", idn), date(po, "updateDate", idn),
                date(po, "approvalDate", idn), supplier, creator, location, currency, netSum,
                money(po, "sum", currency, "purchase order " + idn), note, fields, lines,
                UpstreamJson.text(po, "externalId"), detailed);
    }

    private static PrecoroPurchaseOrder.Line line(JsonNode item, long idn, String poCurrency) {
        String where = "a line of purchase order " + idn;
        if (!item.isObject()) {
            throw new Unreadable(where + " is not an object");
        }
        long id = requiredId(item, "id", where + " has no numeric id");
        String currency = UpstreamJson.text(item, "currency");
        if (currency == null) {
            currency = poCurrency;
        } else if (!currency.equals(poCurrency)) {
            throw new Unreadable(where + " is in " + currency + ", the PO in " + poCurrency);
        }
        BigDecimal quantity = decimal(item, "quantity", where);
        BigDecimal price = decimal(item, "price", where);
        Money netSum = money(item, "netSum", currency, where);
        if (quantity == null || price == null || netSum == null) {
            throw new Unreadable(where + " lacks its quantity, price or netSum");
        }
        return new PrecoroPurchaseOrder.Line(id, UpstreamJson.text(item, "name"), UpstreamJson.text(item, "sku"),
                quantity, UpstreamJson.text(item, "unit"), price, netSum, money(item, "sum", currency, where),
                UpstreamJson.text(item, "externalId"));
    }

    private static List<PrecoroPurchaseOrder.CustomFieldValue> customFields(JsonNode data, long idn) {
        if (data.isMissingNode() || data.isNull()) {
            return List.of();
        }
        if (!data.isArray()) {
            throw new Unreadable("the custom fields of purchase order " + idn + " are not a list");
        }
        List<PrecoroPurchaseOrder.CustomFieldValue> fields = new ArrayList<>();
        for (JsonNode value : data) {
            JsonNode field = value.path("documentCustomField");
            Long fieldId = id(field.get("id"));
            if (fieldId == null) {
                throw new Unreadable("a custom field of purchase order " + idn + " has no numeric id");
            }
            JsonNode option = value.get("option");
            boolean hasOption = option != null && option.isObject();
            fields.add(new PrecoroPurchaseOrder.CustomFieldValue(fieldId, UpstreamJson.text(field, "name"),
                    UpstreamJson.text(value, "value"), hasOption ? id(option.get("id")) : null,
                    hasOption ? UpstreamJson.text(option, "externalId") : null));
        }
        return fields;
    }

    static PrecoroSupplier supplier(JsonNode s) {
        if (!s.isObject()) {
            throw new Unreadable("a supplier is not an object");
        }
        long id = requiredId(s, "id", "a supplier has no numeric id");
        Long status = id(s.get("status"));
        if (status == null) {
            throw new Unreadable("supplier " + id + " has no status code");
        }
        JsonNode enable = s.get("enable");
        return new PrecoroSupplier(id, UpstreamJson.text(s, "name"), enable != null && enable.asBoolean(false),
                status.intValue(), UpstreamJson.text(s, "currency"), UpstreamJson.text(s, "netSuiteId"),
                UpstreamJson.text(s, "externalId"));
    }

    /** An integral number that fits a long, or a string of 1 to 18 digits; null otherwise (as for users). */
    private static Long id(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value.isTextual() && value.asText().matches("[0-9]{1,18}")) {
            return Long.parseLong(value.asText());
        }
        return null;
    }

    private static long requiredId(JsonNode node, String field, String problem) {
        Long id = id(node.get(field));
        if (id == null) {
            throw new Unreadable(problem);
        }
        return id;
    }

    /** A decimal as Precoro wrote it (a JSON number, read exactly, or a decimal string); null when absent. */
    private static BigDecimal decimal(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.asText().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new Unreadable("the " + field + " of " + where + " is not a number");
    }

    private static Money money(JsonNode node, String field, String currency, String where) {
        BigDecimal amount = decimal(node, field, where);
        if (amount == null) {
            return null;
        }
        try {
            return Money.of(amount, currency);
        } catch (IllegalArgumentException e) {
            throw new Unreadable("the " + field + " of " + where + " is not an amount to the cent");
        }
    }

    private static Instant date(JsonNode po, String field, long idn) {
        String text = UpstreamJson.text(po, field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return PrecoroConnector.instant(text);
        } catch (DateTimeParseException e) {
            throw new Unreadable("the " + field + " of purchase order " + idn + " is not a date");
        }
    }
}
