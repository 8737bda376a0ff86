package dev.trestle.connectors.procore;

import dev.trestle.money.Money;

/**
 * One contract item of a subcontractor invoice: what the invoice claims against one
 * schedule-of-values line of its commitment in this billing period.
 *
 * @param id                       Procore's id
 * @param costCodeId               may be null
 * @param wbsCode                  the WBS code the line is booked on; null when Procore sent none
 * @param descriptionOfWork        may be null
 * @param scheduledValue           the line's value on the commitment
 * @param workCompletedThisPeriod  work completed in this period
 * @param materialsPresentlyStored materials stored on site and billed, not yet installed
 * @param retainageThisPeriod      {@code work_completed_retainage_retained_this_period}: what the
 *                                 owner of the commitment withholds from this period's claim
 * @param originId                 the ERP's id of the line when synced; may be null
 */
public record ProcoreContractItem(long id, Long costCodeId, WbsCodeRef wbsCode, String descriptionOfWork,
        Money scheduledValue, Money workCompletedThisPeriod, Money materialsPresentlyStored, Money retainageThisPeriod,
        String originId) {

    /**
     * The WBS code of a line as Procore embeds it.
     *
     * @param id          the WBS code's id
     * @param flatCode    e.g. {@code 03-300.S}; may be null
     * @param description may be null
     */
    public record WbsCodeRef(long id, String flatCode, String description) {
    }
}
