package dev.trestle.directcosts;

import dev.trestle.connectors.UpstreamSystem;
import dev.trestle.connectors.procore.ProcoreConnector;
import dev.trestle.connectors.procore.ProcoreDirectCost;
import dev.trestle.graphql.Cursors;
import dev.trestle.graphql.PageInfo;
import dev.trestle.graphql.RequestReads;
import dev.trestle.links.RecordRef;
import dev.trestle.projects.ProjectIds;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * A project's direct costs, read live from Procore (one list read per request, shared by every field that asks for
 * it) and paged in memory by direct cost id, each with the NetSuite document its origin id names.
 */
@ApplicationScoped
public class DirectCostCatalog {

    private static final String CURSOR = "direct-cost";

    private final ProcoreConnector procore;
    private final RequestReads reads;

    DirectCostCatalog(ProcoreConnector procore, RequestReads reads) {
        this.procore = procore;
        this.reads = reads;
    }

    public Uni<DirectCostConnection> page(String projectId, DirectCostFilter filter, Integer first, String after) {
        long project;
        int size;
        Long afterKey;
        try {
            project = ProjectIds.parse(projectId);
            size = Cursors.pageSize(first);
            afterKey = Cursors.decode(CURSOR, after);
        } catch (RuntimeException invalid) {
            return Uni.createFrom().failure(invalid);
        }
        // NOT_FOUND from the connector when Procore has no such project.
        return reads.once("procore:direct-costs:" + project, () -> procore.directCosts(project, null))
                .map(costs -> connection(project, costs, filter, size, afterKey));
    }

    private static DirectCostConnection connection(long project, List<ProcoreDirectCost> costs,
            DirectCostFilter filter, int size, Long afterKey) {
        List<DirectCost> matching = costs.stream().map(cost -> directCost(project, cost))
                .filter(cost -> matches(cost, filter)).toList();
        List<DirectCost> rest = afterKey == null ? matching
                : matching.stream().filter(cost -> Long.parseLong(cost.id()) > afterKey).toList();
        List<DirectCostConnection.DirectCostEdge> edges = rest.stream().limit(size)
                .map(cost -> new DirectCostConnection.DirectCostEdge(Cursors.encode(CURSOR, Long.parseLong(cost.id())),
                        cost))
                .toList();
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new DirectCostConnection(edges, new PageInfo(rest.size() > size, end), matching.size());
    }

    private static boolean matches(DirectCost cost, DirectCostFilter filter) {
        if (filter == null) {
            return true;
        }
        if (filter.type != null && !filter.type.isEmpty() && !filter.type.contains(cost.type())) {
            return false;
        }
        return filter.fromNetSuite == null || filter.fromNetSuite == (cost.netsuiteDocument() != null);
    }

    static DirectCost directCost(long project, ProcoreDirectCost cost) {
        // An origin id of ours names the project it was written on; one naming another project is not ours here.
        RecordRef document = DirectCostOrigin.parse(cost.originId()).filter(origin -> origin.projectId() == project)
                .map(origin -> new RecordRef(UpstreamSystem.NETSUITE, origin.netsuiteRecordType(), origin.documentId()))
                .orElse(null);
        return new DirectCost(String.valueOf(cost.id()), String.valueOf(project), DirectCostType.of(cost.type()),
                cost.date(), cost.invoiceNumber(), cost.vendorId() == null ? null : String.valueOf(cost.vendorId()),
                cost.vendorName(), cost.description(), cost.grandTotal(), cost.status(), cost.originId(), document);
    }
}
