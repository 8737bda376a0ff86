package dev.trestle.connectors;

import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A call to NetSuite, Precoro or Procore failed. Carries what the upstream said (HTTP status,
 * its own error code and detail, how long it asked us to wait) so that callers and dashboards
 * can tell a credential problem from an outage without reading logs.
 *
 * <p>The message is written for people and never contains credentials or request signatures.
 */
public class UpstreamException extends TrestleException {

    /** What went wrong, which decides the {@link ErrorCode}, the metric outcome and whether a retry can help. */
    public enum Kind {
        /** 401 or 403: the credentials or the role behind them are wrong. */
        AUTH(ErrorCode.UPSTREAM_AUTH_FAILED, "auth_failed", false),
        /** 429: too many requests. */
        THROTTLED(ErrorCode.UPSTREAM_RATE_LIMITED, "throttled", true),
        /** 5xx. */
        SERVER_ERROR(ErrorCode.UPSTREAM_ERROR, "server_error", true),
        /** Any other 4xx: the request itself is wrong, so repeating it cannot help. */
        CLIENT_ERROR(ErrorCode.UPSTREAM_ERROR, "client_error", false),
        /** No answer within the read or connect timeout. */
        TIMEOUT(ErrorCode.UPSTREAM_TIMEOUT, "timeout", true),
        /** The connection was refused, reset or closed before a complete answer. */
        CONNECTION(ErrorCode.UPSTREAM_ERROR, "connection_error", true),
        /** A 2xx answer whose body is not what the API documents. */
        MALFORMED(ErrorCode.UPSTREAM_MALFORMED_RESPONSE, "malformed", true),
        /** The circuit breaker is open: no request was sent. */
        CIRCUIT_OPEN(ErrorCode.UPSTREAM_UNAVAILABLE, "circuit_open", false),
        /** The hub's request budget at the system is spent (or kept for its own work): no request was sent. */
        BUDGET_SPENT(ErrorCode.UPSTREAM_RATE_LIMITED, "budget_spent", false);

        private final ErrorCode errorCode;
        private final String outcome;
        private final boolean transientFailure;

        Kind(ErrorCode errorCode, String outcome, boolean transientFailure) {
            this.errorCode = errorCode;
            this.outcome = outcome;
            this.transientFailure = transientFailure;
        }

        public ErrorCode errorCode() {
            return errorCode;
        }

        /** The {@code outcome} tag of the {@code trestle.upstream.requests} timer. */
        public String outcome() {
            return outcome;
        }

        /** Whether another attempt may succeed; only these kinds are retried and count against the breaker. */
        public boolean isTransient() {
            return transientFailure;
        }
    }

    private static final int MAX_DETAIL_LENGTH = 500;

    private final UpstreamSystem system;
    private final Kind kind;
    private final Integer httpStatus;
    private final String upstreamCode;
    private final String upstreamDetail;
    private final Duration retryAfter;

    public UpstreamException(UpstreamSystem system, Kind kind, Integer httpStatus, String upstreamCode,
            String upstreamDetail, Duration retryAfter, String message, Throwable cause) {
        super(kind.errorCode(), message, extensions(system, httpStatus, upstreamCode, truncate(upstreamDetail)), cause);
        this.system = system;
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.upstreamCode = upstreamCode;
        this.upstreamDetail = truncate(upstreamDetail);
        this.retryAfter = retryAfter;
    }

    /** An HTTP answer outside 2xx, classified by its status. */
    public static UpstreamException forStatus(UpstreamSystem system, int status, String upstreamCode,
            String upstreamDetail, Duration retryAfter) {
        Kind kind;
        if (status == 401 || status == 403) {
            kind = Kind.AUTH;
        } else if (status == 429) {
            kind = Kind.THROTTLED;
        } else if (status == 408 || status == 504) {
            kind = Kind.TIMEOUT;
        } else if (status >= 500) {
            kind = Kind.SERVER_ERROR;
        } else {
            kind = Kind.CLIENT_ERROR;
        }
        String name = system.displayName();
        String codeSuffix = upstreamCode == null ? "" : ", " + upstreamCode;
        String message = switch (kind) {
            case AUTH -> name + " rejected the hub's credentials (HTTP " + status + codeSuffix
                    + "). Check the " + name + " connection settings and the role behind them.";
            case THROTTLED -> name + " is refusing requests because of its rate limits (HTTP 429" + codeSuffix
                    + "). Try again later.";
            case TIMEOUT -> name + " did not answer in time (HTTP " + status + codeSuffix + ").";
            case SERVER_ERROR -> name + " failed with a server error (HTTP " + status + codeSuffix + ").";
            default -> name + " refused the request (HTTP " + status + codeSuffix + ")"
                    + (upstreamDetail == null ? "." : ": " + truncate(upstreamDetail));
        };
        return new UpstreamException(system, kind, status, upstreamCode, upstreamDetail, retryAfter, message, null);
    }

