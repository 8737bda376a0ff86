package dev.trestle.sandbox.netsuite;

import java.time.Instant;

/**
 * One simulated NetSuite employee. Immutable: the directory swaps whole records so a reader
 * never sees half an update.
 *
 * @param email as stored, may be {@code null}
 */
public record SandboxEmployee(long id, String externalId, String entityId, String firstName, String lastName,
        String email, boolean inactive, Instant lastModified, long subsidiaryId, String subsidiaryName) {

    public SandboxEmployee withEmail(String newEmail, Instant modified) {
        return new SandboxEmployee(id, externalId, entityId, firstName, lastName, newEmail, inactive, modified,
                subsidiaryId, subsidiaryName);
    }

    public SandboxEmployee withInactive(boolean newInactive, Instant modified) {
        return new SandboxEmployee(id, externalId, entityId, firstName, lastName, email, newInactive, modified,
                subsidiaryId, subsidiaryName);
    }
}
