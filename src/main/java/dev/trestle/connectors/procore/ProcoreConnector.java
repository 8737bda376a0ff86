package dev.trestle.connectors.procore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trestle.connectors.Upstream;
import dev.trestle.connectors.UpstreamCaller;
import dev.trestle.connectors.UpstreamException;
import dev.trestle.connectors.UpstreamJson;
import dev.trestle.connectors.UpstreamSystem;
import dev.trestle.connectors.procore.ProcoreApi.SyncRequest;
import dev.trestle.errors.TrestleException;
import dev.trestle.money.Money;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

/**
 * Reads and writes Procore company vendors and projects, reads project WBS codes, commitments and
 * subcontractor invoices, and closes invoices out as synced with the ERP. For the way back from the ERP it
 * records invoice payments as commitment payments and syncs direct costs with their lines, reads both back, and
 * reads the company's country. Every
 * request (token grants included) goes through the shared Procore {@link UpstreamCaller}:
 * retries (honouring {@code X-Rate-Limit-Reset} on 429 and {@code Retry-After} on 503), the
 * circuit breaker and the governor. Every API request carries the bearer token of
 * {@link ProcoreTokenSource} and the {@code Procore-Company-Id} header.
 *
 * <p>Writes use Procore's sync actions, which create or update by {@code origin_id}. That makes
 * them safe to repeat after an unknown outcome (a timeout, a dropped connection), so the
 * caller's retries apply to them as to reads.
 *
 * <p>Failures arrive as {@link UpstreamException} (a {@link TrestleException} with
 * {@code UPSTREAM_*} codes); a vendor or project that does not exist as {@code NOT_FOUND}.
 */
@ApplicationScoped
public class ProcoreConnector {

    /** Procore takes at most this many entries in one sync action. */
    public static final int MAX_SYNC_ENTRIES = 1000;

    /** Procore's recommended largest page. */
    static final int MAX_PAGE_SIZE = 2000;
    private static final Pattern NEXT_LINK = Pattern.compile("<[^>]*>\\s*;\\s*rel=\"?next\"?",
            Pattern.CASE_INSENSITIVE);

    private final ProcoreApi api;
    private final ProcoreTokenSource tokens;
    private final UpstreamCaller caller;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final long companyId;
    private final int pageSize;
    private final String currency;
    private final int replicas;

