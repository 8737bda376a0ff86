package dev.trestle.vendors;

import dev.trestle.connectors.netsuite.NetSuiteRecords;
import dev.trestle.connectors.netsuite.NetSuiteVendor;
import dev.trestle.connectors.procore.ProcoreConnector;
import dev.trestle.connectors.procore.ProcoreVendor;
import dev.trestle.errors.TrestleException;
import dev.trestle.graphql.Cursors;
import dev.trestle.graphql.PageInfo;
import dev.trestle.graphql.RequestReads;
import dev.trestle.links.LinkKind;
import dev.trestle.links.LinkMethod;
import dev.trestle.links.Links;
import dev.trestle.links.RecordLink;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Vendors across Procore and NetSuite: the joined list, match suggestions, and linking.
 *
 * <p>Neither system can be asked "which of yours are linked", so every list reads all vendors of
 * both systems live (one request each, side by side) plus the current links, joins them and pages
 * in memory. That is one full read per query: fine for directories of a few thousand vendors
 * each, which is what construction companies have; pages stay at most {@link Cursors#MAX_PAGE_SIZE}.
 *
 * <p>Order: Procore companies (linked or not) by Procore id, then NetSuite-only vendors by
 * NetSuite id. The cursor holds the id of its row and which of the two runs it is in, so a page
 * stays correct when vendors are added or linked between requests.
 */
@ApplicationScoped
public class VendorDirectory {

    static final String PROCORE_CURSOR = "vendor-procore";
    static final String NETSUITE_CURSOR = "vendor-netsuite";

    private final ProcoreConnector procore;
    private final NetSuiteRecords netsuite;
    private final Links links;
    private final RequestReads reads;

    public VendorDirectory(ProcoreConnector procore, NetSuiteRecords netsuite, Links links, RequestReads reads) {
        this.procore = procore;
        this.netsuite = netsuite;
        this.links = links;
        this.reads = reads;
    }

    public Uni<VendorConnection> page(VendorFilter filter, Integer first, String after) {
        int size;
        Position start;
        try {
            size = Cursors.pageSize(first);
            start = Position.after(after);
        } catch (TrestleException invalid) {
            return Uni.createFrom().failure(invalid);
        }
        return all().map(vendors -> {
            List<Vendor> matching = vendors.stream().filter(vendor -> matches(vendor, filter)).toList();
            List<Vendor> rest = matching.stream().filter(start::isBefore).toList();
            boolean more = rest.size() > size;
            List<VendorConnection.VendorEdge> edges = new ArrayList<>();
            for (Vendor vendor : more ? rest.subList(0, size) : rest) {
                edges.add(new VendorConnection.VendorEdge(Position.of(vendor).cursor(), vendor));
            }
            String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
            return new VendorConnection(edges, new PageInfo(more, endCursor), matching.size());
        });
    }

    /** The vendor row of one Procore company, read live; NOT_FOUND when Procore has no such company. */
    public Uni<Vendor> byProcoreId(String procoreVendorId) {
        long id;
        try {
            id = procoreId(procoreVendorId);
        } catch (TrestleException invalid) {
            return Uni.createFrom().failure(invalid);
        }
        return procoreVendor(id).chain(company -> links.byLeftIds(LinkKind.VENDOR, List.of(procoreVendorId))
                .chain(found -> {
                    RecordLink link = found.get(procoreVendorId);
                    if (link == null) {
                        return Uni.createFrom().item(Vendor.procoreOnly(ProcoreVendorDetails.of(company)));
                    }
                    return netsuiteVendors().map(all -> Vendor.linked(ProcoreVendorDetails.of(company),
                            all.stream().filter(v -> v.id().equals(link.rightId)).findFirst()
                                    .map(NetSuiteVendorDetails::of).orElse(null),
                            link));
                }));
    }

    /**
     * NetSuite vendors that may be this Procore company, best first. Linked NetSuite vendors are
     * left out (links are one to one), and so are inactive ones: nobody can bill them.
     */
    public Uni<List<VendorMatchSuggestion>> suggestions(String procoreVendorId) {
        long id;
        try {
            id = procoreId(procoreVendorId);
        } catch (TrestleException invalid) {
            return Uni.createFrom().failure(invalid);
        }
        return Uni.combine().all().unis(procoreVendor(id), netsuiteVendors(), links.all(LinkKind.VENDOR))
                .asTuple()
                .map(read -> {
                    Map<String, RecordLink> linked = read.getItem3().stream()
                            .collect(Collectors.toMap(link -> link.rightId, Function.identity()));
                    List<NetSuiteVendor> candidates = read.getItem2().stream()
                            .filter(vendor -> !vendor.inactive() && !linked.containsKey(vendor.id()))
                            .toList();
                    return VendorMatcher.suggest(read.getItem1(), candidates);
                });
    }

    /** Links a Procore company and a NetSuite vendor that both exist now; audited by {@link Links}. */
    public Uni<Vendor> link(String procoreVendorId, String netsuiteVendorId, String actor) {
        long id;
        try {
            id = procoreId(procoreVendorId);
        } catch (TrestleException invalid) {
            return Uni.createFrom().failure(invalid);
        }
        return Uni.combine().all().unis(procore.vendor(id), netsuite.vendors()).asTuple().chain(read -> {
            NetSuiteVendor vendor = read.getItem2().stream().filter(v -> v.id().equals(netsuiteVendorId))
                    .findFirst().orElse(null);
            if (vendor == null) {
                return Uni.createFrom().failure(
                        TrestleException.notFound("NetSuite has no vendor with this \"netsuiteVendorId\"."));
            }
            return links.link(LinkKind.VENDOR, String.valueOf(id), netsuiteVendorId, LinkMethod.MANUAL, actor)
                    .map(link -> Vendor.linked(ProcoreVendorDetails.of(read.getItem1()),
                            NetSuiteVendorDetails.of(vendor), link));
        });
    }

    /** Ends the link of a Procore company; audited by {@link Links}. */
    public Uni<Vendor> unlink(String procoreVendorId, String actor) {
        long id;
        try {
            id = procoreId(procoreVendorId);
        } catch (TrestleException invalid) {
            return Uni.createFrom().failure(invalid);
        }
        return links.unlink(LinkKind.VENDOR, String.valueOf(id), actor)
                .chain(ended -> procore.vendor(id))
                .map(company -> Vendor.procoreOnly(ProcoreVendorDetails.of(company)));
    }

    /** Every vendor of both systems joined through the current links, in list order. */
    private Uni<List<Vendor>> all() {
        return Uni.combine().all()
                .unis(reads.once("procore:vendors", procore::vendors), netsuiteVendors(), links.all(LinkKind.VENDOR))
                .asTuple()
                .map(read -> join(read.getItem1(), read.getItem2(), read.getItem3()));
    }

    // Reads that queries show, once per request however many aliases ask (RequestReads).
    private Uni<List<NetSuiteVendor>> netsuiteVendors() {
        return reads.once("netsuite:vendors", netsuite::vendors);
    }

    private Uni<ProcoreVendor> procoreVendor(long id) {
        return reads.once("procore:vendor:" + id, () -> procore.vendor(id));
    }

    static List<Vendor> join(List<ProcoreVendor> companies, List<NetSuiteVendor> vendors, List<RecordLink> current) {
        Map<String, RecordLink> byProcoreId = new HashMap<>();
        current.forEach(link -> byProcoreId.put(link.leftId, link));
        Map<String, NetSuiteVendor> netsuiteById = new HashMap<>();
        vendors.forEach(vendor -> netsuiteById.put(vendor.id(), vendor));
        // A NetSuite vendor linked to a company Procore no longer has is still not free to link.
        Set<String> linkedNetsuiteIds = new HashSet<>();
        current.forEach(link -> linkedNetsuiteIds.add(link.rightId));
        List<Vendor> joined = new ArrayList<>(companies.size() + vendors.size());
        for (ProcoreVendor company : companies) {
            RecordLink link = byProcoreId.get(String.valueOf(company.id()));
            if (link == null) {
                joined.add(Vendor.procoreOnly(ProcoreVendorDetails.of(company)));
            } else {
                NetSuiteVendor vendor = netsuiteById.get(link.rightId);
                joined.add(Vendor.linked(ProcoreVendorDetails.of(company),
                        vendor == null ? null : NetSuiteVendorDetails.of(vendor), link));
            }
        }
        for (NetSuiteVendor vendor : vendors) {
            if (!linkedNetsuiteIds.contains(vendor.id())) {
                joined.add(Vendor.netsuiteOnly(NetSuiteVendorDetails.of(vendor)));
            }
        }
        return joined;
    }

    private static boolean matches(Vendor vendor, VendorFilter filter) {
        if (filter == null) {
            return true;
        }
        if (filter.linkStatus != null && !filter.linkStatus.isEmpty() && !filter.linkStatus.contains(vendor.linkStatus())) {
            return false;
        }
        if (filter.search != null && !filter.search.isBlank()) {
            String search = filter.search.strip().toLowerCase(Locale.ROOT);
            List<String> texts = new ArrayList<>();
            if (vendor.procoreVendor() != null) {
                texts.add(vendor.procoreVendor().name());
                texts.add(vendor.procoreVendor().email());
            }
            if (vendor.netsuiteVendor() != null) {
                texts.add(vendor.netsuiteVendor().companyName());
                texts.add(vendor.netsuiteVendor().entityId());
                texts.add(vendor.netsuiteVendor().email());
            }
            return texts.stream().anyMatch(text -> text != null && text.toLowerCase(Locale.ROOT).contains(search));
        }
        return true;
    }

    /**
     * Digits only ("+12" would parse too); links are keyed by the id as text, so callers pass on
     * {@code String.valueOf} of the result, and "012" and "12" are the same company.
     */
    static long procoreId(String procoreVendorId) {
        if (procoreVendorId == null || !procoreVendorId.matches("[0-9]{1,18}")) {
            throw TrestleException.invalidArgument("\"procoreVendorId\" must be a Procore vendor id (a number).");
        }
        return Long.parseLong(procoreVendorId);
    }

    /** Where a row sits in the list order: in the Procore run or the NetSuite-only run, and its id there. */
    private record Position(boolean netsuiteRun, long id) {

        static final Position START = new Position(false, Long.MIN_VALUE);

        static Position of(Vendor vendor) {
            return vendor.procoreVendor() != null
                    ? new Position(false, Long.parseLong(vendor.procoreVendor().id()))
                    : new Position(true, Long.parseLong(vendor.netsuiteVendor().id()));
        }

        static Position after(String cursor) {
            if (cursor == null) {
                return START;
            }
            try {
                return new Position(false, Cursors.decode(PROCORE_CURSOR, cursor));
            } catch (TrestleException notProcore) {
                return new Position(true, Cursors.decode(NETSUITE_CURSOR, cursor));
            }
        }

        String cursor() {
            return Cursors.encode(netsuiteRun ? NETSUITE_CURSOR : PROCORE_CURSOR, id);
        }

        /** Whether {@code vendor} comes after this position. */
        boolean isBefore(Vendor vendor) {
            Position other = of(vendor);
            if (netsuiteRun != other.netsuiteRun) {
                return !netsuiteRun;
            }
            return other.id > id;
        }
    }
}
