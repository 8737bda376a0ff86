package dev.trestle.sandbox.precoro;

import java.util.Map;

/**
 * The fixed reference data of the simulated Precoro company that purchase orders point at: its locations and the
 * options of the two document custom fields that Precoro's NetSuite integration maps to a PO's department and
 * class. Precoro imports these from NetSuite, so each carries the NetSuite internal id it came from as its
 * {@code externalId} (see {@code NetSuiteReferenceData.LOCATIONS}, {@code DEPARTMENTS}, {@code CLASSES}); one
 * location was entered in Precoro only and has none.
 */
public final class PurchasingReference {

    /** A location, a custom field option: Precoro's id, the name shown, the NetSuite id or {@code null}. */
    public record Option(long id, String name, String externalId) {
    }

    public static final Map<Long, Option> LOCATIONS = Map.of(
            1L, new Option(1, "Main Warehouse", "1"),
            2L, new Option(2, "Job Site Yard", "2"),
            3L, new Option(3, "Head Office Mailroom", null));

    /** The document custom field "NetSuite Departments" (the notes' PO field map: it fills Department). */
    public static final long DEPARTMENTS_FIELD_ID = 11;
    public static final String DEPARTMENTS_FIELD_NAME = "NetSuite Departments";
    public static final Map<Long, Option> DEPARTMENTS = Map.of(
            101L, new Option(101, "Field Operations", "1"),
            102L, new Option(102, "Procurement", "2"));

    /** The document custom field "NetSuite Classes" (it fills Class). */
    public static final long CLASSES_FIELD_ID = 12;
    public static final String CLASSES_FIELD_NAME = "NetSuite Classes";
    public static final Map<Long, Option> CLASSES = Map.of(
            201L, new Option(201, "Commercial", "1"),
            202L, new Option(202, "Residential", "2"));

    private PurchasingReference() {
    }
}
