package dev.trestle.costcodes;

import dev.trestle.connectors.procore.ProcoreConnector;
import dev.trestle.connectors.procore.ProcoreProject;
import dev.trestle.connectors.procore.ProcoreWbsCode;
import dev.trestle.costcodes.CostCodeConnection.CostCodeEdge;
import dev.trestle.graphql.Cursors;
import dev.trestle.graphql.RequestReads;
import dev.trestle.graphql.PageInfo;
import dev.trestle.links.LinkKind;
import dev.trestle.links.Links;
import dev.trestle.links.RecordLink;
import dev.trestle.projects.ProjectIds;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A project's WBS codes with their link status, read live from Procore (the project and its
 * codes side by side) and paged in memory by WBS code id: a project has at most a few thousand.
 */
@ApplicationScoped
public class CostCodeCatalog {

    private static final String CURSOR = "wbs";

    private final ProcoreConnector procore;
    private final Links links;

    private final RequestReads reads;

    public CostCodeCatalog(ProcoreConnector procore, Links links, RequestReads reads) {
        this.procore = procore;
        this.links = links;
        this.reads = reads;
    }

    public Uni<CostCodeConnection> page(String projectId, CostCodeFilter filter, Integer first, String after) {
        long id;
        int size;
        Long afterKey;
        try {
            id = ProjectIds.parse(projectId);
            size = Cursors.pageSize(first);
            afterKey = Cursors.decode(CURSOR, after);
        } catch (RuntimeException invalid) {
            return Uni.createFrom().failure(invalid);
        }
        return Uni.combine().all()
                .unis(reads.once("procore:project:" + id, () -> procore.project(id)),
                        reads.once("procore:wbs-codes:" + id, () -> procore.wbsCodes(id)))
                .asTuple()
                .chain(read -> {
                    List<ProcoreWbsCode> codes = read.getItem2();
                    List<String> ids = codes.stream().map(code -> String.valueOf(code.id())).toList();
                    return links.byLeftIds(LinkKind.COST_CODE, ids)
                            .map(linked -> connection(read.getItem1(), codes, linked, filter, size, afterKey));
                });
    }

    private static CostCodeConnection connection(ProcoreProject project, List<ProcoreWbsCode> codes,
            Map<String, RecordLink> linked, CostCodeFilter filter, int size, Long afterKey) {
        List<CostCode> matching = codes.stream()
                .map(code -> costCode(project, code, linked.get(String.valueOf(code.id()))))
                .filter(code -> matches(code, filter))
                .toList();
        List<CostCode> rest = afterKey == null
                ? matching
                : matching.stream().filter(code -> Long.parseLong(code.wbsCodeId()) > afterKey).toList();
        List<CostCodeEdge> edges = rest.stream().limit(size)
                .map(code -> new CostCodeEdge(Cursors.encode(CURSOR, Long.parseLong(code.wbsCodeId())), code))
                .toList();
        String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new CostCodeConnection(edges, new PageInfo(rest.size() > size, endCursor), matching.size());
    }

    private static CostCode costCode(ProcoreProject project, ProcoreWbsCode code, RecordLink link) {
        return new CostCode(String.valueOf(code.id()), code.flatCode(), code.description(), code.costCode(),
                code.costType(), code.customSegments(), ItemNames.itemName(project.projectNumber(), code),
                link == null ? CostCodeLinkStatus.NOT_LINKED : CostCodeLinkStatus.LINKED,
                link == null ? null : link.rightId, link);
    }

    private static boolean matches(CostCode code, CostCodeFilter filter) {
        if (filter == null) {
            return true;
        }
        if (filter.linkStatus != null && !filter.linkStatus.isEmpty() && !filter.linkStatus.contains(code.linkStatus())) {
            return false;
        }
        if (filter.search == null || filter.search.isBlank()) {
            return true;
        }
        String needle = filter.search.strip().toLowerCase(Locale.ROOT);
        return contains(code.flatCode(), needle) || contains(code.description(), needle)
                || contains(code.itemName(), needle);
    }

    private static boolean contains(String text, String needle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
    }
}
