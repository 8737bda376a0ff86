package dev.trestle.connectors.netsuite;

import dev.trestle.money.Money;
import java.time.LocalDate;

/**
 * A NetSuite vendor bill as SuiteQL's {@code transaction} table shows it.
 *
 * @param id           internal id
 * @param tranId       "Reference No.", the vendor's invoice number; may be null
 * @param externalId   e.g. {@code procore-requisition-5700000001}; may be null
 * @param entityId     internal id of the vendor; may be null
 * @param total        the bill's total (the sum of its lines), in the account's currency
 *                     ({@link NetSuiteConfig#currency()}); null when NetSuite sent none
 * @param status       the bill's approval status id ({@code approvalstatus}: "1" pending approval,
 *                     "2" approved, "3" rejected in common use); null when the account does not route
 *                     bills for approval
 * @param tranDate     the bill's date; may be null
 * @param dueDate      may be null
 * @param lastModified the day of the last change, as SuiteQL shows it (a date without time); may be null
 */
public record NetSuiteVendorBill(String id, String tranId, String externalId, String entityId, Money total,
        String status, LocalDate tranDate, LocalDate dueDate, LocalDate lastModified) {
}
