package dev.trestle.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trestle.sandbox.Sandbox;
import dev.trestle.support.Database;
import dev.trestle.support.FreshDatabaseBeforeStart;
import dev.trestle.support.GraphQL;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An approval starts delivery itself: with the poll an hour apart, only the wake-up on approval
 * can deliver the export within the test's deadline.
 */
@QuarkusTest
@TestProfile(ExportStartsOnApprovalTest.HourlyPoll.class)
class ExportStartsOnApprovalTest {

    public static class HourlyPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trestle.exports.poll-every", "1h");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            // The poll at start must find no outbox rows that an earlier test run left behind.
            return List.of(new TestResourceEntry(FreshDatabaseBeforeStart.class));
        }
    }

    @Inject
    Sandbox sandbox;

    @Inject
    Database database;

    @Test
    void anApprovalDeliversWithoutWaitingForThePoll() throws InterruptedException {
        Hub.freshInstallation(sandbox, database);
        GraphQL.as("admin", "mutation { designateAccountingApprover(user: \"approver-user\") { user } }");
        String vendor = Long.toString(sandbox.procoreDemoCases().procoreOnlyVendors().get(0));
        JsonPath requested = GraphQL.as("requester",
                "mutation($s: ID!) { requestExport(input: {kind: VENDOR, sourceId: $s}) { id } }", Map.of("s", vendor));
        assertNull(requested.get("errors"), requested.prettify());
        String id = requested.getString("data.requestExport.id");

        assertNull(GraphQL.as("approver", "mutation($id: ID!) { approveExport(id: $id) { id } }", Map.of("id", id))
                .get("errors"));

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!"EXPORTED".equals(status(id)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals("EXPORTED", status(id), "delivered on approval, an hour before the next poll");
        assertEquals(1, sandbox.netsuite().records("vendor").creates());
    }

    private static String status(String id) {
        return GraphQL.as("viewer", "{ exportRequests(first: 10) { edges { node { id status } } } }")
                .<Map<String, Object>>getList("data.exportRequests.edges.node").stream()
                .filter(node -> id.equals(node.get("id"))).map(node -> (String) node.get("status")).findFirst().orElseThrow();
    }
}
