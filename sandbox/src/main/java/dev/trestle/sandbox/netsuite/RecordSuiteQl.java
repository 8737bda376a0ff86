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
 * The SuiteQL statements the sandbox answers on the vendor and job tables, in the grammar of
 * {@link SuiteQl} that the employee queries use too:
 * <pre>
 * SELECT col [, col]* FROM vendor|job|transaction [WHERE id IN (n [, n]*) | WHERE id &gt; n] [ORDER BY id [ASC]]
 * SELECT col [, col]* FROM transaction WHERE type = 'VendBill' [AND (id IN (...) | id &gt; n | externalid IN ('x', ...))]
 *        [ORDER BY id [ASC]]
 * SELECT col [, col]* FROM transactionline [WHERE transaction IN (...) | WHERE transaction &gt; n]
 *        [ORDER BY transaction [ASC] [, id [ASC]]]
 * </pre>
 * Columns: vendor {@code id, entityid, companyname, email, phone, isinactive, externalid}; job
 * {@code id, entityid, companyname, isinactive, externalid, parent}; transaction (the vendor bills, the only
 * transactions the sandbox holds, so every row has type {@code VendBill}) and transactionline (per bill a main
 * line 0 crediting accounts payable with minus the total, then one line per item and expense line) as
 * {@link #COLUMNS} lists. Keywords in any case. Values are strings, as for the other tables: amounts with
 * two decimals, dates as the account's default date format shows them ({@code M/D/YYYY}).
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
        Set<String> externalIdIn) {

    /** SuiteQL column to record body field, per table; the order is the one error messages list. */
    static final Map<String, Map<String, String>> COLUMNS = Map.of(
            "vendor", orderedColumns("id", "id", "entityid", "entityId", "companyname", "companyName", "email", "email",
                    "phone", "phone", "isinactive", "isInactive", "externalid", "externalId"),
            "job", orderedColumns("id", "id", "entityid", "entityId", "companyname", "companyName", "isinactive",
                    "isInactive", "externalid", "externalId", "parent", "parent"),
            "transaction", orderedColumns("id", "id", "type", "type", "tranid", "tranId", "entity", "entity",
                    "trandate", "tranDate", "duedate", "dueDate", "externalid", "externalId", "foreigntotal", "total",
                    "total", "total", "memo", "memo", "approvalstatus", "approvalStatus", "lastmodifieddate",
                    "lastModifiedDate"),
            "transactionline", orderedColumns("transaction", "transaction", "id", "line", "linesequencenumber",
                    "line", "mainline", "mainline", "item", "item", "entity", "entity", "amount", "amount",
                    "foreignamount", "amount", "account", "account", "memo", "memo"));

    /** The record type whose records a table's rows come from. */
    static final Map<String, String> SOURCE = Map.of("vendor", "vendor", "job", "job", "transaction", "vendorBill",
            "transactionline", "vendorBill");

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
            return table.equals("transactionline") ? "transaction" : "id";
        }

        @Override
        public String typeColumn(String table) {
            return table.equals("transaction") ? "type" : null;
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
                statement.type(), statement.externalIdIn());
    }

    /** Whether a record passes the type and external id conditions (the id conditions select before). */
    boolean selects(NetSuiteRecord record) {
        return (type == null || type.equals("VendBill"))
                && (externalIdIn == null || externalIdIn.contains(record.externalId()));
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

    /** The row of one vendor bill in {@code transaction}. */
    JsonObject transactionRow(NetSuiteRecord bill) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", String.valueOf(bill.id()));
        values.put("type", "VendBill");
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
        List<JsonObject> rows = new java.util.ArrayList<>();
        Map<String, String> main = new LinkedHashMap<>();
        main.put("transaction", String.valueOf(bill.id()));
        main.put("line", "0");
        main.put("mainline", "T");
        main.put("entity", bill.text("entity"));
        Object total = bill.fields().getValue("total");
        main.put("amount", total instanceof Number n ? money(RecordApi.decimal(n).negate()) : null);
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
            values.put("account", item != null ? itemAccount.apply(item) : refId(line.getValue("account")));
            values.put("memo", line.getString(item != null ? "description" : "memo"));
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
