package dev.trestle.connectors.netsuite;

import dev.trestle.money.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * A NetSuite bill payment ({@code vendorPayment}, transaction type {@code VendPymt}) with the bills it pays, as
 * SuiteQL shows them. Amounts are in the account's currency ({@link NetSuiteConfig#currency()}), exact to the cent.
 *
 * @param id           internal id
 * @param tranId       the check number; may be null
 * @param entityId     the payee (a vendor's internal id); may be null
 * @param tranDate     the payment's date; may be null
 * @param total        the amount paid; null when NetSuite sent none (a voided payment shows 0)
 * @param currencyId   NetSuite's internal id of the transaction's currency (not an ISO code); may be null
 * @param voided       whether the payment was voided: it then applies to no bill
 * @param status       the status id ({@code V} when voided); may be null
 * @param memo         may be null
 * @param lastModified the day of the last change, as SuiteQL shows it; may be null
 * @param applications one per bill the payment applies to, by bill id; empty when voided
 */
public record NetSuiteVendorPayment(String id, String tranId, String entityId, LocalDate tranDate, Money total,
        String currencyId, boolean voided, String status, String memo, LocalDate lastModified,
        List<Application> applications) {

    public NetSuiteVendorPayment {
        applications = List.copyOf(applications);
    }

    /** The same payment with these applications. */
    NetSuiteVendorPayment withApplications(List<Application> newApplications) {
        return new NetSuiteVendorPayment(id, tranId, entityId, tranDate, total, currencyId, voided, status, memo,
                lastModified, newApplications);
    }

    /**
     * How much of the payment went to one bill ({@code PreviousTransactionLineLink}: {@code previousdoc} the bill,
     * {@code nextdoc} the payment, {@code foreignamount} the amount).
     *
     * @param billId   the bill's internal id
     * @param amount   the amount applied to it
     * @param linkType NetSuite's link type ({@code Payment}); may be null
     */
    public record Application(String billId, Money amount, String linkType) {
    }
}
