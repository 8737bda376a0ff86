package dev.trestle.connectors.procore;

import dev.trestle.money.Money;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A direct cost of a project as the v1.1 list shows it (without its line items).
 *
 * @param id            Procore's id
 * @param type          {@code invoice}, {@code expense} or {@code payroll}
 * @param date          may be null
 * @param invoiceNumber may be null
 * @param status        {@code draft}, {@code pending}, {@code revise_and_resubmit} or {@code approved}; may be null
 * @param vendorId      may be null
 * @param vendorName    may be null
 * @param description   may be null
 * @param grandTotal    the sum of its lines, in the company's currency; null when Procore sent none
 * @param paymentDate   may be null
 * @param receivedDate  may be null
 * @param terms         may be null
 * @param originId      the ERP's key once synced (then it is read-only in Procore); may be null
 * @param originData    may be null
 * @param updatedAt     may be null
 */
public record ProcoreDirectCost(long id, String type, LocalDate date, String invoiceNumber, String status,
        Long vendorId, String vendorName, String description, Money grandTotal, LocalDate paymentDate,
        LocalDate receivedDate, String terms, String originId, String originData, Instant updatedAt) {
}
