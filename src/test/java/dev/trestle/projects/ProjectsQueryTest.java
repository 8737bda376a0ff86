package dev.trestle.projects;

import static dev.trestle.support.GraphQL.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.Sandbox;
import dev.trestle.support.Database;
import dev.trestle.support.GraphQL;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The unified project list: joining, link status, export eligibility, filters and paging; and the import. */
@QuarkusTest
class ProjectsQueryTest {

    private static final String PAGE = """
            query($filter: ProjectFilter, $first: Int, $after: String) {
              projects(filter: $filter, first: $first, after: $after) {
                totalCount pageInfo { hasNextPage endCursor }
                edges { node { linkStatus procoreProjectId name projectNumber exportable notExportableReason
                  netsuiteJob { id entityId companyName } link { netsuiteId method } } } } }""";

    @Inject
    Sandbox sandbox;

    @Inject
    Database database;

    @BeforeEach
    void connected() {
        Hub.freshInstallation(sandbox, database);
        ProjectTestData.connectedAsInTheDemo(database);
    }

    @Test
    void joinsProcoreProjectsAndNetSuiteJobs() {
        List<Map<String, Object>> nodes = nodes(Map.of("first", 100));

        // 12 Procore projects, then the 5 NetSuite jobs without one (3001 is tied by origin id).
        assertEquals(17, nodes.size());
        assertEquals("5100000001", nodes.get(0).get("procoreProjectId"));
        assertEquals("LINKED", nodes.get(0).get("linkStatus"));
        assertEquals("3001", job(nodes.get(0)).get("id"));
        assertEquals(List.of("3002", "3003", "3004", "3005", "3006"), nodes.subList(12, 17).stream()
                .map(node -> job(node).get("id")).toList());
        assertTrue(nodes.subList(12, 17).stream().allMatch(node -> "NETSUITE_ONLY".equals(node.get("linkStatus"))));
        assertEquals(List.of("5100000006", "5100000008", "5100000010"), nodes.stream()
                .filter(node -> Boolean.TRUE.equals(node.get("exportable")))
                .map(node -> node.get("procoreProjectId")).toList());
        Map<String, Object> inProgress = byProcoreId(nodes, "5100000007");
        assertTrue(inProgress.get("notExportableReason").toString().contains("in progress"));
        Map<String, Object> numberTaken = byProcoreId(nodes, "5100000012");
        assertEquals("PROCORE_ONLY", numberTaken.get("linkStatus"));
        assertTrue(numberTaken.get("notExportableReason").toString().contains("Job ID P-1012"));
    }

    @Test
    void linksComeFromTheHub() {
        ProjectTestData.link(database, "PROJECT", "5100000008", "3003");

        List<Map<String, Object>> nodes = nodes(Map.of("first", 100));

        assertEquals(16, nodes.size());
        Map<String, Object> westfield = byProcoreId(nodes, "5100000008");
        assertEquals("LINKED", westfield.get("linkStatus"));
        assertEquals("3003", job(westfield).get("id"));
        assertEquals(Map.of("netsuiteId", "3003", "method", "EXPORT"), westfield.get("link"));
        assertEquals(Boolean.FALSE, westfield.get("exportable"));
    }

    @Test
    void filtersByLinkStatusAndSearch() {
        assertEquals(List.of("3002", "3003", "3004", "3005", "3006"),
                nodes(Map.of("filter", Map.of("linkStatus", List.of("NETSUITE_ONLY")))).stream()
                        .map(node -> job(node).get("id")).toList());
        assertEquals(11, nodes(Map.of("filter", Map.of("linkStatus", List.of("PROCORE_ONLY")))).size());
        List<Map<String, Object>> lakeview = nodes(Map.of("filter", Map.of("search", "LAKEVIEW")));
        assertEquals(List.of("PROCORE_ONLY", "NETSUITE_ONLY"), lakeview.stream().map(node -> node.get("linkStatus")).toList());
        List<Map<String, Object>> byNumber = nodes(Map.of("filter", Map.of("search", "ns-2002",
                "linkStatus", List.of("NETSUITE_ONLY", "LINKED"))));
        assertEquals(List.of("3004"), byNumber.stream().map(node -> job(node).get("id")).toList());
    }

