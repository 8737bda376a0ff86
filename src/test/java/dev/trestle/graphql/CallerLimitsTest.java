package dev.trestle.graphql;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.Sandbox;
import dev.trestle.support.Database;
import dev.trestle.support.GraphQL;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Per-caller rate, the replica's result budget and the execution deadline, at small limits, over HTTP. (The cap on a caller's
 * operations running at once is proven on {@link CallerLimiter} itself, on a clock the test moves.)
 */
@QuarkusTest
@TestProfile(CallerLimitsTest.SmallLimits.class)
class CallerLimitsTest {

    /** The test profile's generous caller limits are lowered here to figures a test can exhaust. */
    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "trestle.graphql.callers.operations-per-second", "0.2",
                    "trestle.graphql.callers.burst", "3",
                    "trestle.graphql.callers.concurrent", "2",
                    "trestle.graphql.deadline", "PT3S",
                    "trestle.graphql.max-nodes-in-flight", "500",
                    // A hung NetSuite read stays hung past the deadline instead of timing out first.
                    "trestle.netsuite.read-timeout", "10s");
        }
    }

    private static final String SUMMARY = "{ employeeMappingSummary { total } }";
    private static final String VENDORS = "{ vendors(first: 5) { totalCount } }";

    @Inject
    Sandbox sandbox;

    @Inject
    Database database;

    @BeforeEach
    void fresh() {
        Hub.freshInstallation(sandbox, database);
    }

    @AfterEach
    void calm() {
        sandbox.netsuite().knobs().reset();
        // The hanging reads open NetSuite's circuit breaker; the next test starts with a closed one.
        CircuitBreakerMaintenance.get().resetAll();
    }

    private static Response query(String token, String query) {
        return given().auth().oauth2(token).contentType("application/json")
                .accept("application/graphql-response+json")
                .body(Map.of("query", query)).post("/graphql");
    }

    @Test
    void aCallerOverTheRateIsRefusedWithRetryAfterAndOthersAreNot() {
        String rita = GraphQL.token("rita", "viewer");
        for (int i = 0; i < 3; i++) {
            query(rita, SUMMARY).then().statusCode(200).body("data.employeeMappingSummary.total", notNullValue());
        }
        query(rita, SUMMARY).then().statusCode(429)
                .header("Retry-After", notNullValue())
                .body("errors[0].extensions.code", equalTo("RATE_LIMITED"));
        query(GraphQL.token("sam", "viewer"), SUMMARY).then().statusCode(200)
                .body("data.employeeMappingSummary.total", notNullValue());
    }

    @Test
    void anOperationPastTheDeadlineIsAnsweredWithDeadlineExceeded() {
        sandbox.netsuite().knobs().hangRate(1.0).hangDuration(Duration.ofSeconds(20));
        long started = System.nanoTime();
        query(GraphQL.token("dora", "viewer"), VENDORS).then().statusCode(504)
                .body("errors[0].extensions.code", equalTo("DEADLINE_EXCEEDED"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(Duration.ofMillis(5000)) < 0, "answered after " + took);
    }

    @Test
    void operationsRunningTogetherShareTheReplicasResultBudget() throws Exception {
        sandbox.netsuite().knobs().hangRate(1.0).hangDuration(Duration.ofSeconds(20));
        sandbox.netsuite().requests().clear();
        String page = "{ vendors(first: 100) { edges { node { id } } } }";  // 301 of the 500
        CompletableFuture<Integer> hanging = CompletableFuture.supplyAsync(
                () -> query(GraphQL.token("hana", "viewer"), page).statusCode());
        // A wait for the precondition, generous for a loaded machine; the deadline (30 s) is far off.
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (sandbox.netsuite().requests().count() == 0 && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertEquals(1, sandbox.netsuite().requests().count(), "the first page is under way");
        String ivan = GraphQL.token("ivan", "viewer");
        query(ivan, page).then().statusCode(503)
                .header("Retry-After", notNullValue())
                .body("errors[0].extensions.code", equalTo("OVERLOADED"));
        query(ivan, SUMMARY).then().statusCode(200).body("data.employeeMappingSummary.total", notNullValue());
        assertEquals(504, hanging.get(), "the first page ends at the deadline");
        sandbox.netsuite().knobs().reset();
        query(ivan, "{ vendors(first: 100) { totalCount } }").then().statusCode(200);
    }
}
