package dev.trestle.bills;

import dev.trestle.exports.ExportRequest;
import dev.trestle.links.RecordLink;
import dev.trestle.money.Money;
import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * One bill as the hub knows it: the Procore subcontractor invoice, the NetSuite vendor bill made
 * from it (when there is one), their link and the latest export.
 */
@Description("A bill across the systems: the Procore subcontractor invoice, the NetSuite vendor bill made from it, "
        + "their link, and the latest export.")
public record Bill(
        @NonNull @Id @Description("procore-requisition-<Procore id>.") String id,
        @NonNull BillStatus status,
        @NonNull ProcoreInvoice procoreInvoice,
        @Description("The NetSuite vendor bill with the invoice's external id; empty until one exists.")
        NetSuiteBill netsuiteBill,
        @Description("The link between the invoice and the bill; empty until the export landed.") RecordLink link,
        @Description("The latest export of the invoice; empty when none was asked for.") ExportRequest exportRequest) {

    /** The Procore side: a subcontractor invoice (a requisition in Procore's API). */
    @Description("A Procore subcontractor invoice.")
    public record ProcoreInvoice(
            @NonNull @Id String id,
            Integer number,
            String invoiceNumber,
            @NonNull @Description("draft, under_review, revise_and_resubmit, approved, approved_as_noted or "
                    + "pending_owner_approval.") String status,
            @NonNull @Id String projectId,
            @NonNull @Id String commitmentId,
            @Id @Description("The commitment's vendor (a Procore directory company).") String vendorId,
            String vendorName,
            String contractName,
            LocalDate billingDate,
            LocalDate periodStart,
            LocalDate periodEnd,
            @Description("What is owed for this invoice; the bill's total.") Money currentPaymentDue,
            @Description("The ERP's id once closed out (then the invoice is read-only in Procore).") String originId) {
    }

    /** The NetSuite side. */
    @Description("A NetSuite vendor bill.")
    public record NetSuiteBill(
            @NonNull @Id String id,
            String tranId,
            String externalId,
            @Id @Description("The NetSuite vendor.") String vendorId,
            Money total,
            LocalDate tranDate,
            LocalDate dueDate,
            @Description("NetSuite's approval status id, when the account routes bills for approval.") String approvalStatus) {
    }
}
