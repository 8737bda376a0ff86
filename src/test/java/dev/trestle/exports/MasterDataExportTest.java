package dev.trestle.exports;

import static dev.trestle.support.Exports.auditActions;
import static dev.trestle.support.Exports.awaitStatus;
import static dev.trestle.support.Exports.deliveries;
import static dev.trestle.support.GraphQL.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trestle.connectors.procore.ProcoreConnector;
import dev.trestle.connectors.procore.ProcoreProjectUpdate;
import dev.trestle.projects.ProjectTestData;
import dev.trestle.sandbox.ProcoreDemoCases;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.sandbox.netsuite.NetSuiteRecord;
import dev.trestle.sandbox.netsuite.RecordStore;
import dev.trestle.sandbox.procore.WbsCode;
import dev.trestle.support.Database;
import dev.trestle.support.Exports;
import dev.trestle.support.GraphQL;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Procore projects and their cost codes exported to NetSuite through approval, end to end: the
 * exact payload shown before approval, one NetSuite record per Procore record, the ids on both
 * sides, the links, and the refusals for what may not be exported.
 */
@QuarkusTest
class MasterDataExportTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WESTFIELD = 5_100_000_008L;
    private static final String WESTFIELD_JOB = "procore-project-" + WESTFIELD;
    private static final String ITEM = "otherChargePurchaseItem";

    @Inject
    Sandbox sandbox;

    @Inject
    Database database;

    @Inject
    ProcoreConnector procore;

    @BeforeEach
    void connected() {
        Hub.freshInstallation(sandbox, database);
        ProjectTestData.connectedAsInTheDemo(database);
        Exports.designate("approver-user");
    }

    @Test
    void anApprovedProjectBecomesOneNetSuiteJobWithItsNumberAsJobId() {
        JsonPath requested = Exports.request("PROJECT", String.valueOf(WESTFIELD));
        Map<String, Object> preview = requested.getMap("data.requestExport.preview[0]");
        assertEquals(1, requested.getList("data.requestExport.preview").size());
        assertEquals("job", preview.get("recordType"));
        assertEquals(WESTFIELD_JOB, preview.get("externalId"));
        assertEquals(Map.of("system", "PROCORE", "type", "project", "id", String.valueOf(WESTFIELD)), preview.get("source"));
        assertEquals("NETSUITE", preview.get("destination"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("externalId", WESTFIELD_JOB);
        body.put("entityId", "P-1008");
        body.put("companyName", "Westfield Transit Hub");
        body.put("parent", Map.of("id", "1500"));
        body.put("subsidiary", Map.of("id", "1"));
        body.put("startDate", sandbox.procore().projects().get(WESTFIELD).orElseThrow().startDate().toString());
        Map<String, Object> sent = body((String) preview.get("body"));
        assertEquals(body, sent);
        assertEquals(List.copyOf(body.keySet()), List.copyOf(sent.keySet()), "the body as it is sent, field order too");
        assertEquals(0, sandbox.netsuite().requests().writeCount(), "nothing is written before approval");

        String id = requested.getString("data.requestExport.id");
        Exports.approve(id);
        Map<String, Object> exported = Exports.awaitOriginsRecorded(id);

        RecordStore jobs = sandbox.netsuite().records("job");
        NetSuiteRecord job = jobs.byExternalId(WESTFIELD_JOB).orElseThrow();
        assertEquals(1, jobs.creates());
        assertEquals("P-1008", job.text("entityId"));
        assertEquals("Westfield Transit Hub", job.text("companyName"));
        assertEquals("1500", job.text("parent"));
        assertEquals("1", job.text("subsidiary"));
        String jobId = String.valueOf(job.id());
        assertEquals(jobId, deliveries(exported).get(0).get("netsuiteId"));
        assertEquals("approver-user", exported.get("decidedBy"));
        assertEquals(jobId, sandbox.procore().projects().get(WESTFIELD).orElseThrow().originId(),
                "Procore keeps the NetSuite id as the project's origin_id");
        assertEquals(1, database.count("SELECT count(*) FROM record_link WHERE kind = 'PROJECT' AND left_id = '"
                + WESTFIELD + "' AND right_id = '" + jobId + "' AND method = 'EXPORT' AND unlinked_at IS NULL"));
        assertEquals(List.of("EXPORT_REQUESTED", "EXPORT_APPROVED", "EXPORT_WRITE_DELIVERED", "EXPORT_COMPLETED"),
                auditActions(id));

        // The project list shows the two linked, and a second export is refused.
        JsonPath listed = GraphQL.as("viewer", """
                { projects(filter: {search: "P-1008"}) { edges { node {
                    procoreProjectId linkStatus exportable netsuiteJob { id entityId } link { netsuiteId method } } } } }""");
        Map<String, Object> project = listed.getMap("data.projects.edges[0].node");
        assertEquals(String.valueOf(WESTFIELD), project.get("procoreProjectId"), listed.prettify());
        assertEquals("LINKED", project.get("linkStatus"));
        assertEquals(false, project.get("exportable"));
        assertEquals(Map.of("id", jobId, "entityId", "P-1008"), project.get("netsuiteJob"));
        assertEquals(Map.of("netsuiteId", jobId, "method", "EXPORT"), project.get("link"));
        assertEquals("NOT_EXPORTABLE", errorCode(Exports.request("requester-user", List.of("requester"), "PROJECT",
                String.valueOf(WESTFIELD))));
        assertEquals(1, jobs.creates());
    }

    @Test
    void theCostCodesOfAnExportedProjectBecomeOneOtherChargeItemEach() {
        JsonPath tooEarly = Exports.request("requester-user", List.of("requester"), "COST_CODES", String.valueOf(WESTFIELD));
        assertEquals("NOT_EXPORTABLE", errorCode(tooEarly), tooEarly.prettify());
        assertTrue(tooEarly.getString("errors[0].message").contains("has not been exported to NetSuite yet"),
                tooEarly.prettify());
        assertEquals(0, database.count("SELECT count(*) FROM export_request"));

        String project = Exports.request("PROJECT", String.valueOf(WESTFIELD)).getString("data.requestExport.id");
        Exports.approve(project);
        awaitStatus(project, "EXPORTED");

        JsonPath requested = Exports.request("COST_CODES", String.valueOf(WESTFIELD));
        List<WbsCode> codes = sandbox.procore().costStructure().wbsCodes(WESTFIELD);
        assertEquals(21, codes.size());
        List<Map<String, Object>> preview = requested.getList("data.requestExport.preview");
        assertEquals(codes.size(), preview.size());
        Map<String, String> itemNames = new LinkedHashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            WbsCode code = codes.get(i);
            // [project number]-[cost code].[cost type]: the code's two segments, cost code then cost type.
            assertEquals(2, code.segmentItems().size(), code.toString());
            String itemName = "P-1008-" + code.segmentItems().get(0).code() + "." + code.segmentItems().get(1).code();
            String externalId = "procore-wbs-" + WESTFIELD + "-" + code.id();
            itemNames.put(externalId, itemName);
            Map<String, Object> write = preview.get(i);
            assertEquals(ITEM, write.get("recordType"));
            assertEquals(externalId, write.get("externalId"));
            assertEquals(Map.of("system", "PROCORE", "type", "wbs_code", "id", String.valueOf(code.id())),
                    write.get("source"));
            Map<String, Object> body = body((String) write.get("body"));
            assertEquals(externalId, body.get("externalId"));
            assertEquals(itemName, body.get("itemId"));
            assertEquals(Map.of("items", List.of(Map.of("id", "1"))), body.get("subsidiary"));
            assertEquals(Map.of("id", "58"), body.get("expenseAccount"));
        }
        assertEquals("P-1008-01-100.L", itemNames.values().iterator().next());

        String id = requested.getString("data.requestExport.id");
        Exports.approve(id);
        Map<String, Object> exported = awaitStatus(id, "EXPORTED");

        RecordStore items = sandbox.netsuite().records(ITEM);
        assertEquals(codes.size(), items.creates());
        assertEquals(codes.size(), deliveries(exported).size());
        for (Map<String, Object> delivery : deliveries(exported)) {
            String externalId = (String) delivery.get("externalId");
            NetSuiteRecord item = items.byExternalId(externalId).orElseThrow();
            assertEquals(itemNames.get(externalId), item.text("itemId"));
            assertEquals("58", item.text("expenseAccount"));
            assertEquals("DELIVERED", delivery.get("status"));
            assertEquals(String.valueOf(item.id()), delivery.get("netsuiteId"));
            assertEquals(1, database.count("SELECT count(*) FROM record_link WHERE kind = 'COST_CODE' AND left_id = '"
                    + delivery.get("procoreId") + "' AND right_id = '" + item.id() + "' AND method = 'EXPORT'"));
        }
        assertEquals(codes.size(), items.all().stream().filter(r -> itemNames.containsKey(r.externalId())).count());

        // The cost code list shows every code linked to its item.
        JsonPath listed = GraphQL.as("viewer", """
                query($p: ID!) { costCodes(projectId: $p, first: 100) { totalCount edges { node {
                    wbsCodeId itemName linkStatus netsuiteItemId } } } }""", Map.of("p", String.valueOf(WESTFIELD)));
        assertNull(listed.get("errors"), listed.prettify());
        List<Map<String, Object>> nodes = listed.getList("data.costCodes.edges.node");
        assertEquals(codes.size(), nodes.size());
        for (Map<String, Object> node : nodes) {
            String externalId = "procore-wbs-" + WESTFIELD + "-" + node.get("wbsCodeId");
            assertEquals("LINKED", node.get("linkStatus"), node.toString());
            assertEquals(itemNames.get(externalId), node.get("itemName"));
            assertEquals(String.valueOf(items.byExternalId(externalId).orElseThrow().id()), node.get("netsuiteItemId"));
        }

        // Exporting them again adds nothing.
        long writes = sandbox.netsuite().requests().writeCount();
        JsonPath again = Exports.request("requester-user", List.of("requester"), "COST_CODES", String.valueOf(WESTFIELD));
        assertEquals("NOT_EXPORTABLE", errorCode(again), again.prettify());
        assertTrue(again.getString("errors[0].message").contains("already exported"), again.prettify());
        assertEquals(codes.size(), items.creates());
        assertEquals(writes, sandbox.netsuite().requests().writeCount());
    }

    // Repeated: the 42 writes go out in batches, and the last two land at the same moment; both
    // must see each other's outcome for the export to end EXPORTED.
    @RepeatedTest(3)
    void customWbsSegmentsFollowTheCostTypeInTheItemNames() {
        long northshore = ProcoreDemoCases.CUSTOM_SEGMENT_PROJECT;
        ProjectTestData.link(database, "PROJECT", String.valueOf(northshore), "3003");
        List<WbsCode> codes = sandbox.procore().costStructure().wbsCodes(northshore);

        String id = Exports.request("COST_CODES", String.valueOf(northshore)).getString("data.requestExport.id");
        Exports.approve(id);
        Map<String, Object> exported = awaitStatus(id, "EXPORTED");

        RecordStore items = sandbox.netsuite().records(ITEM);
        assertEquals(42, codes.size());
        assertEquals(codes.size(), items.creates());
        for (WbsCode code : codes) {
            // [project number]-[cost code].[cost type].[custom segment]
            assertEquals(3, code.segmentItems().size(), code.toString());
            String itemName = "P-1006-" + code.segmentItems().stream().map(WbsCode.SegmentItem::code)
                    .collect(Collectors.joining("."));
            assertEquals(itemName, items.byExternalId("procore-wbs-" + northshore + "-" + code.id()).orElseThrow()
                    .text("itemId"));
        }
        assertEquals("P-1006-01-100.L.P1", items.byExternalId("procore-wbs-" + northshore + "-" + codes.get(0).id())
                .orElseThrow().text("itemId"));
        assertTrue(deliveries(exported).stream().allMatch(d -> "DELIVERED".equals(d.get("status"))));
        assertEquals(codes.size(), exported.get("attempts"), "one attempt per write");
    }

    @Test
    void anItemAlreadyInNetSuiteUnderItsExternalIdIsUpdatedNotDuplicated() {
        // As an earlier export leaves it when its write landed but the hub never learned the outcome:
        // the item exists in NetSuite under the code's external id, and nothing links them.
        ProjectTestData.link(database, "PROJECT", String.valueOf(WESTFIELD), "3003");
        WbsCode first = sandbox.procore().costStructure().wbsCodes(WESTFIELD).get(0);
        String externalId = "procore-wbs-" + WESTFIELD + "-" + first.id();
        RecordStore items = sandbox.netsuite().records(ITEM);
        NetSuiteRecord earlier = items.add(externalId, new JsonObject().put("itemId", "P-1008-01-100.L")
                .put("subsidiary", new JsonObject().put("id", "1")).put("expenseAccount", new JsonObject().put("id", "58")),
                Instant.now());

        String id = Exports.request("COST_CODES", String.valueOf(WESTFIELD)).getString("data.requestExport.id");
        Exports.approve(id);
        Map<String, Object> exported = awaitStatus(id, "EXPORTED");

        assertEquals(20, items.creates(), "the item that was there is not created again");
        assertEquals(1, items.updates());
        assertEquals(1, items.all().stream().filter(r -> externalId.equals(r.externalId())).count());
        Map<String, Object> delivery = deliveries(exported).stream()
                .filter(d -> externalId.equals(d.get("externalId"))).findFirst().orElseThrow();
        assertEquals(String.valueOf(earlier.id()), delivery.get("netsuiteId"));
        assertEquals("General Conditions - Labor", items.get(earlier.id()).orElseThrow().text("displayName"),
                "updated with the planned body");
    }

    /** Projects the hub may not sync: refused when asked for, with the hub's own code, and nothing is queued. */
    static Stream<Arguments> projectsThatMayNotBeExported() {
        return Stream.of(
                Arguments.of("created before the connection", 5_100_000_003L, false, "PROJECT_NOT_SYNCABLE",
                        "before the integration was connected"),
                Arguments.of("in progress", 5_100_000_007L, false, "PROJECT_NOT_SYNCABLE",
                        "in progress (stage Course of Construction)"),
                Arguments.of("without number", 5_100_000_009L, false, "NOT_EXPORTABLE", "no project number"),
                Arguments.of("inactive", WESTFIELD, true, "NOT_EXPORTABLE", "is inactive in Procore"));
    }

    @ParameterizedTest(name = "a project {0}")
    @MethodSource("projectsThatMayNotBeExported")
    void aProjectThatMayNotBeExportedIsRefusedWhenRequested(String what, long projectId, boolean deactivate,
            String code, String reason) {
        if (deactivate) {
            // Otherwise eligible; made inactive through Procore's API.
            procore.syncProject(new ProcoreProjectUpdate(projectId, null, null, null, null, null, false, null))
                    .await().atMost(WAIT);
        }
        JsonPath refused = Exports.request("requester-user", List.of("requester"), "PROJECT", String.valueOf(projectId));

        assertEquals(code, errorCode(refused), refused.prettify());
        assertTrue(refused.getString("errors[0].message").contains(reason), refused.prettify());
        assertNull(refused.get("data"));
        assertEquals(0, database.count("SELECT count(*) FROM export_request"));
        assertEquals(0, sandbox.netsuite().requests().writeCount());
    }

    private static Map<String, Object> body(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (Exception e) {
            throw new AssertionError("the preview body is not JSON: " + json, e);
        }
    }
}
