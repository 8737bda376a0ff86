package dev.trestle.employees;

import static dev.trestle.support.GraphQL.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.DemoCases;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.sandbox.precoro.SandboxUser;
import dev.trestle.support.Database;
import dev.trestle.support.GraphQL;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seed's employee sync rules, end to end: GraphQL → hub → connectors → sandbox over HTTP → PostgreSQL. */
@QuarkusTest
class EmployeeSyncTest {

    private static final String EMPLOYEE_FIELDS = """
            id precoroUserId email name mappingStatus netsuiteIntegrated reasonCode reason
            netsuiteEmployeeId matchedAt conflictCandidates { system id name email }""";

    @Inject
    Sandbox sandbox;

    @Inject
    Database database;

    @BeforeEach
    void freshInstallation() {
        Hub.freshInstallation(sandbox, database);
    }

    @Test
    void syncIsOffUntilAnAdminConfirms() {
        assertEquals("CONFIRMATION_REQUIRED",
                errorCode(GraphQL.as("admin", "mutation { enableEmployeeSync(confirm: false) { settings { employeeSyncEnabled } } }")));
        for (String role : List.of("viewer", "requester", "approver")) {
            assertEquals("FORBIDDEN", errorCode(GraphQL.as(role,
                    "mutation { enableEmployeeSync(confirm: true) { settings { employeeSyncEnabled } } }")), role);
        }
        assertEquals("EMPLOYEE_SYNC_DISABLED", errorCode(GraphQL.as("admin", "mutation { runEmployeeSync { id } }")));
        assertEquals(false, GraphQL.as("viewer", "{ integrationSettings { employeeSyncEnabled } }")
                .getBoolean("data.integrationSettings.employeeSyncEnabled"));
        assertEquals(0, sandbox.precoro().requests().count(), "nothing may be read before the sync is on");
    }

    @Test
    void enablingSyncsEveryExistingUserAtOnceAndCannotBeUndone() {
        Map<String, Object> run = Hub.enableEmployeeSync();

        assertEquals("SUCCEEDED", run.get("status"), String.valueOf(run));
        assertEquals("ENABLED", run.get("trigger"));
        assertEquals("admin-user", run.get("requestedBy"));
        int users = sandbox.precoro().users().size();
        assertEquals(users, run.get("scanned"));
        assertEquals(users, (int) run.get("mapped") + (int) run.get("notMapped") + (int) run.get("conflicts"));
        assertEquals(0, run.get("unchanged"));
        Instant started = Instant.parse(run.get("startedAt").toString());
        Instant finished = Instant.parse(run.get("finishedAt").toString());
        assertTrue(!finished.isBefore(started), run.toString());
        assertNull(run.get("error"));
        assertEquals(users, database.count("SELECT count(*) FROM employee_mapping"));

        JsonPath settings = GraphQL.as("viewer",
                "{ integrationSettings { employeeSyncEnabled employeeSyncEnabledBy employeeSyncEnabledAt } }");
        assertEquals(true, settings.getBoolean("data.integrationSettings.employeeSyncEnabled"));
        assertEquals("admin-user", settings.getString("data.integrationSettings.employeeSyncEnabledBy"));

        assertEquals("SETTING_IRREVERSIBLE", errorCode(GraphQL.as("admin", "mutation { disableEmployeeSync { employeeSyncEnabled } }")));
        assertThrows(IllegalStateException.class,
                () -> database.execute("UPDATE integration_settings SET employee_sync_enabled = false"),
                "the database itself refuses to turn the setting off");
        assertEquals(true, GraphQL.as("viewer", "{ integrationSettings { employeeSyncEnabled } }")
                .getBoolean("data.integrationSettings.employeeSyncEnabled"));

        JsonPath again = GraphQL.as("admin", "mutation { enableEmployeeSync(confirm: true) { initialRun { id } } }");
        assertNull(again.get("errors"));
        assertNull(again.get("data.enableEmployeeSync.initialRun"), "enabling twice starts no second initial sync");
        assertEquals(1, database.count("SELECT count(*) FROM audit_event WHERE action = 'EMPLOYEE_SYNC_ENABLED'"));
    }

