package dev.trestle.connectors.procore;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A Procore project.
 *
 * @param id            Procore's id (64-bit)
 * @param name          may be null
 * @param projectNumber may be null
 * @param active        {@code active}
 * @param stage         the project stage's name, e.g. {@code Course of Construction}; may be null
 * @param createdAt     may be null
 * @param startDate     may be null
 * @param originId      the external system's id; may be null
 */
public record ProcoreProject(long id, String name, String projectNumber, boolean active, String stage,
        Instant createdAt, LocalDate startDate, String originId) {
}
