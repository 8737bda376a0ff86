package dev.trestle.employees;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.support.FreshDatabaseBeforeStart;
import dev.trestle.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scheduled run, with a cron of every second: the one test that turns scheduling on. */
@QuarkusTest
@TestProfile(ScheduledEmployeeSyncTest.EverySecond.class)
class ScheduledEmployeeSyncTest {

    public static class EverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trestle.employee-sync.cron", "*/1 * * * * ?");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            // Sync Employee must be off from the first tick on.
            return List.of(new TestResourceEntry(FreshDatabaseBeforeStart.class));
        }
    }

    @Test
    void theScheduleRunsTheSyncOnceItIsOn() throws InterruptedException {
        Thread.sleep(2500); // a few ticks while the setting is off
        assertTrue(scheduledRuns().isEmpty(), "no scheduled run while Sync Employee is off");

        // Not Hub.enableEmployeeSync(): a tick may open a run before the initial one, which then has no run of its own.
        assertNull(GraphQL.as("admin", "mutation { enableEmployeeSync(confirm: true) { settings { employeeSyncEnabled } } }")
                .get("errors"));
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline && scheduledRuns().stream().noneMatch(r -> "SUCCEEDED".equals(r.get("status")))) {
            Thread.sleep(200);
        }
        assertTrue(scheduledRuns().stream().anyMatch(r -> "SUCCEEDED".equals(r.get("status"))),
                "a scheduled run succeeded: " + scheduledRuns());
    }

    private static List<Map<String, Object>> scheduledRuns() {
        List<Map<String, Object>> runs = GraphQL.as("viewer", "{ syncRuns(first: 50) { id trigger status } }")
                .getList("data.syncRuns");
        return runs.stream().filter(run -> "SCHEDULED".equals(run.get("trigger"))).toList();
    }
}
