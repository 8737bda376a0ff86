package dev.trestle.bills;

import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** The Procore commitment payment that one (payment, bill) pair was imported as, from its link. */
@Description("The Procore commitment payment (\"Payments Issued\" on the subcontractor invoice) that the payment's "
        + "application to this bill was imported as, from the hub's link.")
public record CommitmentPayment(
        @NonNull @Id @Description("Procore's id of the commitment payment.") String id,
        @NonNull @Description("Its origin_id in Procore: netsuite-payment-<payment>-bill-<bill>.") String originId,
        @NonNull @Description("When the hub recorded it in Procore (linked it).") Instant importedAt,
        @NonNull @Description("What NetSuite changed under it since; NONE when nothing.") PaymentDrift drift) {
}
