package dev.trestle.connectors.netsuite;

import dev.trestle.money.Money;

/**
 * One row of SuiteQL's {@code transactionline} for a vendor bill or a journal entry. Amounts are in the
 * account's currency ({@link NetSuiteConfig#currency()}), exact to the cent; null when NetSuite sent none.
 *
 * @param transactionId the bill's or journal's internal id
 * @param lineId        the line's id within its transaction (a bill's main line is 0; a journal's lines start at 0)
 * @param mainLine      whether this is a bill's summary line (the vendor, accounts payable, minus the total):
 *                      no cost of its own
 * @param itemId        the item of a bill's item line; null on expense and journal lines
 * @param accountId     the account the line posts to (an item line: the item's expense account)
 * @param entityId      the line's entity: on bill lines the customer (the project), on journal lines the name
 *                      (a project, or a vendor); may be null
 * @param amount        the signed amount: a debit positive, a credit negative
 * @param debit         may be null
 * @param credit        may be null
 * @param memo          a bill item line's description or any other line's memo; may be null
 * @param departmentId  may be null
 * @param classId       may be null
 * @param locationId    may be null
 */
public record NetSuiteTransactionLine(String transactionId, String lineId, boolean mainLine, String itemId,
        String accountId, String entityId, Money amount, Money debit, Money credit, String memo, String departmentId,
        String classId, String locationId) {
}
