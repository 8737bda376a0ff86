package dev.trestle.projects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.connectors.netsuite.NetSuiteRecords;
import dev.trestle.connectors.procore.ProcoreConnector;
import dev.trestle.connectors.procore.ProcoreProjectUpdate;
import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.exports.ExportKind;
import dev.trestle.exports.OutboxWrite;
import dev.trestle.links.LinkKind;
import dev.trestle.sandbox.ProcoreDemoCases;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.support.Database;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which Procore projects may be exported as NetSuite projects, with which code, and the exact write. */
@QuarkusTest
class ProjectExportPlannerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long WESTFIELD = 5_100_000_008L;

    @Inject
    Sandbox sandbox;

    @Inject
    Database database;

    @Inject
    ProjectExportPlanner planner;

    @Inject
    NetSuiteRecords netsuite;

    @Inject
    ProcoreConnector procore;

    @BeforeEach
    void connected() {
        Hub.freshInstallation(sandbox, database);
        ProjectTestData.connectedAsInTheDemo(database);
    }

    @Test
    void anEligibleProjectBecomesOneJobUpsert() {
        assertEquals(ExportKind.PROJECT, planner.kind());

        List<OutboxWrite> writes = plan(WESTFIELD);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("externalId", "procore-project-5100000008");
        body.put("entityId", "P-1008");
        body.put("companyName", "Westfield Transit Hub");
        body.put("parent", Map.of("id", "1500"));
        body.put("subsidiary", Map.of("id", "1"));
        body.put("startDate", sandbox.procore().projects().get(WESTFIELD).orElseThrow().startDate().toString());
        assertEquals(List.of(OutboxWrite.intoNetSuite("job", "procore-project-5100000008", body, LinkKind.PROJECT,
                "5100000008")), writes);
        assertEquals(List.copyOf(body.keySet()), List.copyOf(writes.get(0).body().keySet()), "field order");

        // The simulated NetSuite accepts the body as it is (required fields, references).
        OutboxWrite write = writes.get(0);
        String id = netsuite.upsert(write.recordType(), write.idempotencyKey(), write.body()).await().atMost(WAIT);
        assertEquals("P-1008", sandbox.netsuite().records("job").get(Long.parseLong(id)).orElseThrow().fields()
                .getString("entityId"));
    }

    @Test
    void projectsCreatedBeforeTheConnectionCannotBeSynced() {
        TrestleException refused = refused(5_100_000_003L);
        assertEquals(ErrorCode.PROJECT_NOT_SYNCABLE, refused.code());
        assertTrue(refused.getMessage().contains("before the integration was connected"), refused.getMessage());
    }

    @Test
    void projectsInProgressCannotBeSynced() {
        TrestleException refused = refused(5_100_000_007L);
        assertEquals(ErrorCode.PROJECT_NOT_SYNCABLE, refused.code());
        assertTrue(refused.getMessage().contains("in progress (stage Course of Construction)"), refused.getMessage());
        // Stages after construction count as well: work has been done.
        TrestleException warranty = refused(5_100_000_011L);
        assertEquals(ErrorCode.PROJECT_NOT_SYNCABLE, warranty.code());
        assertTrue(warranty.getMessage().contains("stage Warranty"), warranty.getMessage());
    }

    @Test
    void aProjectWithoutNumberIsNotExportable() {
        TrestleException refused = refused(5_100_000_009L);
        assertEquals(ErrorCode.NOT_EXPORTABLE, refused.code());
        assertTrue(refused.getMessage().contains("no project number"), refused.getMessage());
    }

    @Test
    void anInactiveProjectIsNotExportable() {
        // The demo's inactive projects are also refused by the sync rules, so one that passes
        // them is made inactive here, through Procore's API.
        procore.syncProject(new ProcoreProjectUpdate(WESTFIELD, null, null, null, null, null, false, null))
                .await().atMost(WAIT);
        TrestleException refused = refused(WESTFIELD);
        assertEquals(ErrorCode.NOT_EXPORTABLE, refused.code());
        assertTrue(refused.getMessage().contains("inactive"), refused.getMessage());
    }

    @Test
    void aLinkedProjectIsNotExportedAgain() {
        ProjectTestData.link(database, "PROJECT", String.valueOf(WESTFIELD), "3003");
        TrestleException refused = refused(WESTFIELD);
        assertEquals(ErrorCode.NOT_EXPORTABLE, refused.code());
        assertTrue(refused.getMessage().contains("already linked"), refused.getMessage());
    }

    @Test
    void aProjectWhoseNumberIsAlreadyANetSuiteJobIdIsNotExportable() {
        TrestleException refused = refused(ProcoreDemoCases.PROJECT_NUMBER_MATCH_PROJECT);
        assertEquals(ErrorCode.NOT_EXPORTABLE, refused.code());
        assertTrue(refused.getMessage().contains("Job ID P-1012"), refused.getMessage());
    }

    @Test
    void aMissingProjectIsNotFound() {
        assertEquals(ErrorCode.NOT_FOUND, refused(5_199_999_999L).code());
    }

    private List<OutboxWrite> plan(long projectId) {
        return planner.plan(String.valueOf(projectId)).await().atMost(WAIT).writes();
    }

    private TrestleException refused(long projectId) {
        return assertThrows(TrestleException.class, () -> plan(projectId));
    }
}
