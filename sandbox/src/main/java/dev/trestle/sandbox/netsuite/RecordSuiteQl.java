package dev.trestle.sandbox.netsuite;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The SuiteQL statements the sandbox answers on the record tables, in the grammar of {@link SuiteQl} that the
 * employee queries use too:
 * <pre>
 * SELECT col [, col]* FROM vendor|job [WHERE id IN (n [, n]*) | WHERE id &gt; n] [ORDER BY id [ASC]]
 * SELECT col [, col]* FROM transaction [WHERE cond [AND cond]*] [ORDER BY id [ASC]]
 *        cond: type = 'VendBill'|'VendPymt'|'Journal'|'PurchOrd'
 *            | lastmodifieddate &gt;= TO_TIMESTAMP('YYYY-MM-DD HH24:MI:SS value', 'YYYY-MM-DD HH24:MI:SS')
 *            | id IN (...) | id &gt; n | externalid IN ('x', ...) (with a type)
 * SELECT col [, col]* FROM transactionline [WHERE transaction IN (...) | WHERE transaction &gt; n]
 *        [ORDER BY transaction [ASC] [, id [ASC]]]
 * SELECT col [, col]* FROM PreviousTransactionLineLink [WHERE nextdoc|previousdoc IN (...) | nextdoc|previousdoc &gt; n]
 *        [ORDER BY nextdoc [ASC] [, previousdoc [ASC]]]
 * </pre>
 * Columns: vendor {@code id, entityid, companyname, email, phone, isinactive, externalid}; job
 * {@code id, entityid, companyname, isinactive, externalid, parent}; transaction (bills, payments, journals and
 * purchase orders, {@code type} VendBill, VendPymt, Journal, PurchOrd; {@code voided} T/F; a purchase order's
 * {@code status} is its {@code orderStatus}, {@code employee} its employee) and transactionline (per bill a main
 * line 0 crediting accounts payable with minus the total, then one line per item and expense line; per journal one
 * row per line from 0, none of them a main line; payments and purchase orders have no rows there: what a payment
 * applies is the link table's)
 * as {@link #COLUMNS} lists. PreviousTransactionLineLink holds one row per bill a payment applies to:
 * {@code previousdoc} the bill, {@code nextdoc} the payment, {@code foreignamount} the amount applied,
 * {@code linktype} Payment; a voided or deleted payment has none. Keywords in any case. Values are strings, as
 * for the other tables: amounts with two decimals, dates as the account's default date format shows them
 * ({@code M/D/YYYY}, {@code lastmodifieddate} too: a client keeps its watermark from the time it asked, with an
 * overlap, not from the rows).
 *
 * @param table   {@code vendor} or {@code job}
 * @param columns selected columns, lowercase, in the order given
 * @param idIn    ids of {@code WHERE id IN (...)}, or {@code null}
 * @param idAbove bound of {@code WHERE id > n}, or {@code null}
 * @param type    the transaction type of {@code WHERE type = '...'}, or {@code null}; every transaction the
 *                sandbox holds is a {@code VendBill}, so any other type selects nothing
 * @param externalIdIn external ids of {@code externalid IN ('...')} (compared exactly), or {@code null}
 */
record RecordSuiteQl(String table, List<String> columns, Set<Long> idIn, Long idAbove, String type,
        Set<String> externalIdIn, java.time.Instant modifiedSince, String keyFilter) {

    /** The link table: which payment ({@code nextdoc}) applies how much ({@code foreignamount}) to which bill. */
    static final String LINKS = "previoustransactionlinelink";

    /** SuiteQL column to record body field, per table; the order is the one error messages list. */
    static final Map<String, Map<String, String>> COLUMNS = Map.of(
            "vendor", orderedColumns("id", "id", "entityid", "entityId", "companyname", "companyName", "email", "email",
                    "phone", "phone", "isinactive", "isInactive", "externalid", "externalId"),
            "job", orderedColumns("id", "id", "entityid", "entityId", "companyname", "companyName", "isinactive",
                    "isInactive", "externalid", "externalId", "parent", "parent"),
            "transaction", orderedColumns("id", "id", "type", "type", "tranid", "tranId", "entity", "entity",
                    "trandate", "tranDate", "duedate", "dueDate", "externalid", "externalId", "foreigntotal", "total",
                    "total", "total", "memo", "memo", "approvalstatus", "approvalStatus", "employee", "employee", "lastmodifieddate",
                    "lastModifiedDate", "voided", "voided", "status", "status", "currency", "currency"),
            "transactionline", orderedColumns("transaction", "transaction", "id", "line", "linesequencenumber",
                    "line", "mainline", "mainline", "item", "item", "entity", "entity", "amount", "amount",
                    "foreignamount", "amount", "account", "account", "memo", "memo", "debit", "debit",
                    "credit", "credit", "department", "department", "class", "class", "location", "location"),
            LINKS, orderedColumns("previousdoc", "previousdoc", "previousline", "previousline", "nextdoc", "nextdoc",
                    "nextline", "nextline", "linktype", "linktype", "foreignamount", "amount", "amount", "amount"));

    /** The record types whose records a table's rows come from. */
    static final Map<String, List<String>> SOURCE = Map.of("vendor", List.of("vendor"), "job", List.of("job"),
            "transaction", List.of("vendorBill", "vendorPayment", "journalEntry", "purchaseOrder"),
            "transactionline", List.of("vendorBill", "journalEntry"), LINKS, List.of("vendorPayment"));

    private static final java.time.format.DateTimeFormatter DATE =
            java.time.format.DateTimeFormatter.ofPattern("M/d/yyyy");

    /** The table a query reads, when it is one of {@link #COLUMNS}; {@code null} for anything else. */
    static String recordTable(String q) {
        if (q == null) {
            return null;
        }
        try {
            List<String> tokens = SuiteQl.tokenize(q);
            for (int i = 0; i + 1 < tokens.size(); i++) {
                if (tokens.get(i).equalsIgnoreCase("FROM")) {
                    String table = tokens.get(i + 1).toLowerCase(Locale.ROOT);
                    return COLUMNS.containsKey(table) ? table : null;
                }
            }
        } catch (InvalidQueryException e) {
            return null;
        }
        return null;
    }

    /** The table is known only after FROM, so the columns are checked against it then. */
    private static final SuiteQl.Schema RECORDS = new SuiteQl.Schema() {
        @Override
        public String table(String name, List<String> columns) {
            return checkTable(name, columns);
        }

        @Override
        public String keyColumn(String table) {
            return switch (table) {
                case "transactionline" -> "transaction";
                case LINKS -> "nextdoc";
                default -> "id";
            };
        }

        @Override
        public List<String> keyFilterColumns(String table) {
            return table.equals(LINKS) ? List.of("nextdoc", "previousdoc") : List.of(keyColumn(table));
        }

        @Override
        public String secondOrderColumn(String table) {
            return table.equals(LINKS) ? "previousdoc" : "id";
        }

        @Override
        public String typeColumn(String table) {
            return table.equals("transaction") ? "type" : null;
        }

        @Override
        public String modifiedColumn(String table) {
            return table.equals("transaction") ? "lastmodifieddate" : null;
        }
    };

    private static String checkTable(String name, List<String> columns) {
        String table = name.toLowerCase(Locale.ROOT);
        Map<String, String> known = COLUMNS.get(table);
        if (known == null) {
            throw SuiteQl.invalid("the sandbox has no table '" + table + "' here");
        }
        for (String column : columns) {
            if (!known.containsKey(column)) {
                throw SuiteQl.invalid("Field '" + column + "' for record '" + table
                        + "' was not found in the sandbox (it knows " + String.join(", ", known.keySet()) + ")");
            }
        }
        return table;
    }

    static RecordSuiteQl parse(String q) {
        SuiteQl.Statement statement = SuiteQl.parse(q, RECORDS);
        return new RecordSuiteQl(statement.table(), statement.columns(), statement.idIn(), statement.idAbove(),
                statement.type(), statement.externalIdIn(), statement.modifiedSince(), statement.keyFilter());
    }

    /**
     * Whether a record passes the type, external id and modification-time conditions (the id conditions select
     * before). The time is compared at the second NetSuite shows, so an edit within the bound's second is in.
     */
    boolean selects(NetSuiteRecord record) {
        return (type == null || type.equals(RecordType.TRANSACTION_TYPES.get(record.type())))
                && (externalIdIn == null || externalIdIn.contains(record.externalId()))
                && (modifiedSince == null || !record.lastModified().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        .isBefore(modifiedSince));
    }

    /** Whether a key value passes {@code IN (...)} / {@code >} (on the link table, of the column named). */
    boolean keySelects(long key) {
        return (idIn == null || idIn.contains(key)) && (idAbove == null || key > idAbove);
    }

    /**
     * The link rows of one payment: one per bill it applies to (a voided payment applies to none), with the
     * applied amount; {@code previousline} 0 (the bill's main line), {@code nextline} the apply line.
     */
    static List<JsonObject> links(NetSuiteRecord payment) {
        List<JsonObject> links = new java.util.ArrayList<>();
        if (payment.flag("voided")) {
            return links;
        }
        for (Object o : RecordType.lines(payment.fields(), "apply")) {
            JsonObject line = (JsonObject) o;
            String doc = refId(line.getValue("doc"));
            if (Boolean.TRUE.equals(line.getValue("apply")) && doc != null) {
                links.add(new JsonObject().put("previousdoc", doc).put("previousline", "0")
                        .put("nextdoc", String.valueOf(payment.id())).put("nextline", String.valueOf(line.getLong("line")))
                        .put("linktype", "Payment").put("amount", money(line.getValue("amount"))));
            }
        }
        return links;
    }

    /** A link row with the selected columns only. */
    JsonObject linkRow(JsonObject link) {
        Map<String, String> values = new LinkedHashMap<>();
        link.forEach(e -> values.put(e.getKey(), (String) e.getValue()));
        return select(values);
    }

    /** The row of one record: strings only, booleans as T/F, references as their id, nulls left out. */
    JsonObject row(NetSuiteRecord record) {
        JsonObject row = new JsonObject().put("links", new JsonArray());
        Map<String, String> fields = COLUMNS.get(table);
        for (String column : columns) {
            String field = fields.get(column);
            String value = switch (field) {
                case "id" -> String.valueOf(record.id());
                case "externalId" -> record.externalId();
                case "isInactive" -> record.flag("isInactive") ? "T" : "F";
                default -> record.text(field);
            };
            if (value != null && !value.isEmpty()) {
                row.put(column, value);
            }
        }
        return row;
    }

    /** The row of one transaction (bill, payment, journal) in {@code transaction}. */
    JsonObject transactionRow(NetSuiteRecord bill) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", String.valueOf(bill.id()));
        values.put("type", RecordType.TRANSACTION_TYPES.get(bill.type()));
        values.put("voided", bill.flag("voided") ? "T" : "F");
        // A purchase order's status is its orderStatus (B Pending Receipt, G Fully Billed, H Closed, ...).
        values.put("status", bill.text(bill.type().equals(RecordType.PURCHASE_ORDER.name()) ? "orderStatus" : "status"));
        values.put("employee", bill.text("employee"));
        values.put("currency", bill.text("currency"));
        values.put("tranId", bill.text("tranId"));
        values.put("entity", bill.text("entity"));
        values.put("tranDate", date(bill.text("tranDate")));
        values.put("dueDate", date(bill.text("dueDate")));
        values.put("externalId", bill.externalId());
        values.put("total", money(bill.fields().getValue("total")));
        values.put("memo", bill.text("memo"));
        values.put("approvalStatus", bill.text("approvalStatus"));
        values.put("lastModifiedDate", DATE.format(bill.lastModified().atZone(java.time.ZoneOffset.UTC)));
        return select(values);
    }

    /**
     * The rows of one vendor bill in {@code transactionline}: the main line (id 0: the vendor, accounts payable,
     * minus the total), then the item lines (posting to the item's expense account, {@code itemAccount}) and the
     * expense lines in line order, with the line's customer (project) as entity.
     */
    List<JsonObject> lineRows(NetSuiteRecord bill, java.util.function.Function<String, String> itemAccount) {
        if (bill.type().equals(RecordType.JOURNAL_ENTRY.name())) {
            return journalLineRows(bill);
        }
        List<JsonObject> rows = new java.util.ArrayList<>();
        Map<String, String> main = new LinkedHashMap<>();
        main.put("transaction", String.valueOf(bill.id()));
        main.put("line", "0");
        main.put("mainline", "T");
        main.put("entity", bill.text("entity"));
        Object total = bill.fields().getValue("total");
        main.put("amount", total instanceof Number n ? money(RecordApi.decimal(n).negate()) : null);
        if (total instanceof Number n) {
            debitCredit(main, RecordApi.decimal(n).negate());
        }
        String apAccount = bill.text("account");
        main.put("account", apAccount == null ? NetSuiteReferenceData.AP_ACCOUNT_ID : apAccount);
        main.put("memo", bill.text("memo"));
        rows.add(select(main));
        List<JsonObject> lines = new java.util.ArrayList<>();
        for (String sublist : List.of("item", "expense")) {
            RecordType.lines(bill.fields(), sublist).forEach(o -> lines.add(((JsonObject) o).copy().put("sublist", sublist)));
        }
        lines.sort(java.util.Comparator.comparing((JsonObject l) -> l.getString("sublist").equals("expense"))
                .thenComparing(l -> l.getLong("line")));
        int sequence = 1;
        for (JsonObject line : lines) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("transaction", String.valueOf(bill.id()));
            values.put("line", String.valueOf(sequence++));
            values.put("mainline", "F");
            String item = refId(line.getValue("item"));
            values.put("item", item);
            values.put("entity", refId(line.getValue("customer")));
            values.put("amount", money(line.getValue("amount")));
            debitCredit(values, line.getValue("amount"));
            values.put("account", item != null ? itemAccount.apply(item) : refId(line.getValue("account")));
            values.put("memo", line.getString(item != null ? "description" : "memo"));
            values.put("department", refId(line.getValue("department")));
            values.put("class", refId(line.getValue("class")));
            values.put("location", refId(line.getValue("location")));
            rows.add(select(values));
        }
        return rows;
    }

    private static void debitCredit(Map<String, String> values, Object amount) {
        if (amount instanceof Number n) {
            java.math.BigDecimal d = RecordApi.decimal(n);
            values.put(d.signum() >= 0 ? "debit" : "credit", money(d.abs()));
        }
    }

    /**
     * The rows of one journal entry in {@code transactionline}: one per line in line order, numbered from 0 (a
     * journal has no summary main line, so every row has {@code mainline} F), {@code amount} the debit or minus
     * the credit, {@code debit}/{@code credit} as entered, {@code entity} the line's name (a vendor or the
     * project).
     */
    private List<JsonObject> journalLineRows(NetSuiteRecord journal) {
        List<JsonObject> rows = new java.util.ArrayList<>();
        List<JsonObject> lines = new java.util.ArrayList<>();
        RecordType.lines(journal.fields(), "line").forEach(o -> lines.add((JsonObject) o));
        lines.sort(java.util.Comparator.comparing(l -> l.getLong("line")));
        int sequence = 0;
        for (JsonObject line : lines) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("transaction", String.valueOf(journal.id()));
            values.put("line", String.valueOf(sequence++));
            values.put("mainline", "F");
            values.put("entity", refId(line.getValue("entity")));
            Object debit = line.getValue("debit");
            Object credit = line.getValue("credit");
            values.put("amount", debit instanceof Number d ? money(d)
                    : credit instanceof Number c ? money(RecordApi.decimal(c).negate()) : null);
            values.put("debit", money(debit));
            values.put("credit", money(credit));
            values.put("account", refId(line.getValue("account")));
            values.put("memo", line.getString("memo"));
            values.put("department", refId(line.getValue("department")));
            values.put("class", refId(line.getValue("class")));
            values.put("location", refId(line.getValue("location")));
            rows.add(select(values));
        }
        return rows;
    }

    private JsonObject select(Map<String, String> values) {
        JsonObject row = new JsonObject().put("links", new JsonArray());
        Map<String, String> fields = COLUMNS.get(table);
        for (String column : columns) {
            String value = values.get(fields.get(column));
            if (value != null && !value.isEmpty()) {
                row.put(column, value);
            }
        }
        return row;
    }

    private static String refId(Object value) {
        return value instanceof JsonObject ref && ref.getValue("id") != null ? ref.getValue("id").toString() : null;
    }

    private static String money(Object value) {
        if (value instanceof java.math.BigDecimal d) {
            return d.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        }
        return value instanceof Number n ? money(RecordApi.decimal(n)) : null;
    }

    private static String date(String iso) {
        return iso == null ? null : DATE.format(java.time.LocalDate.parse(iso));
    }

    private static Map<String, String> orderedColumns(String... pairs) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            columns.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(columns);
    }
}
