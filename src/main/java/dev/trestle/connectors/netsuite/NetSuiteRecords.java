package dev.trestle.connectors.netsuite;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trestle.connectors.Upstream;
import dev.trestle.connectors.UpstreamCaller;
import dev.trestle.connectors.UpstreamException;
import dev.trestle.connectors.UpstreamJson;
import dev.trestle.connectors.UpstreamSystem;
import dev.trestle.errors.TrestleException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import dev.trestle.money.Money;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes NetSuite records and reads vendors, jobs (projects) and vendor bills. Every request goes through the
 * shared NetSuite {@link UpstreamCaller} (retries, circuit breaker, the account-wide concurrency
 * governor) and is signed and classified like {@link NetSuiteConnector}'s (see {@link NetSuiteHttp}).
 *
 * <h2>Writes are upserts by external id, and only that</h2>
 * The hub never creates NetSuite records with {@code POST}: a synchronous POST has no
 * server-side idempotency, so when its answer is lost (a read timeout, a dropped connection
 * after NetSuite committed) nobody can tell whether the record exists, and sending it again may
 * create a second one. {@link #upsert} instead sends {@code PUT .../<type>/eid:<externalId>}:
 * NetSuite creates the record if no record of that type has the external id and updates it
 * otherwise. Repeating it therefore converges on the same single record, which is why the
 * caller's retry policy may (and does) repeat writes after timeouts, dropped connections, 429s
 * and 5xx exactly as it repeats reads. The external id is the other system's stable key
 * (e.g. {@code procore-vendor-5000000001}), so it also ties the two records together.
 *
 * <p>Failures arrive as {@link UpstreamException}; a validation error NetSuite reports (HTTP 400)
 * as {@code UPSTREAM_ERROR} with NetSuite's {@code o:errorCode} as {@code upstreamCode} and its
 * message as {@code upstreamDetail}. Invalid arguments fail as {@code INVALID_ARGUMENT} before
 * any request.
 */
@ApplicationScoped
public class NetSuiteRecords {

    static final String VENDOR_QUERY = "SELECT id, entityid, companyname, email, phone, isinactive, externalid FROM vendor";
    static final String JOB_QUERY = "SELECT id, entityid, companyname, isinactive, externalid FROM job";
    static final String BILL_QUERY = "SELECT id, tranid, externalid, entity, foreigntotal, approvalstatus, trandate, "
            + "duedate, lastmodifieddate FROM transaction WHERE type = 'VendBill' AND ";
    /**
     * External ids per bill query. NetSuite's database takes at most 1000 values in an IN list;
     * 100 keeps a query's text short (external ids run to 255 characters) and its rows on one page.
     */
    static final int BILLS_PER_QUERY = 100;
    private static final DateTimeFormatter SUITEQL_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");
    /** NetSuite's rule for external ids in URLs: letters, digits, underscore and hyphen. */
    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    /** Record type ids in REST paths are camelCase, e.g. {@code vendor}, {@code otherChargePurchaseItem}. */
    private static final Pattern RECORD_TYPE = Pattern.compile("[a-z][A-Za-z]{0,99}");
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final String OP_UPSERT = "records.upsert";
    /**
     * The sublists of the record types the hub writes that have lines, as NetSuite's {@code replace}
     * parameter names them. An upsert replaces their lines with the ones sent: NetSuite otherwise adds
     * the sent lines to the stored ones, and an upsert repeated after a lost answer, a timeout or a
     * crash would then bill every line twice. Named whether sent or not, so that a line the body no
     * longer has (a bill planned anew without retainage) goes too.
     */
    static final Map<String, String> SUBLISTS = Map.of("vendorBill", "item,expense");
    private static final String OP_BY_EXTERNAL_ID = "records.by_external_id";

    private final NetSuiteApi api;
    private final UpstreamCaller caller;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final SuiteQlReader suiteQl;
    private final String currency;

    NetSuiteRecords(NetSuiteConfig config, @Upstream(UpstreamSystem.NETSUITE) UpstreamCaller caller, Clock clock,
            ObjectMapper mapper) {
        this.caller = caller;
        this.mapper = mapper;
        this.clock = clock;
        this.api = NetSuiteHttp.client(config, clock);
        this.suiteQl = new SuiteQlReader(api, caller, mapper, clock, config.pageSize(), config.maxRowsPerQuery());
        this.currency = config.currency();
    }

    /**
     * Creates or updates the record of {@code recordType} with this external id and returns its
     * internal id. Safe to repeat (see the class comment). Fields left out of {@code body} keep
     * their value; a field sent as {@code null} is cleared; the lines of a record type's sublists
     * ({@link #SUBLISTS}) are the ones sent, however often the upsert is repeated.
     *
     * @param recordType REST record type id, camelCase letters, e.g. {@code vendor}
     * @param externalId letters, digits, {@code _} and {@code -}
     * @param body       the record's fields in NetSuite's REST JSON ({@code {"companyName":..,"subsidiary":{"id":"1"}}});
     *                   an {@code externalId} field, if present, must equal {@code externalId}
     */
    public Uni<String> upsert(String recordType, String externalId, Map<String, Object> body) {
        TrestleException invalid = validate(recordType, externalId);
        if (invalid == null && body == null) {
            invalid = TrestleException.invalidArgument("A NetSuite upsert needs a body.");
        }
        if (invalid == null && body.containsKey("externalId") && !externalId.equals(body.get("externalId"))) {
            invalid = TrestleException.invalidArgument(
                    "The body's externalId differs from the external id the record is upserted by.");
        }
        if (invalid != null) {
            return Uni.createFrom().failure(invalid);
        }
        Map<String, Object> copy = new LinkedHashMap<>(body);
        String replace = SUBLISTS.get(recordType);
        return caller.call(OP_UPSERT, () -> api.upsert(recordType, externalId, replace, copy).map(this::location))
                .chain(id -> id.isPresent() ? Uni.createFrom().item(id.get()) : readBackId(recordType, externalId));
    }

    /** The record of {@code recordType} with this external id, as NetSuite's REST JSON; empty when there is none. */
    public Uni<Optional<Map<String, Object>>> findByExternalId(String recordType, String externalId) {
        TrestleException invalid = validate(recordType, externalId);
        if (invalid != null) {
            return Uni.createFrom().failure(invalid);
        }
        return caller.call(OP_BY_EXTERNAL_ID, () -> api.byExternalId(recordType, externalId).map(this::record));
    }

    /** Every vendor, active or not, ordered by internal id. */
    public Uni<List<NetSuiteVendor>> vendors() {
        return suiteQl.all("vendors.all", VENDOR_QUERY,
                (status, row) -> new NetSuiteVendor(UpstreamJson.text(row, "id"), UpstreamJson.text(row, "entityid"),
                        UpstreamJson.text(row, "companyname"), UpstreamJson.text(row, "email"),
                        UpstreamJson.text(row, "phone"), SuiteQlReader.bool(row, "isinactive"),
                        UpstreamJson.text(row, "externalid")),
                NetSuiteVendor::id);
    }

    /** Every job (project), active or not, ordered by internal id. */
    public Uni<List<NetSuiteJob>> jobs() {
        return suiteQl.all("jobs.all", JOB_QUERY,
                (status, row) -> new NetSuiteJob(UpstreamJson.text(row, "id"), UpstreamJson.text(row, "entityid"),
                        UpstreamJson.text(row, "companyname"), SuiteQlReader.bool(row, "isinactive"),
                        UpstreamJson.text(row, "externalid")),
                NetSuiteJob::id);
    }

    /**
     * The vendor bills with these external ids, by external id; ids no bill has are absent from
     * the map. Read through SuiteQL in queries of {@value #BILLS_PER_QUERY} ids, one after the
     * other. External ids are checked against NetSuite's rule before they go into a query, which
     * also keeps quotes out of it.
     */
    public Uni<Map<String, NetSuiteVendorBill>> vendorBillsByExternalIds(Collection<String> externalIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(externalIds));
        for (String id : ids) {
            if (id == null || !EXTERNAL_ID.matcher(id).matches()) {
                return Uni.createFrom().failure(TrestleException.invalidArgument(
                        "A NetSuite external id consists of 1 to 255 letters, digits, underscores and hyphens."));
            }
        }
        Uni<Map<String, NetSuiteVendorBill>> result = Uni.createFrom().item(new LinkedHashMap<>());
        for (int from = 0; from < ids.size(); from += BILLS_PER_QUERY) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + BILLS_PER_QUERY));
            String sql = BILL_QUERY + "externalid IN (" + chunk.stream().map(id -> "'" + id + "'")
                    .collect(Collectors.joining(", ")) + ") ORDER BY id";
            result = result.chain(found -> suiteQl.query("vendor_bills.by_external_id", sql, this::vendorBill)
                    .map(bills -> {
                        bills.stream().filter(b -> b.externalId() != null && chunk.contains(b.externalId()))
                                .forEach(b -> found.put(b.externalId(), b));
                        return found;
                    }));
        }
        return result;
    }

    /** One vendor bill by internal id; empty when there is none (or the transaction is no vendor bill). */
    public Uni<Optional<NetSuiteVendorBill>> vendorBill(String internalId) {
        if (internalId == null || !SuiteQlReader.NUMERIC_ID.matcher(internalId).matches()) {
            return Uni.createFrom().failure(TrestleException.invalidArgument(
                    "A NetSuite internal id is a number."));
        }
        return suiteQl.query("vendor_bills.by_id", BILL_QUERY + "id IN (" + internalId + ")", this::vendorBill)
                .map(bills -> bills.stream().filter(b -> b.id().equals(internalId)).findFirst());
    }

    private NetSuiteVendorBill vendorBill(int status, JsonNode row) {
        String total = UpstreamJson.text(row, "foreigntotal");
        Money amount;
        try {
            amount = total == null || total.isBlank() ? null : Money.parse(total, currency);
        } catch (IllegalArgumentException e) {
            throw UpstreamException.malformed(UpstreamSystem.NETSUITE, status, "a vendor bill's total is not an amount",
                    null);
        }
        return new NetSuiteVendorBill(UpstreamJson.text(row, "id"), UpstreamJson.text(row, "tranid"),
                UpstreamJson.text(row, "externalid"), UpstreamJson.text(row, "entity"), amount,
                UpstreamJson.text(row, "approvalstatus"), suiteQlDate(status, row, "trandate"),
                suiteQlDate(status, row, "duedate"), suiteQlDate(status, row, "lastmodifieddate"));
    }

    /**
     * SuiteQL shows dates in the account's date format, {@code M/D/YYYY} by default; an ISO date
     * is taken as well, and a trailing time (some formats add one) is ignored.
     */
    private static LocalDate suiteQlDate(int status, JsonNode row, String column) {
        String text = UpstreamJson.text(row, column);
        if (text == null || text.isBlank()) {
            return null;
        }
        String day = text.strip().split("[ T]")[0];
        try {
            return day.contains("/") ? LocalDate.parse(day, SUITEQL_DATE) : LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw UpstreamException.malformed(UpstreamSystem.NETSUITE, status, "a vendor bill's " + column
                    + " is not a date", null);
        }
    }

    private static TrestleException validate(String recordType, String externalId) {
        // Checked before anything is sent: both go into the URL path, and NetSuite would read a
        // "|" as a multi-select delimiter and a "/" as another path segment.
        if (recordType == null || !RECORD_TYPE.matcher(recordType).matches()) {
            return TrestleException.invalidArgument("A NetSuite record type is a camelCase name such as vendor.");
        }
        if (externalId == null || !EXTERNAL_ID.matcher(externalId).matches()) {
            return TrestleException.invalidArgument(
                    "A NetSuite external id consists of 1 to 255 letters, digits, underscores and hyphens.");
        }
        return null;
    }

    /** The internal id from the {@code Location} of a successful write; empty when NetSuite sent none. */
    private Optional<String> location(Response response) {
        int status = response.getStatus();
        String body = UpstreamJson.body(response);
        if (status < 200 || status > 299) {
            throw NetSuiteHttp.failure(status, response, body, mapper, clock);
        }
        String location = response.getHeaderString("Location");
        if (location == null || location.isBlank()) {
            return Optional.empty();
        }
        String path;
        try {
            path = URI.create(location.strip()).getPath();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        return SuiteQlReader.NUMERIC_ID.matcher(last).matches() ? Optional.of(last) : Optional.empty();
    }

    /**
     * A 2xx without a usable {@code Location} (the documentation allows 200 and 202 as well):
     * the write happened, so the record is there to be read by its external id.
     */
    private Uni<String> readBackId(String recordType, String externalId) {
        return findByExternalId(recordType, externalId).map(found -> {
            Object id = found.map(record -> record.get("id")).orElse(null);
            if (id == null || !SuiteQlReader.NUMERIC_ID.matcher(id.toString()).matches()) {
                throw UpstreamException.malformed(UpstreamSystem.NETSUITE, 204,
                        "the upserted record cannot be found by its external id", null);
            }
            return id.toString();
        });
    }

    private Optional<Map<String, Object>> record(Response response) {
        int status = response.getStatus();
        String body = UpstreamJson.body(response);
        if (status == 404) {
            return Optional.empty();
        }
        if (status < 200 || status > 299) {
            throw NetSuiteHttp.failure(status, response, body, mapper, clock);
        }
        JsonNode root = UpstreamJson.object(UpstreamSystem.NETSUITE, status, body, mapper);
        return Optional.of(mapper.convertValue(root, MAP));
    }
}
