package dev.trestle.vendors;

import dev.trestle.connectors.procore.ProcoreConnector;
import dev.trestle.connectors.procore.ProcoreVendor;
import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.exports.ExportKind;
import dev.trestle.exports.ExportPlan;
import dev.trestle.exports.ExportPlanner;
import dev.trestle.exports.NetSuiteDestinations;
import dev.trestle.exports.OutboxWrite;
import dev.trestle.links.LinkKind;
import dev.trestle.links.Links;
import dev.trestle.links.RecordLink;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exporting a Procore company creates the NetSuite vendor: one upsert keyed on
 * {@code procore-vendor-<id>}, so a repeated delivery finds the vendor it made the first time.
 */
@ApplicationScoped
public class VendorExportPlanner implements ExportPlanner {

    static final String RECORD_TYPE = "vendor";

    private final ProcoreConnector procore;
    private final Links links;
    private final String subsidiaryId;

    public VendorExportPlanner(ProcoreConnector procore, Links links, NetSuiteDestinations destinations) {
        this.procore = procore;
        this.links = links;
        this.subsidiaryId = destinations.subsidiaryId();
    }

    @Override
    public ExportKind kind() {
        return ExportKind.VENDOR;
    }

    @Override
    public Uni<ExportPlan> plan(String sourceId) {
        long id;
        try {
            id = VendorDirectory.procoreId(sourceId);
        } catch (TrestleException invalid) {
            return Uni.createFrom().failure(invalid);
        }
        return procore.vendor(id).chain(company -> links.byLeftIds(LinkKind.VENDOR, List.of(sourceId))
                .map(found -> ExportPlan.of(plan(company, found.get(sourceId)))));
    }

    private List<OutboxWrite> plan(ProcoreVendor company, RecordLink link) {
        if (link != null) {
            throw new TrestleException(ErrorCode.NOT_EXPORTABLE, "Procore vendor " + company.id()
                    + " is already linked to NetSuite vendor " + link.rightId + ".");
        }
        if (company.originId() != null && !company.originId().isBlank()) {
            // An ERP record already stands for it: a second NetSuite vendor would duplicate it.
            throw new TrestleException(ErrorCode.NOT_EXPORTABLE, "Procore vendor " + company.id()
                    + " already carries NetSuite id " + company.originId() + " as its origin id; link the two instead.");
        }
        if (!company.active()) {
            throw new TrestleException(ErrorCode.NOT_EXPORTABLE,
                    "Procore vendor " + company.id() + " is inactive; only active companies become NetSuite vendors.");
        }
        String externalId = externalId(company.id());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("externalId", externalId);
        body.put("companyName", company.name());
        if (company.emailAddress() != null && !company.emailAddress().isBlank()) {
            body.put("email", company.emailAddress());
        }
        if (company.businessPhone() != null && !company.businessPhone().isBlank()) {
            body.put("phone", company.businessPhone());
        }
        // NetSuite OneWorld refuses a vendor without a subsidiary.
        body.put("subsidiary", Map.of("id", subsidiaryId));
        return List.of(OutboxWrite.intoNetSuite(RECORD_TYPE, externalId, body, LinkKind.VENDOR, String.valueOf(company.id())));
    }

    static String externalId(long procoreVendorId) {
        return "procore-vendor-" + procoreVendorId;
    }
}