    @Test
    void pagesInMemoryWithCursors() {
        List<Object> all = nodes(Map.of("first", 100)).stream().map(ProjectsQueryTest::rowKey).toList();
        List<Object> paged = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            Map<String, Object> variables = new java.util.HashMap<>(Map.of("first", 5));
            if (after != null) {
                variables.put("after", after);
            }
            JsonPath page = GraphQL.as("viewer", PAGE, variables);
            assertNull(page.get("errors"), page.prettify());
            assertEquals(17, page.getInt("data.projects.totalCount"));
            page.<Map<String, Object>>getList("data.projects.edges.node").forEach(node -> paged.add(rowKey(node)));
            more = page.getBoolean("data.projects.pageInfo.hasNextPage");
            after = page.getString("data.projects.pageInfo.endCursor");
        }
        assertEquals(all, paged);

        JsonPath wrong = GraphQL.as("viewer", PAGE, Map.of("after", "bm90LWEtY3Vyc29y"));
        assertEquals("INVALID_ARGUMENT", errorCode(wrong));
    }

    @Test
    void importCreatesProcoreProjectsForUnlinkedActiveJobsOnce() {
        JsonPath forbidden = GraphQL.as("viewer", "mutation { requestImport(input: {kind: PROJECTS}) { created skipped } }");
        assertEquals("FORBIDDEN", errorCode(forbidden));
        int before = sandbox.procore().projects().count();

        JsonPath first = GraphQL.as("requester", "mutation { requestImport(input: {kind: PROJECTS}) { created skipped } }");

        assertNull(first.get("errors"), first.prettify());
        // 3003, 3004 and 3006 are created; 3001 (Procore's origin id), 3002 (its Job ID is a
        // Procore project number) and 3005 (inactive) are left alone.
        assertEquals(Map.of("created", 3, "skipped", 3), first.get("data.requestImport"));
        assertEquals(before + 3, sandbox.procore().projects().count());
        var yard = sandbox.procore().projects().byOriginId("3003").orElseThrow();
        assertEquals("Corporate Yard Improvements", yard.name());
        assertEquals("NS-2001", yard.projectNumber());
        assertTrue(sandbox.procore().projects().byOriginId("3005").isEmpty());
        assertEquals(3, database.count("SELECT count(*) FROM record_link WHERE kind = 'PROJECT' AND method = 'IMPORT'"
                + " AND linked_by = 'export-worker' AND right_id IN ('3003', '3004', '3006')"));
        assertEquals(String.valueOf(yard.id()), byNetsuiteId(nodes(Map.of("first", 100)), "3003").get("procoreProjectId"));
        // Written by the outbox: one delivery each, audited under the import's request.
        assertEquals(3, database.count("SELECT count(*) FROM audit_event WHERE action = 'EXPORT_WRITE_DELIVERED'"
                + " AND subject_type = 'ExportRequest' AND details LIKE 'project %'"));
        assertEquals(1, database.count("SELECT count(*) FROM audit_event WHERE action = 'IMPORT_REQUESTED'"
                + " AND actor_subject = 'requester-user'"));

        JsonPath again = GraphQL.as("requester", "mutation { requestImport(input: {kind: PROJECTS}) { created skipped } }");

        assertNull(again.get("errors"), again.prettify());
        assertEquals(Map.of("created", 0, "skipped", 6), again.get("data.requestImport"));
        assertEquals(before + 3, sandbox.procore().projects().count());
    }

    private static List<Map<String, Object>> nodes(Map<String, Object> variables) {
        JsonPath response = GraphQL.as("viewer", PAGE, variables);
        assertNull(response.get("errors"), response.prettify());
        return response.getList("data.projects.edges.node");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> job(Map<String, Object> node) {
        return (Map<String, Object>) node.get("netsuiteJob");
    }

    private static Map<String, Object> byProcoreId(List<Map<String, Object>> nodes, String id) {
        return nodes.stream().filter(node -> id.equals(node.get("procoreProjectId"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> byNetsuiteId(List<Map<String, Object>> nodes, String id) {
        return nodes.stream().filter(node -> job(node) != null && id.equals(job(node).get("id"))).findFirst()
                .orElseThrow();
    }

    private static Object rowKey(Map<String, Object> node) {
        return node.get("procoreProjectId") != null ? node.get("procoreProjectId") : "job " + job(node).get("id");
    }
}
