package dev.trestle.employees;

import static dev.trestle.support.GraphQL.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.connectors.RequestBudget;
import dev.trestle.connectors.UpstreamPriority;
import dev.trestle.connectors.UpstreamSystem;
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

/**
 * The employees list, its filters and paging, the infocard, and each user's Precoro and NetSuite
 * records: from the hub's copy while it is fresh, otherwise read live in batch when the systems'
 * budgets allow.
 */
@QuarkusTest
class EmployeesQueryTest {

    private static final String LIVE_PAGE = """
            { employeeMappingSummary { total mapped notMapped conflicts lastRunAt }
              employees(first: 100) {
                totalCount
                edges { node { precoroUserId email mappingStatus netsuiteEmployeeId
                  precoroUser { id email firstName lastName enabled asOf readFrom }
                  netsuiteEmployee { id entityId email firstName lastName inactive asOf readFrom }
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

    /** The copy as if the last sync had run an hour ago: older than trestle.employees.copy-fresh-for (20 min). */
    private void copyAnHourOld() {
        database.execute("UPDATE employee_sync_precoro_user SET read_at = read_at - interval '1 hour'");
        database.execute("UPDATE employee_sync_netsuite_employee SET read_at = read_at - interval '1 hour'");
        database.execute("UPDATE sync_run SET started_at = started_at - interval '1 hour'");
    }

    @Test
    void aFreshCopyServesThePageWithoutAskingEitherSystem() {
        Instant runStarted = instant("SELECT max(started_at) FROM sync_run");
        Instant runFinished = instant("SELECT max(finished_at) FROM sync_run");
        sandbox.netsuite().requests().clear();
        sandbox.precoro().requests().clear();

        JsonPath response = GraphQL.as("viewer", LIVE_PAGE);

        assertNull(response.get("errors"), response.prettify());
        assertEquals(0, sandbox.precoro().requests().count(), "dashboards do not spend Precoro's budget");
        assertEquals(0, sandbox.netsuite().requests().count());
        List<Map<String, Object>> nodes = response.getList("data.employees.edges.node");
        assertEquals(100, nodes.size());
        for (Map<String, Object> node : nodes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> precoroUser = (Map<String, Object>) node.get("precoroUser");
            assertEquals(node.get("precoroUserId"), String.valueOf(precoroUser.get("id")));
            assertEquals("HUB_COPY", precoroUser.get("readFrom"));
            Instant asOf = Instant.parse(precoroUser.get("asOf").toString());
            assertFalse(asOf.isBefore(runStarted) || asOf.isAfter(runFinished),
                    "read by the sync (" + runStarted + " to " + runFinished + "): " + asOf);
            var demo = sandbox.precoro().users().get(Long.parseLong((String) node.get("precoroUserId"))).orElseThrow();
            assertEquals(demo.email(), precoroUser.get("email"));
            @SuppressWarnings("unchecked")
            Map<String, Object> netsuiteEmployee = (Map<String, Object>) node.get("netsuiteEmployee");
            if ("MAPPED".equals(node.get("mappingStatus"))) {
                assertEquals(node.get("netsuiteEmployeeId"), netsuiteEmployee.get("id"));
                assertEquals("HUB_COPY", netsuiteEmployee.get("readFrom"));
            } else {
                assertNull(netsuiteEmployee);
            }
        }
    }

    @Test
    void aPageAskedAgainWithinPrecorosDuplicateWindowIsAnsweredFromTheFirstRead() {
        copyAnHourOld();
        sandbox.precoro().requests().clear();

        JsonPath first = GraphQL.as("viewer", LIVE_PAGE);
        JsonPath again = GraphQL.as("viewer", LIVE_PAGE);

        assertNull(again.get("errors"), again.prettify());
        assertEquals(1, sandbox.precoro().requests().count(), "Precoro refuses the same GET within a minute");
        assertEquals("LIVE", again.getString("data.employees.edges[0].node.precoroUser.readFrom"));
        assertEquals(first.getString("data.employees.edges[0].node.precoroUser.asOf"),
                again.getString("data.employees.edges[0].node.precoroUser.asOf"), "the same read, and it says so");
    }

    @Test
    void dashboardsAskingTheSamePageAtOnceShareOneRead() throws Exception {
        copyAnHourOld();
        sandbox.precoro().knobs().latency(Duration.ofMillis(300));
        sandbox.precoro().requests().clear();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<JsonPath>> pages = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                pages.add(pool.submit(() -> GraphQL.as("viewer", LIVE_PAGE)));
            }
            for (var page : pages) {
                JsonPath response = page.get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertNull(response.get("errors"), response.prettify());
                assertEquals("LIVE", response.getString("data.employees.edges[0].node.precoroUser.readFrom"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, sandbox.precoro().requests().count(), "Precoro would refuse the same GET again");
    }

    @Test
    void whileASyncRefreshesTheCopyPagesComeFromIt() {
        copyAnHourOld();
        database.execute("INSERT INTO sync_run (kind, trigger, status, started_at, heartbeat_at, mode) "
                + "VALUES ('EMPLOYEES', 'SCHEDULED', 'RUNNING', now(), now(), 'INCREMENTAL')");
        sandbox.precoro().requests().clear();
        sandbox.netsuite().requests().clear();

        JsonPath response = GraphQL.as("viewer", LIVE_PAGE);

        assertNull(response.get("errors"), response.prettify());
        assertEquals("HUB_COPY", response.getString("data.employees.edges[0].node.precoroUser.readFrom"));
        assertEquals(0, sandbox.precoro().requests().count(), "not the question the sync is asking");
        assertEquals(0, sandbox.netsuite().requests().count());
    }

    @Test
    void whenPrecoroCannotAnswerAtOnceTheCopyIsShownAndSaysSo() {
        copyAnHourOld();
        // Everything but the reserve of the hour is spent: a person's read waits for nothing, it takes the copy.
        RequestBudget budget = Hub.caller(UpstreamSystem.PRECORO).budget();
        while (budget.hasRoom(UpstreamPriority.INTERACTIVE)) {
            budget.tryAcquire(UpstreamPriority.INTERACTIVE);
        }
        sandbox.precoro().requests().clear();

        JsonPath response = GraphQL.as("viewer", LIVE_PAGE);

        assertNull(response.get("errors"), response.prettify());
        assertEquals(0, sandbox.precoro().requests().count());
        assertEquals("HUB_COPY", response.getString("data.employees.edges[0].node.precoroUser.readFrom"));
        assertEquals("LIVE", response.getString("data.employees.edges.find { it.node.netsuiteEmployee != null }"
                + ".node.netsuiteEmployee.readFrom"), "NetSuite had room");

        // Precoro failing is no different: the copy, with its time.
        budget.reset();
        sandbox.precoro().knobs().errorRate(1.0);
        JsonPath failing = GraphQL.as("viewer", """
                { employees(first: 5, after: null) { edges { node { precoroUser { id readFrom } } } } }""");
        assertNull(failing.get("errors"), failing.prettify());
        assertEquals(List.of("HUB_COPY", "HUB_COPY", "HUB_COPY", "HUB_COPY", "HUB_COPY"),
                failing.getList("data.employees.edges.node.precoroUser.readFrom"));
    }

    @Test
    void liveRecordsComeInOneRequestPerSystemPerPage() {
        copyAnHourOld();
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
            assertEquals("LIVE", precoroUser.get("readFrom"));
            @SuppressWarnings("unchecked")
            Map<String, Object> netsuiteEmployee = (Map<String, Object>) node.get("netsuiteEmployee");
            if ("MAPPED".equals(node.get("mappingStatus"))) {
                assertEquals(node.get("netsuiteEmployeeId"), netsuiteEmployee.get("id"));
                assertEquals("LIVE", netsuiteEmployee.get("readFrom"));
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
    void theTwoSystemsAreAskedAtTheSameTime() throws InterruptedException {
        copyAnHourOld();
        // Precoro's pace (about one request a second): the sync's last request was a moment ago.
        Thread.sleep(1_100);
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
    void withoutACopyAnUpstreamThatDoesNotAnswerIsATimeout() {
        database.execute("DELETE FROM employee_sync_netsuite_employee");
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
    void withoutACopyAnUpstreamFailureSpoilsOnlyItsOwnField() {
        database.execute("DELETE FROM employee_sync_precoro_user");
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
    void withoutACopyAMalformedUpstreamBodyIsReportedAsSuch() {
        database.execute("DELETE FROM employee_sync_netsuite_employee");
        sandbox.netsuite().knobs().failNext(10, Fault.MALFORMED_BODY);
        JsonPath response = GraphQL.as("viewer", """
                { employees(first: 5) { edges { node { netsuiteEmployee { id } } } } }""");
        assertEquals("UPSTREAM_MALFORMED_RESPONSE", errorCode(response), response.prettify());
    }

    private Instant instant(String sql) {
        return Instant.parse(database.text("SELECT to_char((" + sql + ") AT TIME ZONE 'UTC', "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"));
    }

    private static int totalCount(String filter) {
        JsonPath response = GraphQL.as("viewer", "{ employees(filter: " + filter + ") { totalCount } }");
        assertNull(response.get("errors"), response.prettify());
        return response.getInt("data.employees.totalCount");
    }
}
