package dev.trestle.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trestle.sandbox.ProcoreDemoCases;
import dev.trestle.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Dev mode's demo installation is connected when the demo story says, so the demo projects
 * created after that instant can be exported (with a connection of today none could).
 */
@QuarkusTest
@TestProfile(DemoConnectionTest.AsInDevMode.class)
class DemoConnectionTest {

    public static class AsInDevMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trestle.demo.connected-at", ProcoreDemoCases.CONNECTION_INSTANT.toString());
        }
    }

    @Test
    void theDemoInstallationIsConnectedAtTheStorysInstantAndItsNewProjectsExport() {
        JsonPath settings = GraphQL.as("viewer", "{ integrationSettings { connectedAt } }");
        assertEquals(ProcoreDemoCases.CONNECTION_INSTANT, Instant.parse(settings.getString("data.integrationSettings.connectedAt")));

        // Westfield Transit Hub (P-1008): active, numbered, created after the connection, pre-construction.
        JsonPath requested = GraphQL.as("requester",
                "mutation { requestExport(input: {kind: PROJECT, sourceId: \"5100000008\"}) { status } }");
        assertNull(requested.get("errors"), requested.prettify());
        assertEquals("PENDING", requested.getString("data.requestExport.status"));
    }
}
