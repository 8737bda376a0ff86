package dev.trestle.purchasing;

import dev.trestle.common.Db;
import dev.trestle.employees.EmployeeMapping;
import dev.trestle.employees.MappingStatus;
import dev.trestle.employees.PurchaserMatches;
import dev.trestle.exports.ExportKind;
import dev.trestle.exports.ExportRequest;
import dev.trestle.graphql.Cursors;
import dev.trestle.graphql.PageInfo;
import dev.trestle.links.LinkKind;
import dev.trestle.links.Links;
import dev.trestle.links.RecordLink;
import dev.trestle.money.Money;
import dev.trestle.security.RequiresRole;
import dev.trestle.security.Roles;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Precoro purchase orders and what became of them in NetSuite. */
@GraphQLApi
@RequiresRole({Roles.VIEWER, Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN})
public class PurchaseOrdersGraphQL {

    private static final String CURSOR_TYPE = "purchase-order";

    private final PurchaseOrderStore store;
    private final PurchaserMatches purchasers;
    private final Links links;
    private final Db db;

    PurchaseOrdersGraphQL(PurchaseOrderStore store, PurchaserMatches purchasers, Links links, Db db) {
        this.store = store;
        this.purchasers = purchasers;
        this.links = links;
        this.db = db;
    }

    @Input("PurchaseOrderFilter")
    public static class PurchaseOrderFilter {
        public List<@NonNull PurchaseOrderState> state;
    }

    public record PurchaseOrderEdge(@NonNull String cursor, @NonNull PurchaseOrderView node) {
    }

    public record PurchaseOrderConnection(@NonNull List<@NonNull PurchaseOrderEdge> edges, @NonNull PageInfo pageInfo) {
    }

    @Query
    @NonNull
    @Description("The Precoro purchase orders the hub has heard of, by idn: each with the NetSuite purchase order made "
            + "from it, its latest export request, its purchaser and the NetSuite employee they are matched to (with "
            + "the mapping status, so that an empty Employee field says why). Read from the hub's own records: no "
            + "Precoro request.")
    public Uni<PurchaseOrderConnection> purchaseOrders(PurchaseOrderFilter filter, Integer first, String after) {
        int size = Cursors.pageSize(first);
        Long afterIdn = Cursors.decode(CURSOR_TYPE, after);
        List<String> states = filter == null || filter.state == null ? List.of()
                : filter.state.stream().map(Enum::name).toList();
        return store.page(states, afterIdn, size + 1).chain(rows -> {
            boolean more = rows.size() > size;
            List<PurchaseOrderStore.Listed> page = more ? rows.subList(0, size) : rows;
            List<String> idns = page.stream().map(row -> String.valueOf(row.idn())).toList();
            List<Long> users = page.stream().map(PurchaseOrderStore.Listed::purchaserId).filter(Objects::nonNull)
                    .distinct().toList();
            return Uni.combine().all().unis(links.byLeftIds(LinkKind.PURCHASE_ORDER, idns), purchasers.of(users),
                            latestRequests(idns))
                    .asTuple()
                    .map(joined -> {
                        List<PurchaseOrderEdge> edges = new ArrayList<>();
                        for (PurchaseOrderStore.Listed row : page) {
                            edges.add(new PurchaseOrderEdge(Cursors.encode(CURSOR_TYPE, row.idn()),
                                    view(row, joined.getItem1(), joined.getItem2(), joined.getItem3())));
                        }
                        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
                        return new PurchaseOrderConnection(edges, new PageInfo(more, end));
                    });
        });
    }

    private static PurchaseOrderView view(PurchaseOrderStore.Listed row, Map<String, RecordLink> exported,
            Map<Long, EmployeeMapping> mappings, Map<String, ExportRequest> requests) {
        String idn = String.valueOf(row.idn());
        EmployeeMapping mapping = row.purchaserId() == null ? null : mappings.get(row.purchaserId());
        boolean matched = mapping != null && mapping.status == MappingStatus.MAPPED && mapping.netsuiteEmployeeId != null;
        String why = row.purchaserId() == null ? null
                : mapping == null ? "The employee sync has not seen this Precoro user (or Sync Employee is off)."
                : matched ? null
                : mapping.reason;
        RecordLink link = exported.get(idn);
        return new PurchaseOrderView(idn, row.number(), row.status(),
                row.supplierId() == null ? null : String.valueOf(row.supplierId()), row.supplierName(),
                row.netTotal() == null || row.currency() == null ? null : Money.of(row.netTotal(), row.currency()),
                row.purchaserId() == null ? null : String.valueOf(row.purchaserId()), row.purchaserEmail(),
                mapping == null ? null : mapping.status, matched ? mapping.netsuiteEmployeeId : null, why,
                row.state(), row.reason(), row.due(), row.readAt(), link == null ? null : link.rightId,
                requests.get(idn));
    }

    /** The newest export request of each PO, by idn. */
    private Uni<Map<String, ExportRequest>> latestRequests(List<String> idns) {
        if (idns.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return db.read(session -> session.createSelectionQuery(
                        "from ExportRequest r where r.kind = :kind and r.sourceId in :ids order by r.id",
                        ExportRequest.class)
                .setParameter("kind", ExportKind.PURCHASE_ORDER)
                .setParameter("ids", idns)
                .getResultList())
                .map(rows -> {
                    Map<String, ExportRequest> latest = new HashMap<>();
                    rows.forEach(request -> latest.put(request.sourceId, request));
                    return latest;
                });
    }
}
