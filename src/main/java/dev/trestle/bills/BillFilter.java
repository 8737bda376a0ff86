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
}
