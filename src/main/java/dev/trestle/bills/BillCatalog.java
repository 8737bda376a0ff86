package dev.trestle.bills;

import dev.trestle.common.Db;
import dev.trestle.connectors.UpstreamSystem;
import dev.trestle.connectors.netsuite.NetSuiteRecords;
import dev.trestle.connectors.netsuite.NetSuiteVendorBill;
import dev.trestle.connectors.procore.ProcoreConnector;
import dev.trestle.connectors.procore.ProcoreProject;
import dev.trestle.connectors.procore.ProcoreRequisition;
import dev.trestle.errors.TrestleException;
import dev.trestle.exports.ExportKind;
import dev.trestle.exports.ExportRequest;
import dev.trestle.graphql.Cursors;
import dev.trestle.graphql.PageInfo;
import dev.trestle.graphql.RequestReads;
import dev.trestle.links.LinkKind;
import dev.trestle.links.Links;
import dev.trestle.links.RecordLink;
import dev.trestle.projects.ProjectIds;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bills connection: every subcontractor invoice in Procore joined with the NetSuite vendor
 * bill that carries its external id, their link and the invoice's latest export.
 *
 * <p>Reads: the invoice lists of the filtered project, or of every project (one Procore request
 * per page of each project's invoices, shared by every field of the request); the hub's latest
 * export per invoice; and for the page only, the links and one SuiteQL query for the bills.
 */
@ApplicationScoped
public class BillCatalog {

    private static final String CURSOR = "bill";
    /** Projects read at once when every project's invoices are listed: Procore's budget is shared. */
    private static final int PROJECT_READS = 4;

    private final ProcoreConnector procore;
    private final NetSuiteRecords netsuite;
    private final Links links;
    private final Db db;
    private final RequestReads reads;
    private final BillPayments payments;

    BillCatalog(ProcoreConnector procore, NetSuiteRecords netsuite, Links links, Db db, RequestReads reads,
            BillPayments payments) {
        this.payments = payments;
        this.procore = procore;
        this.netsuite = netsuite;
        this.links = links;
        this.db = db;
        this.reads = reads;
    }

    public Uni<BillConnection> page(BillFilter filter, Integer first, String after) {
        int size;
        Long afterKey;
        Long projectId;
        Long vendorId;
        try {
            size = Cursors.pageSize(first);
            afterKey = Cursors.decode(CURSOR, after);
            projectId = filter == null || filter.projectId == null ? null : ProjectIds.parse(filter.projectId);
            vendorId = filter == null || filter.vendorId == null ? null : vendorId(filter.vendorId);
        } catch (RuntimeException invalid) {
            return Uni.createFrom().failure(invalid);
        }
        return invoices(projectId).chain(all -> {
            List<ProcoreRequisition> invoices = all.stream()
                    .filter(invoice -> vendorId == null || vendorId.equals(invoice.vendorId()))
                    .sorted(Comparator.comparingLong(ProcoreRequisition::id))
                    .toList();
            return latestExports(invoices).chain(exports -> byPaymentState(invoices.stream()
                    .filter(invoice -> filter == null || filter.status == null || filter.status.isEmpty()
                            || filter.status.contains(status(exports.get(String.valueOf(invoice.id())))))
                    .toList(), filter).chain(matching -> {
                List<ProcoreRequisition> rest = afterKey == null ? matching
                        : matching.stream().filter(invoice -> invoice.id() > afterKey).toList();
                List<ProcoreRequisition> page = rest.stream().limit(size).toList();
                return join(page, exports).map(bills -> {
                    List<BillConnection.BillEdge> edges = bills.stream()
                            .map(bill -> new BillConnection.BillEdge(Cursors.encode(CURSOR,
                                    Long.parseLong(bill.procoreInvoice().id())), bill))
                            .toList();
                    String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
                    return new BillConnection(edges, new PageInfo(rest.size() > size, end), matching.size());
                });
            }));
        });
    }

    /**
     * The invoices whose NetSuite bill is in one of the filter's payment states; all of them when the filter names
     * none. Reads the bills of every invoice given (one SuiteQL query per 100) and what their payments apply (one
     * query of the link table per 100 bills): the state is NetSuite's, so it cannot be known from the page alone.
     */
    private Uni<List<ProcoreRequisition>> byPaymentState(List<ProcoreRequisition> invoices, BillFilter filter) {
        if (filter == null || filter.paymentState == null || filter.paymentState.isEmpty() || invoices.isEmpty()) {
            return Uni.createFrom().item(invoices);
        }
        List<String> externalIds = invoices.stream().map(invoice -> VendorBillPlanner.externalId(invoice.id())).toList();
        return netsuite.vendorBillsByExternalIds(externalIds).chain(bills -> {
            List<String> billIds = bills.values().stream().map(NetSuiteVendorBill::id).toList();
            return payments.paidOf(billIds).map(paid -> invoices.stream().filter(invoice -> {
                NetSuiteVendorBill bill = bills.get(VendorBillPlanner.externalId(invoice.id()));
                BillPaymentState state = bill == null ? null : BillPaymentState.of(bill.total(), paid.get(bill.id()));
                return state != null && filter.paymentState.contains(state);
            }).toList());
        });
    }

    private Uni<List<ProcoreRequisition>> invoices(Long projectId) {
        if (projectId != null) {
            return reads.once("procore:requisitions:" + projectId, () -> procore.requisitions(projectId));
        }
        return reads.once("procore:projects", procore::projects).chain(projects -> Multi.createFrom().iterable(projects)
                .onItem().transformToUni((ProcoreProject project) -> reads.once("procore:requisitions:" + project.id(),
                        () -> procore.requisitions(project.id())))
                .merge(PROJECT_READS)
                .collect().asList()
                .map(lists -> lists.stream().flatMap(List::stream).toList()));
    }

    /** The latest export of each invoice, by Procore id. */
    private Uni<Map<String, ExportRequest>> latestExports(List<ProcoreRequisition> invoices) {
        if (invoices.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> ids = invoices.stream().map(invoice -> String.valueOf(invoice.id())).toList();
        return db.read(session -> session.createSelectionQuery("""
                from ExportRequest r where r.destination = :netsuite and r.kind = :kind and r.sourceId in :ids
                order by r.id""", ExportRequest.class)
                .setParameter("netsuite", UpstreamSystem.NETSUITE)
                .setParameter("kind", ExportKind.SUBCONTRACTOR_INVOICE)
                .setParameter("ids", ids)
                .getResultList())
                .map(requests -> {
                    Map<String, ExportRequest> latest = new HashMap<>();
                    requests.forEach(request -> latest.put(request.sourceId, request));
                    return latest;
                });
    }

    private Uni<List<Bill>> join(List<ProcoreRequisition> page, Map<String, ExportRequest> exports) {
        if (page.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> ids = page.stream().map(invoice -> String.valueOf(invoice.id())).toList();
        List<String> externalIds = page.stream().map(invoice -> VendorBillPlanner.externalId(invoice.id())).toList();
        return Uni.combine().all()
                .unis(links.byLeftIds(LinkKind.BILL, ids), netsuite.vendorBillsByExternalIds(externalIds))
                .asTuple()
                .map(read -> page.stream().map(invoice -> bill(invoice, read.getItem1().get(String.valueOf(invoice.id())),
                        read.getItem2().get(VendorBillPlanner.externalId(invoice.id())),
                        exports.get(String.valueOf(invoice.id())))).toList());
    }

    private static Bill bill(ProcoreRequisition invoice, RecordLink link, NetSuiteVendorBill netsuiteBill,
            ExportRequest export) {
        Bill.ProcoreInvoice procoreInvoice = new Bill.ProcoreInvoice(String.valueOf(invoice.id()), invoice.number(),
                invoice.invoiceNumber(), invoice.status(), String.valueOf(invoice.projectId()),
                String.valueOf(invoice.commitmentId()), invoice.vendorId() == null ? null : String.valueOf(invoice.vendorId()),
                invoice.vendorName(), invoice.contractName(), invoice.billingDate(), invoice.periodStart(),
                invoice.periodEnd(), invoice.currentPaymentDue(), invoice.originId());
        Bill.NetSuiteBill bill = netsuiteBill == null ? null : new Bill.NetSuiteBill(netsuiteBill.id(),
                netsuiteBill.tranId(), netsuiteBill.externalId(), netsuiteBill.entityId(), netsuiteBill.total(),
                netsuiteBill.tranDate(), netsuiteBill.dueDate(), netsuiteBill.status());
        return new Bill(VendorBillPlanner.externalId(invoice.id()), status(export), procoreInvoice, bill, link, export);
    }

    private static long vendorId(String id) {
        if (!id.matches("[0-9]{1,18}")) {
            throw TrestleException.invalidArgument("\"vendorId\" must be a Procore vendor id (a number).");
        }
        return Long.parseLong(id);
    }

    private static BillStatus status(ExportRequest export) {
        return BillStatus.of(export == null ? null : export.status);
    }
}
