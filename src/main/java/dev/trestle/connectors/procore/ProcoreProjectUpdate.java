package dev.trestle.connectors.procore;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of the projects sync action, matched like {@link ProcoreVendorUpdate}: by
 * {@code origin_id} it creates or updates, by {@code id} it updates, with both it sets the origin id.
 *
 * <p>Null fields are left out of the request, so they keep their value in Procore.
 *
 * @param id            Procore's id; null to match by origin id
 * @param originId      the external system's id, unique per company; null to match by id only
 * @param originData    free text Procore keeps but does not interpret; may be null
 * @param originCode    the external id users see; may be null
 * @param name          required by Procore when the entry creates a project
 * @param projectNumber may be null
 * @param active        may be null
 * @param startDate     may be null
 */
public record ProcoreProjectUpdate(Long id, String originId, String originData, String originCode, String name,
        String projectNumber, Boolean active, LocalDate startDate) {

    public ProcoreProjectUpdate {
        if (id == null && (originId == null || originId.isBlank())) {
            throw new IllegalArgumentException("a project sync entry needs an id or an origin id");
        }
    }

    /** A create-or-update keyed on the external system's id. */
    public static ProcoreProjectUpdate byOriginId(String originId, String name, String projectNumber, Boolean active,
            LocalDate startDate) {
        return new ProcoreProjectUpdate(null, originId, null, null, name, projectNumber, active, startDate);
    }

    /** The entry as Procore's sync action expects it. */
    public Map<String, Object> toWire() {
        Map<String, Object> wire = new LinkedHashMap<>();
        ProcoreVendorUpdate.put(wire, "id", id);
        ProcoreVendorUpdate.put(wire, "origin_id", originId);
        ProcoreVendorUpdate.put(wire, "origin_data", originData);
        ProcoreVendorUpdate.put(wire, "origin_code", originCode);
        ProcoreVendorUpdate.put(wire, "name", name);
        ProcoreVendorUpdate.put(wire, "project_number", projectNumber);
        ProcoreVendorUpdate.put(wire, "active", active);
        ProcoreVendorUpdate.put(wire, "start_date", startDate == null ? null : startDate.toString());
        return wire;
    }
}
