package dev.trestle.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.Sandbox;
import dev.trestle.support.Database;
import dev.trestle.support.GraphQL;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the people running the hub on Kubernetes rely on: probes and metrics. */
@QuarkusTest
class OperationsTest {

    @Inject
    Sandbox sandbox;

    @Inject
    Database database;

    @Test
    void probesAnswerWithoutAToken() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Reactive PostgreSQL connections health check"));
    }

    @Test
    void metricsCoverUpstreamCallsAndSyncRuns() {
        Hub.freshInstallation(sandbox, database);
        Hub.enableEmployeeSync();
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("trestle_upstream_requests_seconds_count{"))
                .body(containsString("system=\"netsuite\""))
                .body(containsString("system=\"precoro\""))
                .body(containsString("trestle_sync_runs_seconds_count{kind=\"EMPLOYEES\",outcome=\"SUCCEEDED\""));
    }

    /**
     * Unauthenticated callers choose the path: each unmatched one must not become a series of its
     * own, whatever the answer (401 before routing, 404) and whatever Authorization header it has.
     */
    @Test
    void unmatchedPathsShareOneUriLabel() {
        GraphQL.as("viewer", "{ integrationSettings { employeeSyncEnabled } }");
        Set<String> before = uriLabels();
        assertTrue(before.containsAll(List.of("/graphql", "/dev/token")), "matched routes keep their label: " + before);
        List<String> randoms = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String random = "r" + UUID.randomUUID().toString().replace("-", "");
            randoms.add(random);
            String path = switch (i % 5) {
                case 0 -> "/graphql/" + random;
                case 1 -> "/" + random;
                case 2 -> "/q/" + random;
                case 3 -> "/dev/" + random;
                default -> "/graphql/" + random + "/" + i;
            };
            var request = given();
            if (i % 3 == 0) {
                request = request.header("Authorization", "Bearer " + random);
            } else if (i % 3 == 1) {
                request = request.header("Authorization", random);
            }
            if (i % 2 == 0) {
                request.get(path);
            } else {
                request.contentType("application/json").body("{}").post(path);
            }
        }
        Set<String> labels = uriLabels();
        for (String random : randoms) {
            assertTrue(labels.stream().noneMatch(label -> label.contains(random)), random + " is a uri label: " + labels);
        }
        Set<String> added = new TreeSet<>(labels);
        added.removeAll(before);
        // Other tests share this hub's metrics; only the sandbox, called by the hub itself, may add labels meanwhile.
        added.removeIf(label -> label.startsWith("/sandbox/"));
        assertTrue(Set.of("UNMATCHED").containsAll(added), "labels the random paths added: " + added);
        assertTrue(labels.contains("UNMATCHED"), labels.toString());
        // A second wave adds no label: the first one created the bucket all such requests fall in.
        for (int i = 0; i < 10; i++) {
            String random = "s" + UUID.randomUUID().toString().replace("-", "");
            given().header("Authorization", "Bearer " + random).get("/graphql/" + random);
            given().get("/" + random);
        }
        Set<String> after = uriLabels();
        after.removeIf(label -> label.startsWith("/sandbox/"));
        labels.removeIf(label -> label.startsWith("/sandbox/"));
        assertEquals(labels, after);
    }

    private static Set<String> uriLabels() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Set<String> labels = new TreeSet<>();
        Matcher uri = Pattern.compile("^http_server_requests_seconds_count\\{.*?uri=\"([^\"]*)\"", Pattern.MULTILINE)
                .matcher(metrics);
        while (uri.find()) {
            labels.add(uri.group(1));
        }
        return labels;
    }
}
