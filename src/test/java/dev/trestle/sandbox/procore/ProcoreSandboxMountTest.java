package dev.trestle.sandbox.procore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trestle.sandbox.ProcoreDemoCases;
import dev.trestle.sandbox.Sandbox;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Procore simulation on the hub's own HTTP server under /sandbox/procore, with the configured demo credentials. */
@QuarkusTest
class ProcoreSandboxMountTest {

    @Inject
    Sandbox sandbox;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    @Test
    void servesProcoreUnderSandbox() throws Exception {
        String base = "http://localhost:" + port + "/sandbox/procore";
        HttpResponse<String> token = client.send(HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"
                        + "&client_id=sandbox-procore-client-id&client_secret=sandbox-procore-client-secret")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, token.statusCode(), token.body());
        String accessToken = new JsonObject(token.body()).getString("access_token");

        HttpResponse<String> projects = client.send(HttpRequest.newBuilder(URI.create(base
                + "/rest/v1.0/projects?company_id=" + ProcoreDemoCases.COMPANY_ID + "&filters[by_status]=All"))
                .header("Authorization", "Bearer " + accessToken)
                .header("Procore-Company-Id", String.valueOf(ProcoreDemoCases.COMPANY_ID)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, projects.statusCode(), projects.body());
        assertEquals(12, new JsonArray(projects.body()).size());
        assertEquals("12", projects.headers().firstValue("Total").orElseThrow());
        // The spike window (25 per 10 s) has the smaller share left after one request of the hour's 3600.
        assertEquals("25", projects.headers().firstValue("X-Rate-Limit-Limit").orElseThrow());
        assertEquals("24", projects.headers().firstValue("X-Rate-Limit-Remaining").orElseThrow());
        assertEquals(2, sandbox.procore().requests().count());
        assertEquals(0, sandbox.procore().requests().writeCount());
    }
}
