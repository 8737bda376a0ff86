package dev.trestle.sandbox.netsuite;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The SuiteQL statements the sandbox answers on the vendor and job tables, parsed in the same
 * honest way as the employee queries:
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
            List<String> tokens = tokenize(q);
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

    static RecordSuiteQl parse(String q) {
        Parser p = new Parser(tokenize(q));
        p.expect("SELECT");
        List<String> raw = new ArrayList<>();
        do {
            raw.add(p.next("a column name").toLowerCase(Locale.ROOT));
        } while (p.accept(","));
        p.expect("FROM");
        String table = p.next("a table name").toLowerCase(Locale.ROOT);
        Map<String, String> known = COLUMNS.get(table);
        if (known == null) {
            throw invalid("the sandbox has no table '" + table + "' here");
        }
        for (String column : raw) {
            if (!known.containsKey(column)) {
                throw invalid("Field '" + column + "' for record '" + table + "' was not found in the sandbox (it knows "
                        + String.join(", ", known.keySet()) + ")");
            }
        }
        Set<Long> idIn = null;
        Long idAbove = null;
        if (p.accept("WHERE")) {
            String column = p.next("a column");
            if (!column.equalsIgnoreCase("id")) {
                throw invalid("the sandbox filters only on id, not on '" + column + "'");
            }
            if (p.accept("IN")) {
                p.expect("(");
                idIn = new LinkedHashSet<>();
                do {
                    idIn.add(p.number());
                } while (p.accept(","));
                p.expect(")");
            } else if (p.accept(">")) {
                idAbove = p.number();
            } else {
                throw invalid("expected IN (...) or > after WHERE id");
            }
        }
        if (p.accept("ORDER")) {
            p.expect("BY");
            String column = p.next("a column");
            if (!column.equalsIgnoreCase("id")) {
                throw invalid("the sandbox orders only by id, not by '" + column + "'");
            }
            p.accept("ASC");
        }
        if (p.hasMore()) {
            throw invalid("unexpected '" + p.next("") + "'");
        }
        return new RecordSuiteQl(table, List.copyOf(raw), idIn, idAbove);
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

    private static List<String> tokenize(String q) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == ',' || c == '(' || c == ')' || c == '>') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                int j = i;
                while (j < q.length() && (Character.isLetterOrDigit(q.charAt(j)) || q.charAt(j) == '_')) {
                    j++;
                }
                tokens.add(q.substring(i, j));
                i = j;
            } else {
                throw invalid("unsupported character '" + c + "' at position " + i);
            }
        }
        return tokens;
    }

    private static InvalidQueryException invalid(String problem) {
        return new InvalidQueryException(
                "Invalid search query. Detailed unprocessed description follows. Search error occurred: " + problem + ".");
    }

    private static final class Parser {
        private final List<String> tokens;
        private int pos;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        boolean hasMore() {
            return pos < tokens.size();
        }

        String next(String expected) {
            if (!hasMore()) {
                throw invalid("expected " + expected + " at the end of the query");
            }
            return tokens.get(pos++);
        }

        boolean accept(String token) {
            if (hasMore() && tokens.get(pos).equalsIgnoreCase(token)) {
                pos++;
                return true;
            }
            return false;
        }

        void expect(String token) {
            String actual = next(token);
            if (!actual.equalsIgnoreCase(token)) {
                throw invalid("expected " + token + " but found '" + actual + "'");
            }
        }

        long number() {
            String token = next("a number");
            try {
                return Long.parseLong(token);
            } catch (NumberFormatException e) {
                throw invalid("expected a number but found '" + token + "'");
            }
        }
    }
}
