package dev.trestle.costcodes;

import dev.trestle.connectors.procore.ProcoreWbsCode;
import java.util.ArrayList;
import java.util.List;

/**
 * The NetSuite Other Charge item name of a WBS code: {@code [project number]-[cost code].[cost type]},
 * and when the project has custom WBS segments, each of their values appended after a further
 * {@code "."} (e.g. {@code P-1006-01-100.L.P1}). The project number keeps the names of the same
 * cost code in different projects apart, since NetSuite item names are unique.
 */
public final class ItemNames {

    private ItemNames() {
    }

    /** The item name, or null when the project has no number. */
    public static String itemName(String projectNumber, ProcoreWbsCode code) {
        if (projectNumber == null || projectNumber.isBlank()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        add(parts, code.costCode());
        add(parts, code.costType());
        code.customSegments().forEach(value -> add(parts, value));
        String segments = parts.isEmpty() ? code.flatCode() : String.join(".", parts);
        return projectNumber.strip() + "-" + segments;
    }

    private static void add(List<String> parts, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(value.strip());
        }
    }
}
