package dev.trestle.connectors.precoro;

import dev.trestle.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A Precoro purchase order as the hub reads it. Amounts are {@link Money} in the PO's currency, exact to the cent.
 * The list form ({@link PrecoroPurchasing#purchaseOrdersModifiedSince}) is lighter than the detail: it has no lines,
 * note or custom fields, and {@code detailed} is false; the detail ({@link PrecoroPurchasing#purchaseOrder}) has them.
 *
 * @param id         Precoro's global id of the document (what a webhook's {@code id} carries)
 * @param idn        the company's document number: what {@code /purchaseorders/{idn}} and the PO # use
 * @param number     the PO # as Precoro shows it ({@code PO-1}), or null
 * @param status     Precoro's status code; only 2 (approved) is documented for POs
 * @param statusName Precoro's {@code statusString}, or null
 * @param creator    the purchaser (the NetSuite PO's Employee comes from this user)
 * @param location   the company location, or null
 * @param currency   ISO 4217
 * @param netSum     the net total (NetSuite's Total)
 * @param sum        the gross total
 * @param externalId the ERP id written back ({@link PrecoroPurchasing#recordExternalId}), or null
 * @param detailed   whether this is the detail (lines, note and custom fields read) rather than the list form
 */
public record PrecoroPurchaseOrder(long id, long idn, String number, int status, String statusName, Instant created,
        Instant updated, Instant approved, SupplierRef supplier, Purchaser creator, Location location,
        String currency, Money netSum, Money sum, String note, List<CustomFieldValue> customFields,
        List<Line> lines, String externalId, boolean detailed) {

    /** The document custom field whose options are NetSuite departments (Precoro's NetSuite field map). */
    public static final String DEPARTMENTS_FIELD = "NetSuite Departments";
    /** The document custom field whose options are NetSuite classes. */
    public static final String CLASSES_FIELD = "NetSuite Classes";

    /** Precoro's code of an approved PO, the only PO status it documents. */
    public static final int APPROVED = 2;

    public PrecoroPurchaseOrder {
        customFields = List.copyOf(customFields);
        lines = List.copyOf(lines);
    }

    /** The externalId (NetSuite internal id) of the "NetSuite Departments" option chosen, if any. */
    public Optional<String> departmentExternalId() {
        return optionExternalId(DEPARTMENTS_FIELD);
    }

    /** The externalId (NetSuite internal id) of the "NetSuite Classes" option chosen, if any. */
    public Optional<String> classExternalId() {
        return optionExternalId(CLASSES_FIELD);
    }

    private Optional<String> optionExternalId(String fieldName) {
        return customFields.stream().filter(f -> fieldName.equals(f.fieldName()))
                .map(CustomFieldValue::optionExternalId).filter(java.util.Objects::nonNull).findFirst();
    }

    /** The supplier as a PO names it; its NetSuite id is on the supplier itself ({@link PrecoroSupplier}). */
    public record SupplierRef(long id, String name) {
    }

    /** The PO's purchaser; email and names are null when the user was deleted in Precoro since. */
    public record Purchaser(long id, String email, String firstName, String lastName) {
    }

    /** A company location; {@code externalId} is the NetSuite location it was imported from, or null. */
    public record Location(long id, String name, String externalId) {
    }

    /**
     * The value of one document custom field. For a field with options, {@code optionExternalId} is the chosen
     * option's ERP id (Precoro imports departments and classes from NetSuite with their internal ids).
     */
    public record CustomFieldValue(long fieldId, String fieldName, String value, Long optionId,
            String optionExternalId) {
    }

    /**
     * One line of the PO.
     *
     * @param quantity       exact, as entered (Precoro takes fractions of a unit)
     * @param price          the unit price, exact as Precoro sent it: a unit price can have more decimals than a
     *                       cent, so it is a number in the PO's currency rather than {@link Money}
     * @param itemExternalId the ERP id of the catalogue item when it was integrated, else null; only such items
     *                       can go into a NetSuite PO's item sublist
     */
    public record Line(long id, String name, String sku, BigDecimal quantity, String unit, BigDecimal price,
            Money netSum, Money sum, String itemExternalId) {
    }
}