    @Test
    void theMatchingRulesOfTheSeed() {
        Hub.enableEmployeeSync();

        Map<String, Object> caseAndSpaces = employee(DemoCases.CASE_AND_SPACES_PRECORO_ID);
        assertEquals("MAPPED", caseAndSpaces.get("mappingStatus"));
        assertEquals(DemoCases.CASE_AND_SPACES_NETSUITE_ID, caseAndSpaces.get("netsuiteEmployeeId"));
        assertEquals(true, caseAndSpaces.get("netsuiteIntegrated"));
        assertNotNull(caseAndSpaces.get("matchedAt"));
        assertEquals(DemoCases.CASE_ONLY_NETSUITE_ID, employee(DemoCases.CASE_ONLY_PRECORO_ID).get("netsuiteEmployeeId"));

        for (long noEmail : List.of(DemoCases.NULL_EMAIL_PRECORO_ID, DemoCases.EMPTY_EMAIL_PRECORO_ID,
                DemoCases.SPACES_EMAIL_PRECORO_ID)) {
            Map<String, Object> user = employee(noEmail);
            assertEquals("NOT_MAPPED", user.get("mappingStatus"));
            assertEquals("NO_EMAIL", user.get("reasonCode"));
            assertNotNull(user.get("reason"));
        }
        assertEquals("NO_NETSUITE_EMPLOYEE", employee(DemoCases.UNKNOWN_EMAIL_PRECORO_ID).get("reasonCode"));

        Map<String, Object> inactive = employee(DemoCases.INACTIVE_ONLY_PRECORO_ID);
        assertEquals("NOT_MAPPED", inactive.get("mappingStatus"));
        assertEquals("NETSUITE_EMPLOYEE_INACTIVE", inactive.get("reasonCode"));
        assertNull(inactive.get("netsuiteEmployeeId"));

        Map<String, Object> twoEmployees = employee(DemoCases.NETSUITE_CONFLICT_PRECORO_ID);
        assertEquals("CONFLICT", twoEmployees.get("mappingStatus"));
        assertEquals("DUPLICATE_NETSUITE_EMAIL", twoEmployees.get("reasonCode"));
        assertEquals(Set.of("NETSUITE:104", "NETSUITE:105", "PRECORO:8"), candidates(twoEmployees));

        for (long precoroId : DemoCases.PRECORO_CONFLICT_PRECORO_IDS) {
            Map<String, Object> twoUsers = employee(precoroId);
            assertEquals("CONFLICT", twoUsers.get("mappingStatus"));
            assertEquals("DUPLICATE_PRECORO_EMAIL", twoUsers.get("reasonCode"));
            assertEquals(Set.of("PRECORO:9", "PRECORO:10", "NETSUITE:" + DemoCases.PRECORO_CONFLICT_NETSUITE_ID),
                    candidates(twoUsers));
        }

        assertEquals(DemoCases.ACTIVE_OVER_INACTIVE_ACTIVE_ID,
                employee(DemoCases.ACTIVE_OVER_INACTIVE_PRECORO_ID).get("netsuiteEmployeeId"));
        assertEquals(DemoCases.FIRST_EXACT_MATCH_NETSUITE_ID,
                employee(DemoCases.FIRST_EXACT_MATCH_PRECORO_ID).get("netsuiteEmployeeId"));
    }

    @Test
    void aSyncNeverWritesToEitherSystem() {
        Hub.enableEmployeeSync();
        sandbox.precoro().users().changeEmail(DemoCases.FIRST_EXACT_MATCH_PRECORO_ID, "someone.new@example.com");
        Hub.runEmployeeSync();

        assertTrue(sandbox.netsuite().requests().count() > 0, "the sync read NetSuite");
        assertTrue(sandbox.precoro().requests().count() > 0, "the sync read Precoro");
        assertEquals(List.of(), sandbox.netsuite().requests().writes());
        assertEquals(List.of(), sandbox.precoro().requests().writes());
        assertEquals(sandbox.precoro().users().size(), database.count("SELECT count(*) FROM employee_mapping"),
                "no record is created for users that do not match either");
    }

