package dev.trestle.employees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.Sandbox;
import dev.trestle.support.Database;
import dev.trestle.support.GraphQL;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The nightly reconcile is the only run that sees users deleted in Precoro: a run in its way (the
 * incremental tick of the same minute) makes it wait, never skip; a full run since it was due
 * (another replica's reconcile) makes it unnecessary.
 */
@QuarkusTest
class ScheduledReconcileTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Sandbox sandbox;
    @Inject
    Database database;
    @Inject
    EmployeeSyncJob job;

    @BeforeEach
    void fresh() {
        Hub.freshInstallation(sandbox, database);
        Hub.enableEmployeeSync();
    }

    @Test
    void aReconcileDueWhileAnotherRunIsGoingWaitsForItAndThenRuns() {
        // A person's incremental run that takes a while: Precoro answers slowly (within the test read timeout).
        sandbox.precoro().knobs().latency(Duration.ofMillis(700));
        long running = GraphQL.as("admin", "mutation { runEmployeeSync { id } }").getLong("data.runEmployeeSync.id");
        Instant due = Instant.now();

        job.reconcileDue(due, due.plus(WAIT), Duration.ofMillis(200)).await().atMost(WAIT);

        List<Map<String, Object>> runs = runs();
        Map<String, Object> reconcile = runs.get(0);
        assertEquals("SCHEDULED", reconcile.get("trigger"), String.valueOf(runs));
        assertEquals("FULL", reconcile.get("mode"));
        assertEquals("SUCCEEDED", reconcile.get("status"));
        Map<String, Object> person = runs.stream().filter(r -> Long.parseLong(String.valueOf(r.get("id"))) == running)
                .findFirst().orElseThrow();
        assertEquals("SUCCEEDED", person.get("status"));
        assertTrue(Instant.parse((String) reconcile.get("startedAt"))
                .isAfter(Instant.parse((String) person.get("finishedAt")).minusMillis(1)), "after the run in its way");
    }

    @Test
    void aReconcileThatAnotherReplicaRanSinceItWasDueDoesNotRunAgain() {
        Instant due = Instant.now();
        assertNull(GraphQL.as("admin", "mutation { runEmployeeSync(full: true) { id } }").get("errors"));
        Hub.awaitRun(Long.parseLong(String.valueOf(runs().get(0).get("id"))));
        int before = runs().size();

        job.reconcileDue(due, due.plus(WAIT), Duration.ofMillis(200)).await().atMost(WAIT);

        assertEquals(before, runs().size(), "no second full read of Precoro: " + runs());
    }

    private static List<Map<String, Object>> runs() {
        return GraphQL.as("viewer", "{ syncRuns(first: 20) { id trigger mode status startedAt finishedAt } }")
                .getList("data.syncRuns");
    }
}
