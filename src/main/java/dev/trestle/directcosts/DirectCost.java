package dev.trestle.directcosts;

import dev.trestle.links.RecordRef;
import dev.trestle.money.Money;
import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** A Procore direct cost of a project as the read side shows it, with the NetSuite document it came from. */
@Description("A Procore direct cost of a project, read live, and the NetSuite document it came from when the hub wrote "
        + "it.")
public record DirectCost(
        @NonNull @Id @Description("Procore's id.") String id,
        @NonNull @Id String projectId,
        @Description("Procore's direct_cost_type; empty for a type the hub does not know.") DirectCostType type,
        LocalDate date,
        String invoiceNumber,
        @Id @Description("The vendor (a Procore directory company); empty for expenses and payroll.") String vendorId,
        String vendorName,
        String description,
        @Description("The sum of its lines, exact to the cent, in the Procore company's currency; empty when Procore "
                + "shows none.") Money amount,
        @Description("draft, pending, revise_and_resubmit or approved.") String status,
        @Description("The ERP's key once synced (then it is read-only in Procore); empty for one entered in Procore.")
        String originId,
        @Description("The NetSuite vendor bill or journal entry it came from (system NETSUITE, type vendorBill or "
                + "journalEntry), when its origin id is one the hub writes for this project; empty otherwise.")
        RecordRef netsuiteDocument) {
}
