package dev.trestle.employees;

import static dev.trestle.support.GraphQL.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.Fault;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.support.Database;
import dev.trestle.support.GraphQL;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The employees list, its filters and paging, the infocard, and the live records fetched in batch. */
@QuarkusTest
class EmployeesQueryTest {

    private static final String LIVE_PAGE = """
            { employeeMappingSummary { total mapped notMapped conflicts lastRunAt }
              employees(first: 100) {
                totalCount
                edges { node { precoroUserId email mappingStatus netsuiteEmployeeId
                  precoroUser { id email firstName lastName enabled }
                  netsuiteEmployee { id entityId email firstName lastName inactive }
                  history { newStatus } } } } }""";

    @Inject
    Sandbox sandbox;

    @Inject
    Database database;

    @BeforeEach
    void synced() {
        Hub.freshInstallation(sandbox, database);
        Map<String, Object> initial = Hub.enableEmployeeSync();
        assertEquals("SUCCEEDED", initial.get("status"), String.valueOf(initial));
    }

    @Test
    void liveRecordsComeInOneRequestPerSystemPerPage() {
        sandbox.netsuite().requests().clear();
        sandbox.precoro().requests().clear();

        JsonPath response = GraphQL.as("viewer", LIVE_PAGE);

        assertNull(response.get("errors"), response.prettify());
        List<Map<String, Object>> nodes = response.getList("data.employees.edges.node");
        assertEquals(100, nodes.size());
        assertEquals(1, sandbox.precoro().requests().count(), "one Precoro request for the whole page");
        assertEquals(1, sandbox.netsuite().requests().count(), "one NetSuite request for the whole page");
        for (Map<String, Object> node : nodes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> precoroUser = (Map<String, Object>) node.get("precoroUser");
            assertEquals(node.get("precoroUserId"), String.valueOf(precoroUser.get("id")));
            @SuppressWarnings("unchecked")
            Map<String, Object> netsuiteEmployee = (Map<String, Object>) node.get("netsuiteEmployee");
            if ("MAPPED".equals(node.get("mappingStatus"))) {
                assertEquals(node.get("netsuiteEmployeeId"), netsuiteEmployee.get("id"));
                assertTrue(EmployeeMatcher.normalize((String) node.get("email"))
                        .equals(EmployeeMatcher.normalize((String) netsuiteEmployee.get("email"))));
            } else {
                assertNull(netsuiteEmployee);
            }
            assertFalse(((List<?>) node.get("history")).isEmpty());
        }
        int total = response.getInt("data.employeeMappingSummary.total");
        assertEquals(sandbox.precoro().users().size(), total);
        assertEquals(total, response.getInt("data.employeeMappingSummary.mapped")
                + response.getInt("data.employeeMappingSummary.notMapped")
                + response.getInt("data.employeeMappingSummary.conflicts"));
        assertNotNull(response.get("data.employeeMappingSummary.lastRunAt"));
    }

    @Test
    void theTwoSystemsAreAskedAtTheSameTime() {
        Duration latency = Duration.ofMillis(400);
        sandbox.precoro().knobs().latency(latency);
        sandbox.netsuite().knobs().latency(latency);
        sandbox.netsuite().requests().clear();
        sandbox.precoro().requests().clear();

        JsonPath response = GraphQL.as("viewer", LIVE_PAGE);

        assertNull(response.get("errors"), response.prettify());
        Instant precoroAsked = sandbox.precoro().requests().all().get(0).time();
        Instant netsuiteAsked = sandbox.netsuite().requests().all().get(0).time();
        assertTrue(Duration.between(precoroAsked, netsuiteAsked).abs().compareTo(latency) < 0,
                "the second request went out before the first one's answer (" + precoroAsked + ", " + netsuiteAsked + ")");
    }

    @Test
    void anUpstreamThatDoesNotAnswerIsATimeout() {
        sandbox.netsuite().knobs().hangRate(1.0).hangDuration(Duration.ofSeconds(20));
        JsonPath response = GraphQL.as("viewer", """
                { employees(first: 5) { edges { node { precoroUserId netsuiteEmployee { id } } } } }""");
        assertEquals("UPSTREAM_TIMEOUT", errorCode(response), response.prettify());
        assertEquals(5, response.getList("data.employees.edges.node.precoroUserId").size());
    }

