package dev.trestle.suppliers;

import dev.trestle.connectors.netsuite.NetSuiteRecords;
import dev.trestle.connectors.netsuite.NetSuiteVendor;
import dev.trestle.connectors.precoro.PrecoroSupplier;
import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.graphql.Cursors;
import dev.trestle.graphql.PageInfo;
import dev.trestle.graphql.RequestReads;
import dev.trestle.links.LinkKind;
import dev.trestle.links.LinkMethod;
import dev.trestle.links.Links;
import dev.trestle.links.RecordLink;
import dev.trestle.vendors.NetSuiteVendorDetails;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Precoro suppliers and the NetSuite vendors they are: the list with link status and suggestions, and linking.
 *
 * <p>A list reads every supplier (one Precoro request per 200, answered from that read within Precoro's duplicate
 * minute, see {@link RecentSuppliers}), every NetSuite vendor and the supplier links, and pages in memory, as the
 * vendor list does; it never costs a Precoro request per supplier. Before it answers it applies the ERP_ID rule
 * ({@link SupplierRows#erpLinksToMake}): a supplier carrying the id of a NetSuite vendor is linked by it, once and
 * audited, so the list shows what the purchase order flow will use.
 *
 * <p>Order: by Precoro supplier id; the cursor holds the id of its row.
 */
@ApplicationScoped
public class SupplierDirectory {

    static final String CURSOR = "supplier";

    private final RecentSuppliers precoro;
    private final NetSuiteRecords netsuite;
    private final Links links;
    private final SupplierLinks supplierLinks;
    private final RequestReads reads;

    SupplierDirectory(RecentSuppliers precoro, NetSuiteRecords netsuite, Links links, SupplierLinks supplierLinks,
            RequestReads reads) {
        this.precoro = precoro;
        this.netsuite = netsuite;
        this.links = links;
        this.supplierLinks = supplierLinks;
        this.reads = reads;
    }

    public Uni<SupplierConnection> page(SupplierFilter filter, Integer first, String after) {
        int size;
        long start;
        try {
            size = Cursors.pageSize(first);
            Long key = Cursors.decode(CURSOR, after);
            start = key == null ? Long.MIN_VALUE : key;
        } catch (TrestleException invalid) {
            return Uni.createFrom().failure(invalid);
        }
        return reads.once("suppliers:known", this::known).map(known -> {
            List<Supplier> matching = SupplierRows.rows(known).stream()
                    .filter(supplier -> SupplierRows.matches(supplier, filter)).toList();
            List<Supplier> rest = matching.stream().filter(supplier -> Long.parseLong(supplier.id()) > start).toList();
            boolean more = rest.size() > size;
            List<SupplierConnection.SupplierEdge> edges = new ArrayList<>();
            for (Supplier supplier : more ? rest.subList(0, size) : rest) {
                edges.add(new SupplierConnection.SupplierEdge(Cursors.encode(CURSOR, Long.parseLong(supplier.id())),
                        withSuggestions(supplier, known.vendors(), known.links())));
            }
            String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
            return new SupplierConnection(edges, new PageInfo(more, endCursor), matching.size());
        });
    }

    /** Links a Precoro supplier and a NetSuite vendor that both exist now, as a person's decision; audited by {@link Links}. */
    public Uni<Supplier> link(String supplierId, String netsuiteVendorId, String actor) {
        long id;
        try {
            id = supplierId(supplierId);
            vendorId(netsuiteVendorId);
        } catch (TrestleException invalid) {
            return Uni.createFrom().failure(invalid);
        }
        return Uni.combine().all().unis(precoro.one(id), netsuite.vendors()).asTuple().chain(read -> {
            NetSuiteVendor vendor = read.getItem2().stream().filter(v -> v.id().equals(netsuiteVendorId))
                    .findFirst().orElse(null);
            if (vendor == null) {
                return Uni.createFrom().failure(
                        TrestleException.notFound("NetSuite has no vendor with this \"netsuiteVendorId\"."));
            }
            return links.link(LinkKind.SUPPLIER, String.valueOf(id), netsuiteVendorId, LinkMethod.MANUAL, actor)
                    .map(link -> Supplier.linked(read.getItem1(), link, NetSuiteVendorDetails.of(vendor), null));
        });
    }

    /**
     * Ends the supplier's link; audited by {@link Links}. The supplier is then linked only by a person again, even
     * when Precoro carries a NetSuite id for it.
     */
    public Uni<Supplier> unlink(String supplierId, String actor) {
        long id;
        try {
            id = supplierId(supplierId);
        } catch (TrestleException invalid) {
            return Uni.createFrom().failure(invalid);
        }
        return links.unlink(LinkKind.SUPPLIER, String.valueOf(id), actor)
                .chain(ended -> Uni.combine().all().unis(
                        precoro.one(id).map(Optional::of).onFailure(SupplierDirectory::notFound)
                                .recoverWithItem(Optional.empty()),
                        netsuite.vendors(), links.all(LinkKind.SUPPLIER)).asTuple()
                        .map(read -> {
                            if (read.getItem1().isEmpty()) {
                                // Unlinking a supplier deleted in Precoro is allowed: its link was still in the way.
                                return Supplier.notLinked(new PrecoroSupplier(id, null, false, 0, null, null, null),
                                        "Precoro no longer has this supplier.");
                            }
                            PrecoroSupplier supplier = read.getItem1().get();
                            Map<String, RecordLink> byVendor = new HashMap<>();
                            read.getItem3().forEach(link -> byVendor.put(link.rightId, link));
                            Set<String> vendorIds = new HashSet<>();
                            read.getItem2().forEach(vendor -> vendorIds.add(vendor.id()));
                            Supplier row = Supplier.notLinked(supplier, SupplierRows.whyNotLinked(supplier, vendorIds,
                                    byVendor, Set.of(String.valueOf(id))));
                            return withSuggestions(row, read.getItem2(), read.getItem3());
                        }));
    }

    /** Suppliers, vendors and links, after linking those the NetSuite id Precoro carries links now. */
    private Uni<SupplierRows.Known> known() {
        return Uni.combine().all().unis(precoro.all(), reads.once("netsuite:vendors", netsuite::vendors),
                links.all(LinkKind.SUPPLIER), supplierLinks.unlinkedByPeople()).asTuple()
                .chain(read -> {
                    SupplierRows.Known known = new SupplierRows.Known(read.getItem1(), read.getItem2(),
                            read.getItem3(), read.getItem4());
                    Map<Long, String> toMake = SupplierRows.erpLinksToMake(known);
                    if (toMake.isEmpty()) {
                        return Uni.createFrom().item(known);
                    }
                    // One at a time: a link is a short transaction, and they are made once per supplier ever.
                    Uni<Void> made = Uni.createFrom().voidItem();
                    for (Map.Entry<Long, String> link : toMake.entrySet()) {
                        made = made.chain(() -> supplierLinks.linkByErpId(link.getKey(), link.getValue()))
                                .replaceWithVoid();
                    }
                    return made.chain(() -> links.all(LinkKind.SUPPLIER)).map(now -> new SupplierRows.Known(
                            known.suppliers(), known.vendors(), now, known.unlinkedByPeople()));
                });
    }

    private static Supplier withSuggestions(Supplier supplier, List<NetSuiteVendor> vendors, List<RecordLink> links) {
        return supplier.linkStatus() == SupplierLinkStatus.NOT_LINKED
                ? supplier.withSuggestions(SupplierRows.suggestions(supplier, vendors, links))
                : supplier;
    }

    private static boolean notFound(Throwable failure) {
        return failure instanceof TrestleException e && e.code() == ErrorCode.NOT_FOUND;
    }

    /** Digits only, as Precoro's ids are; links are keyed by the id as text, so "012" and "12" are one supplier. */
    static long supplierId(String supplierId) {
        if (supplierId == null || !supplierId.matches("[0-9]{1,18}") || Long.parseLong(supplierId) == 0) {
            throw TrestleException.invalidArgument("\"supplierId\" must be a Precoro supplier id (a positive number).");
        }
        return Long.parseLong(supplierId);
    }

    /** NetSuite internal ids are digits; anything else cannot name a vendor. */
    static void vendorId(String netsuiteVendorId) {
        if (netsuiteVendorId == null || !netsuiteVendorId.matches("[0-9]{1,18}")) {
            throw TrestleException.invalidArgument("\"netsuiteVendorId\" must be a NetSuite internal id (a number).");
        }
    }
}
