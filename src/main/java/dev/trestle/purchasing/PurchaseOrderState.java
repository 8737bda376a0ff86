package dev.trestle.purchasing;

/**
 * What the hub made of a Precoro purchase order: WAITING before its first read, then what its last read found
 * (recorded in {@code purchase_order.state}).
 */
public enum PurchaseOrderState {
    WAITING, NOT_APPROVED, NOT_EXPORTABLE, REQUESTED, UNCHANGED, READ_FAILED
}
