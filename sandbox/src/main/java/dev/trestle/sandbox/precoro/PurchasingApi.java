package dev.trestle.sandbox.precoro;

import dev.trestle.sandbox.SandboxResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Precoro's purchase orders and suppliers, inside the Precoro simulation's pipeline (token headers, rate limits,
 * the duplicate-GET minute, knobs). Lists take Precoro's paging ({@code page}, {@code per_page} one of 10, 20, 50,
 * 100, 200) and answer {@code {"data":[...],"meta":{"pagination":{...}}}}; a detail answers the object without the
 * wrapper; errors are {@code {"message": "..."}}.
 * <ul>
 *   <li>{@code GET /purchaseorders}: the lighter list form (no {@code items}, {@code note} or custom fields), in
 *       idn order; filters {@code modifiedSince=YYYY-MM-DDTHH:MM:SS} (UTC, by {@code updateDate}, at the second),
 *       {@code status[]=<code>} (repeatable), {@code approvalDate[left_date]} / {@code approvalDate[right_date]}
 *       ({@code dd.mm.yyyy}, inclusive, UTC days).</li>
 *   <li>{@code GET /purchaseorders/{idn}}: the full PO.</li>
 *   <li>{@code PATCH /purchaseorders/{idn}}: form-encoded ({@code application/x-www-form-urlencoded}) with the
 *       one field {@code externalId} (empty clears it; at most 255 characters); 200 with the full PO. JSON or any
 *       other type: 415; another field or none: 400.</li>
 *   <li>{@code GET /suppliers} (filters {@code enable=true|false}, {@code status[]}, {@code modifiedSince}),
 *       {@code GET /suppliers/{id}}, {@code PATCH /suppliers/{id}} (externalId, as for POs).</li>
 * </ul>
 * Every PO create or update (an approval, a change, a PATCH of its externalId) fires a webhook ({@link Webhooks}).
 * Amounts are JSON numbers written exactly with two decimals ({@code 1234.50}); quantities as entered.
 */
final class PurchasingApi {

    static final String PURCHASE_ORDERS = "/purchaseorders";
    static final String SUPPLIERS = "/suppliers";
    static final int MAX_EXTERNAL_ID = 255;
    private static final Pattern MODIFIED_SINCE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.uuuu");
    private static final String FORM = "application/x-www-form-urlencoded";

    private final PrecoroSandbox precoro;

    PurchasingApi(PrecoroSandbox precoro) {
        this.precoro = precoro;
    }

    // ---- purchase orders -------------------------------------------------------------------------------------

    SandboxResponse listPurchaseOrders(RoutingContext ctx) {
        Object paging = paging(ctx);
        if (paging instanceof SandboxResponse refusal) {
            return refusal;
        }
        Object since = modifiedSince(ctx);
        if (since instanceof SandboxResponse refusal) {
            return refusal;
        }
        Object statuses = statuses(ctx);
        if (statuses instanceof SandboxResponse refusal) {
            return refusal;
        }
        LocalDate left;
        LocalDate right;
        try {
            left = day(ctx.request().getParam("approvalDate[left_date]"));
            right = day(ctx.request().getParam("approvalDate[right_date]"));
        } catch (DateTimeParseException e) {
            return PrecoroSandbox.message(400, "approvalDate[left_date] and approvalDate[right_date] must be dates "
                    + "in the format dd.mm.yyyy");
        }
        @SuppressWarnings("unchecked")
        Set<Integer> wanted = (Set<Integer>) statuses;
        Predicate<PurchaseOrder> filter = po -> (wanted.isEmpty() || wanted.contains(po.status()))
                && (left == null || (po.approved() != null && !utcDay(po.approved()).isBefore(left)))
                && (right == null || (po.approved() != null && !utcDay(po.approved()).isAfter(right)));
        List<PurchaseOrder> selected = (since == null ? precoro.purchaseOrders().all()
                : precoro.purchaseOrders().modifiedSince((Instant) since)).stream().filter(filter).toList();
        return page(ctx, selected, (int[]) paging, po -> purchaseOrderJson(po, false));
    }

