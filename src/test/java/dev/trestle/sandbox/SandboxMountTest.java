package dev.trestle.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox as the hub's connectors see it in tests: on the hub's HTTP server under /sandbox. */
@QuarkusTest
class SandboxMountTest {

    @Inject
    Sandbox sandbox;

    @ConfigProperty(name = "trestle.netsuite.base-url")
    String netsuiteBaseUrl;

    @ConfigProperty(name = "trestle.precoro.base-url")
    String precoroBaseUrl;

    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    @Test
    void servesNetSuiteAtTheConfiguredBaseUrl() throws Exception {
        URI uri = URI.create(netsuiteBaseUrl + "/services/rest/record/v1/employee/101");
        String authorization = TbaTestSigner.demo().authorization("GET", uri, UUID.randomUUID().toString(),
                System.currentTimeMillis() / 1000);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("ann.lee@example.com", new JsonObject(response.body()).getString("email"));

        URI suiteQl = URI.create(netsuiteBaseUrl + "/services/rest/query/v1/suiteql?limit=5");
        HttpResponse<String> query = client.send(HttpRequest.newBuilder(suiteQl)
                .header("Authorization", TbaTestSigner.demo().authorization("POST", suiteQl, UUID.randomUUID().toString(),
                        System.currentTimeMillis() / 1000))
                .header("Prefer", "transient")
                .POST(HttpRequest.BodyPublishers.ofString("{\"q\":\"SELECT id, email FROM employee ORDER BY id\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, query.statusCode(), query.body());
        assertEquals(5, new JsonObject(query.body()).getInteger("count"));
        assertEquals(2, sandbox.netsuite().requests().count());
        assertEquals(0, sandbox.netsuite().requests().writeCount());
    }

    @Test
    void refusesByDefaultWhatTheRealServicesRefuse() {
        // SandboxConfig's defaults, which the hub's configuration leaves alone: the real services' figures.
        assertEquals(Duration.ofMinutes(1), sandbox.precoro().rateLimits().duplicateWindow());
        assertEquals(1, sandbox.precoro().rateLimits().requestsPerSecond());
        assertEquals(3600, sandbox.procore().rateLimit().limit());
        assertEquals(25, sandbox.procore().rateLimit().spikeLimit());
        assertEquals(20, sandbox.procore().overload().concurrency());
        assertEquals(Duration.ofSeconds(1), sandbox.procore().overload().retryAfter());
        assertEquals(Duration.ofMillis(150), sandbox.netsuite().knobs().latency());
        assertEquals(5, sandbox.netsuite().concurrency().limit());
        assertEquals(Duration.ofMinutes(1), sandbox.settings().precoroDuplicateWindow());
        assertEquals(Duration.ofSeconds(10), sandbox.settings().procoreSpikeWindow());
    }

    @Test
    void servesPrecoroWithTheConfiguredCredentialsAndTheRealLimits() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(precoroBaseUrl + "/users?per_page=10"))
                .header("X-AUTH-TOKEN", "sandbox-precoro-token").header("email", "integration@trestle.dev").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(10, new JsonObject(response.body()).getJsonArray("data").size());
        assertEquals("1", response.headers().firstValue("RateLimit-Limit").orElseThrow(), "one request a second");
        assertEquals("/users", sandbox.precoro().requests().all().get(0).path());
    }
}
