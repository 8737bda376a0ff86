package dev.trestle.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.trestle.sandbox.Sandbox;
import dev.trestle.support.Database;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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
}
