package dev.trestle.bills;

import dev.trestle.errors.ErrorCode;
import dev.trestle.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans the NetSuite vendor bill of one Procore subcontractor invoice, the way Procore's own
 * NetSuite connector books them: one item line per contract item on the NetSuite item its WBS
 * code was exported as, costed to the NetSuite project, and one negative expense line for the
 * retainage withheld this period on the retainage account, so that the bill's total is what is
 * payable now, Procore's current payment due. Pure: no I/O, the same input gives the same bill.
 *
 * <p>Rules:
 * <ul>
 *   <li>Only invoices Procore lets be sent to the ERP are exported: {@code approved},
 *       {@code approved_as_noted}, {@code pending_owner_approval}.</li>
 *   <li>Every record the bill refers to must already be in NetSuite: the vendor linked to the
 *       commitment's company, the project, the item of each WBS code billed. Each missing one is
 *       named, all of them at once, so one round of fixes is enough.</li>
 *   <li>A line's amount is work completed this period plus materials presently stored. Lines of
 *       zero are left out: they carry nothing, and a WBS code that bills nothing this period need
 *       not be exported. An invoice with nothing to bill is refused (NetSuite refuses a bill
 *       without lines).</li>
 *   <li>{@code tranId} is the subcontractor's invoice number, which NetSuite stores up to
 *       {@value #MAX_TRAN_ID} characters: a longer one is refused, never cut, since a cut number
 *       could match another invoice's.</li>
 *   <li>The sum of the lines must equal the invoice's current payment due to the cent; a bill
 *       whose total disagrees with Procore is never planned.</li>
 * </ul>
 */
public final class VendorBillPlanner {

    /** The NetSuite record type of the bill. */
    public static final String RECORD_TYPE = "vendorBill";
    /** The longest {@code tranId} (Reference No.) NetSuite stores. */
    public static final int MAX_TRAN_ID = 45;
    /** The statuses from which Procore lets an invoice be sent to the ERP. */
    public static final Set<String> EXPORTABLE_STATUSES = Set.of("approved", "approved_as_noted",
            "pending_owner_approval");

    private VendorBillPlanner() {
    }

    /** The external id of the bill of a Procore subcontractor invoice, as vendors and projects derive theirs. */
    public static String externalId(long requisitionId) {
        return "procore-requisition-" + requisitionId;
    }

    public static VendorBillPlan plan(SubcontractorInvoice invoice, LinkedRecords linked, BillSettings settings) {
        List<String> reasons = new ArrayList<>();
        String subject = "subcontractor invoice " + invoiceName(invoice);
        String name = "S" + subject.substring(1);
        if (!EXPORTABLE_STATUSES.contains(invoice.status())) {
            reasons.add(name + " is " + invoice.status() + "; only approved, approved as noted and pending owner "
                    + "approval invoices can be exported.");
        }
        String tranId = invoice.invoiceNumber() == null ? null : invoice.invoiceNumber().strip();
        if (tranId == null || tranId.isEmpty()) {
            reasons.add(name + " has no invoice number, which the bill's Reference No. must be.");
        } else if (tranId.length() > MAX_TRAN_ID) {
            reasons.add(name + " has an invoice number of " + tranId.length() + " characters; NetSuite's Reference No. "
                    + "holds at most " + MAX_TRAN_ID + ".");
        }
        if (invoice.billingDate() == null) {
            reasons.add(name + " has no billing date.");
        }
        SubcontractorInvoice.Commitment commitment = invoice.commitment();
        if (commitment.vendorId() == null) {
            reasons.add("Commitment " + commitmentName(commitment) + " has no vendor.");
        } else if (blank(linked.vendorId())) {
            reasons.add("Procore company " + quoted(commitment.vendorName()) + "(id " + commitment.vendorId()
                    + ") is not linked to a NetSuite vendor.");
        }
        if (blank(linked.projectId())) {
            reasons.add("Project " + projectName(invoice.project()) + " is not exported to NetSuite.");
        }

        List<SubcontractorInvoice.Line> billed = invoice.lines().stream().filter(l -> !l.billed().isZero()).toList();
        Set<Long> missingCodes = new LinkedHashSet<>();
        for (SubcontractorInvoice.Line line : billed) {
            if (line.wbsCodeId() == null) {
                reasons.add("Contract item " + line.id() + " " + quoted(line.description()).strip()
                        + " has no WBS code.");
            } else if (blank(linked.itemsByWbsCode().get(line.wbsCodeId())) && missingCodes.add(line.wbsCodeId())) {
                reasons.add("WBS code " + (line.wbsFlatCode() == null ? "" : line.wbsFlatCode() + " ")
                        + quoted(line.wbsDescription()) + "(id " + line.wbsCodeId()
                        + ") is not exported as a NetSuite item.");
            }
        }
        if (billed.isEmpty()) {
            reasons.add(name + " bills nothing this period: every contract item is zero.");
        }

        Money retainage = invoice.lines().stream().map(SubcontractorInvoice.Line::retainageThisPeriod)
                .reduce(Money::plus).orElse(null);
        boolean withRetainage = retainage != null && !retainage.isZero();
        if (withRetainage && blank(settings.retainageAccountId())) {
            reasons.add("No retainage account is configured (trestle.bills.retainage-account-id), and "
                    + subject + " withholds retainage.");
        }

        Money total = billed.stream().map(SubcontractorInvoice.Line::billed).reduce(Money::plus).orElse(null);
        if (total != null && withRetainage) {
            total = total.minus(retainage);
        }
        if (invoice.currentPaymentDue() == null) {
            reasons.add("Procore sent no current payment due for " + subject
                    + ", so the bill's total cannot be checked.");
        } else if (total != null && !total.equals(invoice.currentPaymentDue())) {
            reasons.add("The bill of " + subject + " would total "
                    + total + " but Procore's current payment due is " + invoice.currentPaymentDue() + ".");
        }
        if (!reasons.isEmpty()) {
            return new VendorBillPlan.Refused(ErrorCode.NOT_EXPORTABLE, reasons);
        }

        String externalId = externalId(invoice.requisitionId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("externalId", externalId);
        body.put("entity", ref(linked.vendorId()));
        body.put("tranId", tranId);
        body.put("tranDate", invoice.billingDate().toString());
        LocalDate due = settings.paymentTermsDays().map(days -> invoice.billingDate().plusDays(days))
                .orElse(invoice.billingDate());
        body.put("dueDate", due.toString());
        body.put("memo", memo(invoice));
        List<Map<String, Object>> items = new ArrayList<>();
        for (SubcontractorInvoice.Line line : billed) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("item", ref(linked.itemsByWbsCode().get(line.wbsCodeId())));
            item.put("customer", ref(linked.projectId()));
            item.put("amount", line.billed().value());
            item.put("description", lineDescription(line));
            items.add(item);
        }
        body.put("item", Map.of("items", List.copyOf(items)));
        if (withRetainage) {
            Map<String, Object> expense = new LinkedHashMap<>();
            expense.put("account", ref(settings.retainageAccountId()));
            expense.put("customer", ref(linked.projectId()));
            expense.put("amount", retainage.negate().value());
            expense.put("memo", "Retainage withheld this period");
            body.put("expense", Map.of("items", List.of(expense)));
        }
        return new VendorBillPlan.Bill(externalId, body, total);
    }

    /** Points back at the invoice in Procore: project, commitment, invoice number and Procore id. */
    private static String memo(SubcontractorInvoice invoice) {
        return "Procore subcontractor invoice " + invoice.invoiceNumber().strip()
                + (invoice.number() == null ? "" : " (#" + invoice.number() + ")")
                + " on " + commitmentName(invoice.commitment()) + ", project " + projectName(invoice.project())
                + "; Procore id " + invoice.requisitionId();
    }

    private static String lineDescription(SubcontractorInvoice.Line line) {
        String code = line.wbsFlatCode() == null ? "" : line.wbsFlatCode();
        String text = line.description() == null ? "" : line.description();
        return (code + (code.isEmpty() || text.isEmpty() ? "" : " ") + text).strip();
    }

    private static String invoiceName(SubcontractorInvoice invoice) {
        return (blank(invoice.invoiceNumber()) ? "" : invoice.invoiceNumber().strip() + " ") + "(id "
                + invoice.requisitionId() + ")";
    }

    private static String commitmentName(SubcontractorInvoice.Commitment commitment) {
        String label = ((commitment.number() == null ? "" : commitment.number() + " ") + quoted(commitment.title()))
                .strip();
        return (label.isEmpty() ? "" : label + " ") + "(id " + commitment.id() + ")";
    }

    private static String projectName(SubcontractorInvoice.Project project) {
        String label = ((project.number() == null ? "" : project.number() + " ") + (project.name() == null ? ""
                : project.name())).strip();
        return (label.isEmpty() ? "" : "'" + label + "' ") + "(id " + project.id() + ")";
    }

    /** {@code 'text' } with a trailing space, or nothing when there is no text. */
    private static String quoted(String text) {
        return blank(text) ? "" : "'" + text.strip() + "' ";
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Map<String, Object> ref(String id) {
        return Map.of("id", id);
    }
}
