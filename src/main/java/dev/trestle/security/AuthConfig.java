package dev.trestle.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * {@code trestle.auth.*}: the hub's own rules for callers' tokens, beyond what SmallRye JWT
 * verifies (signature, issuer, audience, expiry; configured with {@code mp.jwt.verify.*}).
 */
@ConfigMapping(prefix = "trestle.auth")
public interface AuthConfig {

    /**
     * How far in the future a token's issue time ({@code iat}) may lie, for clocks of the identity
     * provider and the hub that disagree a little. A token issued later than that was minted
     * ahead of time (or by a broken clock) and is refused. Environment: {@code TRESTLE_AUTH_CLOCK_SKEW}.
     */
    @WithDefault("60s")
    Duration clockSkew();
}
