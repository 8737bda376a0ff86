package dev.trestle.sandbox.precoro;

import java.time.Instant;

/**
 * One simulated Precoro supplier. Immutable; the directory swaps whole records.
 *
 * @param status     Precoro's document status code (2 approved, 0 open, 3 denied, as for its documents)
 * @param netSuiteId the NetSuite vendor's internal id when the supplier is integrated with NetSuite, else {@code null}
 * @param externalId the ERP id written back through the API ({@code PATCH /suppliers/{id}}), else {@code null}
 */
public record PrecoroSupplier(long id, String uniqueCode, String name, boolean enabled, int status, String currency,
        String netSuiteId, String externalId, Instant created, Instant updated, Instant approved) {

    public PrecoroSupplier withExternalId(String newExternalId, Instant modified) {
        return new PrecoroSupplier(id, uniqueCode, name, enabled, status, currency, netSuiteId, newExternalId, created,
                modified, approved);
    }

    public PrecoroSupplier withNetSuiteId(String newNetSuiteId, Instant modified) {
        return new PrecoroSupplier(id, uniqueCode, name, enabled, status, currency, newNetSuiteId, externalId, created,
                modified, approved);
    }
}
