package dev.trestle.vendors;

import dev.trestle.connectors.netsuite.NetSuiteRecords;
import dev.trestle.connectors.netsuite.NetSuiteVendor;
import dev.trestle.connectors.procore.ProcoreConnector;
import dev.trestle.connectors.procore.ProcoreVendor;
import dev.trestle.connectors.procore.ProcoreVendorUpdate;
import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.imports.ImportResult;
import dev.trestle.links.LinkKind;
import dev.trestle.links.LinkMethod;
import dev.trestle.links.Links;
import dev.trestle.links.RecordLink;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Imports NetSuite vendors into the Procore Directory: every active NetSuite vendor that is not
 * linked becomes a Procore company (origin id = its NetSuite internal id) and is linked to it.
 *
 * <p>The Procore write is a sync by origin id, an upsert: a company that already carries the
 * NetSuite id (an earlier import whose link was not recorded, or one made by hand in Procore) is
 * updated and linked rather than duplicated, so an interrupted import can simply run again.
 */
@ApplicationScoped
public class VendorImporter {

    private static final Logger LOG = Logger.getLogger(VendorImporter.class);

    private final ProcoreConnector procore;
    private final NetSuiteRecords netsuite;
    private final Links links;

    public VendorImporter(ProcoreConnector procore, NetSuiteRecords netsuite, Links links) {
        this.procore = procore;
        this.netsuite = netsuite;
        this.links = links;
    }

    public Uni<ImportResult> importVendors(String actor) {
        return Uni.combine().all().unis(netsuite.vendors(), links.all(LinkKind.VENDOR)).asTuple().chain(read -> {
            Set<String> linked = new HashSet<>();
            Set<String> linkedCompanies = new HashSet<>();
            for (RecordLink link : read.getItem2()) {
                linked.add(link.netsuiteId);
                linkedCompanies.add(link.procoreId);
            }
            List<NetSuiteVendor> toImport = read.getItem1().stream()
                    .filter(vendor -> !vendor.inactive() && !linked.contains(vendor.id()))
                    .toList();
            int skipped = read.getItem1().size() - toImport.size();
            // One at a time: an import is rare and asked for, and Procore's rate limit is shared
            // with everything else the hub does.
            return Multi.createFrom().iterable(toImport)
                    .onItem().transformToUniAndConcatenate(vendor -> importOne(vendor, linkedCompanies, actor))
                    .collect().asList()
                    .map(outcomes -> {
                        int created = (int) outcomes.stream().filter(Boolean::booleanValue).count();
                        return new ImportResult(created, skipped + outcomes.size() - created);
                    });
        });
    }

    /** True when the vendor now has its Procore company and link; false when it was left alone. */
    private Uni<Boolean> importOne(NetSuiteVendor vendor, Set<String> linkedCompanies, String actor) {
        String name = vendor.companyName() != null && !vendor.companyName().isBlank()
                ? vendor.companyName() : vendor.entityId();
        return procore.syncVendor(ProcoreVendorUpdate.byOriginId(vendor.id(), name, vendor.email(), vendor.phone()))
                .chain(company -> link(company, vendor, linkedCompanies, actor));
    }

    private Uni<Boolean> link(ProcoreVendor company, NetSuiteVendor vendor, Set<String> linkedCompanies,
            String actor) {
        String procoreId = String.valueOf(company.id());
        if (linkedCompanies.contains(procoreId)) {
            LOG.warnf("NetSuite vendor %s not imported: Procore company %s carries its id but is linked to another "
                    + "NetSuite vendor", vendor.id(), procoreId);
            return Uni.createFrom().item(false);
        }
        return links.link(LinkKind.VENDOR, procoreId, vendor.id(), LinkMethod.IMPORT, actor)
                .replaceWith(true)
                .onFailure(failure -> failure instanceof TrestleException e && e.code() == ErrorCode.ALREADY_LINKED)
                .recoverWithItem(failure -> {
                    // Someone linked one of the two while the import ran; their link stands.
                    LOG.infof("NetSuite vendor %s not linked by the import: %s", vendor.id(), failure.getMessage());
                    return false;
                });
    }
}
