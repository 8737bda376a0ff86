package dev.trestle.costcodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.connectors.netsuite.NetSuiteRecords;
import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.exports.ExportKind;
import dev.trestle.exports.OutboxWrite;
import dev.trestle.links.LinkKind;
import dev.trestle.projects.ProjectTestData;
import dev.trestle.sandbox.ProcoreDemoCases;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.support.Database;
import dev.trestle.support.GraphQL;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cost code list of a project and the export of its WBS codes as NetSuite Other Charge items. */
@QuarkusTest
class CostCodesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long WESTFIELD = 5_100_000_008L;
    private static final long NORTHSHORE = ProcoreDemoCases.CUSTOM_SEGMENT_PROJECT;
    private static final String PAGE = """
            query($projectId: ID!, $filter: CostCodeFilter, $first: Int, $after: String) {
              costCodes(projectId: $projectId, filter: $filter, first: $first, after: $after) {
                totalCount pageInfo { hasNextPage endCursor }
                edges { node { wbsCodeId flatCode description costCode costType customSegments itemName linkStatus
                  netsuiteItemId } } } }""";

    @Inject
    Sandbox sandbox;

    @Inject
    Database database;

    @Inject
    CostCodesExportPlanner planner;

    @Inject
    NetSuiteRecords netsuite;

    @BeforeEach
    void connected() {
        Hub.freshInstallation(sandbox, database);
        ProjectTestData.connectedAsInTheDemo(database);
    }

    @Test
    void aProjectNotExportedYetHasNoCostCodeExport() {
        assertEquals(ExportKind.COST_CODES, planner.kind());
        TrestleException refused = refused(WESTFIELD);
        assertEquals(ErrorCode.NOT_EXPORTABLE, refused.code());
        assertTrue(refused.getMessage().contains("has not been exported"), refused.getMessage());
    }

    @Test
    void theProjectSyncRulesApply() {
        ProjectTestData.link(database, "PROJECT", "5100000003", "3003");
        ProjectTestData.link(database, "PROJECT", "5100000007", "3004");
        assertEquals(ErrorCode.PROJECT_NOT_SYNCABLE, refused(5_100_000_003L).code());
        assertEquals(ErrorCode.PROJECT_NOT_SYNCABLE, refused(5_100_000_007L).code());
        assertEquals(ErrorCode.NOT_FOUND, refused(5_199_999_999L).code());
    }

    @Test
    void oneItemPerWbsCodeOfAnExportedProject() {
        ProjectTestData.link(database, "PROJECT", String.valueOf(WESTFIELD), "3003");

        List<OutboxWrite> writes = plan(WESTFIELD);

        // Six cost codes; the first three take Labor, Materials, Subcontract and Equipment, the rest no Equipment.
        assertEquals(21, writes.size());
        assertEquals(List.of("P-1008-01-100.L", "P-1008-01-100.M", "P-1008-01-100.S", "P-1008-01-100.E",
                "P-1008-03-300.L"), writes.subList(0, 5).stream().map(write -> write.body().get("itemId")).toList());
        assertEquals("P-1008-26-100.S", writes.get(20).body().get("itemId"));
        long firstCode = sandbox.procore().costStructure().wbsCodes(WESTFIELD).get(0).id();
        String externalId = "procore-wbs-5100000008-" + firstCode;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("externalId", externalId);
        body.put("itemId", "P-1008-01-100.L");
        body.put("displayName", "General Conditions - Labor");
        body.put("description", "Procore project P-1008 Westfield Transit Hub, WBS code 01-100.L General Conditions - Labor");
        body.put("subsidiary", Map.of("items", List.of(Map.of("id", "1"))));
        body.put("expenseAccount", Map.of("id", "58"));
        assertEquals(OutboxWrite.intoNetSuite("otherChargePurchaseItem", externalId, body, LinkKind.COST_CODE,
                String.valueOf(firstCode)), writes.get(0));

        // The simulated NetSuite accepts the body as it is.
        String id = netsuite.upsert(writes.get(0).recordType(), externalId, writes.get(0).body()).await().atMost(WAIT);
        assertEquals("P-1008-01-100.L", sandbox.netsuite().records("otherChargePurchaseItem")
                .get(Long.parseLong(id)).orElseThrow().fields().getString("itemId"));

        // A linked code is not exported again.
        ProjectTestData.link(database, "COST_CODE", String.valueOf(firstCode), id);
        List<OutboxWrite> rest = plan(WESTFIELD);
        assertEquals(20, rest.size());
        assertEquals("P-1008-01-100.M", rest.get(0).body().get("itemId"));
    }

    @Test
    void customSegmentsAreAppendedToTheItemName() {
        ProjectTestData.link(database, "PROJECT", String.valueOf(NORTHSHORE), "3003");

        List<OutboxWrite> writes = plan(NORTHSHORE);

        assertEquals(42, writes.size());
        assertEquals(List.of("P-1006-01-100.L.P1", "P-1006-01-100.L.P2", "P-1006-01-100.M.P1"),
                writes.subList(0, 3).stream().map(write -> write.body().get("itemId")).toList());
        assertEquals(42, new HashSet<>(writes.stream().map(write -> write.body().get("itemId")).toList()).size(),
                "item names are unique");
        assertEquals("General Conditions - Labor - Phase 1 - Shell", writes.get(0).body().get("displayName"));
    }

    @Test
    void nothingLeftToExportIsNotExportable() {
        ProjectTestData.link(database, "PROJECT", String.valueOf(ProcoreDemoCases.PROJECT_WITHOUT_COST_CODES), "3003");
        TrestleException refused = refused(ProcoreDemoCases.PROJECT_WITHOUT_COST_CODES);
        assertEquals(ErrorCode.NOT_EXPORTABLE, refused.code());
        assertTrue(refused.getMessage().contains("no cost codes"), refused.getMessage());
    }

    @Test
    void listsTheWbsCodesWithTheirItemNamesAndLinkStatus() {
        long firstCode = sandbox.procore().costStructure().wbsCodes(NORTHSHORE).get(0).id();
        ProjectTestData.link(database, "COST_CODE", String.valueOf(firstCode), "4001");

        JsonPath all = GraphQL.as("viewer", PAGE, Map.of("projectId", String.valueOf(NORTHSHORE), "first", 100));

        assertNull(all.get("errors"), all.prettify());
        assertEquals(42, all.getInt("data.costCodes.totalCount"));
        Map<String, Object> first = all.get("data.costCodes.edges[0].node");
        assertEquals(String.valueOf(firstCode), first.get("wbsCodeId"));
        assertEquals("01-100.L.P1", first.get("flatCode"));
        assertEquals("01-100", first.get("costCode"));
        assertEquals("L", first.get("costType"));
        assertEquals(List.of("P1"), first.get("customSegments"));
        assertEquals("P-1006-01-100.L.P1", first.get("itemName"));
        assertEquals("LINKED", first.get("linkStatus"));
        assertEquals("4001", first.get("netsuiteItemId"));
        assertEquals("NOT_LINKED", all.get("data.costCodes.edges[1].node.linkStatus"));

        JsonPath linked = GraphQL.as("viewer", PAGE, Map.of("projectId", String.valueOf(NORTHSHORE),
                "filter", Map.of("linkStatus", List.of("LINKED"))));
        assertEquals(1, linked.getInt("data.costCodes.totalCount"));
        JsonPath search = GraphQL.as("viewer", PAGE, Map.of("projectId", String.valueOf(NORTHSHORE),
                "filter", Map.of("search", "p-1006-22-100.s")));
        assertEquals(List.of("P-1006-22-100.S.P1", "P-1006-22-100.S.P2"),
                search.getList("data.costCodes.edges.node.itemName"));

        JsonPath page = GraphQL.as("viewer", PAGE, Map.of("projectId", String.valueOf(NORTHSHORE), "first", 40));
        assertTrue(page.getBoolean("data.costCodes.pageInfo.hasNextPage"));
        JsonPath next = GraphQL.as("viewer", PAGE, Map.of("projectId", String.valueOf(NORTHSHORE), "first", 40,
                "after", page.getString("data.costCodes.pageInfo.endCursor")));
        assertEquals(all.getList("data.costCodes.edges.node.wbsCodeId").subList(40, 42),
                next.getList("data.costCodes.edges.node.wbsCodeId"));

        JsonPath missing = GraphQL.as("viewer", PAGE, Map.of("projectId", "5199999999"));
        assertEquals("NOT_FOUND", GraphQL.errorCode(missing));
    }

    private List<OutboxWrite> plan(long projectId) {
        return planner.plan(String.valueOf(projectId)).await().atMost(WAIT).writes();
    }

    private TrestleException refused(long projectId) {
        return assertThrows(TrestleException.class, () -> plan(projectId));
    }
}
