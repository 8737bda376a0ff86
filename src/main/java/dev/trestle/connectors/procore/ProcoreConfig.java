package dev.trestle.connectors.procore;

import dev.trestle.connectors.BudgetConfig;
import dev.trestle.connectors.CircuitBreakerConfig;
import dev.trestle.connectors.RetryConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the hub reaches Procore ({@code trestle.procore.*}). */
@ConfigMapping(prefix = "trestle.procore")
public interface ProcoreConfig {

    /**
     * The REST API host: {@code https://api.procore.com} in production,
     * {@code https://sandbox.procore.com} for Procore's developer sandbox.
     */
    String baseUrl();

    /**
     * The OAuth host: {@code https://login.procore.com}, or {@code https://login-sandbox.procore.com}.
     * Tokens of one environment are worthless in the other, so both hosts are configured together.
     */
    String loginUrl();

    /** Client id of the Developer Managed Service Account (client credentials grant). */
    String clientId();

    /** Client secret of that service account. Never logged. */
    String clientSecret();

    /**
     * The Procore company the hub works in, sent as {@code Procore-Company-Id} on every call.
     * Ids in newer regions exceed 32 bits, hence a long.
     */
    long companyId();

    /**
     * Requests in flight at once. Procore limits by request count (a spike window of seconds and an
     * hourly window), not by concurrency; a few parallel requests keep paging fast without
     * burning the spike window in one burst.
     */
    @WithDefault("4")
    int maxConcurrency();

    /** TCP connect timeout, for the API and the OAuth host. */
    @WithDefault("10s")
    Duration connectTimeout();

    /** How long to wait for an answer. */
    @WithDefault("30s")
    Duration readTimeout();

    /** Items per page of a list ({@code per_page}); Procore recommends at most 2000. */
    @WithDefault("500")
    int pageSize();

    /**
     * How long before its announced expiry an access token is replaced. Procore's tokens live
     * 5400 s; renewing a little early keeps requests from arriving with a token that expires in
     * flight. For very short lifetimes the margin shrinks to half the lifetime.
     */
    @WithDefault("5m")
    Duration tokenRenewBefore();

    /**
     * The company's currency (ISO 4217). Procore's v1 financial amounts (invoices, contract items)
     * carry no currency of their own: they are in the company's, which this names.
     */
    @WithDefault("USD")
    String currency();

    /**
     * Retries of transient failures. A 429 is retried when {@code X-Rate-Limit-Reset} is within
     * {@code max-delay}; Procore's spike window is seconds long, so the default minute covers it.
     */
    RetryConfig retry();

    /**
     * The tenant's request budget at Procore ({@code budget.per-hour}, {@code per-day}, {@code reserve},
     * {@code replicas}, {@code max-wait}): spent by every caller of every replica, paced so that
     * the hub meets no 429, with a reserve for exports and syncs.
     */
    BudgetConfig budget();

    /** The Procore circuit breaker. */
    CircuitBreakerConfig circuitBreaker();
}
