package dev.trestle.connectors.precoro;

import dev.trestle.connectors.BudgetConfig;
import dev.trestle.connectors.CircuitBreakerConfig;
import dev.trestle.connectors.RetryConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the hub reaches Precoro ({@code trestle.precoro.*}). */
@ConfigMapping(prefix = "trestle.precoro")
public interface PrecoroConfig {

    /** {@code https://api.precoro.com}, or {@code https://api.precoro.us} for accounts on the US server. */
    String baseUrl();

    /** The API key (sent as {@code X-AUTH-TOKEN}); it sees what its user sees, so use a user with full access. Never logged. */
    String apiToken();

    /** The email of the user who owns the key (sent as {@code email}). */
    String email();

    /** Requests in flight at once. Precoro allows one per key; more only draws 429s. */
    @WithDefault("1")
    int maxConcurrency();

    /**
     * Client-side pacing: at most this many request starts per second (Precoro: about 1/s,
     * 1500/hour, 3000/day). Zero or less turns pacing off. Precoro counts the requests of each
     * second as they arrive, so besides the spacing each start takes a wall-clock second of its own,
     * early in it (the governor's calendar seconds): a request delayed on its way, or clocks a little
     * apart, still arrives alone in its second.
     */
    @WithDefault("1")
    double requestsPerSecond();

    /** TCP connect timeout. */
    @WithDefault("10s")
    Duration connectTimeout();

    /** How long to wait for an answer. */
    @WithDefault("30s")
    Duration readTimeout();

    /**
     * Precoro refuses an identical GET repeated within this window (its "route based limiter by
     * minute"); the hub never sends one: it waits, asks a wider question or answers from what it read.
     */
    @WithDefault("1m")
    Duration duplicateWindow();

    /** Records per page of a list (users, purchase orders, suppliers); Precoro accepts only 10, 20, 50, 100 or 200. */
    @WithDefault("200")
    int pageSize();

    /**
     * Retries of transient failures. Precoro refuses an identical GET within a minute and says
     * until when in {@code RateLimit-Retry-After}; keep {@code max-delay} above a minute so such a
     * wait can be honoured.
     */
    RetryConfig retry();

    /**
     * The tenant's request budget at Precoro ({@code budget.per-hour}, {@code per-day}, {@code reserve},
     * {@code replicas}, {@code max-wait}): spent by every caller of every replica, paced so that
     * the hub meets no 429, with a reserve for exports and syncs.
     */
    BudgetConfig budget();

    /** The Precoro circuit breaker. */
    CircuitBreakerConfig circuitBreaker();
}
