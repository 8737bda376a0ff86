package dev.trestle.sandbox.precoro;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One line of a Precoro purchase order.
 *
 * @param sku            the item's code in Precoro's catalogue
 * @param quantity       exact, as entered (Precoro takes fractions of a unit)
 * @param price          the unit price, exact to the cent
 * @param itemExternalId the NetSuite internal id of the catalogue item when it was integrated (imported from or
 *                       sent to NetSuite), else {@code null}: only such items can go into a NetSuite PO's
 *                       {@code item} sublist
 */
public record PurchaseOrderLine(long id, String name, String sku, BigDecimal quantity, BigDecimal price, String unit,
        String itemExternalId) {

    /** Quantity times price, to the cent (half up), as Precoro shows a line's total. */
    public BigDecimal sum() {
        return quantity.multiply(price).setScale(2, RoundingMode.HALF_UP);
    }
}
