package dev.trestle.connectors.netsuite;

/**
 * A NetSuite {@code job} (project) record, as far as the hub reads it (SuiteQL columns
 * {@code id, entityid, companyname, isinactive, externalid}).
 *
 * @param id          internal id (digits)
 * @param entityId    the "Project ID" shown in NetSuite; may be null
 * @param companyName the project name; may be null
 * @param inactive    {@code isInactive}
 * @param externalId  the id the hub wrote it under (its upsert key); null for projects created in NetSuite
 */
public record NetSuiteJob(String id, String entityId, String companyName, boolean inactive, String externalId) {
}