    @Test
    void filtersByNetSuiteIntegratedStatusAndSearch() {
        JsonPath summary = GraphQL.as("viewer", "{ employeeMappingSummary { mapped notMapped conflicts } }");
        int mapped = summary.getInt("data.employeeMappingSummary.mapped");
        int notMapped = summary.getInt("data.employeeMappingSummary.notMapped");
        int conflicts = summary.getInt("data.employeeMappingSummary.conflicts");
        assertTrue(mapped > 0 && notMapped > 0 && conflicts > 0);

        assertEquals(mapped, totalCount("{netsuiteIntegrated: true}"));
        assertEquals(notMapped + conflicts, totalCount("{netsuiteIntegrated: false}"));
        assertEquals(conflicts, totalCount("{status: [CONFLICT]}"));
        assertEquals(notMapped + conflicts, totalCount("{status: [NOT_MAPPED, CONFLICT]}"));
        assertEquals(0, totalCount("{netsuiteIntegrated: true, status: [CONFLICT]}"));

        JsonPath found = GraphQL.as("viewer",
                "{ employees(filter: {search: \"ANN.LEE\"}) { edges { node { email } } } }");
        List<String> emails = found.getList("data.employees.edges.node.email");
        assertFalse(emails.isEmpty());
        emails.forEach(email -> assertTrue(email.toLowerCase().contains("ann.lee"), email));
        assertEquals(0, totalCount("{search: \"%\"}"), "search text is literal, not a LIKE pattern");
    }

    @Test
    void pagesWalkEveryUserOnce() {
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonPath page = GraphQL.as("viewer", "query($after: String) { employees(first: 70, after: $after) { "
                    + "totalCount edges { cursor node { precoroUserId } } pageInfo { hasNextPage endCursor } } }",
                    after == null ? Map.of() : Map.of("after", after));
            List<String> ids = page.getList("data.employees.edges.node.precoroUserId");
            ids.forEach(id -> assertTrue(seen.add(id), "seen twice: " + id));
            order.addAll(ids);
            pages++;
            after = page.getBoolean("data.employees.pageInfo.hasNextPage")
                    ? page.getString("data.employees.pageInfo.endCursor") : null;
        } while (after != null);
        assertEquals(sandbox.precoro().users().size(), seen.size());
        assertEquals((sandbox.precoro().users().size() + 69) / 70, pages);
        List<Long> numeric = order.stream().map(Long::parseLong).toList();
        assertEquals(numeric.stream().sorted().toList(), numeric, "ordered by Precoro user id");
    }

    @Test
    void invalidArgumentsAreRefusedClearly() {
        for (String arguments : List.of("first: 0", "first: 101", "first: -5", "after: \"not-a-cursor\"",
                "after: \"c3luY1J1bjox\"")) {
            JsonPath response = GraphQL.as("viewer", "{ employees(" + arguments + ") { totalCount } }");
            assertEquals("INVALID_ARGUMENT", errorCode(response), arguments + ": " + response.prettify());
        }
        assertEquals("INVALID_ARGUMENT", errorCode(GraphQL.as("viewer", "{ syncRuns(first: 0) { id } }")));
    }

    @Test
    void anUpstreamFailureSpoilsOnlyItsOwnField() {
        sandbox.precoro().knobs().errorRate(1.0);
        JsonPath response = GraphQL.as("viewer", """
                { employees(first: 5) { edges { node { precoroUserId mappingStatus precoroUser { id } } } } }""");
        List<Map<String, Object>> errors = response.getList("errors");
        assertFalse(errors.isEmpty());
        for (Map<String, Object> error : errors) {
            @SuppressWarnings("unchecked")
            Map<String, Object> extensions = (Map<String, Object>) error.get("extensions");
            assertTrue(extensions.get("code").toString().startsWith("UPSTREAM_"), String.valueOf(error));
            assertEquals("PRECORO", extensions.get("upstream"));
            assertFalse(error.get("message").toString().contains("Exception"), String.valueOf(error));
        }
        List<String> ids = response.getList("data.employees.edges.node.precoroUserId");
        assertEquals(5, ids.size(), "the hub's own fields still arrive");
    }

    @Test
    void aMalformedUpstreamBodyIsReportedAsSuch() {
        sandbox.netsuite().knobs().failNext(10, Fault.MALFORMED_BODY);
        JsonPath response = GraphQL.as("viewer", """
                { employees(first: 5) { edges { node { netsuiteEmployee { id } } } } }""");
        assertEquals("UPSTREAM_MALFORMED_RESPONSE", errorCode(response), response.prettify());
    }

    private static int totalCount(String filter) {
        JsonPath response = GraphQL.as("viewer", "{ employees(filter: " + filter + ") { totalCount } }");
        assertNull(response.get("errors"), response.prettify());
        return response.getInt("data.employees.totalCount");
    }
}
