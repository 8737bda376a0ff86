package dev.trestle.connectors.netsuite;

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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads the NetSuite transactions of the way back to Procore through SuiteQL: bill payments with the bills they
 * apply to, vendor bills and journal entries with their lines. Every request goes through the shared NetSuite
 * {@link UpstreamCaller} (retries, circuit breaker, the account-wide concurrency governor), paged by
 * {@link SuiteQlReader}.
 *
 * <p>Changes are read by {@code lastmodifieddate}, which SuiteQL compares to the second and shows as a day only:
 * the caller keeps its watermark from the time it asked (minus an overlap), never from the rows. Transactions
 * deleted in NetSuite are absent from every answer; {@link #vendorPaymentsByIds} tells which of the payments read
 * before are gone. Queries hold digits and fixed text only: ids are checked to be numbers and instants are
 * formatted by the hub, so no input is ever spliced into SuiteQL.
 *
 * <p>Failures arrive as {@link UpstreamException}; a body that is not what SuiteQL documents as
 * {@code UPSTREAM_MALFORMED_RESPONSE}; invalid arguments as {@code INVALID_ARGUMENT} before any request.
 */
@ApplicationScoped
public class NetSuiteTransactions {

    static final String PAYMENT_QUERY = "SELECT id, tranid, entity, trandate, foreigntotal, voided, status, currency, "
            + "memo, lastmodifieddate FROM transaction";
    static final String BILL_QUERY = "SELECT id, tranid, externalid, entity, foreigntotal, approvalstatus, trandate, "
            + "duedate, memo, currency, voided, lastmodifieddate FROM transaction";
    static final String JOURNAL_QUERY = "SELECT id, tranid, trandate, memo, currency, voided, lastmodifieddate "
            + "FROM transaction";
    static final String LINE_QUERY = "SELECT transaction, id, mainline, item, entity, account, amount, debit, credit, "
            + "memo, department, class, location FROM transactionline";
    static final String LINK_QUERY = "SELECT previousdoc, previousline, nextdoc, nextline, linktype, foreignamount "
            + "FROM PreviousTransactionLineLink";
    /**
     * Transactions per lines (or payments by id) query: NetSuite takes at most 1000 values in an IN list, and 100
     * keeps a query's answer to a page or two (a bill rarely has more than a few lines).
     */
    static final int TRANSACTIONS_PER_QUERY = 100;
    /**
     * Payments per applications query: NetSuite's largest IN list. A payment applies to one bill or a few, so the
     * answer is a page or a few; 100 a query made reading 10,000 payments take 100 queries one after another.
     */
    static final int PAYMENTS_PER_APPLICATIONS_QUERY = 1000;
    /** The timestamp literal of {@code TO_TIMESTAMP(..., 'YYYY-MM-DD HH24:MI:SS')}, in UTC. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SUITEQL_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");

    private final SuiteQlReader suiteQl;
    private final String currency;

    NetSuiteTransactions(NetSuiteConfig config, @Upstream(UpstreamSystem.NETSUITE) UpstreamCaller caller,
            Clock clock, ObjectMapper mapper) {
        this.suiteQl = new SuiteQlReader(NetSuiteHttp.client(config, clock), caller, mapper, clock,
                config.pageSize(), config.maxRowsPerQuery());
        this.currency = config.currency();
    }

    /**
     * The bill payments modified at or after {@code since} (to the second, rounded down), voided ones included,
     * each with the bills it applies to; every payment when {@code since} is null (a full reconcile). Ordered by
     * id. Payments deleted in NetSuite are not among them.
     */
    public Uni<List<NetSuiteVendorPayment>> vendorPaymentsModifiedSince(Instant since) {
        return suiteQl.where("vendor_payments.changed", PAYMENT_QUERY, condition("VendPymt", since), this::payment,
                NetSuiteVendorPayment::id).chain(this::withApplications);
    }

    /**
     * The bill payments with these internal ids, with their applications, ordered by id. An id absent from the
     * answer is a payment NetSuite no longer has (deleted), or never had. One query per
     * {@value #TRANSACTIONS_PER_QUERY} ids, plus one per {@value #PAYMENTS_PER_APPLICATIONS_QUERY} for their
     * applications.
     *
     * @param ids numeric strings; anything else fails with {@code INVALID_ARGUMENT} before any request
     */
    public Uni<List<NetSuiteVendorPayment>> vendorPaymentsByIds(Collection<String> ids) {
        List<List<Long>> chunks;
        try {
            chunks = chunks(ids);
        } catch (TrestleException e) {
            return Uni.createFrom().failure(e);
        }
        Uni<List<NetSuiteVendorPayment>> result = Uni.createFrom().item(new ArrayList<>());
        for (List<Long> chunk : chunks) {
            String sql = PAYMENT_QUERY + " WHERE type = 'VendPymt' AND id IN (" + in(chunk) + ") ORDER BY id";
            result = result.chain(found -> suiteQl.query("vendor_payments.by_ids", sql, this::payment).map(rows -> {
                rows.stream().filter(p -> chunk.contains(Long.parseLong(p.id()))).forEach(found::add);
                return found;
            }));
        }
        return result.chain(this::withApplications).map(NetSuiteTransactions::distinctById);
    }

    /**
     * The vendor bills modified at or after {@code since} (every bill when null), each with its lines, ordered by
     * id: the bills that came from Procore as well as those entered in NetSuite (the former carry the hub's
     * external id).
     */
    public Uni<List<NetSuiteVendorBillWithLines>> vendorBillsModifiedSince(Instant since) {
        return suiteQl.where("vendor_bills.changed", BILL_QUERY, condition("VendBill", since), this::bill,
                b -> b.bill().id()).chain(bills -> lines(bills.stream().map(b -> b.bill().id()).toList())
                .map(lines -> bills.stream().map(b -> new NetSuiteVendorBillWithLines(b.bill(), b.memo(),
                        b.currencyId(), b.voided(), lines.getOrDefault(b.bill().id(), List.of()))).toList()));
    }

    /** The journal entries modified at or after {@code since} (every entry when null), with their lines, by id. */
    public Uni<List<NetSuiteJournalEntry>> journalEntriesModifiedSince(Instant since) {
        return suiteQl.where("journal_entries.changed", JOURNAL_QUERY, condition("Journal", since), this::journal,
                NetSuiteJournalEntry::id).chain(journals -> lines(journals.stream().map(NetSuiteJournalEntry::id)
                .toList()).map(lines -> journals.stream().map(j -> new NetSuiteJournalEntry(j.id(), j.tranId(),
                        j.tranDate(), j.memo(), j.currencyId(), j.voided(), j.lastModified(),
                        lines.getOrDefault(j.id(), List.of()))).toList()));
    }

    /**
     * What NetSuite applied to these vendor bills, by bill id (bills nothing was applied to are absent), each bill's
     * applications in payment order: {@code PreviousTransactionLineLink} read from the bills' side, one query per
     * {@value #TRANSACTIONS_PER_QUERY} bills however many payments there are. Voided and deleted payments apply
     * nothing, so they are not among them; {@link #vendorPaymentHeadersByIds} tells which payments still exist.
     *
     * @param billIds numeric strings; anything else fails with {@code INVALID_ARGUMENT} before any request
     */
    public Uni<Map<String, List<NetSuiteBillApplication>>> applicationsToBills(Collection<String> billIds) {
        List<List<Long>> chunks;
        try {
            chunks = chunks(billIds);
        } catch (TrestleException e) {
            return Uni.createFrom().failure(e);
        }
        Map<String, List<NetSuiteBillApplication>> byBill = new LinkedHashMap<>();
        Uni<Void> read = Uni.createFrom().voidItem();
        for (List<Long> chunk : chunks) {
            String sql = LINK_QUERY + " WHERE previousdoc IN (" + in(chunk) + ") ORDER BY nextdoc, previousdoc";
            read = read.chain(() -> suiteQl.unkeyedQuery("vendor_bills.applications", sql, this::link)
                    .invoke(links -> links.stream()
                            .filter(l -> chunk.contains(Long.parseLong(l.application().billId())))
                            .forEach(l -> byBill.computeIfAbsent(l.application().billId(), k -> new ArrayList<>())
                                    .add(new NetSuiteBillApplication(l.paymentId(), l.application().billId(),
                                            l.application().amount()))))
                    .replaceWithVoid());
        }
        return read.map(done -> byBill);
    }

    /**
     * The bill payments with these internal ids, headers only (their {@code applications} are empty: read them
     * with {@link #applicationsToBills} or {@link #vendorPaymentsByIds}), ordered by id. An id absent from the answer
     * is a payment NetSuite no longer has (deleted), or never had. One query per {@value #TRANSACTIONS_PER_QUERY}
     * ids.
     *
     * @param ids numeric strings; anything else fails with {@code INVALID_ARGUMENT} before any request
     */
    public Uni<List<NetSuiteVendorPayment>> vendorPaymentHeadersByIds(Collection<String> ids) {
        List<List<Long>> chunks;
        try {
            chunks = chunks(ids);
        } catch (TrestleException e) {
            return Uni.createFrom().failure(e);
        }
        Uni<List<NetSuiteVendorPayment>> result = Uni.createFrom().item(new ArrayList<>());
        for (List<Long> chunk : chunks) {
            String sql = PAYMENT_QUERY + " WHERE type = 'VendPymt' AND id IN (" + in(chunk) + ") ORDER BY id";
            result = result.chain(found -> suiteQl.query("vendor_payments.headers_by_ids", sql, this::payment)
                    .map(rows -> {
                        rows.stream().filter(p -> chunk.contains(Long.parseLong(p.id()))).forEach(found::add);
                        return found;
                    }));
        }
        return result.map(NetSuiteTransactions::distinctById);
    }

    /**
     * The status of a NetSuite purchase order ({@code B} Pending Receipt, {@code G} Fully Billed, {@code H} Closed,
     * ...), empty when NetSuite has no purchase order with this internal id.
     */
    public Uni<java.util.Optional<String>> purchaseOrderStatus(String id) {
        if (id == null || !SuiteQlReader.NUMERIC_ID.matcher(id.strip()).matches()) {
            return Uni.createFrom().failure(TrestleException.invalidArgument("A NetSuite internal id is digits."));
        }
        String sql = "SELECT id, status FROM transaction WHERE type = 'PurchOrd' AND id IN (" + id.strip() + ")";
        return suiteQl.query("purchase_orders.status", sql, (status, row) -> UpstreamJson.text(row, "status"))
                .map(rows -> rows.stream().filter(java.util.Objects::nonNull).findFirst());
    }

    // ---- queries ------------------------------------------------------------------------------------------

    /** {@code type = '<type>'} and, with an instant, its {@code lastmodifieddate} bound; fixed text and digits only. */
    private static String condition(String type, Instant since) {
        String condition = "type = '" + type + "'";
        if (since != null) {
            // Digits, dashes, colons and a space only: the formatter writes the literal, never input.
            condition += " AND lastmodifieddate >= TO_TIMESTAMP('" + TIMESTAMP.format(since)
                    + "', 'YYYY-MM-DD HH24:MI:SS')";
        }
        return condition;
    }

    /**
     * The payments with the bills each applies to: {@value #PAYMENTS_PER_APPLICATIONS_QUERY} payments a query, the
     * queries side by side (the governor bounds how many are in flight, as for the pages of one query), so reading
     * the applications of many payments takes a few round trips, not one per hundred payments.
     */
    private Uni<List<NetSuiteVendorPayment>> withApplications(List<NetSuiteVendorPayment> payments) {
        List<Long> ids = payments.stream().map(p -> Long.parseLong(p.id())).toList();
        List<Uni<List<Link>>> reads = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += PAYMENTS_PER_APPLICATIONS_QUERY) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + PAYMENTS_PER_APPLICATIONS_QUERY));
            String sql = LINK_QUERY + " WHERE nextdoc IN (" + in(chunk) + ") ORDER BY nextdoc, previousdoc";
            reads.add(suiteQl.unkeyedQuery("vendor_payments.applications", sql, this::link));
        }
        if (reads.isEmpty()) {
            return Uni.createFrom().item(payments);
        }
        return Uni.join().all(reads).andFailFast().map(answers -> {
            // Each payment's applications in the order of its query's answer (by bill), whatever query came back first.
            Map<String, List<NetSuiteVendorPayment.Application>> byPayment = new LinkedHashMap<>();
            answers.forEach(links -> links.forEach(l -> byPayment.computeIfAbsent(l.paymentId(),
                    k -> new ArrayList<>()).add(l.application())));
            return payments.stream().map(p -> p.withApplications(byPayment.getOrDefault(p.id(), List.of()))).toList();
        });
    }

    /** The lines of these transactions, by transaction id, in line order. */
    private Uni<Map<String, List<NetSuiteTransactionLine>>> lines(List<String> transactionIds) {
        List<Long> ids = transactionIds.stream().map(Long::parseLong).toList();
        Map<String, List<NetSuiteTransactionLine>> byTransaction = new LinkedHashMap<>();
        Uni<Void> read = Uni.createFrom().voidItem();
        for (int from = 0; from < ids.size(); from += TRANSACTIONS_PER_QUERY) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + TRANSACTIONS_PER_QUERY));
            String sql = LINE_QUERY + " WHERE transaction IN (" + in(chunk) + ") ORDER BY transaction, id";
            read = read.chain(() -> suiteQl.unkeyedQuery("transaction_lines.by_transaction", sql, this::line)
                    .invoke(lines -> lines.forEach(l -> byTransaction.computeIfAbsent(l.transactionId(),
                            k -> new ArrayList<>()).add(l)))
                    .replaceWithVoid());
        }
        return read.map(done -> byTransaction);
    }

    private static List<List<Long>> chunks(Collection<String> ids) {
        TreeSet<Long> unique = new TreeSet<>();
        for (String id : ids) {
            String trimmed = id == null ? "" : id.strip();
            if (!SuiteQlReader.NUMERIC_ID.matcher(trimmed).matches()) {
                // Never echo the value: it may be anything, and it is never spliced into SuiteQL.
                throw TrestleException.invalidArgument("NetSuite transaction ids are numbers of up to 18 digits.");
            }
            unique.add(Long.parseLong(trimmed));
        }
        List<Long> all = new ArrayList<>(unique);
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += TRANSACTIONS_PER_QUERY) {
            chunks.add(all.subList(from, Math.min(all.size(), from + TRANSACTIONS_PER_QUERY)));
        }
        return chunks;
    }

    /** Parsed longs joined by commas: the SQL text gets digits only. */
    private static String in(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static List<NetSuiteVendorPayment> distinctById(List<NetSuiteVendorPayment> payments) {
        Map<String, NetSuiteVendorPayment> byId = new LinkedHashMap<>();
        payments.forEach(p -> byId.put(p.id(), p));
        List<NetSuiteVendorPayment> result = new ArrayList<>(byId.values());
        result.sort(java.util.Comparator.comparing((NetSuiteVendorPayment p) -> p.id().length())
                .thenComparing(NetSuiteVendorPayment::id));
        return result;
    }

    // ---- rows ---------------------------------------------------------------------------------------------

    private NetSuiteVendorPayment payment(int status, JsonNode row) {
        String what = "bill payment";
        return new NetSuiteVendorPayment(UpstreamJson.text(row, "id"), UpstreamJson.text(row, "tranid"),
                UpstreamJson.text(row, "entity"), date(status, row, "trandate", what),
                money(status, row, "foreigntotal", what), UpstreamJson.text(row, "currency"),
                SuiteQlReader.bool(row, "voided"), UpstreamJson.text(row, "status"), UpstreamJson.text(row, "memo"),
                date(status, row, "lastmodifieddate", what), List.of());
    }

    private BillHeader bill(int status, JsonNode row) {
        String what = "vendor bill";
        NetSuiteVendorBill bill = new NetSuiteVendorBill(UpstreamJson.text(row, "id"), UpstreamJson.text(row, "tranid"),
                UpstreamJson.text(row, "externalid"), UpstreamJson.text(row, "entity"),
                money(status, row, "foreigntotal", what), UpstreamJson.text(row, "approvalstatus"),
                date(status, row, "trandate", what), date(status, row, "duedate", what),
                date(status, row, "lastmodifieddate", what));
        return new BillHeader(bill, UpstreamJson.text(row, "memo"), UpstreamJson.text(row, "currency"),
                SuiteQlReader.bool(row, "voided"));
    }

    private NetSuiteJournalEntry journal(int status, JsonNode row) {
        String what = "journal entry";
        return new NetSuiteJournalEntry(UpstreamJson.text(row, "id"), UpstreamJson.text(row, "tranid"),
                date(status, row, "trandate", what), UpstreamJson.text(row, "memo"),
                UpstreamJson.text(row, "currency"), SuiteQlReader.bool(row, "voided"),
                date(status, row, "lastmodifieddate", what), List.of());
    }

    private NetSuiteTransactionLine line(int status, JsonNode row) {
        String what = "transaction line";
        return new NetSuiteTransactionLine(numeric(status, row, "transaction", what),
                numeric(status, row, "id", what), SuiteQlReader.bool(row, "mainline"), UpstreamJson.text(row, "item"),
                UpstreamJson.text(row, "account"), UpstreamJson.text(row, "entity"),
                money(status, row, "amount", what), money(status, row, "debit", what),
                money(status, row, "credit", what), UpstreamJson.text(row, "memo"),
                UpstreamJson.text(row, "department"), UpstreamJson.text(row, "class"),
                UpstreamJson.text(row, "location"));
    }

    private Link link(int status, JsonNode row) {
        String what = "payment application";
        Money amount = money(status, row, "foreignamount", what);
        if (amount == null) {
            throw UpstreamException.malformed(UpstreamSystem.NETSUITE, status,
                    "a payment application has no foreignamount", null);
        }
        return new Link(numeric(status, row, "nextdoc", what), new NetSuiteVendorPayment.Application(
                numeric(status, row, "previousdoc", what), amount, UpstreamJson.text(row, "linktype")));
    }

    private static String numeric(int status, JsonNode row, String column, String what) {
        String value = UpstreamJson.text(row, column);
        if (!row.isObject() || value == null || !SuiteQlReader.NUMERIC_ID.matcher(value).matches()) {
            throw UpstreamException.malformed(UpstreamSystem.NETSUITE, status,
                    "a " + what + " has no numeric " + column, null);
        }
        return value;
    }

    /** A decimal string (SuiteQL renders every value as text) read exactly; null when absent. */
    private Money money(int status, JsonNode row, String column, String what) {
        JsonNode value = row.get(column);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            return null;
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw UpstreamException.malformed(UpstreamSystem.NETSUITE, status,
                    "a " + what + "'s " + column + " is not an amount", null);
        }
        try {
            // asText of a number node is its literal as parsed, so no double is in between.
            return Money.parse(value.asText(), currency);
        } catch (IllegalArgumentException e) {
            throw UpstreamException.malformed(UpstreamSystem.NETSUITE, status,
                    "a " + what + "'s " + column + " is not an amount to the cent", null);
        }
    }

    /**
     * SuiteQL shows dates in the account's date format, {@code M/D/YYYY} by default; an ISO date is taken as well,
     * and a trailing time (some formats add one) is ignored.
     */
    private static LocalDate date(int status, JsonNode row, String column, String what) {
        String text = UpstreamJson.text(row, column);
        if (text == null || text.isBlank()) {
            return null;
        }
        String day = text.strip().split("[ T]")[0];
        try {
            return day.contains("/") ? LocalDate.parse(day, SUITEQL_DATE) : LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw UpstreamException.malformed(UpstreamSystem.NETSUITE, status,
                    "a " + what + "'s " + column + " is not a date", null);
        }
    }

    /** A bill's header row, before its lines are read. */
    private record BillHeader(NetSuiteVendorBill bill, String memo, String currencyId, boolean voided) {
    }

    /** One row of the link table: the payment and what it applies to one bill. */
    private record Link(String paymentId, NetSuiteVendorPayment.Application application) {
    }
}
