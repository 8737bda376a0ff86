package dev.trestle.connectors;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Circuit breaker settings of one upstream system ({@code trestle.<system>.circuit-breaker.*}).
 * Only transient failures (the kinds that are retried) count; a 400 or 401 means the hub sent
 * something wrong, not that the system is down.
 */
public interface CircuitBreakerConfig {

    /** How many recent attempts the breaker looks at before it may open. */
    @WithDefault("20")
    int requestVolumeThreshold();

    /** The share of failed attempts among those that opens the breaker (0 to 1). */
    @WithDefault("0.5")
    double failureRatio();

    /** How long the breaker stays open before it lets trial calls through. */
    @WithDefault("30s")
    Duration delay();

    /** How many trial calls must succeed in a row to close the breaker again. */
    @WithDefault("2")
    int successThreshold();
}
