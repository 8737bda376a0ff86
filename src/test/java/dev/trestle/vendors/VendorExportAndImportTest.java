package dev.trestle.vendors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.connectors.UpstreamSystem;
import dev.trestle.exports.ExportKind;
import dev.trestle.exports.ExportStatus;
import dev.trestle.exports.ImportOutcome;
import dev.trestle.exports.OutboxWrite;
import dev.trestle.links.LinkKind;
import dev.trestle.links.LinkMethod;
import dev.trestle.links.Links;
import dev.trestle.sandbox.ProcoreDemoCases;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.sandbox.procore.ProcoreVendor;
import dev.trestle.security.UserRef;
import dev.trestle.support.Database;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import dev.trestle.imports.ImportKind;
import dev.trestle.imports.ImportRun;
import dev.trestle.imports.ImportRunner;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Planning a vendor export, and importing NetSuite vendors into the Procore Directory. */
@QuarkusTest
class VendorExportAndImportTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final UserRef IMPORTER = new UserRef("importer", "Ivy Importer");

    @Inject
    Sandbox sandbox;

    @Inject
    Database database;

    @Inject
    VendorExportPlanner planner;

    @Inject
    VendorImporter importer;

    @Inject
    Links links;

    @Inject
    ImportRunner runner;

    private ProcoreDemoCases cases;

    @BeforeEach
    void fresh() {
        Hub.freshInstallation(sandbox, database);
        cases = sandbox.procoreDemoCases();
    }

    @Test
    void plansOneVendorUpsertWithTheExactBody() {
        long id = cases.procoreOnlyVendors().get(0);
        ProcoreVendor company = sandbox.procore().vendors().get(id).orElseThrow();

        List<OutboxWrite> writes = planner.plan(String.valueOf(id)).await().atMost(WAIT).writes();

        assertEquals(ExportKind.VENDOR, planner.kind());
        assertEquals(1, writes.size());
        OutboxWrite write = writes.get(0);
        assertEquals("vendor", write.recordType());
        assertEquals("procore-vendor-" + id, write.idempotencyKey());
        assertEquals(UpstreamSystem.NETSUITE, write.destination());
        assertEquals(LinkKind.VENDOR, write.linkKind());
        assertEquals(LinkKind.VENDOR.left(String.valueOf(id)), write.source());
        assertEquals(Map.of("externalId", "procore-vendor-" + id, "companyName", company.name(),
                "email", company.emailAddress(), "phone", company.businessPhone(),
                "subsidiary", Map.of("id", "1")), write.body());
        assertEquals(List.of("externalId", "companyName", "email", "phone", "subsidiary"),
                List.copyOf(write.body().keySet()));
    }

    @Test
    void leavesOutContactsTheCompanyDoesNotHave() {
        long id = cases.vendorsWithoutContact().get(0);
        String name = sandbox.procore().vendors().get(id).orElseThrow().name();

        OutboxWrite write = planner.plan(String.valueOf(id)).await().atMost(WAIT).writes().get(0);

        assertEquals(Map.of("externalId", "procore-vendor-" + id, "companyName", name,
                "subsidiary", Map.of("id", "1")), write.body());
    }

    @Test
    void refusesMissingInactiveAndLinkedCompanies() {
        assertFailure(ErrorCode.NOT_FOUND, planner.plan("4999999999"));
        assertFailure(ErrorCode.NOT_EXPORTABLE, planner.plan(String.valueOf(cases.inactiveProcoreVendors().get(0))));

        ProcoreDemoCases.VendorMatch match = cases.vendorNameMatches().get(0);
        links.link(LinkKind.VENDOR, String.valueOf(match.procoreId()), match.netsuiteId(), LinkMethod.MANUAL, "pat")
                .await().atMost(WAIT);
        TrestleException linked = assertFailure(ErrorCode.NOT_EXPORTABLE, planner.plan(String.valueOf(match.procoreId())));
        assertTrue(linked.getMessage().contains("NetSuite vendor " + match.netsuiteId()), linked.getMessage());

        // Not linked in the hub, but Procore already carries a NetSuite id for it.
        ProcoreDemoCases.VendorMatch carried = cases.linkedVendors().get(0);
        TrestleException origin = assertFailure(ErrorCode.NOT_EXPORTABLE, planner.plan(String.valueOf(carried.procoreId())));
        assertTrue(origin.getMessage().contains("NetSuite id " + carried.netsuiteId()), origin.getMessage());
    }

    @Test
    void importCreatesProcoreCompaniesForUnlinkedActiveNetSuiteVendorsOnce() {
        // One NetSuite vendor is linked already: the import leaves it alone.
        ProcoreDemoCases.VendorMatch match = cases.vendorNameMatches().get(0);
        links.link(LinkKind.VENDOR, String.valueOf(match.procoreId()), match.netsuiteId(), LinkMethod.MANUAL, "pat")
                .await().atMost(WAIT);
        int companiesBefore = sandbox.procore().vendors().count();

        ImportOutcome first = runner.run(ImportKind.VENDORS, false, ImportRun.Trigger.ON_REQUEST, IMPORTER).await().atMost(WAIT).outcome();

        // 30 NetSuite vendors: 1 linked and 1 inactive (2019) skipped. The two that Procore companies
        // already carry as origin id (2020, 2021) are adopted, not duplicated.
        assertEquals(ExportStatus.EXPORTED, first.status());
        assertEquals(List.of(28, 2, 0, 0), List.of(first.linked(), first.skipped(), first.failed(), first.pending()));
        assertEquals(companiesBefore + 26, sandbox.procore().vendors().count());
        for (String netsuiteId : cases.netsuiteOnlyVendors()) {
            Optional<ProcoreVendor> company = sandbox.procore().vendors().byOriginId(netsuiteId);
            assertTrue(company.isPresent(), "a Procore company with origin_id " + netsuiteId);
            assertEquals(1, database.count("SELECT count(*) FROM record_link WHERE method = 'IMPORT' AND left_id = '"
                    + company.get().id() + "' AND right_id = '" + netsuiteId + "' AND unlinked_at IS NULL"));
        }
        for (ProcoreDemoCases.VendorMatch adopted : cases.linkedVendors()) {
            assertEquals(1, database.count("SELECT count(*) FROM record_link WHERE left_id = '"
                    + adopted.procoreId() + "' AND right_id = '" + adopted.netsuiteId() + "'"));
        }
        assertTrue(sandbox.procore().vendors().byOriginId(ProcoreDemoCases.INACTIVE_ONLY_NETSUITE_VENDOR).isEmpty());
        // Through the outbox: the request is audited with its requester, each write with its outcome.
        assertEquals(1, database.count("SELECT count(*) FROM audit_event WHERE action = 'IMPORT_REQUESTED' "
                + "AND actor_subject = 'importer' AND subject_id = '" + first.requestId() + "'"));
        assertEquals(28, database.count("SELECT count(*) FROM audit_event WHERE action = 'EXPORT_WRITE_DELIVERED' "
                + "AND subject_id = '" + first.requestId() + "'"));

        ImportOutcome second = runner.run(ImportKind.VENDORS, false, ImportRun.Trigger.ON_REQUEST, IMPORTER).await().atMost(WAIT).outcome();

        assertEquals(ExportStatus.EXPORTED, second.status());
        assertEquals(List.of(0, 30), List.of(second.linked(), second.skipped()));
        assertEquals(companiesBefore + 26, sandbox.procore().vendors().count());
        assertEquals(29, database.count("SELECT count(*) FROM record_link WHERE unlinked_at IS NULL"));
    }

    private static TrestleException assertFailure(ErrorCode code, Uni<?> plan) {
        Throwable failure = plan.map(ignored -> (Throwable) null)
                .onFailure().recoverWithItem(f -> f)
                .await().atMost(WAIT);
        TrestleException known = assertInstanceOf(TrestleException.class, failure);
        assertEquals(code, known.code(), known.getMessage());
        return known;
    }
}
