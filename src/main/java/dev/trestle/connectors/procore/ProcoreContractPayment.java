package dev.trestle.connectors.procore;

import dev.trestle.money.Money;
import java.time.LocalDate;

/**
 * A commitment payment ({@code contract_payments}), as the ERP's invoice payments sync writes it.
 *
 * @param id                Procore's id
 * @param contractId        the commitment
 * @param requisitionId     the subcontractor invoice it pays; may be null
 * @param invoiceType       {@code Billings::Requisition}; may be null
 * @param amount            in the company's currency
 * @param date              may be null
 * @param checkNumber       may be null
 * @param invoiceNumber     may be null
 * @param paymentNumber     may be null
 * @param notes             may be null
 * @param status            e.g. {@code paid}; may be null
 * @param drawRequestNumber the invoice's number on its commitment; may be null
 * @param originId          the ERP's key; may be null (a payment entered in Procore)
 * @param originCode        may be null
 * @param originData        may be null
 */
public record ProcoreContractPayment(long id, long contractId, Long requisitionId, String invoiceType, Money amount,
        LocalDate date, String checkNumber, String invoiceNumber, String paymentNumber, String notes, String status,
        Integer drawRequestNumber, String originId, String originCode, String originData) {
}
