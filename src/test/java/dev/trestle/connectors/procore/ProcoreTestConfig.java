package dev.trestle.connectors.procore;

import dev.trestle.connectors.CircuitBreakerConfig;
import dev.trestle.connectors.RetryConfig;
import java.time.Duration;

/** The test configuration with single settings changed, for connectors built by a test. */
record ProcoreTestConfig(ProcoreConfig real, String secret, long company, int pages) implements ProcoreConfig {

    static ProcoreTestConfig of(ProcoreConfig real) {
        return new ProcoreTestConfig(real, real.clientSecret(), real.companyId(), real.pageSize());
    }

    ProcoreTestConfig withClientSecret(String value) {
        return new ProcoreTestConfig(real, value, company, pages);
    }

    ProcoreTestConfig withCompanyId(long value) {
        return new ProcoreTestConfig(real, secret, value, pages);
    }

    ProcoreTestConfig withPageSize(int value) {
        return new ProcoreTestConfig(real, secret, company, value);
    }

    @Override
    public String baseUrl() {
        return real.baseUrl();
    }

    @Override
    public String loginUrl() {
        return real.loginUrl();
    }

    @Override
    public String clientId() {
        return real.clientId();
    }

    @Override
    public String clientSecret() {
        return secret;
    }

    @Override
    public long companyId() {
        return company;
    }

    @Override
    public int maxConcurrency() {
        return real.maxConcurrency();
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
    public Duration tokenRenewBefore() {
        return real.tokenRenewBefore();
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
        return "ProcoreTestConfig[company=" + company + ", pageSize=" + pages + "]";
    }
}
