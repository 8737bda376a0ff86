package dev.trestle.connectors.netsuite;

import dev.trestle.connectors.ConcurrencyGovernor;
import dev.trestle.connectors.Upstream;
import dev.trestle.connectors.UpstreamCaller;
import dev.trestle.connectors.UpstreamSystem;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The process-wide NetSuite governor and caller. NetSuite's concurrency limit is per account,
 * so every NetSuite client in the hub (SuiteQL here, record writes elsewhere) must inject these
 * same instances rather than build its own.
 */
@ApplicationScoped
class NetSuiteResilience {

    @Produces
    @Singleton
    @Upstream(UpstreamSystem.NETSUITE)
    ConcurrencyGovernor governor(NetSuiteConfig config) {
        return new ConcurrencyGovernor(UpstreamSystem.NETSUITE.tag(), config.maxConcurrency());
    }

    @Produces
    @Singleton
    @Upstream(UpstreamSystem.NETSUITE)
    UpstreamCaller caller(@Upstream(UpstreamSystem.NETSUITE) ConcurrencyGovernor governor, NetSuiteConfig config,
            MeterRegistry registry) {
        return new UpstreamCaller(UpstreamSystem.NETSUITE, governor, config.retry(), config.circuitBreaker(),
                registry);
    }
}
