package dev.trestle.connectors.precoro;

/**
 * A Precoro supplier as the hub reads it.
 *
 * @param netSuiteId the NetSuite vendor's internal id when Precoro's NetSuite integration links the supplier, else null
 * @param externalId the ERP id written back through the API, else null
 * @param enabled    Precoro's {@code enable}
 * @param status     Precoro's document status code (2 approved)
 * @param currency   the supplier's currency (ISO 4217), or null
 */
public record PrecoroSupplier(long id, String name, boolean enabled, int status, String currency, String netSuiteId,
        String externalId) {
}
