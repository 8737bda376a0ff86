package dev.trestle.bills;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("BillFilter")
@Description("Which bills to list; every condition given must hold.")
public class BillFilter {
    @Description("Bills in any of these states.")
    public List<@NonNull BillStatus> status;
    @Id
    @Description("Only this Procore project's invoices (one read of Procore instead of one per project).")
    public String projectId;
    @Id
    @Description("Only invoices of commitments with this Procore vendor (directory company).")
    public String vendorId;
    @Description("Bills whose NetSuite vendor bill is in any of these payment states (UNPAID, PARTIALLY_PAID, PAID: "
            + "what NetSuite's payments apply to the bill against its total). Invoices without a NetSuite bill have no "
            + "payment state, so this leaves them out. Reads the NetSuite bills and their payments of every invoice "
            + "the other conditions leave, not only the page's.")
    public List<@NonNull BillPaymentState> paymentState;
}