    ProcoreConnector(ProcoreConfig config, @Upstream(UpstreamSystem.PROCORE) UpstreamCaller caller, Clock clock,
            ObjectMapper mapper) {
        if (config.pageSize() < 1 || config.pageSize() > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("trestle.procore.page-size must be between 1 and " + MAX_PAGE_SIZE);
        }
        this.caller = caller;
        // Amounts arrive as strings or numbers; numbers are read as BigDecimal, never through a double.
        this.mapper = exactNumbers(mapper);
        this.clock = clock;
        this.companyId = config.companyId();
        this.pageSize = config.pageSize();
        this.currency = config.currency();
        this.replicas = config.budget().replicas();
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(config.baseUrl()))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .register(new ProcoreCompanyFilter(config.companyId()))
                .disableDefaultMapper(true)
                .build(ProcoreApi.class);
        ProcoreLoginApi login = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(config.loginUrl()))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true)
                .build(ProcoreLoginApi.class);
        this.tokens = new ProcoreTokenSource(login, caller, config.clientId(), config.clientSecret(),
                config.tokenRenewBefore(), clock, this.mapper);
    }

    /** Every vendor of the company directory, ordered by id. */
    public Uni<List<ProcoreVendor>> vendors() {
        return all("vendors.all", (auth, page) -> api.vendors(auth, companyId, page, pageSize), this::vendor,
                ProcoreVendor::id);
    }

    /** One vendor; {@code NOT_FOUND} when the company has no vendor with this id. */
    public Uni<ProcoreVendor> vendor(long id) {
        return authorized("vendors.by_id", auth -> api.vendor(auth, id, companyId),
                (response, body) -> vendor(response.getStatus(),
                        UpstreamJson.object(UpstreamSystem.PROCORE, response.getStatus(), body, mapper)))
                .onFailure(ProcoreConnector::notFound)
                .transform(e -> TrestleException.notFound("Procore has no vendor " + id + " in this company."));
    }

    /** Every project of the company, active or not, ordered by id. */
    public Uni<List<ProcoreProject>> projects() {
        return all("projects.all", (auth, page) -> api.projects(auth, companyId, "All", page, pageSize), this::project,
                ProcoreProject::id);
    }

    /** One project; {@code NOT_FOUND} when the company has no project with this id. */
    public Uni<ProcoreProject> project(long id) {
        return authorized("projects.by_id", auth -> api.project(auth, id, companyId),
                (response, body) -> project(response.getStatus(),
                        UpstreamJson.object(UpstreamSystem.PROCORE, response.getStatus(), body, mapper)))
                .onFailure(ProcoreConnector::notFound)
                .transform(e -> TrestleException.notFound("Procore has no project " + id + " in this company."));
    }

    /**
     * The WBS codes of a project with their cost code, cost type and custom segment values,
     * ordered by id; {@code NOT_FOUND} when the project does not exist. A code names its segment
     * values by segment id only, so the project's segments are read first to learn which segment
     * is the cost code, which the cost type and which are custom.
     */
    public Uni<List<ProcoreWbsCode>> wbsCodes(long projectId) {
        return all("wbs_segments.all", (auth, page) -> api.wbsSegments(auth, projectId, page, pageSize),
                ProcoreConnector::segment, Segment::id)
                .chain(segments -> {
                    Map<Long, String> typeById = new HashMap<>();
                    segments.forEach(s -> typeById.put(s.id(), s.type()));
                    return all("wbs_codes.all", (auth, page) -> api.wbsCodes(auth, projectId, page, pageSize),
                            (status, node) -> wbsCode(status, node, typeById), ProcoreWbsCode::id);
                })
                .onFailure(ProcoreConnector::notFound)
                .transform(e -> TrestleException.notFound("Procore has no project " + projectId + " in this company."));
    }

    /**
     * Creates or updates one vendor through the vendors sync action and returns it as Procore
     * stored it. A rejected entry (Procore reports it in {@code errors} with HTTP 200) fails as
     * {@code UPSTREAM_ERROR} with Procore's field messages as {@code upstreamDetail}.
     */
    public Uni<ProcoreVendor> syncVendor(ProcoreVendorUpdate update) {
        Objects.requireNonNull(update, "update");
        SyncRequest body = new SyncRequest(companyId, List.of(update.toWire()));
        return authorized("vendors.sync", auth -> api.syncVendors(auth, body),
                (response, text) -> vendor(response.getStatus(), synced("vendor", response.getStatus(), text)));
    }

    /** Creates or updates one project through the projects sync action; failures as in {@link #syncVendor}. */
    public Uni<ProcoreProject> syncProject(ProcoreProjectUpdate update) {
        Objects.requireNonNull(update, "update");
        SyncRequest body = new SyncRequest(companyId, List.of(update.toWire()));
        return authorized("projects.sync", auth -> api.syncProjects(auth, body),
                (response, text) -> project(response.getStatus(), synced("project", response.getStatus(), text)));
    }

    /**
     * Updates many vendors in one vendors sync action, matched by Procore id (entries need an
     * {@code id}); at most {@value #MAX_SYNC_ENTRIES}. Refused entries do not fail the call: they
     * are in the result with Procore's reasons.
     */
    public Uni<ProcoreSyncResult> syncVendors(List<ProcoreVendorUpdate> updates) {
        SyncRequest body = new SyncRequest(companyId, syncEntries(updates, ProcoreVendorUpdate::id,
                ProcoreVendorUpdate::toWire));
        return authorized("vendors.sync", auth -> api.syncVendors(auth, body),
                (response, text) -> syncResult(response.getStatus(), text));
    }

    /**
     * One sync action of {@code recordType} ({@code vendor}, {@code project} or {@code invoice_payment})
     * with entries as Procore takes them ({@link ProcoreVendorUpdate#toWire}, {@link ProcoreProjectUpdate#toWire},
     * {@link ProcoreInvoicePaymentUpdate#toWire}),
     * each keyed on its {@code origin_id}: creates or updates, so repeating it is harmless. At most
     * {@value #MAX_SYNC_ENTRIES}; refused entries are in the result, by origin id.
     */
    public Uni<ProcoreSyncResult> syncByOriginId(String recordType, List<Map<String, Object>> entries) {
        checkOriginEntries(entries);
        SyncRequest body = new SyncRequest(companyId, entries);
        return switch (recordType) {
            case "vendor" -> authorized("vendors.sync", auth -> api.syncVendors(auth, body),
                    (response, text) -> syncResult(response.getStatus(), text));
            case "project" -> authorized("projects.sync", auth -> api.syncProjects(auth, body),
                    (response, text) -> syncResult(response.getStatus(), text));
            case "invoice_payment" -> authorized("invoice_payments.sync",
                    auth -> api.syncInvoicePayments(auth, companyId, new ProcoreApi.UpdatesRequest(entries)),
                    (response, text) -> syncResult(response.getStatus(), text));
            default -> throw new IllegalArgumentException("Procore has no sync action for " + recordType);
        };
    }

    /**
     * One project's sync action of {@code recordType} ({@code direct_cost}: headers as {@link ProcoreDirectCostUpdate#toWire};
     * {@code direct_cost_line_item}: lines as {@link ProcoreDirectCostLineUpdate#toWire}), entries keyed on their
     * {@code origin_id} as in {@link #syncByOriginId(String, List)}.
     */
    public Uni<ProcoreSyncResult> syncByOriginId(String recordType, long projectId, List<Map<String, Object>> entries) {
        checkOriginEntries(entries);
        ProcoreApi.UpdatesRequest body = new ProcoreApi.UpdatesRequest(entries);
        return switch (recordType) {
            case "direct_cost" -> authorized("direct_costs.sync", auth -> api.syncDirectCosts(auth, projectId, body),
                    (response, text) -> syncResult(response.getStatus(), text));
            case "direct_cost_line_item" -> authorized("direct_cost_lines.sync",
                    auth -> api.syncDirectCostLines(auth, projectId, body),
                    (response, text) -> syncResult(response.getStatus(), text));
            default -> throw new IllegalArgumentException("Procore has no project sync action for " + recordType);
        };
    }

    private static void checkOriginEntries(List<Map<String, Object>> entries) {
        if (entries.isEmpty() || entries.size() > MAX_SYNC_ENTRIES) {
            throw new IllegalArgumentException("a sync action takes 1 to " + MAX_SYNC_ENTRIES + " entries, got "
                    + entries.size());
        }
        for (Map<String, Object> entry : entries) {
            if (!(entry.get("origin_id") instanceof String)) {
                throw new IllegalArgumentException("a sync entry by origin id needs its origin_id");
            }
        }
    }

    public Uni<ProcoreSyncResult> syncProjects(List<ProcoreProjectUpdate> updates) {
        SyncRequest body = new SyncRequest(companyId, syncEntries(updates, ProcoreProjectUpdate::id,
                ProcoreProjectUpdate::toWire));
        return authorized("projects.sync", auth -> api.syncProjects(auth, body),
                (response, text) -> syncResult(response.getStatus(), text));
    }

    /**
     * Every subcontractor invoice of a project, ordered by id, without contract items;
     * {@code NOT_FOUND} when the project does not exist.
     */
    public Uni<List<ProcoreRequisition>> requisitions(long projectId) {
        return all("requisitions.all", (auth, page) -> api.requisitions(auth, projectId, page, pageSize),
                this::requisition, ProcoreRequisition::id)
                .onFailure(ProcoreConnector::notFound)
                .transform(e -> TrestleException.notFound("Procore has no project " + projectId + " in this company."));
    }

    /**
     * One subcontractor invoice with all its contract items; {@code NOT_FOUND} when the project
     * has no such invoice (Procore finds an invoice only with its project).
     */
    public Uni<ProcoreRequisition> requisition(long projectId, long requisitionId) {
        Uni<List<ProcoreContractItem>> items = all("requisitions.contract_items",
                (auth, page) -> api.contractItems(auth, requisitionId, projectId, page, pageSize),
                this::contractItem, ProcoreContractItem::id);
        return requisitionHeader(projectId, requisitionId).chain(r -> items.map(r::withItems)
                .onFailure(ProcoreConnector::notFound).transform(e -> invoiceNotFound(projectId, requisitionId)));
    }

    /**
     * One subcontractor invoice without its contract items (one request): its status, numbers,
     * dates and summary; {@code NOT_FOUND} as {@link #requisition}.
     */
    public Uni<ProcoreRequisition> requisitionHeader(long projectId, long requisitionId) {
        return authorized("requisitions.by_id", auth -> api.requisition(auth, requisitionId, projectId),
                (response, body) -> requisition(response.getStatus(), object(response.getStatus(), body)))
                .onFailure(ProcoreConnector::notFound)
                .transform(e -> invoiceNotFound(projectId, requisitionId));
    }

    private static TrestleException invoiceNotFound(long projectId, long requisitionId) {
        return TrestleException.notFound("Procore has no subcontractor invoice " + requisitionId + " on project "
                + projectId + ".");
    }

    /**
     * One commitment, whichever kind it is: the work order contract with this id, else the
     * purchase order contract; {@code NOT_FOUND} when the project has neither.
     */
    public Uni<ProcoreCommitment> commitment(long projectId, long commitmentId) {
        return commitment(ProcoreCommitment.Kind.WORK_ORDER_CONTRACT, projectId, commitmentId)
                .onFailure(ProcoreConnector::notFound)
                .recoverWithUni(e -> commitment(ProcoreCommitment.Kind.PURCHASE_ORDER_CONTRACT, projectId,
                        commitmentId))
                .onFailure(ProcoreConnector::notFound)
                .transform(e -> TrestleException.notFound("Procore has no commitment " + commitmentId + " on project "
                        + projectId + "."));
    }

    private Uni<ProcoreCommitment> commitment(ProcoreCommitment.Kind kind, long projectId, long commitmentId) {
        return authorized("commitments.by_id", auth -> api.commitment(auth, kind.path(), commitmentId, projectId),
                (response, body) -> commitment(response.getStatus(), object(response.getStatus(), body), kind,
                        projectId));
    }

    /**
     * The ERP close-out of subcontractor invoices: one {@code external_data/sync} call that sets
     * each invoice's {@code origin_id} (the ERP's id of the bill), which marks it synced and makes
     * it read-only in Procore. Setting the same {@code origin_id} again is harmless, so the call is
     * safe to repeat. Refused entries (an invoice Procore would not let be sent to the ERP, an
     * {@code origin_id} another invoice holds) do not fail the call: they are in the result with
     * Procore's reasons.
     *
     * @param originIds the ERP id per requisition id, 1 to {@value #MAX_SYNC_ENTRIES} entries
     */
    public Uni<ProcoreSyncResult> closeOutInvoices(Map<Long, String> originIds) {
        Objects.requireNonNull(originIds, "originIds");
        if (originIds.isEmpty() || originIds.size() > MAX_SYNC_ENTRIES) {
            throw new IllegalArgumentException("a sync action takes 1 to " + MAX_SYNC_ENTRIES + " entries, got "
                    + originIds.size());
        }
        List<Map<String, Object>> updates = new ArrayList<>(originIds.size());
        originIds.forEach((id, origin) -> {
            if (id == null || origin == null || origin.isBlank()) {
                throw new IllegalArgumentException("a close-out entry needs a requisition id and an origin id");
            }
            Map<String, Object> update = new LinkedHashMap<>();
            update.put("item_type", "requisition");
            update.put("item_id", id);
            update.put("origin_id", origin);
            updates.add(update);
        });
        ProcoreApi.ExternalDataRequest body = new ProcoreApi.ExternalDataRequest(updates);
        return authorized("external_data.sync", auth -> api.syncExternalData(auth, companyId, body),
                (response, text) -> externalDataResult(response.getStatus(), text));
    }

    // ---- the way back: commitment payments, direct costs, the company's country -----------

    /**
     * The country of the configured company ({@code country_code} of {@code GET /rest/v1.0/companies}, e.g.
     * {@code US}); null when Procore shows none. {@code NOT_FOUND} when the service account does not see the
     * company.
     */
    public Uni<String> companyCountry() {
        return all("companies.all", (auth, page) -> api.companies(auth, page, pageSize), ProcoreConnector::company,
                Company::id).map(companies -> companies.stream().filter(c -> c.id() == companyId).findFirst()
                        .map(Company::countryCode)
                        .orElseThrow(() -> TrestleException.notFound("Procore shows no company " + companyId
                                + " to this service account.")));
    }

    /**
     * The commitment payments of one commitment, ordered by id; with {@code originId} only the one(s) holding it
     * ({@code filters[origin_id]}). {@code NOT_FOUND} when the project does not exist.
     */
    public Uni<List<ProcoreContractPayment>> contractPayments(long projectId, long commitmentId, String originId) {
        return all("contract_payments.all",
                (auth, page) -> api.contractPayments(auth, projectId, commitmentId, originId, page, pageSize),
                this::contractPayment, ProcoreContractPayment::id)
                .onFailure(ProcoreConnector::notFound)
                .transform(e -> TrestleException.notFound("Procore has no project " + projectId + " in this company."));
    }

    /**
     * The direct costs of a project, without their lines, ordered by id; with {@code originId} only the one(s)
     * holding it ({@code filters[origin_id]}). {@code NOT_FOUND} when the project does not exist.
     */
    public Uni<List<ProcoreDirectCost>> directCosts(long projectId, String originId) {
        return all("direct_costs.all", (auth, page) -> api.directCosts(auth, projectId, originId, page, pageSize),
                this::directCost, ProcoreDirectCost::id)
                .onFailure(ProcoreConnector::notFound)
                .transform(e -> TrestleException.notFound("Procore has no project " + projectId + " in this company."));
    }

    /**
     * One invoice payments sync action (the company's): each entry becomes, or updates, the commitment payment
     * with its origin id, so repeating the call is harmless. At most {@value #MAX_SYNC_ENTRIES} entries, amounts in
     * the company's currency. Refused entries do not fail the call: they are in the result by origin id with
     * Procore's messages, and the written ones by origin id with their Procore ids.
     */
    public Uni<ProcoreSyncResult> syncInvoicePayments(List<ProcoreInvoicePaymentUpdate> updates) {
        List<Map<String, Object>> entries = originEntries(updates, ProcoreInvoicePaymentUpdate::originId, u -> {
            requireCurrency(u.amount());
            return u.toWire();
        });
        ProcoreApi.UpdatesRequest body = new ProcoreApi.UpdatesRequest(entries);
        return authorized("invoice_payments.sync", auth -> api.syncInvoicePayments(auth, companyId, body),
                (response, text) -> syncResult(response.getStatus(), text));
    }

    /**
     * One direct costs sync action on a project (headers; the lines follow with {@link #syncDirectCostLines}),
     * upserted by origin id. As {@link #syncInvoicePayments}: at most {@value #MAX_SYNC_ENTRIES}, refused entries
     * in the result.
     */
    public Uni<ProcoreSyncResult> syncDirectCosts(long projectId, List<ProcoreDirectCostUpdate> updates) {
        ProcoreApi.UpdatesRequest body = new ProcoreApi.UpdatesRequest(originEntries(updates,
                ProcoreDirectCostUpdate::originId, ProcoreDirectCostUpdate::toWire));
        return authorized("direct_costs.sync", auth -> api.syncDirectCosts(auth, projectId, body),
                (response, text) -> syncResult(response.getStatus(), text));
    }

    /**
     * One direct cost line items sync action on a project, upserted by origin id; as {@link #syncInvoicePayments}.
     */
    public Uni<ProcoreSyncResult> syncDirectCostLines(long projectId, List<ProcoreDirectCostLineUpdate> updates) {
        List<Map<String, Object>> entries = originEntries(updates, ProcoreDirectCostLineUpdate::originId, u -> {
            requireCurrency(u.amount());
            if (u.unitCost() != null) {
                requireCurrency(u.unitCost());
            }
            return u.toWire();
        });
        ProcoreApi.UpdatesRequest body = new ProcoreApi.UpdatesRequest(entries);
        return authorized("direct_cost_lines.sync", auth -> api.syncDirectCostLines(auth, projectId, body),
                (response, text) -> syncResult(response.getStatus(), text));
    }

    /**
     * The wire entries of a sync by origin id: 1 to {@value #MAX_SYNC_ENTRIES}, each origin id once (Procore would
     * apply two entries of one origin id in turn, and the result could name only one of them).
     */
    private static <U> List<Map<String, Object>> originEntries(List<U> updates, Function<U, String> originId,
            Function<U, Map<String, Object>> wire) {
        Objects.requireNonNull(updates, "updates");
        if (updates.isEmpty() || updates.size() > MAX_SYNC_ENTRIES) {
            throw new IllegalArgumentException("a sync action takes 1 to " + MAX_SYNC_ENTRIES + " entries, got "
                    + updates.size());
        }
        Set<String> seen = new HashSet<>();
        List<Map<String, Object>> entries = new ArrayList<>(updates.size());
        for (U update : updates) {
            if (!seen.add(originId.apply(update))) {
                throw new IllegalArgumentException("a sync action names each origin id once");
            }
            entries.add(wire.apply(update));
        }
        return entries;
    }

    /** Procore holds one currency per company, so an amount in another cannot be sent as it is. */
    private void requireCurrency(Money amount) {
        if (!amount.getCurrency().equals(currency)) {
            throw new IllegalArgumentException("the Procore company's amounts are in " + currency + ", not "
                    + amount.getCurrency());
        }
    }

    // ---- requests -------------------------------------------------------------------------

    /**
     * One logical request: a token, then the request through the caller. When the API answers 401
     * the token is renewed once and the request sent once more; a second 401 is final (the
     * service account lost its access, which no new token can fix).
     */
    private <T> Uni<T> authorized(String operation, Function<String, Uni<Response>> request,
            BiFunction<Response, String, T> reader) {
        return tokens.token().chain(token -> send(operation, token, request, reader)
                .onFailure(ProcoreConnector::unauthorized)
                .recoverWithUni(rejected -> tokens.renewRejected(token)
                        .chain(fresh -> send(operation, fresh, request, reader))));
    }

    private <T> Uni<T> send(String operation, String token, Function<String, Uni<Response>> request,
            BiFunction<Response, String, T> reader) {
        String authorization = "Bearer " + token;
        return caller.call(operation, () -> request.apply(authorization).map(response -> {
            int status = response.getStatus();
            observeBudget(response);
            String body = UpstreamJson.body(response);
            if (status < 200 || status > 299) {
                throw ProcoreErrors.failure(status, response, body, mapper, clock);
            }
            return reader.apply(response, body);
        }));
    }

    /**
     * Procore's count of the window it reports ({@code X-Rate-Limit-*}, on every answer, 429s
     * included) corrects the hub's budget, since other integrations and replicas spend it too.
     */
    private void observeBudget(Response response) {
        try {
            String limit = response.getHeaderString("X-Rate-Limit-Limit");
            String remaining = response.getHeaderString("X-Rate-Limit-Remaining");
            String reset = response.getHeaderString(ProcoreErrors.RATE_LIMIT_RESET);
            if (limit != null && remaining != null && reset != null) {
                caller.budget().observe(Integer.parseInt(limit.strip()), Integer.parseInt(remaining.strip()),
                        Instant.ofEpochSecond(Long.parseLong(reset.strip())), replicas);
            }
        } catch (NumberFormatException | DateTimeException unreadable) {
            // Headers the hub cannot read leave its own count as it is.
        }
    }

    /**
     * Every page of a list. With a {@code Total} header the remaining pages are requested side by
     * side once the first is in (the governor bounds how many run at once); without one, pages
     * follow {@code Link: rel="next"} one by one. Either way, a last page that still links to a
     * next one (the list grew while it was read) is followed.
     */
    private <T> Uni<List<T>> all(String operation, BiFunction<String, Integer, Uni<Response>> request,
            BiFunction<Integer, JsonNode, T> parse, ToLongFunction<T> id) {
        return page(operation, request, parse, 1).chain(first -> {
            if (first.total() == null) {
                return sequential(operation, request, parse, List.of(first));
            }
            int perPage = first.perPage() != null && first.perPage() > 0 ? first.perPage() : pageSize;
            long pages = (first.total() + perPage - 1) / perPage;
            List<Uni<Page<T>>> all = new ArrayList<>();
            all.add(Uni.createFrom().item(first));
            for (int number = 2; number <= pages; number++) {
                all.add(page(operation, request, parse, number));
            }
            return Uni.join().all(all).andFailFast().chain(read -> sequential(operation, request, parse, read));
        }).map(pages -> distinctSorted(pages, id));
    }

    private <T> Uni<List<Page<T>>> sequential(String operation, BiFunction<String, Integer, Uni<Response>> request,
            BiFunction<Integer, JsonNode, T> parse, List<Page<T>> sofar) {
        Page<T> last = sofar.get(sofar.size() - 1);
        if (!last.hasNext() || last.items().isEmpty()) {
            return Uni.createFrom().item(sofar);
        }
        return page(operation, request, parse, sofar.size() + 1).chain(next -> {
            List<Page<T>> more = new ArrayList<>(sofar);
            more.add(next);
            return sequential(operation, request, parse, more);
        });
    }

    private <T> Uni<Page<T>> page(String operation, BiFunction<String, Integer, Uni<Response>> request,
            BiFunction<Integer, JsonNode, T> parse, int number) {
        return authorized(operation, auth -> request.apply(auth, number), (response, body) -> {
            JsonNode array = array(response.getStatus(), body);
            List<T> items = new ArrayList<>(array.size());
            for (JsonNode node : array) {
                items.add(parse.apply(response.getStatus(), node));
            }
            return new Page<>(items, intHeader(response, "Total"), intHeader(response, "Per-Page"),
                    hasNext(response.getHeaderString("Link")));
        });
    }

    private static boolean unauthorized(Throwable failure) {
        return failure instanceof UpstreamException e && e.httpStatus().isPresent() && e.httpStatus().getAsInt() == 401;
    }

    private static boolean notFound(Throwable failure) {
        return failure instanceof UpstreamException e && e.httpStatus().isPresent() && e.httpStatus().getAsInt() == 404;
    }

    static boolean hasNext(String link) {
        return link != null && NEXT_LINK.matcher(link).find();
    }

    private static Integer intHeader(Response response, String name) {
        String value = response.getHeaderString(name);
        if (value == null || !value.strip().matches("[0-9]{1,9}")) {
            return null;
        }
        return Integer.parseInt(value.strip());
    }

    private JsonNode array(int status, String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : mapper.readTree(body);
        } catch (JsonProcessingException e) {
            // The exception message quotes the body; keep it out of the hub's own message.
            throw UpstreamException.malformed(UpstreamSystem.PROCORE, status, "the body is not JSON", null);
        }
        if (root == null || !root.isArray()) {
            throw UpstreamException.malformed(UpstreamSystem.PROCORE, status, "the list answer is not a JSON array",
                    null);
        }
        return root;
    }

    // ---- sync actions ---------------------------------------------------------------------

    /**
     * The one entity of a sync answer {@code {"entities":[...],"errors":[...]}}. Procore answers
     * 200 even when it rejects the entry, so an entry in {@code errors} becomes a client error here
     * (not retried: the same entry would be rejected again).
     */
    private JsonNode synced(String what, int status, String body) {
        JsonNode root = UpstreamJson.object(UpstreamSystem.PROCORE, status, body, mapper);
        JsonNode errors = root.get("errors");
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            String detail = syncErrorDetail(errors.get(0));
            throw new UpstreamException(UpstreamSystem.PROCORE, UpstreamException.Kind.CLIENT_ERROR, status, null,
                    detail, null, "Procore rejected the " + what + (detail == null ? "." : ": " + detail), null);
        }
        JsonNode entities = root.get("entities");
        if (entities == null || !entities.isArray() || entities.isEmpty() || !entities.get(0).isObject()) {
            throw UpstreamException.malformed(UpstreamSystem.PROCORE, status,
                    "the sync answer has neither an entity nor an error", null);
        }
        return entities.get(0);
    }

    private static <U> List<Map<String, Object>> syncEntries(List<U> updates, Function<U, Long> id,
            Function<U, Map<String, Object>> wire) {
        if (updates.isEmpty() || updates.size() > MAX_SYNC_ENTRIES) {
            throw new IllegalArgumentException("a sync action takes 1 to " + MAX_SYNC_ENTRIES + " entries, got "
                    + updates.size());
        }
        List<Map<String, Object>> entries = new ArrayList<>(updates.size());
        for (U update : updates) {
            if (id.apply(update) == null) {
                throw new IllegalArgumentException("a batch sync entry is matched by its Procore id, which is missing");
            }
            entries.add(wire.apply(update));
        }
        return entries;
    }

    /** Every entity and every error of a sync answer, by Procore id. */
    private ProcoreSyncResult syncResult(int status, String body) {
        JsonNode root = UpstreamJson.object(UpstreamSystem.PROCORE, status, body, mapper);
        JsonNode entities = root.get("entities");
        JsonNode errors = root.get("errors");
        if (entities == null || !entities.isArray()) {
            throw UpstreamException.malformed(UpstreamSystem.PROCORE, status, "the sync answer has no entities", null);
        }
        Set<Long> synced = new HashSet<>();
        Map<String, Long> syncedByOrigin = new HashMap<>();
        for (JsonNode entity : entities) {
            long id = syncedId(status, entity);
            synced.add(id);
            String originId = UpstreamJson.text(entity, "origin_id");
            if (originId != null) {
                syncedByOrigin.put(originId, id);
            }
        }
        Map<Long, String> rejected = new HashMap<>();
        Map<String, String> rejectedByOrigin = new HashMap<>();
        if (errors != null && errors.isArray()) {
            for (JsonNode error : errors) {
                String detail = syncErrorDetail(error);
                String reason = detail == null ? "Procore refused the entry." : detail;
                // Procore echoes the refused entry: by id, by origin id, or both.
                JsonNode id = error.get("id");
                String originId = UpstreamJson.text(error, "origin_id");
                if (id != null && id.canConvertToLong()) {
                    rejected.put(id.asLong(), reason);
                }
                if (originId != null) {
                    rejectedByOrigin.put(originId, reason);
                }
                if ((id == null || !id.canConvertToLong()) && originId == null) {
                    throw UpstreamException.malformed(UpstreamSystem.PROCORE, status,
                            "a sync error names neither an id nor an origin id", null);
                }
            }
        }
        return new ProcoreSyncResult(synced, rejected, syncedByOrigin, rejectedByOrigin);
    }

    /**
     * The answer of {@code external_data/sync}: entities and errors name their record by
     * {@code item_id} (not {@code id}), errors as the update sent plus {@code errors}.
     */
    private ProcoreSyncResult externalDataResult(int status, String body) {
        JsonNode root = UpstreamJson.object(UpstreamSystem.PROCORE, status, body, mapper);
        JsonNode entities = root.get("entities");
        JsonNode errors = root.get("errors");
        if (entities == null || !entities.isArray()) {
            throw UpstreamException.malformed(UpstreamSystem.PROCORE, status, "the sync answer has no entities", null);
        }
        Set<Long> synced = new HashSet<>();
        for (JsonNode entity : entities) {
            synced.add(itemId(status, entity));
        }
        Map<Long, String> rejected = new HashMap<>();
        if (errors != null && errors.isArray()) {
            for (JsonNode error : errors) {
                String detail = syncErrorDetail(error);
                rejected.put(itemId(status, error), detail == null ? "Procore refused the entry." : detail);
            }
        }
        return new ProcoreSyncResult(synced, rejected, Map.of(), Map.of());
    }

    private static long itemId(int status, JsonNode entry) {
        JsonNode id = entry.get("item_id");
        if (id != null && id.isIntegralNumber() && id.canConvertToLong()) {
            return id.asLong();
        }
        if (id != null && id.isTextual() && id.asText().matches("[0-9]{1,18}")) {
            return Long.parseLong(id.asText());
        }
        throw UpstreamException.malformed(UpstreamSystem.PROCORE, status, "a close-out answer entry has no item_id",
                null);
    }

    private static long syncedId(int status, JsonNode entry) {
        JsonNode id = entry.get("id");
        if (id == null || !id.canConvertToLong()) {
            throw UpstreamException.malformed(UpstreamSystem.PROCORE, status, "a sync answer entry has no id", null);
        }
        return id.asLong();
    }

    /**
     * An error entry names the entry (id, origin_id) and carries the reasons, usually as
     * {@code "errors":{"field":["message"]}}; older answers have a plain {@code message}.
     */
    private static String syncErrorDetail(JsonNode entry) {
        if (entry == null) {
            return null;
        }
        if (!entry.isObject()) {
            return ProcoreErrors.messages(entry);
        }
        String detail = entry.has("errors") ? ProcoreErrors.messages(entry.get("errors")) : null;
        if (detail == null) {
            detail = UpstreamJson.text(entry, "message");
        }
        if (detail == null) {
            detail = UpstreamJson.text(entry, "error");
        }
        return detail;
    }

    // ---- mapping --------------------------------------------------------------------------

    private ProcoreVendor vendor(int status, JsonNode node) {
        long id = id(status, node, "vendor");
        return new ProcoreVendor(id, UpstreamJson.text(node, "name"), UpstreamJson.text(node, "email_address"),
                UpstreamJson.text(node, "business_phone"), bool(node, "is_active", true),
                UpstreamJson.text(node, "origin_id"), UpstreamJson.text(node, "origin_code"),
                instant(status, node, "created_at", "vendor"));
    }

    private ProcoreProject project(int status, JsonNode node) {
        long id = id(status, node, "project");
        // v1.1 sends the stage as "stage" (text) or "project_stage" ({id, name}), depending on the view.
        String stage = UpstreamJson.text(node, "stage");
        if (stage == null) {
            JsonNode projectStage = node.get("project_stage");
            stage = projectStage != null && projectStage.isObject() ? UpstreamJson.text(projectStage, "name")
                    : UpstreamJson.text(node, "project_stage");
        }
        return new ProcoreProject(id, UpstreamJson.text(node, "name"), UpstreamJson.text(node, "project_number"),
                bool(node, "active", true), stage, instant(status, node, "created_at", "project"),
                date(status, node, "start_date", "project"), UpstreamJson.text(node, "origin_id"));
    }

    /**
     * A WBS code lists its segment values in {@code segment_items}, each with its segment's id;
     * the segment's type says what the value is: {@code cost_code}, {@code line_item_type} (the
     * cost type), {@code sub_job} (not a cost segment, not mapped), anything else a custom segment.
     */
    private static ProcoreWbsCode wbsCode(int status, JsonNode node, Map<Long, String> segmentTypes) {
        long id = id(status, node, "WBS code");
        String costCode = null;
        String costType = null;
        List<String> custom = new ArrayList<>();
        JsonNode items = node.get("segment_items");
        if (items != null && items.isArray()) {
            for (JsonNode item : items) {
                JsonNode segmentId = item.get("segment_id");
                String type = segmentId != null && segmentId.canConvertToLong()
                        ? segmentTypes.getOrDefault(segmentId.asLong(), "custom")
                        : "custom";
                String value = UpstreamJson.text(item, "code");
                switch (type) {
                    case "cost_code" -> costCode = value;
                    case "line_item_type" -> costType = value;
                    case "sub_job" -> {
                        // a sub job partitions the project; it is not a cost segment
                    }
                    default -> {
                        if (value != null) {
                            custom.add(value);
                        }
                    }
                }
            }
        }
        return new ProcoreWbsCode(id, UpstreamJson.text(node, "flat_code"), UpstreamJson.text(node, "description"),
                costCode, costType, custom);
    }

    /** v1.1 requisition; the contract items are read separately, so {@code items} stays empty here. */
    private ProcoreRequisition requisition(int status, JsonNode node) {
        long id = id(status, node, "subcontractor invoice");
        JsonNode summary = node.get("summary");
        Money due = summary != null && summary.isObject()
                ? money(status, summary, "current_payment_due", "subcontractor invoice", null) : null;
        JsonNode number = node.get("number");
        return new ProcoreRequisition(id, number != null && number.canConvertToInt() ? number.asInt()
                : parseIntOrNull(UpstreamJson.text(node, "number")), UpstreamJson.text(node, "invoice_number"),
                requiredLong(status, node, "project_id", "subcontractor invoice"),
                requiredLong(status, node, "commitment_id", "subcontractor invoice"),
                UpstreamJson.text(node, "commitment_type"), optionalLong(node, "vendor_id"),
                UpstreamJson.text(node, "vendor_name"), UpstreamJson.text(node, "contract_name"),
                UpstreamJson.text(node, "status"), date(status, node, "billing_date", "subcontractor invoice"),
                date(status, node, "requisition_start", "subcontractor invoice"),
                date(status, node, "requisition_end", "subcontractor invoice"), UpstreamJson.text(node, "origin_id"),
                due, instant(status, node, "updated_at", "subcontractor invoice"), List.of());
    }

    /** A contract item; a figure Procore leaves out or sends as null counts as zero, as Procore shows it. */
    private ProcoreContractItem contractItem(int status, JsonNode node) {
        long id = id(status, node, "contract item");
        JsonNode wbs = node.get("wbs_code");
        ProcoreContractItem.WbsCodeRef wbsCode = wbs != null && wbs.isObject() && wbs.hasNonNull("id")
                ? new ProcoreContractItem.WbsCodeRef(id(status, wbs, "WBS code"), UpstreamJson.text(wbs, "flat_code"),
                        UpstreamJson.text(wbs, "description"))
                : null;
        Money zero = Money.zero(currency);
        String what = "contract item";
        return new ProcoreContractItem(id, optionalLong(node, "cost_code_id"), wbsCode,
                UpstreamJson.text(node, "description_of_work"), money(status, node, "scheduled_value", what, zero),
                money(status, node, "work_completed_this_period", what, zero),
                money(status, node, "materials_presently_stored", what, zero),
                money(status, node, "work_completed_retainage_retained_this_period", what, zero),
                UpstreamJson.text(node, "origin_id"));
    }

    private static ProcoreCommitment commitment(int status, JsonNode node, ProcoreCommitment.Kind kind,
            long projectId) {
        long id = id(status, node, "commitment");
        JsonNode vendor = node.get("vendor");
        Long vendorId = vendor != null && vendor.isObject() ? optionalLong(vendor, "id") : null;
        String vendorName = vendor != null && vendor.isObject() ? UpstreamJson.text(vendor, "name") : null;
        JsonNode project = node.get("project");
        Long readProject = project != null && project.isObject() ? optionalLong(project, "id") : null;
        // Currency: the notes name no currency field; multi-currency companies are said to send the ISO
        // code under these names (unconfirmed). Others send none, and the company's currency applies.
        String currency = UpstreamJson.text(node, "currency_iso_code");
        JsonNode configuration = node.get("currency_configuration");
        if (currency == null && configuration != null && configuration.isObject()) {
            currency = UpstreamJson.text(configuration, "currency_iso_code");
        }
        return new ProcoreCommitment(id, kind, readProject == null ? projectId : readProject,
                UpstreamJson.text(node, "number"), UpstreamJson.text(node, "title"), UpstreamJson.text(node, "status"),
                vendorId, vendorName, currency, UpstreamJson.text(node, "origin_id"));
    }

    /**
     * An amount as Procore sends it, a decimal string ({@code "12500.10"}) or a JSON number, read
     * exactly into the company's currency; {@code absent} when missing or null. More than two
     * decimals is refused as malformed rather than rounded.
     */
    private Money money(int status, JsonNode node, String field, String what, Money absent) {
        try {
            Money amount = amount(node.get(field), currency);
            return amount == null ? absent : amount;
        } catch (NumberFormatException | ArithmeticException e) {
            throw UpstreamException.malformed(UpstreamSystem.PROCORE, status,
                    "a " + what + "'s " + field + " is not an amount", null);
        } catch (IllegalArgumentException e) {
            throw UpstreamException.malformed(UpstreamSystem.PROCORE, status,
                    "a " + what + "'s " + field + " is not exact to the cent", null);
        }
    }

    /** The hub's mapper, reading JSON numbers with a fraction as BigDecimal rather than double. */
    static ObjectMapper exactNumbers(ObjectMapper mapper) {
        return mapper.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /**
     * An amount node (a decimal string or a number read by {@link #exactNumbers}) as money; null
     * when missing, null or blank. Fails with {@link NumberFormatException} when it is not a
     * number and {@link IllegalArgumentException} when it has more than two decimals.
     */
    static Money amount(JsonNode value, String currency) {
        if (value == null || value.isNull()) {
            return null;
        }
        BigDecimal amount;
        if (value.isBigDecimal() || value.isIntegralNumber()) {
            amount = value.decimalValue();
        } else if (value.isNumber()) {
            // A double (a mapper without exactNumbers): its shortest decimal form is what was sent.
            amount = new BigDecimal(value.asText());
        } else if (value.isTextual() && !value.asText().isBlank()) {
            amount = new BigDecimal(value.asText().strip());
        } else if (value.isTextual()) {
            return null;
        } else {
            throw new NumberFormatException("not an amount");
        }
        return Money.of(amount, currency);
    }

    private static Company company(int status, JsonNode node) {
        return new Company(id(status, node, "company"), UpstreamJson.text(node, "country_code"));
    }

    private ProcoreContractPayment contractPayment(int status, JsonNode node) {
        String what = "commitment payment";
        long id = id(status, node, what);
        Money amount = money(status, node, "amount", what, null);
        if (amount == null) {
            throw UpstreamException.malformed(UpstreamSystem.PROCORE, status, "a commitment payment has no amount",
                    null);
        }
        JsonNode draw = node.get("draw_request_number");
        return new ProcoreContractPayment(id, requiredLong(status, node, "contract_id", what),
                optionalLong(node, "requisition_id"), UpstreamJson.text(node, "invoice_type"), amount,
                date(status, node, "date", what), UpstreamJson.text(node, "check_number"),
                UpstreamJson.text(node, "invoice_number"), UpstreamJson.text(node, "payment_number"),
                UpstreamJson.text(node, "notes"), UpstreamJson.text(node, "status"),
                draw != null && draw.canConvertToInt() && draw.isIntegralNumber() ? Integer.valueOf(draw.asInt())
                        : parseIntOrNull(UpstreamJson.text(node, "draw_request_number")),
                UpstreamJson.text(node, "origin_id"), UpstreamJson.text(node, "origin_code"),
                UpstreamJson.text(node, "origin_data"));
    }

    private ProcoreDirectCost directCost(int status, JsonNode node) {
        String what = "direct cost";
        long id = id(status, node, what);
        Money total = money(status, node, "grand_total", what, null);
        return new ProcoreDirectCost(id, UpstreamJson.text(node, "direct_cost_type"),
                date(status, node, "direct_cost_date", what), UpstreamJson.text(node, "invoice_number"),
                UpstreamJson.text(node, "status"), optionalLong(node, "vendor_id"),
                UpstreamJson.text(node, "vendor_name"), UpstreamJson.text(node, "description"),
                total == null ? money(status, node, "amount", what, null) : total,
                date(status, node, "payment_date", what), date(status, node, "received_date", what),
                UpstreamJson.text(node, "terms"), UpstreamJson.text(node, "origin_id"),
                UpstreamJson.text(node, "origin_data"), instant(status, node, "updated_at", what));
    }

    private static Long optionalLong(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value != null && value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value != null && value.isTextual() && value.asText().matches("[0-9]{1,18}")) {
            return Long.parseLong(value.asText());
        }
        return null;
    }

    private static long requiredLong(int status, JsonNode node, String field, String what) {
        Long value = optionalLong(node, field);
        if (value == null) {
            throw UpstreamException.malformed(UpstreamSystem.PROCORE, status, "a " + what + " has no " + field, null);
        }
        return value;
    }

    private static Integer parseIntOrNull(String text) {
        return text != null && text.matches("[0-9]{1,9}") ? Integer.parseInt(text) : null;
    }

    /** A successful answer's body as a JSON object, parsed with the connector's exact-number mapper. */
    private JsonNode object(int status, String body) {
        return UpstreamJson.object(UpstreamSystem.PROCORE, status, body, mapper);
    }

    private static Segment segment(int status, JsonNode node) {
        String type = UpstreamJson.text(node, "type");
        return new Segment(id(status, node, "WBS segment"), type == null ? "custom" : type.toLowerCase(Locale.ROOT));
    }

    private static long id(int status, JsonNode node, String what) {
        JsonNode id = node == null ? null : node.get("id");
        if (id != null && id.isIntegralNumber() && id.canConvertToLong()) {
            return id.asLong();
        }
        if (id != null && id.isTextual() && id.asText().matches("[0-9]{1,18}")) {
            return Long.parseLong(id.asText());
        }
        throw UpstreamException.malformed(UpstreamSystem.PROCORE, status, "a " + what + " has no numeric id", null);
    }

    private static boolean bool(JsonNode node, String field, boolean absent) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? absent : value.asBoolean(absent);
    }

    private static Instant instant(int status, JsonNode node, String field, String what) {
        String text = UpstreamJson.text(node, field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw UpstreamException.malformed(UpstreamSystem.PROCORE, status,
                    "a " + what + "'s " + field + " is not a timestamp", null);
        }
    }

    private static LocalDate date(int status, JsonNode node, String field, String what) {
        String text = UpstreamJson.text(node, field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            // Some views send a full timestamp; the date part is what Procore shows.
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw UpstreamException.malformed(UpstreamSystem.PROCORE, status,
                    "a " + what + "'s " + field + " is not a date", null);
        }
    }

    private static <T> List<T> distinctSorted(List<Page<T>> pages, ToLongFunction<T> id) {
        // Pages of a list that changes while it is read can overlap; the id is the key.
        Map<Long, T> byId = new LinkedHashMap<>();
        for (Page<T> page : pages) {
            for (T item : page.items()) {
                byId.put(id.applyAsLong(item), item);
            }
        }
        List<T> result = new ArrayList<>(byId.values());
        result.sort(Comparator.comparingLong(id));
        return result;
    }

    /** A company as far as the hub needs it. */
    private record Company(long id, String countryCode) {
    }

    /** A WBS segment as far as codes need it. */
    private record Segment(long id, String type) {
    }

    /** One page of a list; {@code total} and {@code perPage} are null when Procore did not send them. */
    private record Page<T>(List<T> items, Integer total, Integer perPage, boolean hasNext) {
    }
}
