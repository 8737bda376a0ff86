package dev.trestle.connectors.precoro;

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
import java.time.Duration;

/**
 * The process-wide Precoro governor and caller. Precoro's limits are per API key, so every
 * Precoro client in the hub must inject these same instances.
 */
@ApplicationScoped
class PrecoroResilience {

    @Produces
    @Singleton
    @Upstream(UpstreamSystem.PRECORO)
    ConcurrencyGovernor governor(PrecoroConfig config) {
        double rate = config.requestsPerSecond();
        Duration interval = rate > 0 ? Duration.ofNanos(Math.round(1_000_000_000d / rate)) : Duration.ZERO;
        // Precoro counts each second of its clock: at up to one a second, every start takes a wall-clock second of its
        // own. (Faster, as a time-scaled benchmark paces, there is no second to give each.)
        return new ConcurrencyGovernor(UpstreamSystem.PRECORO.tag(), config.maxConcurrency(), interval,
                rate > 0 && rate <= 1);
    }

    @Produces
    @Singleton
    @Upstream(UpstreamSystem.PRECORO)
    UpstreamCaller caller(@Upstream(UpstreamSystem.PRECORO) ConcurrencyGovernor governor, PrecoroConfig config,
            MeterRegistry registry) {
        return new UpstreamCaller(UpstreamSystem.PRECORO, governor, config.retry(), config.circuitBreaker(),
                registry, RequestBudget.of(config.budget(), Clock.systemUTC()), config.budget().maxWait());
    }
}
