package dev.trestle.sandbox.procore;

import dev.trestle.sandbox.FaultKnobs;
import dev.trestle.sandbox.RequestLog;
import dev.trestle.sandbox.SandboxResponse;
import dev.trestle.sandbox.SimulatedSystem;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A simulated Procore company behind Procore's login service. Paths are relative to where the
 * router is mounted ({@code /sandbox/procore} in the hub):
 * <ul>
 *   <li>{@code POST /oauth/token}: client credentials grant (form or JSON body), answers
 *       {@code {"access_token","token_type":"bearer","expires_in","created_at"}}; wrong credentials
 *       401 {@code {"error":"invalid_client",...}}.</li>
 *   <li>{@code /rest/v1.0/...}: every call needs {@code Authorization: Bearer <token>} (unknown or
 *       expired: 401 {@code {"error":"invalid_token",...}} with a {@code WWW-Authenticate} header) and
 *       {@code Procore-Company-Id} (missing: 400 {@code {"errors":"Missing Procore-Company-Id header!"}};
 *       another company, also as {@code company_id}: 403). Every API answer carries
 *       {@code X-Rate-Limit-Limit/-Remaining/-Reset} of the hourly or the spike window, whichever is
 *       closer to being hit (see {@link ProcoreRateLimit}); over either limit it is 429. With more
 *       than {@link ProcoreOverload#concurrency()} requests in flight at once it is 503 with
 *       {@code Retry-After} (see {@link ProcoreOverload}).</li>
 *   <li>{@code GET /rest/v1.0/companies}; vendors {@code GET /rest/v1.0/vendors?company_id=} (all
 *       vendors, active and inactive; {@code filters[origin_id]}, {@code filters[id][]},
 *       {@code filters[search]}), {@code GET /rest/v1.0/vendors/{id}},
 *       {@code GET /rest/v1.0/companies/{company_id}/vendors/inactive},
 *       {@code PATCH /rest/v1.0/vendors/sync}.</li>
 *   <li>projects {@code GET /rest/v1.0/projects?company_id=} and {@code /rest/v1.1/projects}
 *       ({@code filters[by_status]} Active (default), Inactive or All; {@code filters[origin_id]},
 *       {@code filters[project_number]}), {@code GET /rest/v1.0/projects/{id}},
 *       {@code PATCH /rest/v1.0/projects/sync}.</li>
 *   <li>{@code GET /rest/v1.0/cost_codes?project_id=}, {@code GET /rest/v1.0/line_item_types?project_id=|company_id=},
 *       {@code GET /rest/v1.0/projects/{project_id}/work_breakdown_structure/segments} and {@code .../wbs_codes}.</li>
 *   <li>commitments {@code GET /rest/v1.0/work_order_contracts?project_id=} and {@code .../purchase_order_contracts}
 *       ({@code filters[status]}, {@code filters[origin_id]}), {@code GET .../{id}?project_id=} (with
 *       {@code line_items}), {@code GET .../{id}/line_items?project_id=}, {@code GET /rest/v1.0/commitments?project_id=}.</li>
 *   <li>subcontractor invoices {@code GET /rest/v1.0/requisitions?project_id=} and {@code /rest/v1.1/requisitions}
 *       ({@code filters[commitment_id]}, {@code filters[period_id]}, {@code filters[status]}, {@code filters[origin_id]}),
 *       {@code GET .../requisitions/{id}?project_id=} (v1.0 and v1.1; v1.1 adds {@code vendor_id}, {@code items},
 *       {@code item_packages}), {@code GET /rest/v1.0/requisitions/{id}/contract_items?project_id=};
 *       {@code PATCH /rest/v1.0/requisitions/{id}?project_id=} with {@code {"requisition":{invoice_number, status,
 *       billing_date, requisition_start, requisition_end}}}, refused with 403 once the invoice is synced.</li>
 *   <li>ERP close-out {@code PATCH /rest/v1.0/companies/{company_id}/external_data/sync} with
 *       {@code {"updates":[{"item_type","item_id","origin_id"}]}} for {@code requisition},
 *       {@code requisition_contract_item}, {@code work_order_contract} and {@code purchase_order_contract}
 *       (see {@link ExternalDataSync}).</li>
 *   <li>{@code GET /rest/v1.0/companies} carries the company's {@code country_code} ({@code US} unless a test sets
 *       {@link #companyCountry(String)}).</li>
 *   <li>commitment payments {@code GET /rest/v1.0/contract_payments?project_id=&contract_id=} (both required;
 *       {@code filters[origin_id]}), {@code GET|PATCH|DELETE /rest/v1.0/contract_payments/{id}?project_id=} (PATCH
 *       and DELETE refused with 403 once the payment has an {@code origin_id}), and the ERP's
 *       {@code PATCH /rest/v1.0/companies/{company_id}/invoice_payments/sync} (see {@link InvoicePaymentSync}).</li>
 *   <li>direct costs {@code GET /rest/v1.1/projects/{project_id}/direct_costs} ({@code filters[origin_id]},
 *       {@code filters[id]}, {@code filters[invoice_number]}, {@code filters[updated_at]=<from>...<to>}),
 *       {@code GET|PATCH|DELETE .../direct_costs/{id}} (the detail with {@code line_items}; PATCH and DELETE refused
 *       with 403 once it has an {@code origin_id}), {@code GET /rest/v1.0/projects/{project_id}/direct_costs/{id}/line_items},
 *       and the syncs {@code PATCH /rest/v1.0/projects/{project_id}/direct_costs/sync} and
 *       {@code .../direct_costs/line_items/sync} (see {@link DirectCostSync}).</li>
 * </ul>
 * Collections are JSON arrays paged with {@code page}/{@code per_page} (see {@link ProcorePage}).
 * JSON shapes are documented on {@link ProcoreJson}.
 */
public final class ProcoreSandbox extends SimulatedSystem {

    public static final String TOKEN = "/oauth/token";
    public static final String REST = "/rest/v1.0";
    public static final String VENDORS = REST + "/vendors";
    public static final String PROJECTS = REST + "/projects";
    public static final String PROJECTS_V11 = "/rest/v1.1/projects";
    public static final String COST_CODES = REST + "/cost_codes";
    public static final String COST_TYPES = REST + "/line_item_types";
    public static final long FIRST_VENDOR_ID = 5_000_000_001L;
    public static final long FIRST_PROJECT_ID = 5_100_000_001L;
    public static final long FIRST_COMMITMENT_ID = 5_600_000_001L;
    public static final long FIRST_REQUISITION_ID = 5_700_000_001L;
    public static final long FIRST_CONTRACT_PAYMENT_ID = 5_750_000_001L;
    public static final long FIRST_DIRECT_COST_ID = 5_900_000_001L;
    public static final long FIRST_DIRECT_COST_LINE_ID = 5_910_000_001L;
    public static final String CONTRACT_PAYMENTS = REST + "/contract_payments";
    /** The country of a company the sandbox starts with (Procore's {@code country_code}). */
    public static final String DEFAULT_COUNTRY = "US";
    public static final String REQUISITIONS = REST + "/requisitions";
    public static final String REQUISITIONS_V11 = "/rest/v1.1/requisitions";
    static final String JSON = "application/json; charset=utf-8";
    private static final String RATE_KEY = "procore.rateLimit";

    /** What a client needs to get tokens, and the one company the credentials are installed in. */
    public record ProcoreCredentials(String clientId, String clientSecret, long companyId, String companyName) {
    }

    /**
     * The configured limits: the hourly window, the spike window ({@code spikeLimit} 0: none) and the
     * overload threshold ({@code overloadConcurrency} 0: never overloaded).
     */
    public record Limits(int requestsPerWindow, Duration rateWindow, int spikeLimit, Duration spikeWindow,
            int overloadConcurrency, Duration overloadRetryAfter) {
    }

    private final ProcoreCredentials credentials;
    private final AccessTokens tokens;
    private final ProcoreRateLimit rateLimit;
    private final ProcoreOverload overload;
    private final OriginIndexedStore<ProcoreVendor> vendors = new OriginIndexedStore<>(FIRST_VENDOR_ID);
    private final OriginIndexedStore<ProcoreProject> projects = new OriginIndexedStore<>(FIRST_PROJECT_ID);
    private final ProjectCostStructure costStructure = new ProjectCostStructure();
    private final OriginIndexedStore<ProcoreCommitment> commitments = new OriginIndexedStore<>(FIRST_COMMITMENT_ID);
    private final OriginIndexedStore<ProcoreRequisition> requisitions = new OriginIndexedStore<>(FIRST_REQUISITION_ID);
    private final ExternalDataSync externalData = new ExternalDataSync(commitments, requisitions);
    private final OriginIndexedStore<ProcoreContractPayment> contractPayments =
            new OriginIndexedStore<>(FIRST_CONTRACT_PAYMENT_ID);
    private final SyncAction<ProcoreContractPayment> invoicePaymentSync =
            new SyncAction<>(contractPayments, new InvoicePaymentSync(requisitions));
    private final OriginIndexedStore<ProcoreDirectCost> directCosts = new OriginIndexedStore<>(FIRST_DIRECT_COST_ID);
    private final OriginIndexedStore<ProcoreDirectCostLine> directCostLines =
            new OriginIndexedStore<>(FIRST_DIRECT_COST_LINE_ID);
    private volatile String country = DEFAULT_COUNTRY;
    private final SyncAction<ProcoreVendor> vendorSync;
    private final SyncAction<ProcoreProject> projectSync;

    public ProcoreSandbox(ProcoreCredentials credentials, Duration tokenLifetime, Limits limits, Duration latency,
            long seed, Clock clock) {
        // Every POST/PUT/PATCH/DELETE of the API, syncs included, changes data; asking for a token does not.
        super("Procore", new FaultKnobs(seed, latency), new RequestLog(r -> r.path().equals(TOKEN)), clock);
        this.credentials = credentials;
        this.tokens = new AccessTokens(clock, tokenLifetime);
        this.rateLimit = new ProcoreRateLimit(clock, limits.requestsPerWindow(), limits.rateWindow(),
                limits.spikeLimit(), limits.spikeWindow());
        this.overload = new ProcoreOverload(limits.overloadConcurrency(), limits.overloadRetryAfter());
        this.vendorSync = new SyncAction<>(vendors, new VendorSync());
        this.projectSync = new SyncAction<>(projects, new ProjectSync(credentials.companyId(), credentials.companyName()));
    }

    public ProcoreCredentials credentials() {
        return credentials;
    }

    /** Issued tokens and the lifetime of new ones. */
    public AccessTokens tokens() {
        return tokens;
    }

    /** The hourly and the spike window; change per test. */
    public ProcoreRateLimit rateLimit() {
        return rateLimit;
    }

    /** When Procore answers 503 for load: requests in flight at once; change per test. */
    public ProcoreOverload overload() {
        return overload;
    }

    public OriginIndexedStore<ProcoreVendor> vendors() {
        return vendors;
    }

    public OriginIndexedStore<ProcoreProject> projects() {
        return projects;
    }

    public ProjectCostStructure costStructure() {
        return costStructure;
    }

    /** Work order and purchase order contracts of every project. */
    public OriginIndexedStore<ProcoreCommitment> commitments() {
        return commitments;
    }

    /** Subcontractor invoices of every project. */
    public OriginIndexedStore<ProcoreRequisition> requisitions() {
        return requisitions;
    }

    /** Commitment payments ("Payments Issued") of every project. */
    public OriginIndexedStore<ProcoreContractPayment> contractPayments() {
        return contractPayments;
    }

    /** Direct costs of every project. */
    public OriginIndexedStore<ProcoreDirectCost> directCosts() {
        return directCosts;
    }

    /** Line items of every direct cost. */
    public OriginIndexedStore<ProcoreDirectCostLine> directCostLines() {
        return directCostLines;
    }

    /** The company's country as {@code GET /rest/v1.0/companies} shows it ({@code country_code}). */
    public String companyCountry() {
        return country;
    }

    /** Sets the company's country per test ({@code "US"}, {@code "CA"}, ...); the reset restores {@link #DEFAULT_COUNTRY}. */
    public ProcoreSandbox companyCountry(String countryCode) {
        this.country = countryCode;
        return this;
    }

    /** Restores the given data and the default behaviour (knobs, limit, token lifetime; issued tokens are forgotten). */
    public void restore(ProcoreData data) {
        resetBehaviour();
        tokens.reset();
        rateLimit.reset();
        overload.reset();
        vendors.load(data.vendors());
        projects.load(data.projects());
        costStructure.load(data.costTypes(), data.costCodes(), data.segments(), data.wbsCodes());
        commitments.load(data.commitments());
        requisitions.load(data.requisitions());
        contractPayments.load(data.contractPayments());
        directCosts.load(data.directCosts());
        directCostLines.load(data.directCostLines());
        country = DEFAULT_COUNTRY;
    }

    public Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        BodyHandler body = BodyHandler.create(false).setBodyLimit(10_000_000);
        router.post(TOKEN).handler(body).handler(ctx -> serve(ctx, this::issueToken));
        router.get(REST + "/companies").handler(ctx -> serve(ctx, this::listCompanies));
        router.patch(VENDORS + "/sync").handler(body).handler(ctx -> serve(ctx, c -> sync(c, vendorSync)));
        router.get(VENDORS).handler(ctx -> serve(ctx, this::listVendors));
        router.get(VENDORS + "/:id").handler(ctx -> serve(ctx, this::getVendor));
        router.get(REST + "/companies/:company_id/vendors/inactive").handler(ctx -> serve(ctx, this::listInactiveVendors));
        router.patch(PROJECTS + "/sync").handler(body).handler(ctx -> serve(ctx, c -> sync(c, projectSync)));
        router.get(PROJECTS).handler(ctx -> serve(ctx, this::listProjects));
        router.get(PROJECTS_V11).handler(ctx -> serve(ctx, this::listProjects));
        router.get(PROJECTS + "/:id").handler(ctx -> serve(ctx, this::getProject));
        router.get(PROJECTS + "/:project_id/work_breakdown_structure/segments").handler(ctx -> serve(ctx, this::listSegments));
        router.get(PROJECTS + "/:project_id/work_breakdown_structure/wbs_codes").handler(ctx -> serve(ctx, this::listWbsCodes));
        router.get(COST_CODES).handler(ctx -> serve(ctx, this::listCostCodes));
        router.get(COST_TYPES).handler(ctx -> serve(ctx, this::listCostTypes));
        for (String kind : List.of(ProcoreCommitment.WORK_ORDER, ProcoreCommitment.PURCHASE_ORDER)) {
            String path = REST + "/" + kind + "s";
            router.get(path).handler(ctx -> serve(ctx, c -> listCommitments(c, kind)));
            router.get(path + "/:id").handler(ctx -> serve(ctx, c -> getCommitment(c, kind, false)));
            router.get(path + "/:id/line_items").handler(ctx -> serve(ctx, c -> getCommitment(c, kind, true)));
        }
        router.get(REST + "/commitments").handler(ctx -> serve(ctx, c -> listCommitments(c, null)));
        router.get(REQUISITIONS).handler(ctx -> serve(ctx, c -> listRequisitions(c, false)));
        router.get(REQUISITIONS_V11).handler(ctx -> serve(ctx, c -> listRequisitions(c, true)));
        router.get(REQUISITIONS + "/:id").handler(ctx -> serve(ctx, c -> getRequisition(c, false)));
        router.get(REQUISITIONS_V11 + "/:id").handler(ctx -> serve(ctx, c -> getRequisition(c, true)));
        router.get(REQUISITIONS + "/:id/contract_items").handler(ctx -> serve(ctx, this::listContractItems));
        router.patch(REQUISITIONS + "/:id").handler(body).handler(ctx -> serve(ctx, this::editRequisition));
        router.patch(REST + "/companies/:company_id/external_data/sync").handler(body)
                .handler(ctx -> serve(ctx, this::syncExternalData));
        router.get(CONTRACT_PAYMENTS).handler(ctx -> serve(ctx, this::listContractPayments));
        router.get(CONTRACT_PAYMENTS + "/:id").handler(ctx -> serve(ctx, this::getContractPayment));
        router.patch(CONTRACT_PAYMENTS + "/:id").handler(body).handler(ctx -> serve(ctx, this::editContractPayment));
        router.delete(CONTRACT_PAYMENTS + "/:id").handler(ctx -> serve(ctx, this::deleteContractPayment));
        router.patch(REST + "/companies/:company_id/invoice_payments/sync").handler(body)
                .handler(ctx -> serve(ctx, this::syncInvoicePayments));
        String directCostsPath = PROJECTS_V11 + "/:project_id/direct_costs";
        router.get(directCostsPath).handler(ctx -> serve(ctx, this::listDirectCosts));
        router.get(directCostsPath + "/:id").handler(ctx -> serve(ctx, this::getDirectCost));
        router.patch(directCostsPath + "/:id").handler(body).handler(ctx -> serve(ctx, this::editDirectCost));
        router.delete(directCostsPath + "/:id").handler(ctx -> serve(ctx, this::deleteDirectCost));
        router.get(PROJECTS + "/:project_id/direct_costs/:id/line_items")
                .handler(ctx -> serve(ctx, this::listDirectCostLines));
        router.patch(PROJECTS + "/:project_id/direct_costs/sync").handler(body)
                .handler(ctx -> serve(ctx, c -> syncDirectCosts(c, false)));
        router.patch(PROJECTS + "/:project_id/direct_costs/line_items/sync").handler(body)
                .handler(ctx -> serve(ctx, c -> syncDirectCosts(c, true)));
        router.route().handler(ctx -> serve(ctx, c -> error(404, "Not Found")));
        return router;
    }

    // ---- pipeline ------------------------------------------------------------------------------------------

    @Override
    protected SandboxResponse authenticate(RoutingContext ctx) {
        if (isLogin(ctx)) {
            return null;  // the login service checks the client's credentials in the endpoint itself
        }
        // Every API answer carries the limit's state, refusals included; admission replaces the peek.
        ctx.addHeadersEndHandler(v -> {
            ProcoreRateLimit.Decision state = ctx.get(RATE_KEY);
            if (state == null) {
                state = rateLimit.peek();
            }
            ctx.response().putHeader("X-Rate-Limit-Limit", String.valueOf(state.limit()));
            ctx.response().putHeader("X-Rate-Limit-Remaining", String.valueOf(state.remaining()));
            ctx.response().putHeader("X-Rate-Limit-Reset", String.valueOf(state.resetEpochSecond()));
        });
        String authorization = ctx.request().getHeader("Authorization");
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        AccessTokens.Check check = tokens.check(token);
        if (check != AccessTokens.Check.VALID) {
            String description = check == AccessTokens.Check.EXPIRED ? "The access token expired"
                    : "The access token is invalid";
            return SandboxResponse.json(401, JSON, new JsonObject().put("error", "invalid_token")
                    .put("error_description", description)).withHeaders(Map.of("WWW-Authenticate",
                    "Bearer realm=\"Doorkeeper\", error=\"invalid_token\", error_description=\"" + description + "\""));
        }
        String company = ctx.request().getHeader("Procore-Company-Id");
        if (company == null || company.isBlank()) {
            return error(400, "Missing Procore-Company-Id header!");
        }
        String companyParam = ctx.request().getParam("company_id");
        if (!isThisCompany(company) || (companyParam != null && !isThisCompany(companyParam))) {
            return error(403, "You do not have access to this company.");
        }
        return null;
    }

    @Override
    protected Admission admit(RoutingContext ctx) {
        if (isLogin(ctx)) {
            return Admission.granted(() -> { });  // the login service is not rate limited with the API
        }
        if (!overload.tryEnter()) {
            return Admission.rejected(overloaded());
        }
        ProcoreRateLimit.Decision decision = rateLimit.tryAcquire();
        ctx.put(RATE_KEY, decision);
        if (!decision.admitted()) {
            overload.exit();
            return Admission.rejected(tooManyRequests(decision.window()));
        }
        return Admission.granted(overload::exit);
    }

    @Override
    protected SandboxResponse serverError() {
        return error(500, "Internal Server Error");
    }

    @Override
    protected SandboxResponse throttled() {
        return tooManyRequests(rateLimit.peek().window());
    }

    /** Names the window that refused; {@code X-Rate-Limit-Reset} carries its reset. */
    private static SandboxResponse tooManyRequests(String window) {
        String period = window.equals("spike") ? "the spike limit (a short window of seconds)" : "an hour";
        return error(429, "You have surpassed the max number of requests for " + period + ". Please wait until "
                + "your limit resets (see X-Rate-Limit-Reset) and try again.");
    }

    /** Procore shedding load: 503, {@code Retry-After} in seconds, and its usual error body. */
    private SandboxResponse overloaded() {
        long seconds = overload.retryAfterSeconds();
        return error(503, "Service Unavailable: the server is temporarily unable to handle the request due to "
                + "heavy load. Please retry after " + seconds + " second" + (seconds == 1 ? "" : "s") + ".")
                .withHeaders(Map.of("Retry-After", String.valueOf(seconds)));
    }

    private boolean isLogin(RoutingContext ctx) {
        return relativePath(ctx).equals(TOKEN);
    }

    private boolean isThisCompany(String raw) {
        try {
            return Long.parseLong(raw.trim()) == credentials.companyId();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    // ---- login -----------------------------------------------------------------------------------------------

    private SandboxResponse issueToken(RoutingContext ctx) {
        Map<String, String> params = new LinkedHashMap<>();
        String contentType = Optional.ofNullable(ctx.request().getHeader("Content-Type")).orElse("")
                .toLowerCase(Locale.ROOT);
        if (contentType.startsWith("application/json")) {
            JsonObject json;
            try {
                json = ctx.body().asJsonObject();
            } catch (DecodeException | ClassCastException e) {
                json = null;
            }
            if (json == null) {
                return oauthError(400, "invalid_request", "The request body is not a JSON object.");
            }
            json.forEach(e -> params.put(e.getKey(), e.getValue() == null ? null : e.getValue().toString()));
        } else {
            MultiMap form = ctx.request().formAttributes();
            form.names().forEach(name -> params.put(name, form.get(name)));
        }
        String grantType = params.get("grant_type");
        if (grantType == null) {
            return oauthError(400, "invalid_request", "The request is missing a required parameter: grant_type.");
        }
        if (!grantType.equals("client_credentials")) {
            return oauthError(400, "unsupported_grant_type",
                    "The authorization grant type is not supported by the authorization server.");
        }
        // Both compared in constant time, and both always compared, so timing tells nothing.
        boolean idMatches = MessageDigest.isEqual(bytes(credentials.clientId()), bytes(params.get("client_id")));
        boolean secretMatches = MessageDigest.isEqual(bytes(credentials.clientSecret()),
                bytes(params.get("client_secret")));
        if (!(idMatches && secretMatches)) {
            return oauthError(401, "invalid_client", "Client authentication failed due to unknown client, no client "
                    + "authentication included, or unsupported authentication method.");
        }
        AccessTokens.Issued issued = tokens.issue();
        long expiresIn = Math.max(1, (issued.lifetime().toMillis() + 999) / 1000);
        return SandboxResponse.json(200, JSON, new JsonObject()
                .put("access_token", issued.accessToken())
                .put("token_type", "bearer")
                .put("expires_in", expiresIn)
                .put("created_at", issued.createdAt().getEpochSecond()))
                .withHeaders(Map.of("Cache-Control", "no-store"));
    }

    private static SandboxResponse oauthError(int status, String error, String description) {
        return SandboxResponse.json(status, JSON, new JsonObject().put("error", error)
                .put("error_description", description));
    }

    // ---- resources -------------------------------------------------------------------------------------------

    private SandboxResponse listCompanies(RoutingContext ctx) {
        JsonArray companies = new JsonArray().add(new JsonObject().put("id", credentials.companyId())
                .put("name", credentials.companyName()).put("is_active", true).put("country_code", country));
        return new SandboxResponse(200, JSON, Map.of(), companies.encode());
    }

    private SandboxResponse listVendors(RoutingContext ctx) {
        if (ctx.request().getParam("company_id") == null) {
            return error(400, "Missing required parameter: company_id");
        }
        String origin = ctx.request().getParam("filters[origin_id]");
        String search = lower(ctx.request().getParam("filters[search]"));
        List<Long> ids;
        try {
            ids = longs(ctx.queryParam("filters[id][]"));
        } catch (NumberFormatException e) {
            return error(400, "filters[id][] must contain vendor ids");
        }
        Predicate<ProcoreVendor> filter = v -> (origin == null || origin.equals(v.originId()))
                && (search == null || lower(v.name()).contains(search))
                && (ids.isEmpty() || ids.contains(v.id()));
        return paged(ctx, vendors.matching(filter), ProcoreJson::vendor);
    }

    private SandboxResponse listInactiveVendors(RoutingContext ctx) {
        if (!isThisCompany(ctx.pathParam("company_id"))) {
            return error(403, "You do not have access to this company.");
        }
        return paged(ctx, vendors.matching(v -> !v.active()), ProcoreJson::vendor);
    }

    private SandboxResponse getVendor(RoutingContext ctx) {
        return id(ctx.pathParam("id")).flatMap(vendors::get)
                .map(v -> SandboxResponse.json(200, JSON, ProcoreJson.vendor(v)))
                .orElseGet(() -> error(404, "Not Found"));
    }

    private SandboxResponse listProjects(RoutingContext ctx) {
        if (ctx.request().getParam("company_id") == null) {
            return error(400, "Missing required parameter: company_id");
        }
        String status = Optional.ofNullable(ctx.request().getParam("filters[by_status]")).orElse("Active");
        Predicate<ProcoreProject> byStatus = switch (status) {
            case "Active" -> ProcoreProject::active;
            case "Inactive" -> p -> !p.active();
            case "All" -> p -> true;
            default -> null;
        };
        if (byStatus == null) {
            return error(400, "filters[by_status] must be one of Active, Inactive, All");
        }
        String origin = ctx.request().getParam("filters[origin_id]");
        String number = ctx.request().getParam("filters[project_number]");
        Predicate<ProcoreProject> filter = byStatus.and(p -> (origin == null || origin.equals(p.originId()))
                && (number == null || number.equals(p.projectNumber())));
        return paged(ctx, projects.matching(filter), this::projectJson);
    }

    private SandboxResponse getProject(RoutingContext ctx) {
        return id(ctx.pathParam("id")).flatMap(projects::get)
                .map(p -> SandboxResponse.json(200, JSON, projectJson(p)))
                .orElseGet(() -> error(404, "Not Found"));
    }

    private SandboxResponse listCostCodes(RoutingContext ctx) {
        Optional<ProcoreProject> project = projectParam(ctx);
        if (project.isEmpty()) {
            return missingProject(ctx);
        }
        String origin = ctx.request().getParam("filters[origin_id]");
        List<ProcoreCostCode> codes = costStructure.costCodes(project.get().id()).stream()
                .filter(c -> origin == null || origin.equals(c.originId())).toList();
        Map<Long, ProcoreCostType> types = costStructure.costTypesById();
        return paged(ctx, codes, c -> ProcoreJson.costCode(c, types));
    }

    private SandboxResponse listCostTypes(RoutingContext ctx) {
        if (ctx.request().getParam("project_id") != null) {
            if (projectParam(ctx).isEmpty()) {
                return missingProject(ctx);
            }
        } else if (ctx.request().getParam("company_id") == null) {
            return error(400, "Missing required parameter: company_id or project_id");
        }
        String origin = ctx.request().getParam("filters[origin_id]");
        List<ProcoreCostType> types = costStructure.costTypes().stream()
                .filter(t -> origin == null || origin.equals(t.originId())).toList();
        return paged(ctx, types, ProcoreJson::costType);
    }

    private SandboxResponse listSegments(RoutingContext ctx) {
        Optional<ProcoreProject> project = id(ctx.pathParam("project_id")).flatMap(projects::get);
        return project.map(p -> paged(ctx, costStructure.segments(p.id()), ProcoreJson::segment))
                .orElseGet(() -> error(404, "Not Found"));
    }

    private SandboxResponse listWbsCodes(RoutingContext ctx) {
        Optional<ProcoreProject> project = id(ctx.pathParam("project_id")).flatMap(projects::get);
        return project.map(p -> paged(ctx, costStructure.wbsCodes(p.id()), ProcoreJson::wbsCode))
                .orElseGet(() -> error(404, "Not Found"));
    }

    private SandboxResponse listCommitments(RoutingContext ctx, String kind) {
        Optional<ProcoreProject> project = projectParam(ctx);
        if (project.isEmpty()) {
            return missingProject(ctx);
        }
        String status = ctx.request().getParam("filters[status]");
        String origin = ctx.request().getParam("filters[origin_id]");
        List<ProcoreCommitment> matching = commitments.matching(c -> c.projectId() == project.get().id()
                && (kind == null || kind.equals(c.kind())) && (status == null || status.equals(c.status()))
                && (origin == null || origin.equals(c.originId())));
        return paged(ctx, matching, c -> commitmentJson(c, project.get(), false));
    }

    private SandboxResponse getCommitment(RoutingContext ctx, String kind, boolean linesOnly) {
        Optional<ProcoreProject> project = projectParam(ctx);
        if (project.isEmpty()) {
            return missingProject(ctx);
        }
        Optional<ProcoreCommitment> commitment = id(ctx.pathParam("id")).flatMap(commitments::get)
                .filter(c -> c.kind().equals(kind) && c.projectId() == project.get().id());
        if (commitment.isEmpty()) {
            return error(404, "Not Found");
        }
        if (linesOnly) {
            return paged(ctx, commitment.get().lines(), l -> ProcoreJson.commitmentLine(l, project.get().id(),
                    costStructure));
        }
        return SandboxResponse.json(200, JSON, commitmentJson(commitment.get(), project.get(), true));
    }

    /** A commitment, with {@code total_payments}: the sum of its commitment payments ("Payments Issued"). */
    private JsonObject commitmentJson(ProcoreCommitment c, ProcoreProject project, boolean withLines) {
        java.math.BigDecimal paid = contractPayments.matching(p -> p.contractId() == c.id()).stream()
                .map(ProcoreContractPayment::amount).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        return ProcoreJson.commitment(c, vendors.get(c.vendorId()).orElse(null), project, withLines, costStructure)
                .put("total_payments", ProcoreJson.money(paid));
    }

    private SandboxResponse listRequisitions(RoutingContext ctx, boolean v11) {
        Optional<ProcoreProject> project = projectParam(ctx);
        if (project.isEmpty()) {
            return missingProject(ctx);
        }
        String status = ctx.request().getParam("filters[status]");
        if (status != null && !ProcoreRequisition.STATUSES.contains(status)) {
            return error(400, "filters[status] must be one of " + String.join(", ", ProcoreRequisition.STATUSES));
        }
        String origin = ctx.request().getParam("filters[origin_id]");
        Optional<Long> commitment = id(ctx.request().getParam("filters[commitment_id]"));
        Optional<Long> period = id(ctx.request().getParam("filters[period_id]"));
        List<ProcoreRequisition> matching = requisitions.matching(r -> r.projectId() == project.get().id()
                && (status == null || status.equals(r.status())) && (origin == null || origin.equals(r.originId()))
                && commitment.map(c -> c == r.commitmentId()).orElse(true)
                && period.map(p -> p == r.periodId()).orElse(true));
        return paged(ctx, matching, r -> requisitionJson(r, v11));
    }

    private Optional<ProcoreRequisition> requisitionOnProject(RoutingContext ctx, ProcoreProject project) {
        return id(ctx.pathParam("id")).flatMap(requisitions::get).filter(r -> r.projectId() == project.id());
    }

    private SandboxResponse getRequisition(RoutingContext ctx, boolean v11) {
        Optional<ProcoreProject> project = projectParam(ctx);
        if (project.isEmpty()) {
            return missingProject(ctx);
        }
        return requisitionOnProject(ctx, project.get())
                .map(r -> SandboxResponse.json(200, JSON, requisitionJson(r, v11)))
                .orElseGet(() -> error(404, "Not Found"));
    }

    private SandboxResponse listContractItems(RoutingContext ctx) {
        Optional<ProcoreProject> project = projectParam(ctx);
        if (project.isEmpty()) {
            return missingProject(ctx);
        }
        return requisitionOnProject(ctx, project.get())
                .map(r -> paged(ctx, r.items(), i -> ProcoreJson.contractItem(i, r.projectId(), costStructure)))
                .orElseGet(() -> error(404, "Not Found"));
    }

    private JsonObject requisitionJson(ProcoreRequisition r, boolean v11) {
        ProcoreCommitment c = commitments.get(r.commitmentId()).orElseThrow();
        return ProcoreJson.requisition(r, c, vendors.get(c.vendorId()).orElse(null), v11, costStructure);
    }

    /**
     * Edits an invoice's header. Procore locks an invoice once it is synced with the ERP (it has an
     * {@code origin_id}): the edit is refused and nothing changes.
     */
    private SandboxResponse editRequisition(RoutingContext ctx) {
        Optional<ProcoreProject> project = projectParam(ctx);
        if (project.isEmpty()) {
            return missingProject(ctx);
        }
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            return error(400, "The request body is not valid JSON.");
        }
        if (body == null || !(body.getValue("requisition") instanceof JsonObject edit)) {
            return error(400, "Missing required parameter: requisition");
        }
        synchronized (requisitions) {
            Optional<ProcoreRequisition> found = requisitionOnProject(ctx, project.get());
            if (found.isEmpty()) {
                return error(404, "Not Found");
            }
            ProcoreRequisition r = found.get();
            if (r.synced()) {
                return error(403, "This subcontractor invoice is synced with the ERP and can no longer be edited.");
            }
            Map<String, List<String>> problems = new LinkedHashMap<>();
            SyncAction.requireText(edit, problems, "invoice_number", "status", "billing_date", "requisition_start",
                    "requisition_end");
            String status = SyncAction.text(edit, "status", r.status());
            if (!ProcoreRequisition.STATUSES.contains(status)) {
                problems.put("status", List.of("is not included in the list"));
            }
            java.time.LocalDate[] dates = new java.time.LocalDate[3];
            String[] keys = {"billing_date", "requisition_start", "requisition_end"};
            java.time.LocalDate[] current = {r.billingDate(), r.periodStart(), r.periodEnd()};
            for (int i = 0; i < keys.length; i++) {
                dates[i] = current[i];
                if (edit.getValue(keys[i]) instanceof String d) {
                    try {
                        dates[i] = java.time.LocalDate.parse(d);
                    } catch (java.time.format.DateTimeParseException e) {
                        problems.put(keys[i], List.of("is not a date (YYYY-MM-DD)"));
                    }
                }
            }
            if (!problems.isEmpty()) {
                return SandboxResponse.json(422, JSON, new JsonObject().put("errors", ProcoreJson.fieldErrors(problems)));
            }
            ProcoreRequisition edited = r.edited(SyncAction.text(edit, "invoice_number", r.invoiceNumber()), status,
                    dates[0], dates[1], dates[2], clock.instant());
            requisitions.put(edited);
            return SandboxResponse.json(200, JSON, requisitionJson(edited, false));
        }
    }

    private SandboxResponse syncExternalData(RoutingContext ctx) {
        if (!isThisCompany(ctx.pathParam("company_id"))) {
            return error(403, "You do not have access to this company.");
        }
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            return error(400, "The request body is not valid JSON.");
        }
        if (body == null || !(body.getValue("updates") instanceof JsonArray updates)) {
            return error(400, "Missing required parameter: updates");
        }
        if (updates.size() > SyncAction.MAX_UPDATES) {
            return error(400, "A sync accepts at most " + SyncAction.MAX_UPDATES + " updates, got " + updates.size());
        }
        return SandboxResponse.json(200, JSON, externalData.run(updates, clock.instant()).body());
    }

    private <T extends OriginIndexedStore.Entry> SandboxResponse sync(RoutingContext ctx, SyncAction<T> action) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            return error(400, "The request body is not valid JSON.");
        }
        if (body == null || !(body.getValue("updates") instanceof JsonArray updates)) {
            return error(400, "Missing required parameter: updates");
        }
        Object company = body.getValue("company_id");
        if (company == null) {
            company = ctx.request().getParam("company_id");
        }
        if (company == null) {
            return error(400, "Missing required parameter: company_id");
        }
        if (!isThisCompany(company.toString())) {
            return error(403, "You do not have access to this company.");
        }
        if (updates.size() > SyncAction.MAX_UPDATES) {
            return error(400, "A sync accepts at most " + SyncAction.MAX_UPDATES + " updates, got " + updates.size());
        }
        return SandboxResponse.json(200, JSON, action.run(updates, clock.instant()).body());
    }

    // ---- commitment payments ---------------------------------------------------------------------------------

    private SandboxResponse listContractPayments(RoutingContext ctx) {
        Optional<ProcoreProject> project = projectParam(ctx);
        if (project.isEmpty()) {
            return missingProject(ctx);
        }
        String contract = ctx.request().getParam("contract_id");
        if (contract == null) {
            return error(400, "Missing required parameter: contract_id");
        }
        Optional<Long> contractId = id(contract);
        String origin = ctx.request().getParam("filters[origin_id]");
        List<ProcoreContractPayment> matching = contractPayments.matching(p -> p.projectId() == project.get().id()
                && contractId.map(c -> c == p.contractId()).orElse(false)
                && (origin == null || origin.equals(p.originId())));
        return paged(ctx, matching, this::contractPaymentJson);
    }

    private JsonObject contractPaymentJson(ProcoreContractPayment p) {
        return InvoicePaymentSync.json(p, requisitions.get(p.requisitionId()).orElse(null));
    }

    private Optional<ProcoreContractPayment> contractPaymentOnProject(RoutingContext ctx, ProcoreProject project) {
        return id(ctx.pathParam("id")).flatMap(contractPayments::get).filter(p -> p.projectId() == project.id());
    }

    private SandboxResponse getContractPayment(RoutingContext ctx) {
        Optional<ProcoreProject> project = projectParam(ctx);
        if (project.isEmpty()) {
            return missingProject(ctx);
        }
        return contractPaymentOnProject(ctx, project.get())
                .map(p -> SandboxResponse.json(200, JSON, contractPaymentJson(p)))
                .orElseGet(() -> error(404, "Not Found"));
    }

    /**
     * Edits a commitment payment's {@code notes}, {@code check_number}, {@code amount} or {@code date}
     * ({@code {"contract_payment":{...}}}); a payment synced with the ERP (it has an {@code origin_id}) is
     * read-only: 403, nothing changes.
     */
    private SandboxResponse editContractPayment(RoutingContext ctx) {
        Optional<ProcoreProject> project = projectParam(ctx);
        if (project.isEmpty()) {
            return missingProject(ctx);
        }
        JsonObject body = jsonBody(ctx);
        if (body == null || !(body.getValue("contract_payment") instanceof JsonObject edit)) {
            return error(400, "Missing required parameter: contract_payment");
        }
        synchronized (contractPayments) {
            Optional<ProcoreContractPayment> found = contractPaymentOnProject(ctx, project.get());
            if (found.isEmpty()) {
                return error(404, "Not Found");
            }
            ProcoreContractPayment p = found.get();
            if (p.synced()) {
                return error(403, "This payment is synced with the ERP and can no longer be edited.");
            }
            String[] problem = new String[1];
            java.math.BigDecimal amount = edit.getValue("amount") == null ? p.amount()
                    : ProcoreMoney.parse(edit.getValue("amount"), problem);
            if (amount == null) {
                return SandboxResponse.json(422, JSON, new JsonObject().put("errors", ProcoreJson.fieldErrors(
                        Map.of("amount", List.of(problem[0])))));
            }
            java.time.LocalDate date = p.date();
            if (edit.getValue("date") instanceof String d) {
                try {
                    date = java.time.LocalDate.parse(d);
                } catch (java.time.format.DateTimeParseException e) {
                    return SandboxResponse.json(422, JSON, new JsonObject().put("errors", ProcoreJson.fieldErrors(
                            Map.of("date", List.of("is not a date (YYYY-MM-DD)")))));
                }
            }
            ProcoreContractPayment edited = new ProcoreContractPayment(p.id(), p.projectId(), p.contractId(),
                    p.requisitionId(), amount, date, SyncAction.text(edit, "check_number", p.checkNumber()),
                    p.invoiceNumber(), p.paymentNumber(), SyncAction.text(edit, "notes", p.notes()), p.status(),
                    p.originId(), p.originCode(), p.originData(), p.createdAt(), clock.instant());
            contractPayments.put(edited);
            return SandboxResponse.json(200, JSON, contractPaymentJson(edited));
        }
    }

    private SandboxResponse deleteContractPayment(RoutingContext ctx) {
        Optional<ProcoreProject> project = projectParam(ctx);
        if (project.isEmpty()) {
            return missingProject(ctx);
        }
        synchronized (contractPayments) {
            Optional<ProcoreContractPayment> found = contractPaymentOnProject(ctx, project.get());
            if (found.isEmpty()) {
                return error(404, "Not Found");
            }
            if (found.get().synced()) {
                return error(403, "This payment is synced with the ERP and can no longer be deleted.");
            }
            contractPayments.remove(found.get().id());
            return new SandboxResponse(204, null, Map.of(), null);
        }
    }

    private SandboxResponse syncInvoicePayments(RoutingContext ctx) {
        if (!isThisCompany(ctx.pathParam("company_id"))) {
            return error(403, "You do not have access to this company.");
        }
        JsonObject body = jsonBody(ctx);
        if (body == null || !(body.getValue("updates") instanceof JsonArray updates)) {
            return error(400, "Missing required parameter: updates");
        }
        if (updates.size() > SyncAction.MAX_UPDATES) {
            return error(400, "A sync accepts at most " + SyncAction.MAX_UPDATES + " updates, got " + updates.size());
        }
        SyncAction.Outcome outcome = invoicePaymentSync.run(updates, clock.instant());
        // The entities as a read shows them (with the invoice's draw request number).
        JsonArray entities = new JsonArray();
        outcome.entities().forEach(e -> entities.add(contractPaymentJson(contractPayments
                .get(((JsonObject) e).getLong("id")).orElseThrow())));
        return SandboxResponse.json(200, JSON, new JsonObject().put("entities", entities)
                .put("errors", outcome.errors()));
    }

    // ---- direct costs ----------------------------------------------------------------------------------------

    private JsonObject directCostJson(ProcoreDirectCost c, boolean detail) {
        ProcoreVendor vendor = c.vendorId() == null ? null : vendors.get(c.vendorId()).orElse(null);
        ProcoreProject project = projects.get(c.projectId()).orElseThrow();
        return DirectCostSync.costJson(c, vendor, project, linesOf(c.id()), detail, costStructure);
    }

    private List<ProcoreDirectCostLine> linesOf(long directCostId) {
        return directCostLines.matching(l -> l.directCostId() == directCostId);
    }

    private SandboxResponse listDirectCosts(RoutingContext ctx) {
        Optional<ProcoreProject> project = id(ctx.pathParam("project_id")).flatMap(projects::get);
        if (project.isEmpty()) {
            return error(404, "Not Found");
        }
        String origin = ctx.request().getParam("filters[origin_id]");
        String invoice = ctx.request().getParam("filters[invoice_number]");
        List<Long> ids;
        java.time.Instant[] updated;
        try {
            List<String> raw = new ArrayList<>(ctx.queryParam("filters[id]"));
            raw.addAll(ctx.queryParam("filters[id][]"));
            ids = longs(raw);
            updated = range(ctx.request().getParam("filters[updated_at]"));
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage() == null || e instanceof NumberFormatException
                    ? "filters[id] must contain direct cost ids" : e.getMessage());
        }
        List<ProcoreDirectCost> matching = directCosts.matching(c -> c.projectId() == project.get().id()
                && (origin == null || origin.equals(c.originId()))
                && (invoice == null || invoice.equals(c.invoiceNumber()))
                && (ids.isEmpty() || ids.contains(c.id()))
                && (updated == null || (!c.updatedAt().isBefore(updated[0]) && c.updatedAt().isBefore(updated[1]))));
        return paged(ctx, matching, c -> directCostJson(c, false));
    }

    /**
     * {@code filters[updated_at]}: {@code <from>...<to>}, each a date ({@code YYYY-MM-DD}, the whole day) or an ISO
     * 8601 instant; [from, to) as instants, or null without a filter.
     */
    static java.time.Instant[] range(String raw) {
        if (raw == null) {
            return null;
        }
        String[] parts = raw.split("\\.\\.\\.", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("filters[updated_at] must be a range <from>...<to>");
        }
        try {
            java.time.Instant from = parts[0].length() == 10
                    ? java.time.LocalDate.parse(parts[0]).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    : java.time.Instant.parse(parts[0]);
            java.time.Instant to = parts[1].length() == 10
                    ? java.time.LocalDate.parse(parts[1]).plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    : java.time.Instant.parse(parts[1]).plusSeconds(1);
            return new java.time.Instant[] {from, to};
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("filters[updated_at] must be dates (YYYY-MM-DD) or ISO 8601 times");
        }
    }

    private Optional<ProcoreDirectCost> directCostOnProject(RoutingContext ctx) {
        Optional<Long> project = id(ctx.pathParam("project_id"));
        return id(ctx.pathParam("id")).flatMap(directCosts::get)
                .filter(c -> project.map(p -> p == c.projectId()).orElse(false));
    }

    private SandboxResponse getDirectCost(RoutingContext ctx) {
        return directCostOnProject(ctx).map(c -> SandboxResponse.json(200, JSON, directCostJson(c, true)))
                .orElseGet(() -> error(404, "Not Found"));
    }

    private SandboxResponse listDirectCostLines(RoutingContext ctx) {
        return directCostOnProject(ctx).map(c -> paged(ctx, linesOf(c.id()),
                l -> DirectCostSync.lineJson(l, costStructure))).orElseGet(() -> error(404, "Not Found"));
    }

    /**
     * Edits an unsynced direct cost's {@code description}, {@code status} or {@code invoice_number}
     * ({@code {"direct_cost":{...}}}); once it has an {@code origin_id} the whole object is immutable: 403.
     */
    private SandboxResponse editDirectCost(RoutingContext ctx) {
        JsonObject body = jsonBody(ctx);
        if (body == null || !(body.getValue("direct_cost") instanceof JsonObject edit)) {
            return error(400, "Missing required parameter: direct_cost");
        }
        synchronized (directCosts) {
            Optional<ProcoreDirectCost> found = directCostOnProject(ctx);
            if (found.isEmpty()) {
                return error(404, "Not Found");
            }
            ProcoreDirectCost c = found.get();
            if (c.synced()) {
                return error(403, "This direct cost is synced with the ERP and can no longer be edited.");
            }
            String status = SyncAction.text(edit, "status", c.status());
            if (!ProcoreDirectCost.STATUSES.contains(status)) {
                return SandboxResponse.json(422, JSON, new JsonObject().put("errors", ProcoreJson.fieldErrors(
                        Map.of("status", List.of("is not included in the list")))));
            }
            ProcoreDirectCost edited = new ProcoreDirectCost(c.id(), c.projectId(), c.type(), c.date(),
                    SyncAction.text(edit, "invoice_number", c.invoiceNumber()), status, c.vendorId(),
                    SyncAction.text(edit, "description", c.description()), c.paymentDate(), c.receivedDate(),
                    c.terms(), c.originId(), c.originData(), c.createdAt(), clock.instant());
            directCosts.put(edited);
            return SandboxResponse.json(200, JSON, directCostJson(edited, true));
        }
    }

    private SandboxResponse deleteDirectCost(RoutingContext ctx) {
        synchronized (directCosts) {
            Optional<ProcoreDirectCost> found = directCostOnProject(ctx);
            if (found.isEmpty()) {
                return error(404, "Not Found");
            }
            if (found.get().synced()) {
                return error(403, "This direct cost is synced with the ERP and can no longer be deleted.");
            }
            linesOf(found.get().id()).forEach(l -> directCostLines.remove(l.id()));
            directCosts.remove(found.get().id());
            return new SandboxResponse(204, null, Map.of(), null);
        }
    }

    private SandboxResponse syncDirectCosts(RoutingContext ctx, boolean lines) {
        Optional<ProcoreProject> project = id(ctx.pathParam("project_id")).flatMap(projects::get);
        if (project.isEmpty()) {
            return error(404, "Not Found");
        }
        JsonObject body = jsonBody(ctx);
        if (body == null || !(body.getValue("updates") instanceof JsonArray updates)) {
            return error(400, "Missing required parameter: updates");
        }
        if (updates.size() > SyncAction.MAX_UPDATES) {
            return error(400, "A sync accepts at most " + SyncAction.MAX_UPDATES + " updates, got " + updates.size());
        }
        if (lines) {
            // Lines and their direct costs are written under the direct costs' lock, as a header sync reads both.
            synchronized (directCosts) {
                return SandboxResponse.json(200, JSON, new SyncAction<>(directCostLines, new DirectCostSync.Line(
                        project.get(), directCosts, costStructure)).run(updates, clock.instant()).body());
            }
        }
        return SandboxResponse.json(200, JSON, new SyncAction<>(directCosts, new DirectCostSync.Header(project.get(),
                vendors, this::directCostJson)).run(updates, clock.instant()).body());
    }

    private static JsonObject jsonBody(RoutingContext ctx) {
        try {
            return ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private JsonObject projectJson(ProcoreProject p) {
        return ProcoreJson.project(p, credentials.companyId(), credentials.companyName());
    }

    private Optional<ProcoreProject> projectParam(RoutingContext ctx) {
        return id(ctx.request().getParam("project_id")).flatMap(projects::get);
    }

    private static SandboxResponse missingProject(RoutingContext ctx) {
        return ctx.request().getParam("project_id") == null ? error(400, "Missing required parameter: project_id")
                : error(404, "Not Found");
    }

    private <T> SandboxResponse paged(RoutingContext ctx, List<T> all, java.util.function.Function<T, JsonObject> json) {
        ProcorePage page;
        try {
            page = ProcorePage.of(ctx.request().getParam("page"), ctx.request().getParam("per_page"));
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
        JsonArray items = new JsonArray();
        page.slice(all).forEach(item -> items.add(json.apply(item)));
        String url = origin(ctx) + ctx.request().path();
        return new SandboxResponse(200, JSON, page.headers(all.size(), url, ctx.request().query()), items.encode());
    }

    static SandboxResponse error(int status, String message) {
        return SandboxResponse.json(status, JSON, ProcoreJson.errors(message));
    }

    private static Optional<Long> id(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(raw.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static List<Long> longs(List<String> raw) {
        List<Long> values = new ArrayList<>();
        for (String r : raw) {
            for (String part : r.split(",")) {
                if (!part.isBlank()) {
                    values.add(Long.parseLong(part.trim()));
                }
            }
        }
        return values;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static byte[] bytes(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }
}
