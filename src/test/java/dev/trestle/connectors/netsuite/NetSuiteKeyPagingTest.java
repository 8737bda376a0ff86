package dev.trestle.connectors.netsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.Sandbox;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Past the per-query row cap (100,000 in NetSuite) the connector continues with
 * {@code WHERE id > last}. The profile shrinks page and cap so the demo data crosses it.
 */
@QuarkusTest
@TestProfile(NetSuiteKeyPagingTest.SmallWindows.class)
class NetSuiteKeyPagingTest {

    public static class SmallWindows implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trestle.netsuite.page-size", "100", "trestle.netsuite.max-rows-per-query", "250");
        }
    }

    @Inject
    NetSuiteConnector connector;
    @Inject
    Sandbox sandbox;

    @Test
    void continuesByKeyPastTheRowCap() {
        Hub.freshSystems(sandbox);
        int expected = sandbox.netsuite().employees().size();

        List<NetSuiteEmployee> all = connector.allEmployees().await().atMost(Duration.ofSeconds(30));

        assertEquals(expected, all.size());
        assertEquals(expected, all.stream().map(NetSuiteEmployee::id).distinct().count());
        // Windows of 200 rows (the cap rounded down to whole pages of 100).
        long windows = (expected + 199) / 200;
        assertTrue(sandbox.netsuite().requests().count() >= (expected + 99) / 100);
        assertTrue(windows >= 2, "the demo data must cross the cap");
    }
}
