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
 * SELECT col [, col]* FROM vendor|job [WHERE id IN (n [, n]*) | WHERE id &gt; n] [ORDER BY id [ASC]]
 * </pre>
 * Columns: vendor {@code id, entityid, companyname, email, phone, isinactive, externalid}; job
 * {@code id, entityid, companyname, isinactive, externalid, parent}. Keywords in any case.
 *
 * @param table   {@code vendor} or {@code job}
 * @param columns selected columns, lowercase, in the order given
 * @param idIn    ids of {@code WHERE id IN (...)}, or {@code null}
 * @param idAbove bound of {@code WHERE id > n}, or {@code null}
 */
record RecordSuiteQl(String table, List<String> columns, Set<Long> idIn, Long idAbove) {

    /** SuiteQL column to record body field, per table; the order is the one error messages list. */
    static final Map<String, Map<String, String>> COLUMNS = Map.of(
            "vendor", orderedColumns("id", "id", "entityid", "entityId", "companyname", "companyName", "email", "email",
                    "phone", "phone", "isinactive", "isInactive", "externalid", "externalId"),
            "job", orderedColumns("id", "id", "entityid", "entityId", "companyname", "companyName", "isinactive",
                    "isInactive", "externalid", "externalId", "parent", "parent"));

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
    private static final SuiteQl.Schema RECORDS = (name, columns) -> {
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
    };

    static RecordSuiteQl parse(String q) {
        SuiteQl.Statement statement = SuiteQl.parse(q, RECORDS);
        return new RecordSuiteQl(statement.table(), statement.columns(), statement.idIn(), statement.idAbove());
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

    private static Map<String, String> orderedColumns(String... pairs) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            columns.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(columns);
    }
}
