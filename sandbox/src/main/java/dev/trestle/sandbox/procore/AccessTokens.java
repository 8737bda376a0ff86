package dev.trestle.sandbox.procore;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access tokens Procore's login service issued for the client credentials grant. Procore's
 * tokens live 5400 s and come without a refresh token, so a client must ask for a new one when
 * a call answers 401; tests shorten the lifetime to see that happen.
 */
public final class AccessTokens {

    /** Procore's documented lifetime of an access token. */
    public static final Duration PROCORE_LIFETIME = Duration.ofSeconds(5400);

    /** A token as handed out. */
    public record Issued(String accessToken, Instant createdAt, Duration lifetime) {
    }

    private final Clock clock;
    private final Duration defaultLifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> expiryByToken = new ConcurrentHashMap<>();
    private volatile Duration lifetime;

    AccessTokens(Clock clock, Duration defaultLifetime) {
        this.clock = clock;
        this.defaultLifetime = defaultLifetime;
        this.lifetime = defaultLifetime;
    }

    /** Lifetime of tokens issued from now on; tokens already issued keep theirs. */
    public AccessTokens lifetime(Duration newLifetime) {
        if (newLifetime.isNegative() || newLifetime.isZero()) {
            throw new IllegalArgumentException("a token lifetime is positive");
        }
        lifetime = newLifetime;
        return this;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** Number of tokens issued since the last reset, so tests can see a client renewing. */
    public int issuedCount() {
        return expiryByToken.size();
    }

    /** Makes every issued token invalid at once, as a revocation or a credential rotation does. */
    public void revokeAll() {
        expiryByToken.clear();
    }

    Issued issue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        Instant now = clock.instant();
        Duration life = lifetime;
        expiryByToken.put(token, now.plus(life));
        return new Issued(token, now, life);
    }

    /** What a bearer token presented on an API call is worth. */
    enum Check { VALID, EXPIRED, UNKNOWN }

    Check check(String token) {
        Instant expiry = token == null ? null : expiryByToken.get(token);
        if (expiry == null) {
            return Check.UNKNOWN;
        }
        return clock.instant().isBefore(expiry) ? Check.VALID : Check.EXPIRED;
    }

    void reset() {
        expiryByToken.clear();
        lifetime = defaultLifetime;
    }
}
