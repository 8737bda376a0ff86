package dev.trestle.bills;

import dev.trestle.connectors.procore.ProcoreCommitment;
import dev.trestle.connectors.procore.ProcoreConnector;
import dev.trestle.connectors.procore.ProcoreContractItem;
import dev.trestle.connectors.procore.ProcoreProject;
import dev.trestle.connectors.procore.ProcoreRequisition;
import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Reads one subcontractor invoice live from Procore as a {@link SubcontractorInvoice}: the
 * invoice with its contract items, then its commitment (for the vendor) and its project side by
 * side. Procore finds invoices and commitments only with their project, so the project id is part
 * of the key. Failures: {@code NOT_FOUND} when the project has no such invoice (or its commitment
 * is gone), Procore's failures as {@link dev.trestle.connectors.UpstreamException}.
 */
@ApplicationScoped
public class SubcontractorInvoices {

    private final ProcoreConnector procore;

    SubcontractorInvoices(ProcoreConnector procore) {
        this.procore = procore;
    }

    /** An invoice and the Procore project it belongs to, as read. */
    public record Read(SubcontractorInvoice invoice, ProcoreProject project) {
    }

    public Uni<SubcontractorInvoice> invoice(long projectId, long requisitionId) {
        return read(projectId, requisitionId).map(Read::invoice);
    }

    public Uni<Read> read(long projectId, long requisitionId) {
        return procore.requisition(projectId, requisitionId).chain(r -> Uni.combine().all()
                .unis(commitment(r), procore.project(r.projectId()))
                .asTuple()
                .map(both -> new Read(of(r, both.getItem1(), both.getItem2()), both.getItem2())));
    }

    /**
     * The project of an invoice known only by its id: Procore finds invoices only within their
     * project, so this reads the company's projects and their invoice lists, one project after the
     * other, until it is found. Costly on a large company; callers that know the project pass it.
     */
    public Uni<Long> projectOf(long requisitionId) {
        return procore.projects().chain(projects -> Multi.createFrom().iterable(projects)
                .onItem().transformToUniAndConcatenate(project -> procore.requisitions(project.id())
                        .map(invoices -> invoices.stream().anyMatch(r -> r.id() == requisitionId)
                                ? Optional.of(project.id()) : Optional.<Long>empty()))
                .filter(Optional::isPresent)
                .map(Optional::get)
                .toUni()
                .onItem().ifNull().failWith(() -> TrestleException.notFound(
                        "No Procore project has a subcontractor invoice " + requisitionId + ".")));
    }

    private Uni<ProcoreCommitment> commitment(ProcoreRequisition r) {
        return procore.commitment(r.projectId(), r.commitmentId())
                .onFailure(e -> e instanceof TrestleException t && t.code() == ErrorCode.NOT_FOUND)
                .transform(e -> TrestleException.notFound("Procore has no commitment " + r.commitmentId()
                        + ", which subcontractor invoice " + r.id() + " bills against."));
    }

    static SubcontractorInvoice of(ProcoreRequisition r, ProcoreCommitment c, ProcoreProject p) {
        List<SubcontractorInvoice.Line> lines = r.items().stream().map(SubcontractorInvoices::line).toList();
        Long vendorId = c.vendorId() != null ? c.vendorId() : r.vendorId();
        String vendorName = c.vendorName() != null ? c.vendorName() : r.vendorName();
        return new SubcontractorInvoice(r.id(), r.number(), r.invoiceNumber(), r.status(), r.billingDate(),
                r.periodStart(), r.periodEnd(), r.originId(), r.currentPaymentDue(),
                new SubcontractorInvoice.Project(p.id(), p.projectNumber(), p.name()),
                new SubcontractorInvoice.Commitment(c.id(), c.number(), c.title(), vendorId, vendorName), lines);
    }

    private static SubcontractorInvoice.Line line(ProcoreContractItem i) {
        ProcoreContractItem.WbsCodeRef wbs = i.wbsCode();
        return new SubcontractorInvoice.Line(i.id(), wbs == null ? null : wbs.id(), wbs == null ? null : wbs.flatCode(),
                wbs == null ? null : wbs.description(), i.descriptionOfWork(), i.workCompletedThisPeriod(),
                i.materialsPresentlyStored(), i.retainageThisPeriod());
    }
}
