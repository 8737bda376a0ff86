package dev.trestle.trail;

import dev.trestle.audit.AuditEvent;
import dev.trestle.bills.BillPayments;
import dev.trestle.bills.CommitmentPayment;
import dev.trestle.bills.NetSuitePayment;
import dev.trestle.bills.PaymentDrift;
import dev.trestle.bills.VendorBillPlanner;
import dev.trestle.common.Db;
import dev.trestle.connectors.UpstreamSystem;
import dev.trestle.connectors.procore.ProcoreConnector;
import dev.trestle.connectors.procore.ProcoreRequisition;
import dev.trestle.exports.ExportKind;
import dev.trestle.exports.ExportRequest;
import dev.trestle.links.LinkKind;
import dev.trestle.links.Links;
import dev.trestle.links.RecordLink;
import dev.trestle.money.Money;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One ordered trail per document across the systems: for a Procore record that was exported,
 * its state in Procore, every request to export it and what became of each (approval,
 * NetSuite's answers), and the follow-up on the record itself (its origin_id, its links).
 *
 * <p>Built from the hub's audit, which records each step once with who and when, and, for a
 * subcontractor invoice, from the invoice as Procore has it now. Once the invoice is linked to its
 * NetSuite vendor bill the trail goes on with the money back: each NetSuite payment of the bill,
 * the Procore commitment payment it was imported as, and any drift since (a payment voided or
 * deleted in NetSuite after it was imported), read as {@link BillPayments} reads them for the bills
 * page. Those steps follow the hub's own, payment by payment in NetSuite id order, because NetSuite
 * dates a payment to the day only: sorted by time with the rest, a payment made the day its bill was
 * exported would come before the export.
 */
@ApplicationScoped
public class DocumentTrail {

    /** The export an origin step names in its details ("... (export 12)"). */
    private static final Pattern EXPORT_IN_DETAILS = Pattern.compile("\\(export ([0-9]+)\\)");

    /** The audit subject type of a Precoro purchase order (the record its externalId step is about). */
    private static final String PRECORO_PO = LinkKind.PURCHASE_ORDER.leftSubjectType();

    /** Procore ids, and so every id that can be an invoice's. */
    private static final Pattern NUMERIC_ID = Pattern.compile("[0-9]{1,18}");

    private final Db db;
    private final ProcoreConnector procore;
    private final Links links;
    private final BillPayments payments;
    private final Clock clock;

    DocumentTrail(Db db, ProcoreConnector procore, Links links, BillPayments payments, Clock clock) {
        this.db = db;
        this.procore = procore;
        this.links = links;
        this.payments = payments;
        this.clock = clock;
    }

    public Uni<List<TrailStep>> of(String subjectId) {
        return db.read(session -> session.createSelectionQuery(
                "from ExportRequest r where r.destination = :netsuite and r.sourceId = :id order by r.id",
                ExportRequest.class)
                .setParameter("netsuite", UpstreamSystem.NETSUITE)
                .setParameter("id", subjectId)
                .getResultList()
                .chain(requests -> {
                    // The requests' own events, and the record's (its origin id, its links).
                    List<String> ids = requests.stream().map(r -> String.valueOf(r.id)).toList();
                    var events = session.createSelectionQuery("from AuditEvent a where "
                            + (ids.isEmpty() ? "" : "(a.subjectType = 'ExportRequest' and a.subjectId in :requests) or ")
                            + "(a.subjectType <> 'ExportRequest' and a.subjectId = :id) order by a.occurredAt, a.id",
                            AuditEvent.class).setParameter("id", subjectId);
                    if (!ids.isEmpty()) {
                        events.setParameter("requests", ids);
                    }
                    return events.getResultList().map(found -> new Read(requests, found));
                }))
                .chain(read -> sourceSteps(read.requests()).map(source -> {
                    List<TrailStep> steps = new ArrayList<>(source);
                    read.events().forEach(event -> steps.add(step(event)));
                    steps.sort(Comparator.comparing(TrailStep::at));
                    return steps;
                }))
                .chain(steps -> paymentSteps(subjectId).map(money -> {
                    List<TrailStep> all = new ArrayList<>(steps);
                    all.addAll(money);
                    return all;
                }));
    }

    /**
     * The money back of an invoice linked to its NetSuite bill: per payment of the bill, what NetSuite applied, the
     * commitment payment it became in Procore, and drift. None for anything else (not an invoice, not linked).
     */
    private Uni<List<TrailStep>> paymentSteps(String subjectId) {
        if (subjectId == null || !NUMERIC_ID.matcher(subjectId).matches()) {
            return Uni.createFrom().item(List.of());
        }
        return links.byLeftIds(LinkKind.BILL, List.of(subjectId)).chain(linked -> {
            RecordLink bill = linked.get(subjectId);
            if (bill == null) {
                return Uni.createFrom().item(List.<TrailStep>of());
            }
            return payments.ofBills(List.of(bill.rightId))
                    .map(byBill -> paymentSteps(bill.rightId, byBill.getOrDefault(bill.rightId, List.of()),
                            clock.instant()))
                    .onFailure().recoverWithItem(failure -> List.of(new TrailStep(clock.instant(),
                            UpstreamSystem.NETSUITE, "PAYMENTS_UNREADABLE", "NetSuite could not be read for the "
                                    + "payments of bill " + bill.rightId + ": " + failure.getMessage(), null, null,
                            null)));
        });
    }

    /** The steps of one bill's payments, in the order given; {@code now} dates drift, which is seen as it is read. */
    static List<TrailStep> paymentSteps(String billId, List<NetSuitePayment> payments, Instant now) {
        List<TrailStep> steps = new ArrayList<>();
        for (NetSuitePayment payment : payments) {
            String name = payment.checkNumber() == null || payment.checkNumber().isBlank() ? payment.id()
                    : payment.checkNumber() + " (" + payment.id() + ")";
            CommitmentPayment imported = payment.commitmentPayment();
            if (!payment.deleted() && payment.date() != null) {
                Instant day = payment.date().atStartOfDay(ZoneOffset.UTC).toInstant();
                String description = payment.voided()
                        ? "NetSuite payment " + name + " of " + payment.date() + " to bill " + billId + " (voided)."
                        : "NetSuite payment " + name + " of " + payment.date() + " applies " + money(payment
                                .amountApplied()) + " to bill " + billId + ".";
                steps.add(new TrailStep(day, UpstreamSystem.NETSUITE, "BILL_PAYMENT", description, null, null, null));
            }
            if (imported != null) {
                steps.add(new TrailStep(imported.importedAt(), UpstreamSystem.PROCORE, "COMMITMENT_PAYMENT_RECORDED",
                        "Recorded in Procore as commitment payment " + imported.id() + " (origin id "
                                + imported.originId() + ").", null, null, null));
                if (imported.drift() != PaymentDrift.NONE) {
                    String change = switch (imported.drift()) {
                        case VOIDED -> "was voided in NetSuite";
                        case DELETED -> "is gone from NetSuite (deleted)";
                        default -> "no longer applies to bill " + billId + " in NetSuite";
                    };
                    steps.add(new TrailStep(now, UpstreamSystem.NETSUITE, "PAYMENT_DRIFT", "NetSuite payment " + name
                            + " " + change + " after it was recorded in Procore as commitment payment " + imported.id()
                            + "; remove or reverse it there (seen when this trail was read).", null, null, null));
                }
            }
        }
        return steps;
    }

    private static String money(Money amount) {
        return amount == null ? "nothing" : amount.getAmount() + " " + amount.getCurrency();
    }

    private record Read(List<ExportRequest> requests, List<AuditEvent> events) {
    }

    /**
     * A subcontractor invoice's own step: Procore does not say who approved an invoice or when,
     * so the step says what Procore shows and is dated by the first request it allowed (the hub
     * plans an invoice export only from an approved status).
     */
    private Uni<List<TrailStep>> sourceSteps(List<ExportRequest> requests) {
        Optional<ExportRequest> first = requests.stream()
                .filter(r -> r.kind == ExportKind.SUBCONTRACTOR_INVOICE && r.sourceScope != null).findFirst();
        if (first.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        ExportRequest request = first.get();
        // The invoice's own state only: one request, without its lines.
        return procore.requisitionHeader(Long.parseLong(request.sourceScope), Long.parseLong(request.sourceId))
                .map(invoice -> List.of(invoiceStep(invoice, request)))
                .onFailure().recoverWithItem(failure -> List.of(new TrailStep(request.requestedAt, UpstreamSystem.PROCORE,
                        "SOURCE_UNREADABLE", "Procore could not be read for the invoice's own state: "
                                + failure.getMessage(), null, null, String.valueOf(request.id))));
    }

    private static TrailStep invoiceStep(ProcoreRequisition invoice, ExportRequest request) {
        String number = invoice.invoiceNumber() == null ? "" : " " + invoice.invoiceNumber();
        String description = VendorBillPlanner.EXPORTABLE_STATUSES.contains(invoice.status())
                ? "Subcontractor invoice" + number + " approved in Procore (status " + invoice.status()
                        + "; Procore does not say who approved it or when, so this is dated by the export it allowed)."
                : "Subcontractor invoice" + number + " is " + invoice.status() + " in Procore now.";
        return new TrailStep(request.requestedAt, UpstreamSystem.PROCORE,
                VendorBillPlanner.EXPORTABLE_STATUSES.contains(invoice.status()) ? "INVOICE_APPROVED" : "INVOICE_STATUS",
                description, null, null, String.valueOf(request.id));
    }

    private static TrailStep step(AuditEvent event) {
        String request = "ExportRequest".equals(event.subjectType) ? event.subjectId : requestIn(event.details);
        String details = event.details == null ? "" : ": " + event.details;
        // The hub's own decisions (a purchase order approved in Precoro asks for its export by itself, and an admin's
        // automatic approval approves it) are told apart from people's by their subject.
        boolean byTheHub = event.actorSubject != null && event.actorSubject.startsWith("system:");
        boolean precoro = PRECORO_PO.equals(event.subjectType);
        return switch (event.action) {
            case "EXPORT_REQUESTED" -> hub(event, request, (byTheHub
                    ? "Approved in Precoro, so the hub asked for its export by itself" : "Export requested") + details);
            case "EXPORT_REPLANNED" -> hub(event, request, "Planned anew before a decision" + details);
            case "EXPORT_WITHDRAWN" -> hub(event, request, "Withdrawn before a decision" + details);
            case "EXPORT_APPROVED" -> hub(event, request, (byTheHub ? "Approved automatically"
                    : "Approved by an accounting approver") + details);
            case "EXPORT_REJECTED" -> hub(event, request, "Rejected" + details);
            case "EXPORT_RESUBMITTED" -> hub(event, request, "Resubmitted, planned anew" + details);
            case "EXPORT_RETRY_REQUESTED" -> hub(event, request, "Retry asked for by an approver");
            case "EXPORT_ORIGIN_RETRY_REQUESTED" -> hub(event, request,
                    "An approver asked for the origin id to be recorded again" + details);
            case "EXPORT_COMPLETED" -> hub(event, request, "Export complete: every write landed");
            case "EXPORT_WRITE_DELIVERED" -> at(event, UpstreamSystem.NETSUITE, request,
                    "Written to NetSuite" + details);
            case "EXPORT_WRITE_FAILED" -> at(event, UpstreamSystem.NETSUITE, request, "NetSuite write failed" + details);
            case "EXPORT_ORIGIN_RECORDED" -> precoro
                    ? at(event, UpstreamSystem.PRECORO, request, "The Precoro purchase order was given the NetSuite "
                            + "id as its externalId" + details)
                    : at(event, UpstreamSystem.PROCORE, request, "The Procore record was given the NetSuite id" + details);
            case "EXPORT_ORIGIN_REFUSED" -> precoro
                    ? at(event, UpstreamSystem.PRECORO, request, "Precoro refused the NetSuite id" + details)
                    : at(event, UpstreamSystem.PROCORE, request, "Procore refused the NetSuite id" + details);
            default -> hub(event, request, event.action.replace('_', ' ').toLowerCase() + details);
        };
    }

    private static TrailStep hub(AuditEvent event, String request, String description) {
        return at(event, null, request, description);
    }

    private static TrailStep at(AuditEvent event, UpstreamSystem system, String request, String description) {
        return new TrailStep(event.occurredAt, system, event.action, description, event.actor, event.actorSubject,
                request);
    }

    private static String requestIn(String details) {
        if (details == null) {
            return null;
        }
        var match = EXPORT_IN_DETAILS.matcher(details);
        return match.find() ? match.group(1) : null;
    }
}
