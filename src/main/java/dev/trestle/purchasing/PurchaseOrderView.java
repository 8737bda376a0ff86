package dev.trestle.purchasing;

import dev.trestle.employees.MappingStatus;
import dev.trestle.exports.ExportRequest;
import dev.trestle.money.Money;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * One Precoro purchase order as the hub knows it: what it last read in Precoro, what became of it, the NetSuite
 * purchase order made from it, and the employee its purchaser is matched to (with why there is none).
 */
@Name("PurchaseOrder")
@Description("A Precoro purchase order the hub has heard of (a webhook, the poll, a manual send), joined with the "
        + "NetSuite purchase order made from it and the NetSuite employee its purchaser is matched to.")
public record PurchaseOrderView(
        @NonNull @Id @Description("Precoro's document number (idn), the PO's key.") String idn,
        @Description("The PO # as Precoro shows it; empty until the hub has read the PO.") String number,
        @Description("Precoro's status code when last read (2 is approved).") Integer precoroStatus,
        @Description("The Precoro supplier's id.") String supplierId,
        String supplierName,
        @Description("Precoro's net total, exact to the cent, in the PO's currency.") Money netTotal,
        @Description("The Precoro user who is the PO's purchaser.") String purchaserId,
        String purchaserEmail,
        @Description("How the employee sync matched the purchaser: MAPPED, NOT_MAPPED or CONFLICT; empty when the "
                + "sync has not seen them (or Sync Employee is off).") MappingStatus employeeMappingStatus,
        @Description("The NetSuite employee the NetSuite purchase order carries (the purchaser's match); empty when "
                + "none, and employeeMappingReason says why.") String matchedEmployeeId,
        @Description("Why the purchaser is matched to no NetSuite employee, in words.") String employeeMappingReason,
        @NonNull @Description("What became of the PO's last read: NOT_APPROVED, NOT_EXPORTABLE (reason says what is "
                + "missing), REQUESTED, UNCHANGED (NetSuite already has this), READ_FAILED (retried by itself), or "
                + "WAITING before the first read.") String state,
        @Description("What stands in the way, in words (NOT_EXPORTABLE, READ_FAILED).") String reason,
        @NonNull @Description("Whether the hub will read the PO again (an event since its last read, or a retry).")
        boolean due,
        @Description("When the hub last read the PO in Precoro.") Instant readAt,
        @Description("The NetSuite purchase order made from it; empty before its first export landed.")
        String netsuitePurchaseOrderId,
        @Description("The PO's latest export request.") ExportRequest exportRequest) {
}