    /** No usable HTTP answer: a timeout, or a connection that failed or was dropped. */
    public static UpstreamException transport(UpstreamSystem system, boolean timeout, Throwable cause) {
        String name = system.displayName();
        return timeout
                ? new UpstreamException(system, Kind.TIMEOUT, null, null, null, null,
                        name + " did not answer in time.", cause)
                : new UpstreamException(system, Kind.CONNECTION, null, null, null, null,
                        "The connection to " + name + " failed before a complete answer arrived.", cause);
    }

    /** A successful status with a body the hub cannot read. {@code what} says what was wrong, never the body. */
    public static UpstreamException malformed(UpstreamSystem system, int status, String what, Throwable cause) {
        return new UpstreamException(system, Kind.MALFORMED, status, null, what, null,
                system.displayName() + " sent an answer the hub cannot read: " + what + ".", cause);
    }

    public static UpstreamException circuitOpen(UpstreamSystem system, Throwable cause) {
        return new UpstreamException(system, Kind.CIRCUIT_OPEN, null, null, null, null,
                "Calls to " + system.displayName()
                        + " are paused for a short while after repeated failures. Try again later.",
                cause);
    }

    /**
     * The hub's own request budget at the system has no room before {@code back}: no request was
     * sent. {@code forPeople}: what is left is kept for the hub's own work (exports, syncs).
     */
    public static UpstreamException budgetSpent(UpstreamSystem system, Duration back, boolean forPeople) {
        String name = system.displayName();
        long seconds = Math.max(1, (back.toMillis() + 999) / 1000);
        return new UpstreamException(system, Kind.BUDGET_SPENT, null, null, null, back, forPeople
                ? "The hub's " + name + " request budget left for this window is kept for exports and syncs; "
                        + "reads for people are back in " + seconds + " s."
                : "The hub's " + name + " request budget is spent until its window ends in " + seconds + " s.", null);
    }

    /**
     * The service refuses to be asked the same question again before {@code back} (Precoro: an
     * identical GET within a minute), and a person is waiting: no request was sent.
     */
    public static UpstreamException repeatRefused(UpstreamSystem system, Duration back) {
        long seconds = Math.max(1, (back.toMillis() + 999) / 1000);
        return new UpstreamException(system, Kind.BUDGET_SPENT, null, null, null, back, system.displayName()
                + " refuses the same request twice within its duplicate window; it can be asked again in "
                + seconds + " s.", null);
    }

    public UpstreamSystem system() {
        return system;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status of the upstream's answer; empty when there was none (timeout, dropped connection, open circuit). */
    public OptionalInt httpStatus() {
        return httpStatus == null ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** The upstream's own error code, e.g. NetSuite's {@code INVALID_LOGIN}. */
    public Optional<String> upstreamCode() {
        return Optional.ofNullable(upstreamCode);
    }

    /** The upstream's own explanation, shortened. */
    public Optional<String> upstreamDetail() {
        return Optional.ofNullable(upstreamDetail);
    }

    /** How long the upstream asked us to wait ({@code Retry-After} or Precoro's {@code RateLimit-Retry-After}). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    private static Map<String, Object> extensions(UpstreamSystem system, Integer status, String code, String detail) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("upstream", system.name());
        if (status != null) {
            extensions.put("upstreamStatus", status);
        }
        if (code != null) {
            extensions.put("upstreamCode", code);
        }
        if (detail != null) {
            extensions.put("upstreamDetail", detail);
        }
        return extensions;
    }

    private static String truncate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.length() <= MAX_DETAIL_LENGTH ? trimmed : trimmed.substring(0, MAX_DETAIL_LENGTH) + "…";
    }
}
