package dev.trestle.exports;

import static dev.trestle.support.Exports.awaitStatus;
import static dev.trestle.support.GraphQL.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.projects.ProjectTestData;
import dev.trestle.sandbox.Fault;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.sandbox.netsuite.NetSuiteRecord;
import dev.trestle.support.Database;
import dev.trestle.support.Exports;
import dev.trestle.support.GraphQL;
import dev.trestle.support.Hub;
import dev.trestle.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seed's approval rule and exactly-once delivery, end to end against the sandbox. */
@QuarkusTest
class ExportWorkflowTest {

    private static final String REQUEST = """
            mutation($source: ID!) { requestExport(input: {kind: VENDOR, sourceId: $source}) {
              id status requestedBy preview { destination recordType externalId: idempotencyKey body source { system type id } } } }""";
    private static final String APPROVE = "mutation($id: ID!) { approveExport(id: $id) { status decidedBy decidedBySubject } }";
    private static final String REJECT = "mutation($id: ID!) { rejectExport(id: $id, reason: \"Wrong legal name\") { status } }";
    private static final String RESUBMIT = "mutation($id: ID!) { resubmitExport(id: $id) { status requestedBy requestedBySubject } }";
    private static final String RETRY = "mutation($id: ID!) { retryExport(id: $id) { status } }";
    private static final long WESTFIELD = 5_100_000_008L;
    /** Ann, as her identity provider names her today and, after a change of spelling, tomorrow: one person. */
    private static final String ANN = "u-1001";
    /** Another person who is also called Ann. */
    private static final String OTHER_ANN = "u-2002";

    @Inject
    Sandbox sandbox;

    @Inject
    Database database;

    private String vendor;

    @BeforeEach
    void freshInstallation() {
        Hub.freshInstallation(sandbox, database);
        vendor = Long.toString(sandbox.procoreDemoCases().procoreOnlyVendors().get(0));
        Exports.designate("approver-user", "carol", ANN, OTHER_ANN);
    }

    @Test
    void anApprovedExportLandsInNetSuiteOnceAndBothSidesKnowTheOther() {
        JsonPath requested = GraphQL.as("requester", REQUEST, Map.of("source", vendor));
        assertNull(requested.get("errors"), requested.prettify());
        assertEquals("PENDING", requested.getString("data.requestExport.status"));
        assertEquals("vendor", requested.getString("data.requestExport.preview[0].recordType"));
        String externalId = requested.getString("data.requestExport.preview[0].externalId");
        assertEquals("procore-vendor-" + vendor, externalId);
        assertTrue(requested.getString("data.requestExport.preview[0].body").contains("\"companyName\""));
        assertEquals(0, sandbox.netsuite().requests().writeCount(), "nothing is written before approval");

        String id = requested.getString("data.requestExport.id");
        JsonPath approved = GraphQL.as("approver", "mutation($id: ID!) { approveExport(id: $id) { id status decidedBy } }",
                Map.of("id", id));
        assertNull(approved.get("errors"), approved.prettify());
        Map<String, Object> exported = Exports.awaitOriginsRecorded(id);

        NetSuiteRecord record = sandbox.netsuite().records("vendor").byExternalId(externalId).orElseThrow();
        assertEquals(String.valueOf(record.id()), delivery(exported).get("netsuiteId"));
        assertEquals(1, sandbox.netsuite().records("vendor").creates());
        assertEquals(String.valueOf(record.id()),
                sandbox.procore().vendors().get(Long.parseLong(vendor)).orElseThrow().originId(),
                "Procore records the NetSuite id as origin_id");
        assertEquals(1, database.count("SELECT count(*) FROM record_link WHERE kind = 'VENDOR' AND left_id = '"
                + vendor + "' AND method = 'EXPORT'"));

        List<String> trail = GraphQL.as("viewer", "query($s: ID!) { auditTrail(subjectId: $s) { action actor } }",
                Map.of("s", id)).getList("data.auditTrail.action");
        assertEquals(List.of("EXPORT_REQUESTED", "EXPORT_APPROVED", "EXPORT_WRITE_DELIVERED", "EXPORT_COMPLETED"), trail);
    }

