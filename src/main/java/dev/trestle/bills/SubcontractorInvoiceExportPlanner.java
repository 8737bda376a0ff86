package dev.trestle.bills;

import dev.trestle.errors.TrestleException;
import dev.trestle.exports.ExportKind;
import dev.trestle.exports.ExportPlan;
import dev.trestle.exports.ExportPlanner;
import dev.trestle.exports.OutboxWrite;
import dev.trestle.links.LinkKind;
import dev.trestle.links.Links;
import dev.trestle.links.RecordLink;
import dev.trestle.projects.ProjectSyncRules;
import dev.trestle.settings.SettingsService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Plans the export of a Procore subcontractor invoice as one NetSuite vendor bill, read live:
 * the invoice with its lines, its commitment's vendor and its project, and the links the hub has
 * for the vendor, the project and every line's WBS code. Links are the hub's only (never
 * inferred from names or numbers). An unlinked project that Procore's rules keep from syncing is
 * {@code PROJECT_NOT_SYNCABLE}; anything else that stands in the way is {@code NOT_EXPORTABLE},
 * naming each missing record ({@link VendorBillPlanner}).
 */
@ApplicationScoped
public class SubcontractorInvoiceExportPlanner implements ExportPlanner {

    private final SubcontractorInvoices invoices;
    private final SettingsService settings;
    private final Links links;
    private final BillSettings billSettings;

    SubcontractorInvoiceExportPlanner(SubcontractorInvoices invoices, SettingsService settings, Links links,
            BillSettings billSettings) {
        this.invoices = invoices;
        this.settings = settings;
        this.links = links;
        this.billSettings = billSettings;
    }

    @Override
    public ExportKind kind() {
        return ExportKind.SUBCONTRACTOR_INVOICE;
    }

    @Override
    public Uni<ExportPlan> plan(String sourceId) {
        return plan(sourceId, null);
    }

    /** The invoice's project: as given, else found by reading the projects' invoice lists. */
    @Override
    public Uni<String> scope(String sourceId, String given) {
        return given != null ? Uni.createFrom().item(given)
                : invoices.projectOf(Long.parseLong(sourceId)).map(String::valueOf);
    }

    @Override
    public Uni<ExportPlan> plan(String sourceId, String projectId) {
        long requisitionId = Long.parseLong(sourceId);
        return scope(sourceId, projectId).map(Long::parseLong)
                .chain(id -> Uni.combine().all().unis(invoices.read(id, requisitionId), settings.current()).asTuple())
                .chain(read -> {
                    SubcontractorInvoices.Read invoice = read.getItem1();
                    return linked(invoice.invoice()).map(linked -> {
                        // A project linked to a NetSuite project (exported, or linked by a person, as
                        // Professional Services do for projects from before the connection) takes its
                        // invoices. One that is not linked would have to be exported first, which
                        // Procore's rules forbid for projects from before the connection or in progress.
                        if (linked.projectId() == null) {
                            ProjectSyncRules.notSyncable(invoice.project(), read.getItem2().connectedAt)
                                    .ifPresent(refusal -> {
                                        throw new TrestleException(refusal.code(), "Subcontractor invoice "
                                                + requisitionId + " cannot be exported: " + refusal.message());
                                    });
                        }
                        return ExportPlan.of(write(invoice.invoice(), linked));
                    });
                });
    }

    private Uni<LinkedRecords> linked(SubcontractorInvoice invoice) {
        Long vendorId = invoice.commitment().vendorId();
        List<String> wbsCodes = invoice.lines().stream().map(SubcontractorInvoice.Line::wbsCodeId)
                .filter(Objects::nonNull).map(String::valueOf).distinct().toList();
        String projectId = String.valueOf(invoice.project().id());
        return Uni.combine().all().unis(
                        vendorId == null ? Uni.createFrom().item(Map.<String, RecordLink>of())
                                : links.byLeftIds(LinkKind.VENDOR, List.of(String.valueOf(vendorId))),
                        links.byLeftIds(LinkKind.PROJECT, List.of(projectId)),
                        links.byLeftIds(LinkKind.COST_CODE, wbsCodes))
                .asTuple()
                .map(read -> {
                    RecordLink vendor = vendorId == null ? null : read.getItem1().get(String.valueOf(vendorId));
                    RecordLink project = read.getItem2().get(projectId);
                    Map<Long, String> items = new HashMap<>();
                    read.getItem3().forEach((wbsCode, link) -> items.put(Long.parseLong(wbsCode), link.rightId));
                    return new LinkedRecords(vendor == null ? null : vendor.rightId,
                            project == null ? null : project.rightId, items);
                });
    }

    private List<OutboxWrite> write(SubcontractorInvoice invoice, LinkedRecords linked) {
        VendorBillPlan.Bill bill = VendorBillPlanner.plan(invoice, linked, billSettings).orThrow();
        return List.of(OutboxWrite.intoNetSuite(VendorBillPlanner.RECORD_TYPE, bill.externalId(), bill.body(),
                LinkKind.BILL, String.valueOf(invoice.requisitionId())));
    }
}
