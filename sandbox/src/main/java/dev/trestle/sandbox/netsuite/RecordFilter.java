package dev.trestle.sandbox.netsuite;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The record API's {@code q} filter for employees: {@code field OPERATOR value} conditions joined
 * with AND/OR (AND binds tighter) and parentheses. String operators compare case-insensitively,
 * as NetSuite's N/query does; dates are read as UTC days, in {@code M/D/YYYY} (optionally with
 * {@code HH:mm}) or {@code YYYY-MM-DD}.
 */
final class RecordFilter {

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter US_DATE_TIME = DateTimeFormatter.ofPattern("M/d/uuuu H:mm")
            .withResolverStyle(ResolverStyle.STRICT);

    private final List<String> tokens;
    private int pos;

    private RecordFilter(List<String> tokens) {
        this.tokens = tokens;
    }

    static Predicate<SandboxEmployee> parse(String q) {
        if (q == null || q.isBlank()) {
            return e -> true;
        }
        RecordFilter parser = new RecordFilter(tokenize(q));
        Predicate<SandboxEmployee> result = parser.or();
        if (parser.pos < parser.tokens.size()) {
            throw invalid("unexpected '" + parser.tokens.get(parser.pos) + "'");
        }
        return result;
    }

    private Predicate<SandboxEmployee> or() {
        Predicate<SandboxEmployee> left = and();
        while (peekKeyword("OR")) {
            pos++;
            left = left.or(and());
        }
        return left;
    }

    private Predicate<SandboxEmployee> and() {
        Predicate<SandboxEmployee> left = condition();
        while (peekKeyword("AND")) {
            pos++;
            left = left.and(condition());
        }
        return left;
    }

    private Predicate<SandboxEmployee> condition() {
        String token = next("a condition");
        if (token.equals("(")) {
            Predicate<SandboxEmployee> inner = or();
            if (!")".equals(next("')'"))) {
                throw invalid("missing ')'");
            }
            return inner;
        }
        String field = token;
        String operator = next("an operator after " + field).toUpperCase(Locale.ROOT);
        return switch (field.toLowerCase(Locale.ROOT)) {
            case "email" -> stringCondition(field, operator, SandboxEmployee::email);
            case "firstname" -> stringCondition(field, operator, SandboxEmployee::firstName);
            case "lastname" -> stringCondition(field, operator, SandboxEmployee::lastName);
            case "entityid" -> stringCondition(field, operator, SandboxEmployee::entityId);
            case "externalid" -> stringCondition(field, operator, SandboxEmployee::externalId);
            case "isinactive" -> booleanCondition(operator);
            case "lastmodifieddate" -> dateCondition(operator);
            default -> throw invalid("the field '" + field + "' is not filterable on employee");
        };
    }

    private Predicate<SandboxEmployee> stringCondition(String field, String operator,
            Function<SandboxEmployee, String> getter) {
        if (operator.equals("EMPTY") || operator.equals("EMPTY_NOT")) {
            Predicate<SandboxEmployee> empty = e -> getter.apply(e) == null || getter.apply(e).isEmpty();
            return operator.equals("EMPTY") ? empty : empty.negate();
        }
        String expected = quoted(field).toLowerCase(Locale.ROOT);
        boolean negated = operator.endsWith("_NOT");
        String base = negated ? operator.substring(0, operator.length() - 4) : operator;
        Predicate<String> test = switch (base) {
            case "IS" -> v -> v.equals(expected);
            case "START_WITH" -> v -> v.startsWith(expected);
            case "END_WITH" -> v -> v.endsWith(expected);
            case "CONTAIN" -> v -> v.contains(expected);
            default -> throw invalid("the operator " + operator + " does not apply to " + field);
        };
        Predicate<SandboxEmployee> matches = e -> {
            String value = getter.apply(e);
            return value != null && test.test(value.toLowerCase(Locale.ROOT));
        };
        return negated ? matches.negate() : matches;
    }

    private Predicate<SandboxEmployee> booleanCondition(String operator) {
        if (!operator.equals("IS") && !operator.equals("IS_NOT")) {
            throw invalid("the operator " + operator + " does not apply to isInactive");
        }
        String literal = next("true or false").toLowerCase(Locale.ROOT).replace("\"", "");
        if (!literal.equals("true") && !literal.equals("false")) {
            throw invalid("isInactive takes true or false, not " + literal);
        }
        boolean expected = Boolean.parseBoolean(literal) == operator.equals("IS");
        return e -> e.inactive() == expected;
    }

    private Predicate<SandboxEmployee> dateCondition(String operator) {
        String literal = quoted("lastModifiedDate");
        Instant[] range = dateRange(literal);
        Instant start = range[0];
        Instant end = range[1];
        boolean negated = operator.endsWith("_NOT");
        String base = negated ? operator.substring(0, operator.length() - 4) : operator;
        Predicate<Instant> test = switch (base) {
            case "ON" -> t -> !t.isBefore(start) && t.isBefore(end);
            case "ON_OR_AFTER" -> t -> !t.isBefore(start);
            case "AFTER" -> t -> !t.isBefore(end);
            case "BEFORE" -> t -> t.isBefore(start);
            case "ON_OR_BEFORE" -> t -> t.isBefore(end);
            default -> throw invalid("the operator " + operator + " does not apply to lastModifiedDate");
        };
        Predicate<SandboxEmployee> matches = e -> e.lastModified() != null && test.test(e.lastModified());
        return negated ? matches.negate() : matches;
    }

    /** The instant a date literal starts and the instant the next one starts (a day, or a minute with a time). */
    private static Instant[] dateRange(String literal) {
        try {
            if (literal.contains(":")) {
                Instant start = LocalDateTime.parse(literal, US_DATE_TIME).toInstant(ZoneOffset.UTC);
                return new Instant[] {start, start.plusSeconds(60)};
            }
            LocalDate day = literal.contains("-") ? LocalDate.parse(literal) : LocalDate.parse(literal, US_DATE);
            return new Instant[] {day.atStartOfDay().toInstant(ZoneOffset.UTC),
                    day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)};
        } catch (DateTimeParseException e) {
            // The wording NetSuite uses, which clients probe for to switch date formats.
            throw invalid("Unparseable date: \"" + literal + "\"");
        }
    }

    private String quoted(String field) {
        String token = next("a value for " + field);
        if (token.length() < 2 || !token.startsWith("\"") || !token.endsWith("\"")) {
            throw invalid("the value for " + field + " must be in double quotes, got " + token);
        }
        return token.substring(1, token.length() - 1).replace("\\\"", "\"");
    }

    private boolean peekKeyword(String keyword) {
        return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(keyword);
    }

    private String next(String expected) {
        if (pos >= tokens.size()) {
            throw invalid("expected " + expected + " at the end of the query");
        }
        return tokens.get(pos++);
    }

    private static List<String> tokenize(String q) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '"') {
                int j = i + 1;
                while (j < q.length() && (q.charAt(j) != '"' || q.charAt(j - 1) == '\\')) {
                    j++;
                }
                if (j >= q.length()) {
                    throw invalid("unterminated string starting at position " + i);
                }
                tokens.add(q.substring(i, j + 1));
                i = j + 1;
            } else {
                int j = i;
                while (j < q.length() && !Character.isWhitespace(q.charAt(j)) && q.charAt(j) != '('
                        && q.charAt(j) != ')' && q.charAt(j) != '"') {
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
