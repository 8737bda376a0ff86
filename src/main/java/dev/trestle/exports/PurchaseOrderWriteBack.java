package dev.trestle.exports;

import dev.trestle.connectors.precoro.PrecoroPurchaseOrder;
import io.smallrye.mutiny.Uni;

/**
 * Told when the outbox has written a NetSuite id back onto a Precoro purchase order: the write moves the PO's
 * updateDate in Precoro (and fires Precoro's update webhook), which the purchasing flow must know to be its own
 * change rather than a person's.
 */
public interface PurchaseOrderWriteBack {

    /** {@code po} is the purchase order as Precoro answered the write. */
    Uni<Void> externalIdRecorded(PrecoroPurchaseOrder po);
}
