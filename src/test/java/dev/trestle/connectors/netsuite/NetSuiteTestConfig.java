package dev.trestle.connectors.netsuite;

import dev.trestle.connectors.CircuitBreakerConfig;
import dev.trestle.connectors.RetryConfig;
import java.time.Duration;

/** The test configuration with a different SuiteQL page size and row cap, for beans built by a test. */
record NetSuiteTestConfig(NetSuiteConfig real, int pages, int rowCap) implements NetSuiteConfig {

    @Override
    public String baseUrl() {
        return real.baseUrl();
    }

    @Override
    public String accountId() {
        return real.accountId();
    }

    @Override
    public String consumerKey() {
        return real.consumerKey();
    }

    @Override
    public String consumerSecret() {
        return real.consumerSecret();
    }

    @Override
    public String tokenId() {
        return real.tokenId();
    }

    @Override
    public String tokenSecret() {
        return real.tokenSecret();
    }

    @Override
    public int maxConcurrency() {
        return real.maxConcurrency();
    }

    @Override
    public String subsidiaryId() {
        return real.subsidiaryId();
    }

    @Override
    public Duration connectTimeout() {
        return real.connectTimeout();
    }

    @Override
    public Duration readTimeout() {
        return real.readTimeout();
    }

    @Override
    public int pageSize() {
        return pages;
    }

    @Override
    public int maxRowsPerQuery() {
        return rowCap;
    }

    @Override
    public RetryConfig retry() {
        return real.retry();
    }

    @Override
    public CircuitBreakerConfig circuitBreaker() {
        return real.circuitBreaker();
    }

    @Override
    public String toString() {
        return "NetSuiteTestConfig[pageSize=" + pages + ", maxRowsPerQuery=" + rowCap + "]";
    }
}
