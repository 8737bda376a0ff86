package dev.trestle.sandbox.netsuite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The record API's {@code q} filter for the generic record types: {@code field OPERATOR value}
 * conditions joined with AND/OR (AND binds tighter), without parentheses. Operators: {@code IS},
 * {@code IS_NOT}, {@code CONTAIN}, {@code START_WITH}, {@code END_WITH}, {@code EMPTY},
 * {@code EMPTY_NOT}, {@code EQUAL}, {@code ANY_OF}; strings compare ignoring case, as NetSuite's
 * N/query does. Fields: {@code id}, {@code externalId} and the type's body fields (a reference
 * field compares its id).
 */
final class RecordCondition {

    private static final Set<String> NO_VALUE = Set.of("EMPTY", "EMPTY_NOT");
    private static final Set<String> OPERATORS = Set.of("IS", "IS_NOT", "CONTAIN", "START_WITH", "END_WITH", "EMPTY",
            "EMPTY_NOT", "EQUAL", "ANY_OF");

    private RecordCondition() {
    }

    static Predicate<NetSuiteRecord> parse(String q, RecordType type) {
        if (q == null || q.isBlank()) {
            return r -> true;
        }
        List<String> tokens = tokenize(q);
        Predicate<NetSuiteRecord> any = null;
        Predicate<NetSuiteRecord> all = null;
        int i = 0;
        while (true) {
            if (i + 1 >= tokens.size()) {
                throw invalid("expected a condition 'field OPERATOR value'");
            }
            String field = tokens.get(i++);
            if (!field.equals("id") && !field.equals("externalId") && !type.fields().containsKey(field)) {
                throw invalid("Unknown field '" + field + "' on record type '" + type.name() + "'");
            }
            String operator = tokens.get(i++).toUpperCase(Locale.ROOT);
            if (!OPERATORS.contains(operator)) {
                throw invalid("Unsupported operator '" + operator + "'");
            }
            List<String> values = new ArrayList<>();
            if (!NO_VALUE.contains(operator)) {
                if (i >= tokens.size()) {
                    throw invalid("expected a value after " + operator);
                }
                if (tokens.get(i).equals("[")) {
                    i++;
                    while (i < tokens.size() && !tokens.get(i).equals("]")) {
                        if (!tokens.get(i).equals(",")) {
                            values.add(tokens.get(i));
                        }
                        i++;
                    }
                    i++;
                } else {
                    values.add(tokens.get(i++));
                }
            }
            Predicate<NetSuiteRecord> condition = condition(field, operator, values);
            all = all == null ? condition : all.and(condition);
            if (i >= tokens.size()) {
                break;
            }
            String joiner = tokens.get(i++).toUpperCase(Locale.ROOT);
            if (joiner.equals("OR")) {
                any = any == null ? all : any.or(all);
                all = null;
            } else if (!joiner.equals("AND")) {
                throw invalid("expected AND or OR but found '" + joiner + "'");
            }
        }
        return any == null ? all : any.or(all);
    }

    private static Predicate<NetSuiteRecord> condition(String field, String operator, List<String> values) {
        String value = values.isEmpty() ? null : values.get(0).toLowerCase(Locale.ROOT);
        return r -> {
            String actual = switch (field) {
                case "id" -> String.valueOf(r.id());
                case "externalId" -> r.externalId();
                default -> r.text(field);
            };
            String a = actual == null ? "" : actual.toLowerCase(Locale.ROOT);
            return switch (operator) {
                case "IS", "EQUAL" -> a.equals(value);
                case "IS_NOT" -> !a.equals(value);
                case "CONTAIN" -> a.contains(value);
                case "START_WITH" -> a.startsWith(value);
                case "END_WITH" -> a.endsWith(value);
                case "EMPTY" -> a.isEmpty();
                case "EMPTY_NOT" -> !a.isEmpty();
                case "ANY_OF" -> values.stream().anyMatch(v -> v.equalsIgnoreCase(a));
                default -> false;
            };
        };
    }

    private static List<String> tokenize(String q) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = q.indexOf('"', i + 1);
                if (end < 0) {
                    throw invalid("unterminated string starting at position " + i);
                }
                tokens.add(q.substring(i + 1, end));
                i = end + 1;
            } else if (c == '[' || c == ']' || c == ',') {
                tokens.add(String.valueOf(c));
                i++;
            } else {
                int j = i;
                while (j < q.length() && !Character.isWhitespace(q.charAt(j)) && "[],\"".indexOf(q.charAt(j)) < 0) {
                    j++;
                }
                tokens.add(q.substring(i, j));
                i = j;
            }
        }
        return tokens;
    }

    private static InvalidQueryException invalid(String problem) {
        return new InvalidQueryException("Invalid search query: " + problem + ".");
    }
}