    @Test
    void onlyAnotherDesignatedAccountingApproverDecides() {
        String id = GraphQL.as("requester", REQUEST, Map.of("source", vendor)).getString("data.requestExport.id");
        String approve = "mutation($id: ID!) { approveExport(id: $id) { status } }";

        assertEquals("FORBIDDEN", errorCode(GraphQL.as("requester", approve, Map.of("id", id))));
        assertEquals("FORBIDDEN", errorCode(GraphQL.as("viewer", approve, Map.of("id", id))));
        assertEquals("NOT_AN_ACCOUNTING_APPROVER",
                errorCode(GraphQL.as("dave", List.of("approver"), approve, Map.of("id", id))));
        assertEquals("FORBIDDEN", errorCode(GraphQL.as("viewer", REQUEST, Map.of("source", vendor))));
        assertEquals("EXPORT_ALREADY_REQUESTED", errorCode(GraphQL.as("requester", REQUEST, Map.of("source", vendor))));
        assertEquals("INVALID_ARGUMENT", errorCode(GraphQL.as("requester", REQUEST, Map.of("source", "12; DROP"))));
        assertEquals("NOT_FOUND", errorCode(GraphQL.as("approver", approve, Map.of("id", "999999"))));

        // carol is a designated approver who also requests: she cannot approve her own request.
        String other = Long.toString(sandbox.procoreDemoCases().procoreOnlyVendors().get(1));
        String own = GraphQL.as("carol", List.of("requester", "approver"), REQUEST, Map.of("source", other))
                .getString("data.requestExport.id");
        assertEquals("SELF_APPROVAL_FORBIDDEN",
                errorCode(GraphQL.as("carol", List.of("requester", "approver"), approve, Map.of("id", own))));
        assertEquals("PENDING", status(own));
        assertEquals(0, sandbox.netsuite().requests().writeCount());
    }

    @Test
    void aRejectedExportGoesBackToItsRequesterWhoMaySendItAgain() {
        String id = GraphQL.as("requester", REQUEST, Map.of("source", vendor)).getString("data.requestExport.id");
        String reject = "mutation($id: ID!, $r: String!) { rejectExport(id: $id, reason: $r) { status rejectionReason } }";
        assertEquals("INVALID_ARGUMENT", errorCode(GraphQL.as("approver", reject, Map.of("id", id, "r", "  "))));

        JsonPath rejected = GraphQL.as("approver", reject, Map.of("id", id, "r", "Wrong legal name"));
        assertEquals("REJECTED", rejected.getString("data.rejectExport.status"));
        assertEquals("Wrong legal name", rejected.getString("data.rejectExport.rejectionReason"));
        assertEquals("INVALID_EXPORT_STATE",
                errorCode(GraphQL.as("approver", "mutation($id: ID!) { approveExport(id: $id) { status } }", Map.of("id", id))));

        String resubmit = "mutation($id: ID!) { resubmitExport(id: $id) { status rejectionReason } }";
        assertEquals("FORBIDDEN", errorCode(GraphQL.as("erin", List.of("requester"), resubmit, Map.of("id", id))));
        JsonPath again = GraphQL.as("requester", resubmit, Map.of("id", id));
        assertEquals("PENDING", again.getString("data.resubmitExport.status"), again.prettify());
        assertNull(again.get("data.resubmitExport.rejectionReason"));
        assertEquals(0, sandbox.netsuite().requests().writeCount());
    }

