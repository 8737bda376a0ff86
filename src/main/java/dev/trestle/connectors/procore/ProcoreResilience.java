package dev.trestle.connectors.procore;

import dev.trestle.connectors.ConcurrencyGovernor;
import dev.trestle.connectors.RequestBudget;
import dev.trestle.connectors.Upstream;
import dev.trestle.connectors.UpstreamCaller;
import dev.trestle.connectors.UpstreamSystem;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The process-wide Procore governor and caller. Procore's rate limits are per service account
 * and company, so every Procore request of the hub (the token requests included) must share
 * these instances.
 */
@ApplicationScoped
class ProcoreResilience {

    @Produces
    @Singleton
    @Upstream(UpstreamSystem.PROCORE)
    ConcurrencyGovernor governor(ProcoreConfig config) {
        return new ConcurrencyGovernor(UpstreamSystem.PROCORE.tag(), config.maxConcurrency());
    }

    @Produces
    @Singleton
    @Upstream(UpstreamSystem.PROCORE)
    UpstreamCaller caller(@Upstream(UpstreamSystem.PROCORE) ConcurrencyGovernor governor, ProcoreConfig config,
            MeterRegistry registry) {
        return new UpstreamCaller(UpstreamSystem.PROCORE, governor, config.retry(), config.circuitBreaker(),
                registry, RequestBudget.of(config.budget(), Clock.systemUTC()), config.budget().maxWait());
    }
}
