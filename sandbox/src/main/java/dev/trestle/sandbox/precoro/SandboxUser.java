package dev.trestle.sandbox.precoro;

import java.time.Instant;

/**
 * One simulated Precoro user. Immutable; the directory swaps whole records.
 *
 * @param email as stored, may be {@code null}, blank or padded with spaces
 */
public record SandboxUser(long id, String email, String firstName, String lastName, boolean enabled,
        Instant created, Instant updated) {

    public SandboxUser withEmail(String newEmail, Instant modified) {
        return new SandboxUser(id, newEmail, firstName, lastName, enabled, created, modified);
    }

    public SandboxUser withEnabled(boolean newEnabled, Instant modified) {
        return new SandboxUser(id, email, firstName, lastName, newEnabled, created, modified);
    }
}