    @Test
    void peopleAreToldApartByTheirSubjectNeverByTheirName() {
        String ann = Tokens.of(ANN, "ann", "requester", "approver");
        JsonPath requested = GraphQL.withToken(ann, REQUEST, Map.of("source", vendor));
        assertNull(requested.get("errors"), requested.prettify());
        String id = requested.getString("data.requestExport.id");
        assertEquals("ann", requested.getString("data.requestExport.requestedBy"));

        // The same person with her name spelt differently is still the requester.
        String annCapitalised = Tokens.of(ANN, "Ann", "approver");
        assertEquals("SELF_APPROVAL_FORBIDDEN", errorCode(GraphQL.withToken(annCapitalised, APPROVE, Map.of("id", id))));
        assertEquals("SELF_APPROVAL_FORBIDDEN", errorCode(GraphQL.withToken(annCapitalised, REJECT, Map.of("id", id))));
        assertEquals("PENDING", status(id));

        // Another person called Ann is not: she decides.
        JsonPath approved = GraphQL.withToken(Tokens.of(OTHER_ANN, "Ann", "approver"), APPROVE, Map.of("id", id));
        assertNull(approved.get("errors"), approved.prettify());
        assertEquals("Ann", approved.getString("data.approveExport.decidedBy"));
        assertEquals(OTHER_ANN, approved.getString("data.approveExport.decidedBySubject"));
        awaitStatus(id, "EXPORTED");
        List<Map<String, Object>> trail = GraphQL.as("viewer",
                "query($s: ID!) { auditTrail(subjectId: $s) { action actor actorSubject } }", Map.of("s", id))
                .getList("data.auditTrail");
        assertEquals(Map.of("action", "EXPORT_REQUESTED", "actor", "ann", "actorSubject", ANN), trail.get(0));
        assertEquals(Map.of("action", "EXPORT_APPROVED", "actor", "Ann", "actorSubject", OTHER_ANN), trail.get(1));
    }

    @Test
    void onlyTheRequesterResubmitsAndTheApprovalStillExcludesThem() {
        String id = GraphQL.withToken(Tokens.of(ANN, "ann", "requester", "approver"), REQUEST, Map.of("source", vendor))
                .getString("data.requestExport.id");
        assertEquals("REJECTED", GraphQL.as("approver", REJECT, Map.of("id", id)).getString("data.rejectExport.status"));

        // Someone else with the same name may not send it again.
        assertEquals("FORBIDDEN", errorCode(GraphQL.withToken(Tokens.of(OTHER_ANN, "ann", "requester"), RESUBMIT,
                Map.of("id", id))));
        assertEquals("REJECTED", status(id));

        JsonPath again = GraphQL.withToken(Tokens.of(ANN, "Ann", "requester"), RESUBMIT, Map.of("id", id));
        assertNull(again.get("errors"), again.prettify());
        assertEquals("PENDING", again.getString("data.resubmitExport.status"));
        assertEquals(ANN, again.getString("data.resubmitExport.requestedBySubject"));

        // Resubmitted, it is still hers: she cannot approve it, another approver can.
        assertEquals("SELF_APPROVAL_FORBIDDEN",
                errorCode(GraphQL.withToken(Tokens.of(ANN, "ann", "approver"), APPROVE, Map.of("id", id))));
        JsonPath approved = GraphQL.as("approver", APPROVE, Map.of("id", id));
        assertNull(approved.get("errors"), approved.prettify());
        awaitStatus(id, "EXPORTED");
    }

    @Test
    void theRequesterCannotRetryTheirOwnFailedExport() {
        ProjectTestData.connectedAsInTheDemo(database);
        String carol = Tokens.of("carol", "carol", "requester", "approver");
        JsonPath requested = GraphQL.withToken(carol, "mutation($source: ID!) { requestExport(input: {kind: PROJECT, "
                + "sourceId: $source}) { id } }", Map.of("source", String.valueOf(WESTFIELD)));
        assertNull(requested.get("errors"), requested.prettify());
        String id = requested.getString("data.requestExport.id");
        // NetSuite refuses the project: its Job ID was entered by hand meanwhile. The export fails for good.
        sandbox.netsuite().records("job").add("entered-by-hand", new JsonObject().put("entityId", "P-1008")
                .put("companyName", "Westfield (by hand)").put("parent", new JsonObject().put("id", "1500"))
                .put("subsidiary", new JsonObject().put("id", "1")), Instant.now());
        Exports.approve(id);
        Exports.awaitFinalFailure(id);

        for (String token : List.of(carol, Tokens.of("carol", "Carol Jones", "approver"))) {
            assertEquals("SELF_APPROVAL_FORBIDDEN", errorCode(GraphQL.withToken(token, RETRY, Map.of("id", id))));
        }
        assertEquals("FAILED", status(id));
        assertTrue(Exports.auditActions(id).stream().noneMatch("EXPORT_RETRY_REQUESTED"::equals));

        Exports.retry(id);
        Exports.await(id, request -> (int) request.get("attempts") == 2 && "FAILED".equals(request.get("status")),
                "the approver's retry, refused again");
    }