    SandboxResponse getPurchaseOrder(RoutingContext ctx) {
        return purchaseOrder(ctx).map(po -> precoro.withRateHeaders(ctx, SandboxResponse.json(200, PrecoroSandbox.JSON,
                purchaseOrderJson(po, true)))).orElseGet(() -> precoro.withRateHeaders(ctx, notFound()));
    }

    SandboxResponse patchPurchaseOrder(RoutingContext ctx) {
        Optional<PurchaseOrder> po = purchaseOrder(ctx);
        if (po.isEmpty()) {
            return precoro.withRateHeaders(ctx, notFound());
        }
        Object externalId = externalIdForm(ctx);
        if (externalId instanceof SandboxResponse refusal) {
            return precoro.withRateHeaders(ctx, refusal);
        }
        String value = ((String) externalId).isEmpty() ? null : (String) externalId;
        PurchaseOrder updated = precoro.purchaseOrders().setExternalId(po.get().idn(), value);
        return precoro.withRateHeaders(ctx, SandboxResponse.json(200, PrecoroSandbox.JSON, purchaseOrderJson(updated,
                true)));
    }

    private Optional<PurchaseOrder> purchaseOrder(RoutingContext ctx) {
        try {
            return precoro.purchaseOrders().get(Integer.parseInt(ctx.pathParam("idn")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A PO as the API shows it: the list form, or with {@code full} the detail (lines, note, custom fields). */
    JsonObject purchaseOrderJson(PurchaseOrder po, boolean full) {
        JsonObject supplier = precoro.suppliers().get(po.supplierId())
                .map(s -> new JsonObject().put("id", s.id()).put("name", s.name()))
                .orElseGet(() -> new JsonObject().put("id", po.supplierId()).put("name", null));
        JsonObject creator = precoro.users().get(po.creatorId())
                .map(u -> new JsonObject().put("id", u.id()).put("email", u.email()).put("firstname", u.firstName())
                        .put("lastname", u.lastName()))
                // A purchaser deleted since keeps their id on the PO and nothing else.
                .orElseGet(() -> new JsonObject().put("id", po.creatorId()).put("email", null).put("firstname", null)
                        .put("lastname", null));
        PurchasingReference.Option location = po.locationId() == null ? null
                : PurchasingReference.LOCATIONS.get(po.locationId());
        JsonObject json = new JsonObject()
                .put("id", po.id())
                .put("idn", po.idn())
                .put("number", po.number())
                .put("status", po.status())
                .put("statusString", PurchaseOrder.STATUS_NAMES.get(po.status()))
                .put("createDate", date(po.created()))
                .put("updateDate", date(po.updated()))
                .put("approvalDate", date(po.approved()))
                .put("supplier", supplier)
                .put("creator", creator)
                .put("location", location == null ? null : option(location))
                .put("currency", po.currency())
                .put("netSum", po.netSum())
                .put("sum", po.netSum())
                .put("externalId", po.externalId());
        if (!full) {
            return json;
        }
        JsonArray items = new JsonArray();
        for (PurchaseOrderLine line : po.lines()) {
            items.add(new JsonObject()
                    .put("id", line.id())
                    .put("name", line.name())
                    .put("sku", line.sku())
                    .put("quantity", line.quantity())
                    .put("unit", line.unit())
                    .put("price", line.price())
                    .put("netSum", line.sum())
                    .put("sum", line.sum())
                    .put("currency", po.currency())
                    .put("externalId", line.itemExternalId()));
        }
        JsonArray customFields = new JsonArray();
        customField(customFields, PurchasingReference.DEPARTMENTS_FIELD_ID, PurchasingReference.DEPARTMENTS_FIELD_NAME,
                po.department() == null ? null : PurchasingReference.DEPARTMENTS.get(po.department()));
        customField(customFields, PurchasingReference.CLASSES_FIELD_ID, PurchasingReference.CLASSES_FIELD_NAME,
                po.classId() == null ? null : PurchasingReference.CLASSES.get(po.classId()));
        return json.put("note", po.note()).put("items", items)
                .put("dataDocumentCustomFields", new JsonObject().put("data", customFields));
    }

    private static void customField(JsonArray fields, long fieldId, String fieldName, PurchasingReference.Option value) {
        if (value == null) {
            return;
        }
        fields.add(new JsonObject()
                .put("documentCustomField", new JsonObject().put("id", fieldId).put("name", fieldName))
                .put("value", value.name())
                .put("option", option(value)));
    }

    private static JsonObject option(PurchasingReference.Option option) {
        return new JsonObject().put("id", option.id()).put("name", option.name()).put("externalId", option.externalId());
    }

    // ---- suppliers -------------------------------------------------------------------------------------------

    SandboxResponse listSuppliers(RoutingContext ctx) {
        Object paging = paging(ctx);
        if (paging instanceof SandboxResponse refusal) {
            return refusal;
        }
        Object since = modifiedSince(ctx);
        if (since instanceof SandboxResponse refusal) {
            return refusal;
        }
        Object statuses = statuses(ctx);
        if (statuses instanceof SandboxResponse refusal) {
            return refusal;
        }
        String enable = ctx.request().getParam("enable");
        if (enable != null && !enable.equals("true") && !enable.equals("false")) {
            return PrecoroSandbox.message(400, "enable must be true or false");
        }
        @SuppressWarnings("unchecked")
        Set<Integer> wanted = (Set<Integer>) statuses;
        List<PrecoroSupplier> selected = precoro.suppliers().all().stream()
                .filter(s -> enable == null || s.enabled() == Boolean.parseBoolean(enable))
                .filter(s -> wanted.isEmpty() || wanted.contains(s.status()))
                .filter(s -> since == null || PurchaseOrderBook.modifiedAtOrAfter(s.updated() != null ? s.updated()
                        : s.created(), (Instant) since))
                .toList();
        return page(ctx, selected, (int[]) paging, PurchasingApi::supplierJson);
    }

    SandboxResponse getSupplier(RoutingContext ctx) {
        return supplier(ctx).map(s -> precoro.withRateHeaders(ctx, SandboxResponse.json(200, PrecoroSandbox.JSON,
                supplierJson(s)))).orElseGet(() -> precoro.withRateHeaders(ctx, notFound()));
    }

    SandboxResponse patchSupplier(RoutingContext ctx) {
        Optional<PrecoroSupplier> supplier = supplier(ctx);
        if (supplier.isEmpty()) {
            return precoro.withRateHeaders(ctx, notFound());
        }
        Object externalId = externalIdForm(ctx);
        if (externalId instanceof SandboxResponse refusal) {
            return precoro.withRateHeaders(ctx, refusal);
        }
        PrecoroSupplier updated = precoro.suppliers().setExternalId(supplier.get().id(),
                ((String) externalId).isEmpty() ? null : (String) externalId);
        return precoro.withRateHeaders(ctx, SandboxResponse.json(200, PrecoroSandbox.JSON, supplierJson(updated)));
    }

    private Optional<PrecoroSupplier> supplier(RoutingContext ctx) {
        try {
            return precoro.suppliers().get(Long.parseLong(ctx.pathParam("id")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static JsonObject supplierJson(PrecoroSupplier s) {
        return new JsonObject()
                .put("id", s.id())
                .put("uniqueCode", s.uniqueCode())
                .put("name", s.name())
                .put("enable", s.enabled())
                .put("status", s.status())
                .put("currency", s.currency())
                .put("createDate", date(s.created()))
                .put("updateDate", date(s.updated()))
                .put("approvalDate", date(s.approved()))
                .put("externalId", s.externalId())
                .put("netSuiteId", s.netSuiteId());
    }

    // ---- shared ----------------------------------------------------------------------------------------------

    /**
     * The externalId of a form-encoded PATCH, or the refusal: 415 for a body that is not form-encoded (Precoro's
     * write-back is a form field), 400 for a missing externalId, another field, or one too long.
     */
    private static Object externalIdForm(RoutingContext ctx) {
        String type = Optional.ofNullable(ctx.request().getHeader("Content-Type")).orElse("");
        if (!type.toLowerCase(Locale.ROOT).split(";")[0].trim().equals(FORM)) {
            return PrecoroSandbox.message(415, "Unsupported Media Type: send the fields form-encoded ("
                    + FORM + ")");
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        String body = ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                return PrecoroSandbox.message(400, "The request body is not valid form data");
            }
        }
        List<String> others = fields.keySet().stream().filter(f -> !f.equals("externalId")).toList();
        if (!others.isEmpty()) {
            return PrecoroSandbox.message(400, "Only externalId can be changed here, not: " + String.join(", ", others));
        }
        List<String> values = fields.get("externalId");
        if (values == null) {
            return PrecoroSandbox.message(400, "externalId is required");
        }
        if (values.size() > 1) {
            return PrecoroSandbox.message(400, "externalId must be sent once");
        }
        String value = values.get(0).trim();
        if (value.length() > MAX_EXTERNAL_ID) {
            return PrecoroSandbox.message(400, "externalId must be at most " + MAX_EXTERNAL_ID + " characters");
        }
        return value;
    }

    /** [page, perPage], or the refusal, with the rules of {@code GET /users}. */
    private static Object paging(RoutingContext ctx) {
        int page;
        int perPage;
        try {
            page = Integer.parseInt(Optional.ofNullable(ctx.request().getParam("page")).orElse("1").trim());
        } catch (NumberFormatException e) {
            page = 0;
        }
        if (page < 1) {
            return PrecoroSandbox.message(400, "page must be a positive integer");
        }
        try {
            perPage = Integer.parseInt(Optional.ofNullable(ctx.request().getParam("per_page")).orElse("20").trim());
        } catch (NumberFormatException e) {
            perPage = -1;
        }
        if (!PrecoroSandbox.PAGE_SIZES.contains(perPage)) {
            return PrecoroSandbox.message(400, "per_page must be one of 10, 20, 50, 100, 200");
        }
        return new int[] {page, perPage};
    }

    /** The instant of {@code modifiedSince}, {@code null} without one, or the refusal. */
    private static Object modifiedSince(RoutingContext ctx) {
        String raw = ctx.request().getParam("modifiedSince");
        if (raw == null) {
            return null;
        }
        try {
            if (!MODIFIED_SINCE.matcher(raw).matches()) {
                throw new DateTimeParseException("not YYYY-MM-DDTHH:MM:SS", raw, 0);
            }
            return LocalDateTime.parse(raw).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return PrecoroSandbox.message(400, "modifiedSince must be a date and time in the format YYYY-MM-DDTHH:MM:SS");
        }
    }

    private static Object statuses(RoutingContext ctx) {
        Set<Integer> statuses = new TreeSet<>();
        for (String raw : ctx.queryParam("status[]")) {
            try {
                statuses.add(Integer.parseInt(raw.trim()));
            } catch (NumberFormatException e) {
                return PrecoroSandbox.message(400, "status[] must contain status codes");
            }
        }
        return statuses;
    }

    private static LocalDate day(String raw) {
        return raw == null ? null : LocalDate.parse(raw.trim(), DAY);
    }

    private static LocalDate utcDay(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private <T> SandboxResponse page(RoutingContext ctx, List<T> selected, int[] paging,
            java.util.function.Function<T, JsonObject> json) {
        int page = paging[0];
        int perPage = paging[1];
        long offset = (long) (page - 1) * perPage;
        int total = selected.size();
        List<T> items = offset >= total ? List.of() : selected.subList((int) offset, (int) Math.min(total,
                offset + perPage));
        int totalPages = (total + perPage - 1) / perPage;
        JsonArray data = new JsonArray();
        items.forEach(i -> data.add(json.apply(i)));
        JsonObject pagination = new JsonObject()
                .put("total", total)
                .put("count", items.size())
                .put("per_page", perPage)
                .put("current_page", page)
                .put("total_pages", totalPages)
                .put("has_next_page", page < totalPages);
        return precoro.withRateHeaders(ctx, SandboxResponse.json(200, PrecoroSandbox.JSON, new JsonObject()
                .put("data", data).put("meta", new JsonObject().put("pagination", pagination))));
    }

    private static String date(Instant instant) {
        return instant == null ? null : PrecoroSandbox.DATE_TIME.format(instant);
    }

    private static SandboxResponse notFound() {
        return PrecoroSandbox.message(404, "Not found");
    }
}
