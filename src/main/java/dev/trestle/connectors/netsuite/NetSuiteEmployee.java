package dev.trestle.connectors.netsuite;

import java.time.Instant;
import org.eclipse.microprofile.graphql.Ignore;

/**
 * A NetSuite {@code employee} record, as far as the hub reads it (SuiteQL columns
 * {@code id, entityid, firstname, lastname, email, isinactive}).
 *
 * @param id        internal id (NetSuite ids are strings on the wire; always digits)
 * @param entityId  the "Employee ID" shown in NetSuite; may be null
 * @param firstName may be null
 * @param lastName  may be null
 * @param email     as stored in NetSuite, not normalized; may be null
 * @param inactive  {@code isInactive}; inactive employees never match
 * @param lastModified {@code lastmodifieddate}, read by the employee sync's queries; null where a
 *                  query does not select it (lookups by id), so not in the API
 */
public record NetSuiteEmployee(String id, String entityId, String firstName, String lastName, String email,
        boolean inactive, @Ignore Instant lastModified) {

    /** An employee read without its modification time. */
    public NetSuiteEmployee(String id, String entityId, String firstName, String lastName, String email,
            boolean inactive) {
        this(id, entityId, firstName, lastName, email, inactive, null);
    }
}
