package dev.trestle.bills;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * How subcontractor invoices are booked as NetSuite vendor bills ({@code trestle.bills.*}). The
 * ids differ per NetSuite account, so they are configured, never assumed.
 */
@ConfigMapping(prefix = "trestle.bills")
public interface BillSettings {

    /**
     * Internal id of the liability account (e.g. "Retainage Payable") that the retainage withheld
     * from an invoice is booked against: the bill carries it as one negative expense line, so the
     * bill's total is what is payable now, as in Procore.
     */
    String retainageAccountId();

    /**
     * Days from the billing date to the bill's due date. Unset: the bill is due on its billing
     * date, and NetSuite's own terms on the vendor decide nothing, because the hub always sends a
     * due date.
     */
    Optional<Integer> paymentTermsDays();
}
