package dev.trestle.connectors;

import static dev.trestle.support.GraphQL.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.connectors.procore.ProcoreConnector;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.support.Database;
import dev.trestle.support.GraphQL;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hub paces itself inside its Procore budget instead of collecting 429s, and keeps the last
 * of it for its own work: with 12 requests an hour and half of them kept, people's reads stop
 * after 6 with a clear rate limit, the hub's own work gets the other 6, and Procore never
 * answers 429.
 */
@QuarkusTest
@TestProfile(BudgetTest.SmallProcoreBudget.class)
class BudgetTest {

    public static class SmallProcoreBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trestle.procore.budget.per-hour", "12", "trestle.procore.budget.reserve", "0.5",
                    "trestle.procore.budget.max-wait", "1s");
        }
    }

    private static final String PROJECTS = "{ projects(first: 5) { totalCount } }";

    @Inject
    Sandbox sandbox;

    @Inject
    Database database;

    @Inject
    ProcoreConnector procore;

    @Inject
    @Upstream(UpstreamSystem.PROCORE)
    UpstreamCaller caller;

    @BeforeEach
    void fresh() {
        Hub.freshInstallation(sandbox, database);
        caller.budget().reset();
    }

    @Test
    void peopleStopAtTheReserveTheHubsWorkSpendsItAndProcoreNeverSays429() {
        // Procore itself allows exactly the budget: a 13th request would be a 429.
        sandbox.procore().rateLimit().limit(12);
        long before = sandbox.procore().requests().count("GET", "/rest/");
        for (int i = 0; i < 6; i++) {
            JsonPath page = GraphQL.as("viewer", PROJECTS);
            assertNull(page.get("errors"), "read " + i + ": " + page.prettify());
        }
        JsonPath refused = GraphQL.as("viewer", PROJECTS);
        assertEquals("UPSTREAM_RATE_LIMITED", errorCode(refused), refused.prettify());
        assertTrue(refused.getString("errors[0].message").contains("kept for exports and syncs"),
                refused.getString("errors[0].message"));
        assertEquals(6, sandbox.procore().requests().count("GET", "/rest/") - before,
                "six reads of one request each; the refused one sent nothing");

        // The hub's own work (not a GraphQL request) spends the reserve, then is told when it is back.
        for (int i = 0; i < 6; i++) {
            procore.projects().await().atMost(Duration.ofSeconds(10));
        }
        UpstreamException spent = assertThrows(UpstreamException.class,
                () -> procore.projects().await().atMost(Duration.ofSeconds(10)));
        assertEquals(UpstreamException.Kind.BUDGET_SPENT, spent.kind());
        assertTrue(spent.retryAfter().orElseThrow().compareTo(Duration.ofMinutes(50)) > 0, spent.getMessage());
        assertEquals(12, sandbox.procore().requests().count("GET", "/rest/") - before, "the hour's 12, no more");
        assertEquals(0, caller.budget().remaining());
    }
}
