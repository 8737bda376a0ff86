package dev.trestle.sandbox.precoro;

import dev.trestle.sandbox.EncodedRecords;
import dev.trestle.sandbox.FaultKnobs;
import dev.trestle.sandbox.RequestLog;
import dev.trestle.sandbox.SandboxResponse;
import dev.trestle.sandbox.SimulatedSystem;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A simulated Precoro company: {@code GET /users} (paged, optionally by {@code id[]} and/or
 * {@code modifiedSince=YYYY-MM-DDTHH:MM:SS}) and {@code GET /users/{id}}, purchase orders and suppliers
 * ({@link PurchasingApi}: {@code /purchaseorders}, {@code /suppliers}, their detail and the {@code PATCH} of their
 * {@code externalId}) and webhooks on purchase order changes ({@link Webhooks}), behind the
 * {@code X-AUTH-TOKEN} + {@code email} headers and Precoro's rate limits (see {@link RateLimiter}:
 * per second, hour and day, and an identical GET refused within a minute of the first). Paths are
 * relative to where the router is mounted ({@code /sandbox/precoro} in the hub).
 */
public final class PrecoroSandbox extends SimulatedSystem {

    public static final String USERS = "/users";
    static final List<Integer> PAGE_SIZES = List.of(10, 20, 50, 100, 200);
    static final String JSON = "application/json";
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);
    static final DateTimeFormatter RETRY_AFTER = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final java.util.regex.Pattern MODIFIED_SINCE = java.util.regex.Pattern
            .compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}");
    private static final String REMAINING_KEY = "precoro.rateLimit.remaining";

    private final byte[] apiToken;
    private final byte[] email;
    private final RateLimiter rateLimiter;
    private final UserDirectory users;
    private final EncodedRecords<SandboxUser> encoded = new EncodedRecords<>();
    private final SupplierDirectory suppliers;
    private final PurchaseOrderBook purchaseOrders;
    private final Webhooks webhooks;
    private final PurchasingApi purchasing = new PurchasingApi(this);

    public PrecoroSandbox(String apiToken, String email, RateLimiter rateLimiter, Duration latency, long seed,
            Clock clock) {
        // No POST/PUT/PATCH/DELETE is a read in disguise here: each counts as a write (the PATCHes of an externalId).
        super("Precoro", new FaultKnobs(seed, latency), new RequestLog(r -> false), clock);
        this.apiToken = apiToken.getBytes(StandardCharsets.UTF_8);
        this.email = email.getBytes(StandardCharsets.UTF_8);
        this.rateLimiter = rateLimiter;
        this.users = new UserDirectory(clock);
        this.suppliers = new SupplierDirectory(clock);
        this.purchaseOrders = new PurchaseOrderBook(clock);
        this.webhooks = new Webhooks(clock, seed);
        purchaseOrders.listener((po, action) -> webhooks.notify(Webhooks.PURCHASE_ORDER, action, po.id(), po.idn()));
    }

    /** The company's suppliers; change them per test. */
    public SupplierDirectory suppliers() {
        return suppliers;
    }

    /** The company's purchase orders and what people do to them (create, approve, change), each firing a webhook. */
    public PurchaseOrderBook purchaseOrders() {
        return purchaseOrders;
    }

    /** The webhook endpoints (registered in Precoro's UI, a knob here), the deliveries and their knobs. */
    public Webhooks webhooks() {
        return webhooks;
    }

    public UserDirectory users() {
        return users;
    }

    /** Per-second, hourly and daily limits and the duplicate-GET window; change them per test. */
    public RateLimiter rateLimits() {
        return rateLimiter;
    }

    /** Restores the given users and the default behaviour; called by the sandbox's reset. */
    public void restore(Collection<SandboxUser> demoUsers) {
        restore(demoUsers, List.of(), List.of());
    }

    /** Restores users, suppliers and purchase orders, no webhook endpoints, and the default behaviour. */
    public void restore(Collection<SandboxUser> demoUsers, Collection<PrecoroSupplier> demoSuppliers,
            Collection<PurchaseOrder> demoPurchaseOrders) {
        resetBehaviour();
        rateLimiter.reset();
        encoded.clear();
        webhooks.reset();
        users.load(demoUsers);
        suppliers.load(demoSuppliers);
        purchaseOrders.load(demoPurchaseOrders);
    }

    public Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        router.get(USERS).handler(ctx -> serve(ctx, this::listUsers));
        router.get(USERS + "/:id").handler(ctx -> serve(ctx, this::getUser));
        BodyHandler form = BodyHandler.create(false).setBodyLimit(64 * 1024);
        router.get(PurchasingApi.PURCHASE_ORDERS).handler(ctx -> serve(ctx, purchasing::listPurchaseOrders));
        router.get(PurchasingApi.PURCHASE_ORDERS + "/:idn").handler(ctx -> serve(ctx, purchasing::getPurchaseOrder));
        router.patch(PurchasingApi.PURCHASE_ORDERS + "/:idn").handler(form)
                .handler(ctx -> serve(ctx, purchasing::patchPurchaseOrder));
        router.get(PurchasingApi.SUPPLIERS).handler(ctx -> serve(ctx, purchasing::listSuppliers));
        router.get(PurchasingApi.SUPPLIERS + "/:id").handler(ctx -> serve(ctx, purchasing::getSupplier));
        router.patch(PurchasingApi.SUPPLIERS + "/:id").handler(form).handler(ctx -> serve(ctx, purchasing::patchSupplier));
        router.route().handler(ctx -> serve(ctx, this::unsupported));
        return router;
    }

    @Override
    protected SandboxResponse authenticate(RoutingContext ctx) {
        String token = ctx.request().getHeader("X-AUTH-TOKEN");
        String user = ctx.request().getHeader("email");
        // Both compared in constant time, and both always compared, so timing tells nothing.
        boolean tokenMatches = MessageDigest.isEqual(apiToken, bytes(token));
        boolean emailMatches = MessageDigest.isEqual(email, bytes(user));
        boolean valid = tokenMatches && emailMatches;
        return valid ? null : message(401, "Invalid API token or email");
    }

    @Override
    protected Admission admit(RoutingContext ctx) {
        // Precoro's duplicate rule covers GETs only.
        String duplicateKey = ctx.request().method() == HttpMethod.GET ? duplicateKey(ctx) : null;
        RateLimiter.Refusal refusal = rateLimiter.tryAcquire(duplicateKey);
        if (refusal != null) {
            return Admission.rejected(tooManyRequests(refusal));
        }
        ctx.put(REMAINING_KEY, rateLimiter.remainingThisSecond());
        return Admission.granted(() -> { });
    }

    /**
     * What makes two GETs identical for the duplicate rule: the API key, the path and the query
     * parameters, decoded and sorted, so that {@code ?b=2&a=1} and {@code ?a=1&b=2} (or
     * {@code id[]} and {@code id%5B%5D}) are the same request, as they are the same question.
     */
    static String duplicateKey(RoutingContext ctx) {
        List<String> parameters = new ArrayList<>();
        String query = ctx.request().query();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                parameters.add(decode(name) + "=" + decode(value));
            }
        }
        Collections.sort(parameters);
        return ctx.request().getHeader("X-AUTH-TOKEN") + "\n" + relativePath(ctx) + "\n" + String.join("&", parameters);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;  // a malformed escape is compared as sent
        }
    }

    @Override
    protected SandboxResponse serverError() {
        return message(500, "Internal Server Error");
    }

    @Override
    protected SandboxResponse throttled() {
        int limit = rateLimiter.requestsPerSecond();
        return tooManyRequests(new RateLimiter.Refusal("Route based limiter by second", limit,
                Instant.ofEpochSecond(clock.instant().getEpochSecond() + 1)));
    }

    private SandboxResponse listUsers(RoutingContext ctx) {
        int page;
        int perPage;
        try {
            page = Integer.parseInt(Optional.ofNullable(ctx.request().getParam("page")).orElse("1").trim());
        } catch (NumberFormatException e) {
            page = 0;
        }
        if (page < 1) {
            return message(400, "page must be a positive integer");
        }
        try {
            perPage = Integer.parseInt(Optional.ofNullable(ctx.request().getParam("per_page")).orElse("20").trim());
        } catch (NumberFormatException e) {
            perPage = -1;
        }
        if (!PAGE_SIZES.contains(perPage)) {
            return message(400, "per_page must be one of 10, 20, 50, 100, 200");
        }
        List<String> idFilter = ctx.queryParam("id[]");
        String modifiedSinceParam = ctx.request().getParam("modifiedSince");
        Instant modifiedSince = null;
        if (modifiedSinceParam != null) {
            // Precoro documents exactly YYYY-MM-DDTHH:MM:SS (no zone, no fraction); the sandbox
            // takes nothing else, and reads it as UTC, the zone its dates are written in.
            try {
                if (!MODIFIED_SINCE.matcher(modifiedSinceParam).matches()) {
                    throw new DateTimeParseException("not YYYY-MM-DDTHH:MM:SS", modifiedSinceParam, 0);
                }
                modifiedSince = LocalDateTime.parse(modifiedSinceParam).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return message(400, "modifiedSince must be a date and time in the format YYYY-MM-DDTHH:MM:SS");
            }
        }
        int total;
        List<SandboxUser> pageItems;
        long offset = (long) (page - 1) * perPage;
        if (modifiedSince != null && idFilter.isEmpty()) {
            List<SandboxUser> selected = users.modifiedSince(modifiedSince);
            total = selected.size();
            pageItems = offset >= total ? List.of() : selected.subList((int) offset, (int) Math.min(total, offset + perPage));
        } else if (idFilter.isEmpty()) {
            total = users.size();
            pageItems = offset >= total ? List.of() : users.slice((int) offset, perPage);
        } else {
            TreeSet<Long> ids = new TreeSet<>();
            for (String raw : idFilter) {
                try {
                    ids.add(Long.parseLong(raw.trim()));
                } catch (NumberFormatException e) {
                    return message(400, "id[] must contain user ids");
                }
            }
            List<SandboxUser> selected = new ArrayList<>();
            Instant since = modifiedSince;
            ids.forEach(id -> users.get(id).filter(u -> since == null || UserDirectory.modifiedAtOrAfter(u, since))
                    .ifPresent(selected::add));
            total = selected.size();
            pageItems = offset >= total ? List.of() : selected.subList((int) offset, (int) Math.min(total, offset + perPage));
        }
        int totalPages = (total + perPage - 1) / perPage;
        JsonObject pagination = new JsonObject()
                .put("total", total)
                .put("count", pageItems.size())
                .put("per_page", perPage)
                .put("current_page", page)
                .put("total_pages", totalPages)
                .put("has_next_page", page < totalPages);
        // The same text JsonObject would encode for {"data":[...],"meta":{"pagination":...}}, with
        // each user's part taken from the cache instead of encoded again for every page read.
        StringBuilder body = new StringBuilder(64 + pageItems.size() * 200).append("{\"data\":[");
        for (int i = 0; i < pageItems.size(); i++) {
            SandboxUser user = pageItems.get(i);
            if (i > 0) {
                body.append(',');
            }
            body.append(encode(user));
        }
        body.append("],\"meta\":").append(new JsonObject().put("pagination", pagination).encode()).append('}');
        return withRateHeaders(ctx, new SandboxResponse(200, JSON, Map.of(), body.toString()));
    }

    private SandboxResponse getUser(RoutingContext ctx) {
        Optional<SandboxUser> user;
        try {
            user = users.get(Long.parseLong(ctx.pathParam("id")));
        } catch (NumberFormatException e) {
            user = Optional.empty();
        }
        return user.map(u -> withRateHeaders(ctx, new SandboxResponse(200, JSON, Map.of(), encode(u))))
                .orElseGet(() -> withRateHeaders(ctx, message(404, "Not found")));
    }

    private SandboxResponse unsupported(RoutingContext ctx) {
        String path = relativePath(ctx);
        boolean known = path.startsWith(USERS) || path.startsWith(PurchasingApi.PURCHASE_ORDERS)
                || path.startsWith(PurchasingApi.SUPPLIERS);
        return known ? message(405, "Method Not Allowed") : message(404, "Not found");
    }

    private String encode(SandboxUser user) {
        return encoded.get(user.id(), user, "", u -> userJson(u).encode());
    }

    static JsonObject userJson(SandboxUser u) {
        return new JsonObject()
                .put("id", u.id())
                .put("email", u.email())
                .put("firstname", u.firstName())
                .put("lastname", u.lastName())
                .put("enable", u.enabled())
                .put("createDate", u.created() == null ? null : DATE_TIME.format(u.created()))
                .put("updateDate", u.updated() == null ? null : DATE_TIME.format(u.updated()));
    }

    SandboxResponse withRateHeaders(RoutingContext ctx, SandboxResponse response) {
        Integer remaining = ctx.get(REMAINING_KEY);
        return response.withHeaders(Map.of(
                "RateLimit-Limit", String.valueOf(rateLimiter.requestsPerSecond()),
                "RateLimit-Remaining", String.valueOf(remaining == null ? 0 : remaining)));
    }

    private static SandboxResponse tooManyRequests(RateLimiter.Refusal refusal) {
        String retryAfter = RETRY_AFTER.format(refusal.retryAfter());
        JsonObject body = new JsonObject()
                .put("error", "Too many requests for this endpoint")
                .put("RateLimit-Type", refusal.type())
                .put("RateLimit-Retry-After", retryAfter)
                .put("RateLimit-Limit", refusal.limit());
        return SandboxResponse.json(429, JSON, body).withHeaders(Map.of(
                "RateLimit-Limit", String.valueOf(refusal.limit()),
                "RateLimit-Remaining", "0",
                "RateLimit-Retry-After", retryAfter));
    }

    static SandboxResponse message(int status, String message) {
        return SandboxResponse.json(status, JSON, new JsonObject().put("message", message));
    }

    private static byte[] bytes(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }
}