    @Test
    void newAndChangedUsersArePickedUpAndTheHistoryIsKept() {
        Hub.enableEmployeeSync();
        long precoroId = DemoCases.FIRST_EXACT_MATCH_PRECORO_ID;
        long netsuiteId = Long.parseLong(DemoCases.FIRST_EXACT_MATCH_NETSUITE_ID);

        // The email changes in Precoro only: the pair no longer matches.
        sandbox.precoro().users().changeEmail(precoroId, "Renamed.Person@Example.com");
        // A new Precoro user with the email of a NetSuite employee that had no user yet.
        String netsuiteOnly = sandbox.demoCases().netsuiteOnly().get(1);
        String itsEmail = sandbox.netsuite().employees().get(Long.parseLong(netsuiteOnly)).orElseThrow().email();
        long newUserId = sandbox.precoro().users().maxId() + 1;
        sandbox.precoro().users().put(new SandboxUser(newUserId, itsEmail, "Nadia", "Okafor", true,
                Instant.parse("2026-01-05T09:00:00Z"), Instant.parse("2026-01-05T09:00:00Z")));

        Map<String, Object> second = Hub.runEmployeeSync();
        assertEquals("SUCCEEDED", second.get("status"));
        assertEquals("ON_REQUEST", second.get("trigger"));
        assertEquals(sandbox.precoro().users().size() - 2, second.get("unchanged"));
        assertEquals("NOT_MAPPED", employee(precoroId).get("mappingStatus"));
        assertEquals("MAPPED", employee(newUserId).get("mappingStatus"));
        assertEquals(netsuiteOnly, employee(newUserId).get("netsuiteEmployeeId"));

        // Then NetSuite follows: the pair matches again.
        sandbox.netsuite().employees().changeEmail(netsuiteId, "renamed.person@example.com");
        Hub.runEmployeeSync();
        assertEquals(DemoCases.FIRST_EXACT_MATCH_NETSUITE_ID, employee(precoroId).get("netsuiteEmployeeId"));

        JsonPath history = GraphQL.as("viewer", """
                query($search: String) { employees(filter: {search: $search}) { edges { node {
                  history { oldStatus newStatus oldEmail newEmail oldNetsuiteEmployeeId newNetsuiteEmployeeId runId } } } } }""",
                Map.of("search", "renamed.person"));
        List<Map<String, Object>> changes = history.getList("data.employees.edges[0].node.history");
        assertEquals(3, changes.size(), history.prettify());
        assertEquals("MAPPED", changes.get(0).get("newStatus"));
        assertEquals("NOT_MAPPED", changes.get(1).get("newStatus"));
        assertEquals("Renamed.Person@Example.com", changes.get(1).get("newEmail"));
        assertEquals(DemoCases.FIRST_EXACT_MATCH_NETSUITE_ID, changes.get(1).get("oldNetsuiteEmployeeId"));
        assertEquals("MAPPED", changes.get(2).get("newStatus"));
        assertEquals(DemoCases.FIRST_EXACT_MATCH_NETSUITE_ID, changes.get(2).get("newNetsuiteEmployeeId"));
    }

    @Test
    void aRunThatFailsHalfwayLosesNothingAndTheNextRunCompletesIt() {
        // A fault in the database after some chunks are written: the row of user 150 cannot be stored.
        database.execute("ALTER TABLE employee_mapping ADD CONSTRAINT simulated_fault CHECK (precoro_user_id <> 150)");
        Map<String, Object> failed;
        try {
            failed = Hub.enableEmployeeSync();
        } finally {
            database.execute("ALTER TABLE employee_mapping DROP CONSTRAINT simulated_fault");
        }
        assertEquals("FAILED", failed.get("status"));
        assertNotNull(failed.get("error"));
        long written = database.count("SELECT count(*) FROM employee_mapping");
        assertTrue(written > 0 && written < sandbox.precoro().users().size(),
                "chunks before the fault stay written (" + written + ")");
        assertEquals(written, database.count("SELECT count(DISTINCT precoro_user_id) FROM employee_mapping_change"),
                "every written mapping has its history, and nothing else has");

        Map<String, Object> next = Hub.runEmployeeSync();
        assertEquals("SUCCEEDED", next.get("status"));
        assertEquals(written, ((Number) next.get("unchanged")).longValue(), "what the failed run wrote was right");
        assertEquals(sandbox.precoro().users().size(), database.count("SELECT count(*) FROM employee_mapping"));
        assertEquals(0, database.count("""
                SELECT count(*) FROM (SELECT precoro_user_id FROM employee_mapping_change
                GROUP BY precoro_user_id HAVING count(*) > 1) duplicated"""), "no change recorded twice");
    }

    @Test
    void anUpstreamFailureFailsTheRunWithTheUpstreamError() {
        sandbox.netsuite().knobs().errorRate(1.0);
        Map<String, Object> failed = Hub.enableEmployeeSync();
        assertEquals("FAILED", failed.get("status"));
        assertTrue(failed.get("error").toString().startsWith("UPSTREAM_"), String.valueOf(failed.get("error")));
        assertEquals(0, database.count("SELECT count(*) FROM employee_mapping"), "nothing half-read is written");

        sandbox.netsuite().knobs().errorRate(0);
        io.smallrye.faulttolerance.api.CircuitBreakerMaintenance.get().resetAll();
        assertEquals("SUCCEEDED", Hub.runEmployeeSync().get("status"));
        assertEquals(sandbox.precoro().users().size(), database.count("SELECT count(*) FROM employee_mapping"));
    }

