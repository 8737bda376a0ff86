package dev.trestle.connectors;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Reads how long an upstream asks us to wait: HTTP {@code Retry-After} (delay-seconds or an
 * HTTP-date, RFC 9110 10.2.3) and Precoro's {@code RateLimit-Retry-After}, a UTC wall-clock time
 * such as {@code 2025-12-16 09:00:49 UTC}. A moment in the past means "now".
 */
public final class RetryAfter {

    private static final DateTimeFormatter PRECORO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private RetryAfter() {
    }

    /** Parses any of the accepted forms; empty when the value is missing or unreadable. */
    public static Optional<Duration> parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return moment(text).map(at -> {
            Duration wait = Duration.between(clock.instant(), at);
            return wait.isNegative() ? Duration.ZERO : wait;
        });
    }

    private static Optional<Instant> moment(String text) {
        try {
            return Optional.of(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeException ignored) {
            // not an HTTP-date; try Precoro's form
        }
        String upper = text.toUpperCase(java.util.Locale.ROOT);
        if (upper.endsWith(" UTC")) {
            try {
                return Optional.of(LocalDateTime.parse(text.substring(0, text.length() - 4).strip(), PRECORO)
                        .toInstant(ZoneOffset.UTC));
            } catch (DateTimeException ignored) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
