package dev.trestle.sandbox.netsuite;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The SuiteQL statements the sandbox answers, parsed honestly rather than pattern-matched:
 * <pre>
 * SELECT col [, col]* FROM employee [WHERE id IN (n [, n]*) | WHERE id &gt; n] [ORDER BY id [ASC]]
 * </pre>
 * with columns from {@link #COLUMNS}, keywords in any case. Anything else is refused with the
 * problem named, as NetSuite refuses what it cannot run.
 *
 * @param columns  selected columns, lowercase, in the order given
 * @param idIn     ids of {@code WHERE id IN (...)}, or {@code null}
 * @param idAbove  bound of {@code WHERE id > n}, or {@code null}
 */
record SuiteQlQuery(List<String> columns, Set<Long> idIn, Long idAbove) {

    static final Set<String> COLUMNS = Set.of("id", "entityid", "firstname", "lastname", "email", "isinactive");

    static SuiteQlQuery parse(String q) {
        if (q == null || q.isBlank()) {
            throw invalid("the query is empty");
        }
        Parser p = new Parser(tokenize(q));
        p.expect("SELECT");
        List<String> columns = new ArrayList<>();
        do {
            String column = p.next("a column name").toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(column)) {
                throw invalid("Field '" + column + "' for record 'employee' was not found in the sandbox (it knows "
                        + String.join(", ", List.of("id", "entityid", "firstname", "lastname", "email", "isinactive"))
                        + ")");
            }
            columns.add(column);
        } while (p.accept(","));
        p.expect("FROM");
        String table = p.next("a table name");
        if (!table.equalsIgnoreCase("employee")) {
            throw invalid("the sandbox has no table '" + table + "'; only employee can be queried");
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
        return new SuiteQlQuery(List.copyOf(columns), idIn, idAbove);
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
