package dev.trestle.sandbox.procore;

import java.time.Instant;

/**
 * One company vendor (a company in Procore's Directory). Immutable; a sync swaps whole records.
 * Only the fields the hub reads or writes are simulated.
 */
public record ProcoreVendor(long id, String name, String abbreviatedName, String emailAddress, String businessPhone,
        String address, String city, String stateCode, String zip, String countryCode, boolean active,
        String originId, String originData, String originCode, Instant createdAt, Instant updatedAt)
        implements OriginIndexedStore.Entry {
}
