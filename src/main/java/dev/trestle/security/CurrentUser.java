package dev.trestle.security;

import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of the current operation. */
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;

    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Who the caller is (their subject) and the name to show; every rule about people uses this. */
    public UserRef user() {
        // TokenIdentityRules refused tokens without a subject already; this only guards against a
        // caller that got here some other way.
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)
                || token.getSubject() == null || token.getSubject().isBlank()) {
            throw new TrestleException(ErrorCode.UNAUTHENTICATED, "A bearer token with a subject is required.");
        }
        return new UserRef(token.getSubject(), identity.getPrincipal().getName());
    }

    /** The caller's name, for records that only show who did something (never to compare people). */
    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
