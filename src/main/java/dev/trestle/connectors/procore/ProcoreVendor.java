package dev.trestle.connectors.procore;

import java.time.Instant;

/**
 * A vendor of the Procore company directory.
 *
 * @param id            Procore's id (64-bit: ids in newer regions exceed 32 bits)
 * @param name          the company name; may be null
 * @param emailAddress  may be null
 * @param businessPhone may be null
 * @param active        {@code is_active}
 * @param originId      the external system's id (the hub writes NetSuite's here); hidden from Procore users; may be null
 * @param originCode    the external id users see in Procore; may be null
 * @param createdAt     may be null
 */
public record ProcoreVendor(long id, String name, String emailAddress, String businessPhone, boolean active,
        String originId, String originCode, Instant createdAt) {
}
