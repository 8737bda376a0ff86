package dev.trestle.vendors;

import dev.trestle.connectors.netsuite.NetSuiteRecords;
import dev.trestle.connectors.netsuite.NetSuiteVendor;
import dev.trestle.connectors.procore.ProcoreVendorUpdate;
import dev.trestle.exports.ImportPlan;
import dev.trestle.exports.OutboxWrite;
import dev.trestle.links.LinkKind;
import dev.trestle.links.Links;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Plans the import of NetSuite vendors into the Procore Directory: every active NetSuite vendor
 * that is not linked becomes a Procore company (origin id = its NetSuite internal id), written by
 * the outbox and linked to it once written.
 *
 * <p>The Procore write is a sync by origin id, an upsert: a company that already carries the
 * NetSuite id (an earlier import whose link was not recorded, or one made by hand in Procore) is
 * updated and linked rather than duplicated, so an interrupted import can simply run again.
 */
@ApplicationScoped
public class VendorImporter {

    private final NetSuiteRecords netsuite;
    private final Links links;

    public VendorImporter(NetSuiteRecords netsuite, Links links) {
        this.netsuite = netsuite;
        this.links = links;
    }

    public Uni<ImportPlan> plan() {
        return Uni.combine().all().unis(netsuite.vendors(), links.all(LinkKind.VENDOR)).asTuple().map(read -> {
            Set<String> linked = new HashSet<>();
            read.getItem2().forEach(link -> linked.add(link.rightId));
            List<OutboxWrite> writes = read.getItem1().stream()
                    .filter(vendor -> !vendor.inactive() && !linked.contains(vendor.id()))
                    .map(VendorImporter::write)
                    .toList();
            return new ImportPlan(writes, read.getItem1().size() - writes.size());
        });
    }

    private static OutboxWrite write(NetSuiteVendor vendor) {
        String name = vendor.companyName() != null && !vendor.companyName().isBlank()
                ? vendor.companyName() : vendor.entityId();
        return OutboxWrite.intoProcore("vendor",
                ProcoreVendorUpdate.byOriginId(vendor.id(), name, vendor.email(), vendor.phone()).toWire(),
                LinkKind.VENDOR, vendor.id());
    }
}
