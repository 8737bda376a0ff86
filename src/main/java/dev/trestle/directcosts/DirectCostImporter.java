package dev.trestle.directcosts;

import dev.trestle.connectors.netsuite.NetSuiteConfig;
import dev.trestle.connectors.netsuite.NetSuiteJournalEntry;
import dev.trestle.connectors.netsuite.NetSuiteTransactionLine;
import dev.trestle.connectors.netsuite.NetSuiteTransactions;
import dev.trestle.connectors.netsuite.NetSuiteVendorBillWithLines;
import dev.trestle.connectors.procore.ProcoreConfig;
import dev.trestle.connectors.procore.ProcoreConnector;
import dev.trestle.connectors.procore.ProcoreDirectCostLineUpdate;
import dev.trestle.connectors.procore.ProcoreDirectCostUpdate;
import dev.trestle.connectors.procore.ProcoreWbsCode;
import dev.trestle.exports.ImportPlan;
import dev.trestle.exports.OutboxWrite;
import dev.trestle.links.LinkKind;
import dev.trestle.links.Links;
import dev.trestle.links.RecordLink;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans the import of NetSuite vendor bills entered in NetSuite, and journal entries, as Procore direct costs
 * ({@link DirectCostPlanner}): the documents NetSuite changed since the watermark (all on a full read) are read
 * with their lines; the links give the exported projects, the linked vendors and the exported cost-code items;
 * Procore gives each project's WBS codes, to which the configured account map points by flat code. Writes are
 * upserts by origin id, so a changed document updates its direct costs and an import run again adds nothing twice;
 * a document NetSuite has not changed since the day its direct costs were written is left out.
 *
 * <p>Bills that came from Procore (the hub's external id {@code procore-...}) are the other way's and left out.
 * A document voided in NetSuite after its direct costs were written is reported as drift, never deleted in
 * Procore.
 */
@ApplicationScoped
public class DirectCostImporter {

    /** The external id prefix of the bills the hub made from Procore invoices. */
    private static final String FROM_PROCORE = "procore-";

    private final NetSuiteTransactions netsuite;
    private final ProcoreConnector procore;
    private final Links links;
    private final Map<String, String> accountWbsCodes;
    private final String procoreCurrency;
    private final String netsuiteCurrency;

    public DirectCostImporter(NetSuiteTransactions netsuite, ProcoreConnector procore, Links links,
            DirectCostsConfig config, ProcoreConfig procoreConfig, NetSuiteConfig netsuiteConfig) {
        this.netsuite = netsuite;
        this.procore = procore;
        this.links = links;
        this.accountWbsCodes = Map.copyOf(config.accountWbsCodes());
        this.procoreCurrency = procoreConfig.currency();
        this.netsuiteCurrency = netsuiteConfig.currency();
    }

    /** The plan of the bills and journals NetSuite changed at or after {@code modifiedSince}; of all when null. */
    public Uni<ImportPlan> plan(Instant modifiedSince) {
        return Uni.combine().all().unis(netsuite.vendorBillsModifiedSince(modifiedSince),
                netsuite.journalEntriesModifiedSince(modifiedSince), links.all(LinkKind.PROJECT),
                links.all(LinkKind.VENDOR), links.all(LinkKind.COST_CODE), links.all(LinkKind.DIRECT_COST)).asTuple()
                .chain(read -> {
                    List<Read> documents = new ArrayList<>();
                    for (NetSuiteVendorBillWithLines bill : read.getItem1()) {
                        String externalId = bill.bill().externalId();
                        if (externalId == null || !externalId.startsWith(FROM_PROCORE)) {
                            documents.add(new Read(bill(bill), bill.voided(), bill.bill().lastModified()));
                        }
                    }
                    read.getItem2().forEach(journal -> documents.add(new Read(journal(journal), journal.voided(),
                            journal.lastModified())));
                    int fromProcore = read.getItem1().size() + read.getItem2().size() - documents.size();
                    Map<String, Long> projects = leftByRight(read.getItem3());
                    Map<String, Long> vendors = leftByRight(read.getItem4());
                    Map<String, Long> items = leftByRight(read.getItem5());
                    Set<Long> involved = new TreeSet<>();
                    documents.forEach(d -> d.document().lines().forEach(line -> {
                        Long project = line.projectId() == null ? null : projects.get(line.projectId());
                        if (project != null) {
                            involved.add(project);
                        }
                    }));
                    return wbsCodes(involved).map(codes -> plan(documents, fromProcore, projects, vendors,
                            new Wbs(items, codes, accountWbsCodes), read.getItem6()));
                });
    }

    /** A document as read, with what the plan needs besides it. */
    private record Read(CostDocument document, boolean voided, LocalDate lastModified) {
    }

    private ImportPlan plan(List<Read> documents, int fromProcore, Map<String, Long> projects,
            Map<String, Long> vendors, DirectCostPlanner.WbsCodes wbs, List<RecordLink> imported) {
        Map<String, LocalDate> importedOn = new HashMap<>();
        imported.forEach(link -> importedOn.put(link.rightId, link.linkedAt.atZone(ZoneOffset.UTC).toLocalDate()));
        List<OutboxWrite> writes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int skipped = fromProcore;
        for (Read read : documents) {
            CostDocument document = read.document();
            if (read.voided()) {
                skipped++;
                importedOn.keySet().stream().filter(origin -> origin.startsWith(DirectCostPlanner.originPrefix(document))).sorted()
                        .forEach(origin -> notes.add(name(document) + " was voided in NetSuite after it became Procore "
                                + "direct cost " + origin + "; remove or reverse it there."));
                continue;
            }
            if (!procoreCurrency.equals(netsuiteCurrency)) {
                skipped++;
                notes.add(name(document) + ": NetSuite's amounts are in " + netsuiteCurrency + ", Procore's in "
                        + procoreCurrency + "; the hub does not convert currencies.");
                continue;
            }
            DirectCostPlan plan = DirectCostPlanner.plan(document, projects, vendors, wbs);
            notes.addAll(plan.notes());
            for (DirectCostPlan.Held held : plan.held()) {
                skipped++;
                notes.addAll(held.reasons());
                if (importedOn.containsKey(held.originId())) {
                    notes.add(name(document) + " changed in NetSuite after it became Procore direct cost "
                            + held.originId() + ", which keeps its earlier lines until the document maps again.");
                }
            }
            for (DirectCostPlan.DirectCost cost : plan.directCosts()) {
                // Written before and not changed in NetSuite since (SuiteQL dates changes to the day):
                // writing it again would change nothing.
                LocalDate written = importedOn.get(cost.originId());
                if (written != null && read.lastModified() != null && read.lastModified().isBefore(written)) {
                    skipped++;
                    continue;
                }
                writes.add(write(cost));
            }
            if (plan.directCosts().isEmpty() && plan.held().isEmpty()) {
                skipped++;
            }
        }
        return new ImportPlan(writes, documents.size() + fromProcore, skipped, notes);
    }

    private static OutboxWrite write(DirectCostPlan.DirectCost cost) {
        Map<String, Object> header = new ProcoreDirectCostUpdate(cost.originId(), cost.type(), cost.date(),
                cost.invoiceNumber(), cost.vendorId(), null, cost.description(), null, null, null, null).toWire();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (DirectCostPlan.CostLine line : cost.lines()) {
            // The direct cost's id is Procore's, known once the header is written: the outbox adds it.
            Map<String, Object> wire = ProcoreDirectCostLineUpdate.onWbsCode(line.originId(), 0, line.amount(),
                    line.description(), line.wbsCodeId()).toWire();
            wire.remove("direct_cost_id");
            lines.add(wire);
        }
        return OutboxWrite.directCostIntoProcore(cost.projectId(), header, lines, cost.originId());
    }

    private CostDocument bill(NetSuiteVendorBillWithLines read) {
        List<CostDocument.Line> lines = new ArrayList<>();
        // A bill line's entity is the customer it is billable to: the project.
        for (NetSuiteTransactionLine line : read.costLines()) {
            lines.add(new CostDocument.Line(line.lineId(), line.itemId(), line.accountId(), line.entityId(),
                    line.amount(), line.memo()));
        }
        return new CostDocument(CostDocument.Type.BILL, read.bill().id(), read.bill().tranId(), read.bill().tranDate(),
                read.bill().entityId(), lines);
    }

    private CostDocument journal(NetSuiteJournalEntry read) {
        List<CostDocument.Line> lines = new ArrayList<>();
        // A journal line's entity is its name: a project, a vendor, or nobody; only projects cost.
        for (NetSuiteTransactionLine line : read.lines()) {
            lines.add(new CostDocument.Line(line.lineId(), null, line.accountId(), line.entityId(), line.amount(),
                    line.memo()));
        }
        return new CostDocument(CostDocument.Type.JOURNAL, read.id(), read.tranId(), read.tranDate(), null, lines);
    }

    private static String name(CostDocument document) {
        return (document.type() == CostDocument.Type.BILL ? "Bill " : "Journal ") + document.id();
    }

    /** The WBS codes of each project, by id and by flat code; one paged read per project. */
    private Uni<Map<Long, List<ProcoreWbsCode>>> wbsCodes(Set<Long> projects) {
        Map<Long, List<ProcoreWbsCode>> byProject = new HashMap<>();
        Uni<Void> read = Uni.createFrom().voidItem();
        for (long project : projects) {
            read = read.chain(() -> procore.wbsCodes(project).invoke(codes -> byProject.put(project, codes))
                    .replaceWithVoid());
        }
        return read.map(done -> byProject);
    }

    private static Map<String, Long> leftByRight(List<RecordLink> links) {
        Map<String, Long> byRight = new HashMap<>();
        links.forEach(link -> byRight.put(link.rightId, Long.parseLong(link.leftId)));
        return byRight;
    }

    /** The WBS codes of the plan: an item's linked code when it is the project's, or the account map's flat code. */
    private record Wbs(Map<String, Long> items, Map<Long, List<ProcoreWbsCode>> codes,
            Map<String, String> accountWbsCodes) implements DirectCostPlanner.WbsCodes {

        @Override
        public Long forItem(long projectId, String itemId) {
            Long code = items.get(itemId);
            return code != null && codes.getOrDefault(projectId, List.of()).stream().anyMatch(c -> c.id() == code)
                    ? code : null;
        }

        @Override
        public Long forAccount(long projectId, String accountId) {
            String flatCode = accountWbsCodes.get(accountId);
            if (flatCode == null) {
                return null;
            }
            return codes.getOrDefault(projectId, List.of()).stream().filter(c -> flatCode.equals(c.flatCode()))
                    .map(ProcoreWbsCode::id).findFirst().orElse(null);
        }
    }
}
