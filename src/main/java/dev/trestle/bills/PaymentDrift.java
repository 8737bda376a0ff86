package dev.trestle.bills;

import org.eclipse.microprofile.graphql.Description;

/** What NetSuite changed under a payment after the hub recorded it in Procore. */
@Description("What NetSuite changed under a payment after the hub recorded it in Procore as a commitment payment. "
        + "The hub never deletes or changes a payment in Procore by itself: a person removes or reverses it there.")
public enum PaymentDrift {
    @Description("Nothing: NetSuite still applies the payment to the bill.")
    NONE,
    @Description("The payment was voided in NetSuite: it pays nothing now, while Procore still shows it.")
    VOIDED,
    @Description("The payment is gone from NetSuite (deleted), while Procore still shows it.")
    DELETED,
    @Description("The payment still exists but no longer applies anything to this bill, while Procore still shows it.")
    UNAPPLIED
}
