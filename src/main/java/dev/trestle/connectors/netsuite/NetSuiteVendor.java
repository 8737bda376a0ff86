package dev.trestle.connectors.netsuite;

/**
 * A NetSuite {@code vendor} record, as far as the hub reads it (SuiteQL columns
 * {@code id, entityid, companyname, email, phone, isinactive, externalid}).
 *
 * @param id          internal id (digits)
 * @param entityId    the "Vendor ID" shown in NetSuite; may be null
 * @param companyName may be null (individuals have names instead)
 * @param email       may be null
 * @param phone       may be null
 * @param inactive    {@code isInactive}
 * @param externalId  the id the hub wrote it under (its upsert key); null for vendors created in NetSuite
 */
public record NetSuiteVendor(String id, String entityId, String companyName, String email, String phone,
        boolean inactive, String externalId) {
}
