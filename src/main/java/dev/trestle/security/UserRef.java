package dev.trestle.security;

import java.util.Objects;

/**
 * A person as the hub knows them: the subject ({@code sub}) of their tokens, which identifies
 * them, and the name their token shows, for people to read.
 *
 * <p>An identity is the pair (issuer, subject): subjects are only unique per issuer. The hub
 * trusts exactly one issuer ({@code mp.jwt.verify.issuer}, checked for every token by SmallRye
 * JWT and again by {@link TokenIdentityRules}), so the issuer is the same for everyone and the
 * subject alone is stored as the key: in {@code accounting_approver.subject},
 * {@code export_request.requested_by_subject} and {@code decided_by_subject}, and
 * {@code audit_event.actor_subject}. Trusting a second issuer would need the issuer in those
 * keys too.
 *
 * <p>The name (the principal name: {@code upn}, else {@code preferred_username}, else
 * {@code sub}) is neither unique nor stable (two people may both be "Ann", one person may be
 * "Ann" in one token and "ann" in the next), so it is shown, never compared.
 */
public record UserRef(String subject, String name) {

    public UserRef {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a user needs a subject");
        }
        name = name == null || name.isBlank() ? subject : name;
    }

    /** Whether this is the person with that subject, whatever names either token shows. */
    public boolean is(String subject) {
        return Objects.equals(this.subject, subject);
    }
}
