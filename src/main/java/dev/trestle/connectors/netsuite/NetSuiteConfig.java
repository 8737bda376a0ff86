package dev.trestle.connectors.netsuite;

import dev.trestle.connectors.CircuitBreakerConfig;
import dev.trestle.connectors.RetryConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the hub reaches NetSuite ({@code trestle.netsuite.*}). */
@ConfigMapping(prefix = "trestle.netsuite")
public interface NetSuiteConfig {

    /**
     * The account's SuiteTalk REST domain, e.g. {@code https://1234567.suitetalk.api.netsuite.com}
     * (Setup > Company > Company Information > Company URLs). Oracle asks clients not to derive it
     * from the account id, so it is configured on its own.
     */
    String baseUrl();

    /** The account id as the OAuth realm, e.g. {@code 1234567} or {@code 1234567_SB1} for a sandbox. */
    String accountId();

    /** Consumer key of the integration record. */
    String consumerKey();

    /** Consumer secret of the integration record. Never logged. */
    String consumerSecret();

    /** Token id of the access token (user and role) the hub acts as. */
    String tokenId();

    /** Token secret of that access token. Never logged. */
    String tokenSecret();

    /**
     * The share of the account-wide concurrency limit this integration may use. NetSuite counts
     * every REST, SOAP and RESTlet request of the account against one pool, so all NetSuite calls
     * in this process share one governor with this many permits.
     */
    @WithDefault("5")
    int maxConcurrency();


    /** TCP connect timeout. */
    @WithDefault("10s")
    Duration connectTimeout();

    /** How long to wait for an answer; SuiteQL pages of 1000 rows can take several seconds. */
    @WithDefault("60s")
    Duration readTimeout();

    /** Rows per SuiteQL page, at most 1000 (NetSuite's maximum {@code limit}). */
    @WithDefault("1000")
    int pageSize();

    /**
     * The most rows one SuiteQL query returns through offset paging: 100,000 without
     * SuiteAnalytics Connect. Beyond it the connector starts a new query keyed on the last id
     * ({@code WHERE id > last}), so larger tables are still read to the end.
     */
    @WithDefault("100000")
    int maxRowsPerQuery();

    /**
     * The account's base currency (ISO 4217). Amounts read through SuiteQL carry no currency code
     * (the {@code currency} column is an internal id), so they are taken to be in this one.
     */
    @WithDefault("USD")
    String currency();

    /** Retries of transient failures. */
    RetryConfig retry();

    /** The NetSuite circuit breaker. */
    CircuitBreakerConfig circuitBreaker();
}
