package dev.trestle.bills;

import dev.trestle.money.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * The hub's view of one Procore subcontractor invoice: the invoice (requisition), what its
 * commitment says about the vendor, its project, and its contract items, with every amount in
 * {@link Money} of one currency.
 *
 * @param requisitionId     Procore's id of the invoice
 * @param number            its sequence on the commitment; may be null
 * @param invoiceNumber     the subcontractor's invoice number; may be null
 * @param status            Procore's status, e.g. {@code approved}
 * @param billingDate       may be null
 * @param periodStart       may be null
 * @param periodEnd         may be null
 * @param originId          the ERP id Procore holds for it once closed out; may be null
 * @param currentPaymentDue what Procore says is owed for this invoice; null when Procore did not send it
 * @param project           the project
 * @param commitment        the commitment it bills against, with its vendor
 * @param lines             the contract items, in Procore's order
 */
public record SubcontractorInvoice(long requisitionId, Integer number, String invoiceNumber, String status,
        LocalDate billingDate, LocalDate periodStart, LocalDate periodEnd, String originId, Money currentPaymentDue,
        Project project, Commitment commitment, List<Line> lines) {

    public SubcontractorInvoice {
        lines = List.copyOf(lines);
    }

    /**
     * @param id     Procore's id
     * @param number e.g. {@code P-1001}; may be null
     * @param name   may be null
     */
    public record Project(long id, String number, String name) {
    }

    /**
     * @param id         Procore's id
     * @param number     e.g. {@code SC-101}; may be null
     * @param title      may be null
     * @param vendorId   the Procore company (vendor) the commitment is with; null when it has none
     * @param vendorName may be null
     */
    public record Commitment(long id, String number, String title, Long vendorId, String vendorName) {
    }

    /**
     * One contract item.
     *
     * @param id                       Procore's id of the contract item
     * @param wbsCodeId                the WBS code it is booked on; null when Procore sent none
     * @param wbsFlatCode              e.g. {@code 03-300.S}; may be null
     * @param wbsDescription           may be null
     * @param description              the description of work; may be null
     * @param workCompletedThisPeriod  work completed this period
     * @param materialsPresentlyStored materials stored and billed this period
     * @param retainageThisPeriod      retainage withheld this period
     */
    public record Line(long id, Long wbsCodeId, String wbsFlatCode, String wbsDescription, String description,
            Money workCompletedThisPeriod, Money materialsPresentlyStored, Money retainageThisPeriod) {

        /** What the line bills this period before retainage. */
        public Money billed() {
            return workCompletedThisPeriod.plus(materialsPresentlyStored);
        }
    }
}
