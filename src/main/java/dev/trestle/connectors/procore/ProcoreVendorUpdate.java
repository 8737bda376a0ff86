package dev.trestle.connectors.procore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of the vendors sync action. Procore matches it by {@code id} and/or {@code origin_id}:
 * with {@code origin_id} only it creates or updates (an upsert, so sending it twice is harmless);
 * with {@code id} only it updates or fails; with both it finds the vendor by id and sets its
 * origin id, which is the only way to change an origin id.
 *
 * <p>Null fields are left out of the request, so they keep their value in Procore.
 *
 * @param id            Procore's id; null to match by origin id
 * @param originId      the external system's id, unique per company; null to match by id only
 * @param originData    free text Procore keeps but does not interpret; may be null
 * @param originCode    the external id users see; may be null
 * @param name          may be null on updates
 * @param emailAddress  may be null
 * @param businessPhone may be null
 */
public record ProcoreVendorUpdate(Long id, String originId, String originData, String originCode, String name,
        String emailAddress, String businessPhone) {

    public ProcoreVendorUpdate {
        if (id == null && (originId == null || originId.isBlank())) {
            throw new IllegalArgumentException("a vendor sync entry needs an id or an origin id");
        }
    }

    /** A create-or-update keyed on the external system's id. */
    public static ProcoreVendorUpdate byOriginId(String originId, String name, String emailAddress,
            String businessPhone) {
        return new ProcoreVendorUpdate(null, originId, null, null, name, emailAddress, businessPhone);
    }

    /** The entry as Procore's sync action expects it. */
    public Map<String, Object> toWire() {
        Map<String, Object> wire = new LinkedHashMap<>();
        put(wire, "id", id);
        put(wire, "origin_id", originId);
        put(wire, "origin_data", originData);
        put(wire, "origin_code", originCode);
        put(wire, "name", name);
        put(wire, "email_address", emailAddress);
        put(wire, "business_phone", businessPhone);
        return wire;
    }

    static void put(Map<String, Object> wire, String key, Object value) {
        if (value != null) {
            wire.put(key, value);
        }
    }
}
