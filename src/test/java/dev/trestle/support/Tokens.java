package dev.trestle.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.time.Instant;
import java.util.Set;

/**
 * Tokens with exactly the claims a test needs, signed with the dev key
 * ({@code config/dev-keys/private-key.pem}, smallrye.jwt.sign.key.location) that dev and test
 * trust, as an identity provider would issue them: for people whose subject and name differ, or
 * for tokens that must be refused although their signature is good. (The dev token endpoint,
 * {@link GraphQL#token}, always gives a subject equal to the name.)
 */
public final class Tokens {

    /** The issuer dev and test trust (mp.jwt.verify.issuer). */
    public static final String ISSUER = "https://trestle.dev/issuer";
    /** The audience dev and test trust (mp.jwt.verify.audiences). */
    public static final String AUDIENCE = "trestle";

    private Tokens() {
    }

    /**
     * The claims of a good token for the given roles, issued now and valid for an hour, without a
     * subject or a name: add them (or leave them out) and {@code sign()}.
     */
    public static JwtClaimsBuilder claims(String... roles) {
        long now = Instant.now().getEpochSecond();
        return Jwt.issuer(ISSUER).audience(AUDIENCE).groups(Set.of(roles)).issuedAt(now).expiresAt(now + 3600);
    }

    /** A good token of the person with {@code subject}, showing {@code name} (as its upn). */
    public static String of(String subject, String name, String... roles) {
        return claims(roles).subject(subject).upn(name).sign();
    }
}