    @Test
    void usersDeletedInPrecoroAreNoLongerMapped() {
        Hub.enableEmployeeSync();
        long gone = DemoCases.FIRST_EXACT_MATCH_PRECORO_ID;
        sandbox.precoro().users().remove(gone);

        // A deletion shows only in a full read (an incremental run lists changed users, and a
        // deleted one is not listed): the reconcile, on request here, nightly in production.
        Map<String, Object> run = Hub.reconcileEmployees();
        assertEquals("FULL", run.get("mode"));
        assertEquals("SUCCEEDED", run.get("status"));
        assertEquals(sandbox.precoro().users().size(), run.get("scanned"));
        Map<String, Object> user = employee(gone);
        assertEquals("NOT_MAPPED", user.get("mappingStatus"));
        assertEquals("PRECORO_USER_GONE", user.get("reasonCode"));
        assertNull(user.get("netsuiteEmployeeId"));
        assertEquals(2, database.count("SELECT count(*) FROM employee_mapping_change WHERE precoro_user_id = " + gone));
    }

    @Test
    void aRunWhoseReplicaDiedDoesNotBlockSyncing() {
        Hub.enableEmployeeSync();
        // A run left RUNNING by a replica that crashed: its last heartbeat is long past.
        database.execute("""
                INSERT INTO sync_run (kind, trigger, status, started_at, heartbeat_at)
                VALUES ('EMPLOYEES', 'SCHEDULED', 'RUNNING', now() - interval '1 hour', now() - interval '1 hour')""");

        assertEquals("SUCCEEDED", Hub.runEmployeeSync().get("status"));
        assertEquals(1, database.count("""
                SELECT count(*) FROM sync_run WHERE trigger = 'SCHEDULED' AND status = 'FAILED'
                AND error LIKE 'Abandoned%' AND finished_at IS NOT NULL"""));
    }

    @Test
    void oneRunAtATime() {
        Hub.enableEmployeeSync();
        sandbox.precoro().knobs().latency(java.time.Duration.ofMillis(500));
        JsonPath first = GraphQL.as("admin", "mutation { runEmployeeSync { id status } }");
        assertEquals("RUNNING", first.getString("data.runEmployeeSync.status"));
        assertEquals("SYNC_ALREADY_RUNNING", errorCode(GraphQL.as("admin", "mutation { runEmployeeSync { id } }")));
        assertEquals("SUCCEEDED", Hub.awaitRun(first.getLong("data.runEmployeeSync.id")).get("status"));
    }

    @Test
    void onlyAdminsRunASync() {
        Hub.enableEmployeeSync();
        for (String role : List.of("viewer", "requester", "approver")) {
            assertEquals("FORBIDDEN", errorCode(GraphQL.as(role, "mutation { runEmployeeSync { id } }")), role);
        }
    }

    private static Map<String, Object> employee(long precoroId) {
        JsonPath page = GraphQL.as("viewer", "{ employees(first: 100) { edges { node { " + EMPLOYEE_FIELDS + " } } } }");
        // The demo ids the tests name are all on the first page (ordered by Precoro id).
        List<Map<String, Object>> nodes = page.getList("data.employees.edges.node");
        return nodes.stream().filter(node -> node.get("precoroUserId").equals(Long.toString(precoroId)))
                .findFirst()
                .orElseGet(() -> byScan(precoroId));
    }

    private static Map<String, Object> byScan(long precoroId) {
        String after = null;
        while (true) {
            JsonPath page = GraphQL.as("viewer", "query($after: String) { employees(first: 100, after: $after) { "
                    + "edges { node { " + EMPLOYEE_FIELDS + " } } pageInfo { hasNextPage endCursor } } }",
                    after == null ? Map.of() : Map.of("after", after));
            for (Map<String, Object> node : page.<Map<String, Object>>getList("data.employees.edges.node")) {
                if (node.get("precoroUserId").equals(Long.toString(precoroId))) {
                    return node;
                }
            }
            if (!page.getBoolean("data.employees.pageInfo.hasNextPage")) {
                throw new AssertionError("no employee with Precoro id " + precoroId);
            }
            after = page.getString("data.employees.pageInfo.endCursor");
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> candidates(Map<String, Object> employee) {
        return ((List<Map<String, Object>>) employee.get("conflictCandidates")).stream()
                .map(candidate -> candidate.get("system") + ":" + candidate.get("id"))
                .collect(Collectors.toSet());
    }
}
