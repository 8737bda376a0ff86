package dev.trestle.sandbox.procore;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One Procore project. Immutable; a sync swaps whole records.
 *
 * @param projectNumber may be {@code null}: Procore does not require one
 * @param stage         the project stage's name, e.g. {@code "Course of Construction"}
 */
public record ProcoreProject(long id, String name, String projectNumber, boolean active, String stage,
        LocalDate startDate, String originId, String originData, String originCode, Instant createdAt,
        Instant updatedAt) implements OriginIndexedStore.Entry {

    /** Procore shows a project as "number - name" when it has a number. */
    public String displayName() {
        return projectNumber == null || projectNumber.isBlank() ? name : projectNumber + " - " + name;
    }
}
