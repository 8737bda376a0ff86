package dev.trestle.connectors;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Retry settings of one upstream system ({@code trestle.<system>.retry.*}). */
public interface RetryConfig {

    /**
     * How many times a failed attempt is repeated when the failure is transient: 429, 5xx,
     * timeouts, dropped connections and (see {@link #malformedRetries()}) unreadable bodies.
     * Other 4xx answers are never repeated; they would fail the same way again.
     */
    @WithDefault("3")
    int maxRetries();

    /** The first back-off; it doubles on each further retry, with random jitter so parallel callers spread out. */
    @WithDefault("500ms")
    Duration initialDelay();

    /**
     * The longest single wait, for back-off and for a server's {@code Retry-After} alike. When the
     * server asks for a longer wait the call fails at once as rate limited: retrying earlier than
     * asked only draws another refusal and spends quota.
     */
    @WithDefault("60s")
    Duration maxDelay();

    /**
     * How many of the retries may be spent on unreadable bodies (a truncated answer from a proxy
     * is worth one more try; a systematically different format is not).
     */
    @WithDefault("1")
    int malformedRetries();
}
