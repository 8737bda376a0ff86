package dev.trestle.bills;

import dev.trestle.money.Money;
import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * A NetSuite vendor payment as it concerns one bill: what it applies to that bill, and the Procore commitment payment
 * it was imported as.
 */
@Description("A NetSuite vendor payment (bill payment) applied to the bill: its check number, date and the amount it "
        + "applies to this bill, and the Procore commitment payment it was imported as. Voided and deleted payments "
        + "are listed only when they had been imported (drift); NetSuite keeps no application of them.")
public record NetSuitePayment(
        @NonNull @Id @Description("NetSuite's internal id of the payment.") String id,
        @Description("The check number (the payment's tranId); empty when NetSuite has none or the payment is gone.")
        String checkNumber,
        @Description("The payment's date; empty when the payment is gone from NetSuite.") LocalDate date,
        @Description("What the payment applies to this bill, exact to the cent: 0.00 once voided or no longer "
                + "applied; empty when the payment is gone from NetSuite.") Money amountApplied,
        @NonNull @Description("Whether the payment was voided in NetSuite.") boolean voided,
        @NonNull @Description("Whether the payment is gone from NetSuite (deleted after it was imported).")
        boolean deleted,
        @Description("The Procore commitment payment it was imported as; empty until imported.")
        CommitmentPayment commitmentPayment) {
}
