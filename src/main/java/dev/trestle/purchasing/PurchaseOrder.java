package dev.trestle.purchasing;

import dev.trestle.connectors.precoro.PrecoroPurchaseOrder;
import dev.trestle.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A Precoro purchase order as the export to NetSuite takes it: the fields of Precoro's integration's field map
 * (PO #, supplier, creation date, net total, the user who is its purchaser, note, location, currency, the
 * "NetSuite Departments" and "NetSuite Classes" document custom fields) and its lines.
 *
 * @param idn        Precoro's document number, the key the hub reads it by
 * @param number     the PO number shown to people, e.g. {@code PO-12}
 * @param status     Precoro's status code; 2 is approved
 * @param created    the creation date (NetSuite's Date)
 * @param purchaser  the Precoro user who is the document's Purchaser; null when Precoro names none
 * @param location   may be null when the PO has none
 * @param department the option chosen in "NetSuite Departments"; null when none
 * @param netTotal   Precoro's net total, in the PO's currency
 * @param note       may be null
 */
public record PurchaseOrder(long idn, String number, int status, LocalDate created, Supplier supplier,
        Purchaser purchaser, Reference location, Reference department, Reference clazz, String currency,
        Money netTotal, String note, List<Line> lines) {

    /** Precoro's status code of an approved document. */
    public static final int APPROVED = 2;

    public PurchaseOrder {
        lines = List.copyOf(lines);
    }

    public record Supplier(long id, String name) {
    }

    public record Purchaser(long id, String email) {
    }

    /** A location or custom field option, with the NetSuite internal id Precoro's integration gave it (null when none). */
    public record Reference(String name, String netsuiteId) {
    }

    /**
     * One line.
     *
     * @param price          the unit price, exact as Precoro sent it (it may have more decimals than a cent)
     * @param netsuiteItemId the NetSuite item the Precoro item was integrated as; null when it never was
     * @param amount         the line's net sum, in the PO's currency
     */
    public record Line(long id, String name, String sku, BigDecimal quantity, BigDecimal price, Money amount,
            String netsuiteItemId) {
    }

    /**
     * The PO as Precoro's detail gives it: the location's and the custom field options' ERP ids are the NetSuite
     * ids Precoro's integration imported them with.
     */
    public static PurchaseOrder from(PrecoroPurchaseOrder po) {
        Reference location = po.location() == null ? null
                : new Reference(po.location().name(), po.location().externalId());
        LocalDate created = po.created() == null ? null : po.created().atZone(ZoneOffset.UTC).toLocalDate();
        Purchaser purchaser = po.creator() == null ? null : new Purchaser(po.creator().id(), po.creator().email());
        return new PurchaseOrder(po.idn(), po.number(), po.status(), created,
                new Supplier(po.supplier().id(), po.supplier().name()), purchaser, location,
                option(po, PrecoroPurchaseOrder.DEPARTMENTS_FIELD), option(po, PrecoroPurchaseOrder.CLASSES_FIELD),
                po.currency(), po.netSum(), po.note(),
                po.lines().stream().map(line -> new Line(line.id(), line.name(), line.sku(), line.quantity(),
                        line.price(), line.netSum(), line.itemExternalId())).toList());
    }

    /** The option chosen in a document custom field, with its ERP id (null when it has none); null when none chosen. */
    private static Reference option(PrecoroPurchaseOrder po, String fieldName) {
        return po.customFields().stream()
                .filter(field -> fieldName.equals(field.fieldName()) && field.value() != null && !field.value().isBlank())
                .findFirst()
                .map(field -> new Reference(field.value(), field.optionExternalId()))
                .orElse(null);
    }
}
