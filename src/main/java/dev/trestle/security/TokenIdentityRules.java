package dev.trestle.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import jakarta.json.JsonNumber;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Refuses tokens that SmallRye JWT accepts but that cannot stand for a person: without a
 * subject or with a blank one (the subject is how the hub tells people apart, see
 * {@link UserRef}), from another issuer than the configured one, or issued in the future
 * beyond {@link AuthConfig#clockSkew()}. It runs while the request is authenticated, so such a
 * token fails like any other bad token (HTTP 401) before any operation runs.
 */
@ApplicationScoped
public class TokenIdentityRules implements SecurityIdentityAugmentor {

    private static final Logger LOG = Logger.getLogger(TokenIdentityRules.class);

    private final Clock clock;
    private final AuthConfig config;
    private final String issuer;

    public TokenIdentityRules(Clock clock, AuthConfig config, @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer) {
        this.clock = clock;
        this.config = config;
        this.issuer = issuer;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        String refusal = refusal(identity);
        if (refusal != null) {
            // The caller only sees 401, like for any bad token; the debug log says which rule it broke.
            LOG.debugf("token refused: %s", refusal);
            return Uni.createFrom().failure(new AuthenticationFailedException(refusal));
        }
        return Uni.createFrom().item(identity);
    }

    private String refusal(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return "not a bearer token";
        }
        if (token.getSubject() == null || token.getSubject().isBlank()) {
            return "the token has no subject";
        }
        if (!issuer.equals(token.getIssuer())) {
            return "the token is from another issuer";
        }
        // Whether iat must be present is SmallRye JWT's rule; a token that has one must not be from the future.
        Long issuedAt = epochSeconds(token.getClaim(Claims.iat.name()));
        if (issuedAt != null && Instant.ofEpochSecond(issuedAt).isAfter(clock.instant().plus(config.clockSkew()))) {
            return "the token is issued in the future";
        }
        return null;
    }

    private static Long epochSeconds(Object claim) {
        if (claim instanceof Number number) {
            return number.longValue();
        }
        if (claim instanceof JsonNumber number) {
            return number.longValue();
        }
        return null;
    }
}