    @Test
    void aRequestRecordedBeforeSubjectsIsNotDecidedByAnyoneItsNameCouldBe() {
        String id = GraphQL.as("requester", REQUEST, Map.of("source", vendor)).getString("data.requestExport.id");
        // As V4 leaves a request from before: the name only.
        database.execute("UPDATE export_request SET requested_by = 'ann', requested_by_subject = NULL WHERE id = " + id);
        assertEquals("SELF_APPROVAL_FORBIDDEN",
                errorCode(GraphQL.withToken(Tokens.of(ANN, "ann", "approver"), APPROVE, Map.of("id", id))));
        Exports.designate("ann");
        assertEquals("SELF_APPROVAL_FORBIDDEN",
                errorCode(GraphQL.withToken(Tokens.of("ann", "Ann Smith", "approver"), APPROVE, Map.of("id", id))));
        assertNull(GraphQL.withToken(Tokens.of(OTHER_ANN, "Ann", "approver"), APPROVE, Map.of("id", id)).get("errors"));
        awaitStatus(id, "EXPORTED");
    }

    @Test
    void twoApprovalsRacingExportOnce() throws Exception {
        String id = GraphQL.as("requester", REQUEST, Map.of("source", vendor)).getString("data.requestExport.id");
        String approve = "mutation($id: ID!) { approveExport(id: $id) { status } }";
        List<CompletableFuture<JsonPath>> racing = new ArrayList<>();
        for (String approver : List.of("approver-user", "carol")) {
            racing.add(CompletableFuture.supplyAsync(
                    () -> GraphQL.as(approver, List.of("approver"), approve, Map.of("id", id))));
        }
        List<String> codes = new ArrayList<>();
        for (CompletableFuture<JsonPath> call : racing) {
            codes.add(String.valueOf(errorCode(call.get())));
        }
        assertTrue(codes.contains("null") && codes.contains("INVALID_EXPORT_STATE"), codes.toString());
        awaitStatus(id, "EXPORTED");
        assertEquals(1, database.count("SELECT count(*) FROM export_delivery WHERE export_request_id = " + id));
        assertEquals(1, sandbox.netsuite().records("vendor").creates());
    }

    @Test
    void aWriteThatLandedButWhoseAnswerWasLostIsNotDuplicated() {
        sandbox.netsuite().knobs().failNext(1, Fault.COMMIT_THEN_DROP);
        String id = GraphQL.as("requester", REQUEST, Map.of("source", vendor)).getString("data.requestExport.id");
        GraphQL.as("approver", "mutation($id: ID!) { approveExport(id: $id) { status } }", Map.of("id", id));
        awaitStatus(id, "EXPORTED");
        assertEquals(1, sandbox.netsuite().records("vendor").creates(), "the repeat updated, not created");
        assertTrue(sandbox.netsuite().records("vendor").byExternalId("procore-vendor-" + vendor).isPresent());
    }

    @Test
    void aFailingNetSuiteIsRetriedAndTheFailureIsVisibleMeanwhile() {
        sandbox.netsuite().knobs().errorRate(1.0);
        String id = GraphQL.as("requester", REQUEST, Map.of("source", vendor)).getString("data.requestExport.id");
        GraphQL.as("approver", "mutation($id: ID!) { approveExport(id: $id) { status } }", Map.of("id", id));
        // Retrying is EXPORTING with the last error, not FAILED: only a refusal a person must fix fails it.
        Map<String, Object> failed = Exports.await(id, request -> request.get("errorCode") != null,
                "a failure on record");
        assertEquals("EXPORTING", failed.get("status"), failed.toString());
        assertNotNull(failed.get("nextRetryAt"), "a retry is planned: " + failed);
        assertTrue((int) failed.get("attempts") >= 1);

        sandbox.netsuite().knobs().errorRate(0);
        io.smallrye.faulttolerance.api.CircuitBreakerMaintenance.get().resetAll();
        awaitStatus(id, "EXPORTED");
        assertEquals(1, sandbox.netsuite().records("vendor").creates());
    }

    private static String status(String id) {
        return Exports.exportRequest(id).get("status").toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> delivery(Map<String, Object> request) {
        return ((List<Map<String, Object>>) request.get("deliveries")).get(0);
    }
}
