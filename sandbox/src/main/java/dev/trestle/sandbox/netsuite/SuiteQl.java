package dev.trestle.sandbox.netsuite;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one SuiteQL grammar the sandbox answers, for the employee table and the record tables alike:
 * <pre>
 * SELECT col [, col]* FROM table [WHERE cond [AND cond]*] [ORDER BY key [ASC] [, second [ASC]]]
 *   cond: key IN (n [, n]*) | key &gt; n
 *       | type = 'T'                                   (a table with a {@link Schema#typeColumn})
 *       | externalid IN ('x' [, 'x']*)                 (with a type condition, instead of a key condition)
 *       | lastmodifieddate &gt;= TO_TIMESTAMP('YYYY-MM-DD HH24:MI:SS value', 'YYYY-MM-DD HH24:MI:SS')
 *                                                      (a table with a {@link Schema#modifiedColumn})
 * </pre>
 * Each kind of condition at most once, one key condition at most; the key is {@code id} unless the schema names
 * other columns ({@link Schema#keyFilterColumns}). The timestamp is read as UTC (a real account reads it in its
 * own time zone) and must match the format exactly. An IN list takes at most
 * {@link #MAX_IN_VALUES} values, as NetSuite's Oracle database refuses longer ones (ORA-01795).
 * Keywords in any case. Which tables and columns exist is the caller's {@link Schema}, so each
 * query kind keeps its own refusals while the grammar and its error messages live in one place.
 */
final class SuiteQl {

    private SuiteQl() {
    }

    /**
     * A parsed statement.
     *
     * @param table   the table as {@link Schema#table} returned it
     * @param columns selected columns, lowercase, in the order given
     * @param idIn    ids of {@code WHERE id IN (...)}, or {@code null}
     * @param idAbove bound of {@code WHERE id > n}, or {@code null}
     * @param type    the value of {@code WHERE type = '...'}, or {@code null}
     * @param externalIdIn external ids of {@code externalid IN ('...')}, or {@code null}
     * @param modifiedSince bound of {@code lastmodifieddate >= TO_TIMESTAMP(...)}, or {@code null}
     */
    record Statement(String table, List<String> columns, Set<Long> idIn, Long idAbove, String type,
            Set<String> externalIdIn, Instant modifiedSince, String keyFilter) {

        Statement(String table, List<String> columns, Set<Long> idIn, Long idAbove, String type,
                Set<String> externalIdIn, Instant modifiedSince) {
            this(table, columns, idIn, idAbove, type, externalIdIn, modifiedSince, null);
        }
    }

    /** The one timestamp format the sandbox's TO_TIMESTAMP takes. */
    static final String TIMESTAMP_FORMAT = "YYYY-MM-DD HH24:MI:SS";
    private static final java.util.regex.Pattern TIMESTAMP = java.util.regex.Pattern
            .compile("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}");

    /** The most values one IN list may hold. */
    static final int MAX_IN_VALUES = 1000;

    /** The tables and columns one kind of query accepts; a method refuses by throwing {@link #invalid}. */
    interface Schema {

        /**
         * Checks one column, lowercase, as the SELECT list names it; a schema that knows its columns
         * without the table refuses here, before a later part of the query can be the one named.
         */
        default void column(String column) {
        }

        /** Checks the table after FROM, with all selected columns; returns the table to keep. */
        String table(String table, List<String> columns);

        /** The one column of the table WHERE and ORDER BY may name (besides a trailing {@code , id} in ORDER BY). */
        default String keyColumn(String table) {
            return "id";
        }

        /**
         * The column of the table that {@code WHERE type = '...'} names, which also allows
         * {@code externalid IN ('...')} after it; null when the table has no such column.
         */
        default String typeColumn(String table) {
            return null;
        }

        /**
         * The modification-time column {@code WHERE col >= TO_TIMESTAMP(...)} may name (an
         * incremental read), or null when the table takes no such filter.
         */
        default String modifiedColumn(String table) {
            return null;
        }

        /**
         * The columns {@code IN (...)} and {@code >} may filter on; the key column unless a table (a link table
         * read from either end) takes more.
         */
        default List<String> keyFilterColumns(String table) {
            return List.of(keyColumn(table));
        }

        /** The column a second ORDER BY term may name after the key column (when the key is not {@code id}). */
        default String secondOrderColumn(String table) {
            return "id";
        }
    }

    static Statement parse(String q, Schema schema) {
        Parser p = new Parser(tokenize(q));
        p.expect("SELECT");
        List<String> columns = new ArrayList<>();
        do {
            String column = p.next("a column name").toLowerCase(Locale.ROOT);
            schema.column(column);
            columns.add(column);
        } while (p.accept(","));
        p.expect("FROM");
        String table = schema.table(p.next("a table name"), columns);
        Set<Long> idIn = null;
        Long idAbove = null;
        String type = null;
        Set<String> externalIdIn = null;
        Instant modifiedSince = null;
        String keyFilter = null;
        if (p.accept("WHERE")) {
            // Conditions joined by AND, each kind at most once: the type, the modification time, then one
            // key condition (the ids, or with a type the external ids).
            String typeColumn = schema.typeColumn(table);
            String modifiedColumn = schema.modifiedColumn(table);
            List<String> keyColumns = schema.keyFilterColumns(table);
            boolean keyed = false;
            do {
                String column = p.next("a column");
                if (typeColumn != null && type == null && column.equalsIgnoreCase(typeColumn)) {
                    p.expect("=");
                    type = p.string();
                } else if (modifiedColumn != null && modifiedSince == null && column.equalsIgnoreCase(modifiedColumn)) {
                    p.expect(">");
                    p.expect("=");
                    p.expect("TO_TIMESTAMP");
                    p.expect("(");
                    String value = p.string();
                    p.expect(",");
                    String format = p.string();
                    p.expect(")");
                    if (!format.equalsIgnoreCase(TIMESTAMP_FORMAT)) {
                        throw invalid("the sandbox's TO_TIMESTAMP takes only the format '" + TIMESTAMP_FORMAT
                                + "', not '" + format + "'");
                    }
                    try {
                        if (!TIMESTAMP.matcher(value).matches()) {
                            throw new DateTimeParseException("format", value, 0);
                        }
                        modifiedSince = LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
                    } catch (DateTimeParseException e) {
                        throw invalid("'" + value + "' is not a timestamp in the format " + TIMESTAMP_FORMAT);
                    }
                } else if (!keyed && type != null && column.equalsIgnoreCase("externalid")) {
                    keyed = true;
                    p.expect("IN");
                    p.expect("(");
                    externalIdIn = new LinkedHashSet<>();
                    do {
                        externalIdIn.add(p.string());
                    } while (p.accept(","));
                    p.expect(")");
                    checkInList(externalIdIn.size());
                } else {
                    String keyColumn = keyColumns.stream().filter(column::equalsIgnoreCase).findFirst().orElse(null);
                    if (keyed || keyColumn == null) {
                        throw invalid("the sandbox filters only on " + String.join(", ", keyColumns)
                                + (typeColumn == null ? "" : ", " + typeColumn + " and externalid")
                                + (modifiedColumn == null ? "" : " and " + modifiedColumn) + ", not on '" + column
                                + "'");
                    }
                    keyed = true;
                    keyFilter = keyColumn;
                    if (p.accept("IN")) {
                        p.expect("(");
                        idIn = new LinkedHashSet<>();
                        do {
                            idIn.add(p.number());
                        } while (p.accept(","));
                        p.expect(")");
                        checkInList(idIn.size());
                    } else if (p.accept(">")) {
                        idAbove = p.number();
                    } else {
                        throw invalid("expected IN (...) or > after WHERE " + keyColumn);
                    }
                }
            } while (p.accept("AND"));
        }
        if (p.accept("ORDER")) {
            p.expect("BY");
            String column = p.next("a column");
            if (!column.equalsIgnoreCase(schema.keyColumn(table))) {
                throw invalid("the sandbox orders only by " + schema.keyColumn(table) + ", not by '" + column + "'");
            }
            p.accept("ASC");
            if (!schema.keyColumn(table).equals("id") && p.accept(",")) {
                p.expect(schema.secondOrderColumn(table));
                p.accept("ASC");
            }
        }
        if (p.hasMore()) {
            throw invalid("unexpected '" + p.next("") + "'");
        }
        return new Statement(table, List.copyOf(columns), idIn, idAbove, type, externalIdIn, modifiedSince,
                keyFilter == null ? schema.keyColumn(table) : keyFilter);
    }

    static List<String> tokenize(String q) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == ',' || c == '(' || c == ')' || c == '>' || c == '=') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '\'') {
                // A string literal, kept with its quotes so that it cannot pass for a keyword; '' is a quote.
                StringBuilder literal = new StringBuilder("'");
                int j = i + 1;
                while (true) {
                    if (j >= q.length()) {
                        throw invalid("unterminated string starting at position " + i);
                    }
                    if (q.charAt(j) == '\'') {
                        if (j + 1 < q.length() && q.charAt(j + 1) == '\'') {
                            literal.append('\'');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    literal.append(q.charAt(j++));
                }
                tokens.add(literal.append('\'').toString());
                i = j + 1;
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

    /** NetSuite's wording for a query it cannot run, with the problem named. */
    static InvalidQueryException invalid(String problem) {
        return new InvalidQueryException(
                "Invalid search query. Detailed unprocessed description follows. Search error occurred: " + problem + ".");
    }

    private static void checkInList(int size) {
        if (size > MAX_IN_VALUES) {
            throw invalid("ORA-01795: maximum number of expressions in a list is " + MAX_IN_VALUES);
        }
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

        String string() {
            String token = next("a string");
            if (token.length() < 2 || !token.startsWith("'")) {
                throw invalid("expected a string in single quotes but found '" + token + "'");
            }
            return token.substring(1, token.length() - 1);
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
