package dev.trestle.links;

import dev.trestle.connectors.UpstreamSystem;

/**
 * The kinds of records the hub links. A kind fixes the system and record type of each side of
 * its links (the left and the right record), so a link of a kind is one to one on each side.
 */
public enum LinkKind {
    /** A Procore directory company and a NetSuite vendor. */
    VENDOR(UpstreamSystem.PROCORE, "vendor", UpstreamSystem.NETSUITE, "vendor"),
    /** A Procore project and a NetSuite project (job). */
    PROJECT(UpstreamSystem.PROCORE, "project", UpstreamSystem.NETSUITE, "job"),
    /** A Procore WBS code and a NetSuite Other Charge item. */
    COST_CODE(UpstreamSystem.PROCORE, "wbs_code", UpstreamSystem.NETSUITE, "otherChargePurchaseItem"),
    /** A Procore subcontractor invoice (requisition) and the NetSuite vendor bill made from it. */
    BILL(UpstreamSystem.PROCORE, "requisition", UpstreamSystem.NETSUITE, "vendorBill"),
    /** A Precoro supplier and a NetSuite vendor. */
    SUPPLIER(UpstreamSystem.PRECORO, "supplier", UpstreamSystem.NETSUITE, "vendor"),
    /**
     * A Procore commitment payment and the part of a NetSuite vendor payment applied to one bill
     * (its id is the commitment payment's origin id, {@code netsuite-payment-<payment>-bill-<bill>}).
     */
    COMMITMENT_PAYMENT(UpstreamSystem.PROCORE, "contract_payment", UpstreamSystem.NETSUITE, "vendorPaymentApplication"),
    /**
     * A Procore direct cost and the lines of a NetSuite vendor bill or journal entry costed to its
     * project (its id is the direct cost's origin id, {@code netsuite-bill|journal-<id>-project-<project>}).
     */
    DIRECT_COST(UpstreamSystem.PROCORE, "direct_cost", UpstreamSystem.NETSUITE, "costDocumentProject"),
    /** A Precoro purchase order (by idn) and the NetSuite purchase order made from it. */
    PURCHASE_ORDER(UpstreamSystem.PRECORO, "purchase_order", UpstreamSystem.NETSUITE, "purchaseOrder");

    private final UpstreamSystem leftSystem;
    private final String leftType;
    private final UpstreamSystem rightSystem;
    private final String rightType;

    LinkKind(UpstreamSystem leftSystem, String leftType, UpstreamSystem rightSystem, String rightType) {
        this.leftSystem = leftSystem;
        this.leftType = leftType;
        this.rightSystem = rightSystem;
        this.rightType = rightType;
    }

    public RecordRef left(String id) {
        return new RecordRef(leftSystem, leftType, id);
    }

    public RecordRef right(String id) {
        return new RecordRef(rightSystem, rightType, id);
    }

    public UpstreamSystem leftSystem() {
        return leftSystem;
    }

    public UpstreamSystem rightSystem() {
        return rightSystem;
    }

    /** Whether {@code record} is this kind's left record (else its right one); refuses records of neither side. */
    public boolean isLeft(RecordRef record) {
        if (record.system() == leftSystem && record.type().equals(leftType)) {
            return true;
        }
        if (record.system() == rightSystem && record.type().equals(rightType)) {
            return false;
        }
        throw new IllegalArgumentException(record + " is on neither side of a " + this + " link");
    }

    /** The audit subject type of the kind's left records ({@code ProcoreVendor}, {@code PrecoroSupplier}, ...). */
    public String leftSubjectType() {
        return RecordRef.subjectType(leftSystem, leftType);
    }
}
