package dev.trestle.connectors.netsuite;

import java.time.Instant;

/**
 * A NetSuite {@code employee} record, as far as the hub reads it.
 *
 * @param id           internal id (NetSuite ids are strings on the wire)
 * @param entityId     the "Employee ID" shown in NetSuite
 * @param email        as stored in NetSuite, not normalized
 * @param inactive     {@code isInactive}; inactive employees never match
 * @param lastModified {@code lastModifiedDate}
 */
public record NetSuiteEmployee(String id, String entityId, String firstName, String lastName, String email,
        boolean inactive, Instant lastModified) {
}
