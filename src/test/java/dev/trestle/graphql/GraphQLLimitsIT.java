package dev.trestle.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trestle.sandbox.SandboxSettings;
import dev.trestle.support.HubProcess;
import dev.trestle.support.SandboxProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cost and caller limits on the production build, with its defaults and the heap it runs with (256 MB): the alias and
 * fragment bombs that used to take the hub down are refused before they run, other callers are
 * answered meanwhile within their usual latency, and a request that used to spend an upstream
 * budget costs one read per list.
 */
class GraphQLLimitsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String NORMAL = "{ employeeMappingSummary { total mapped notMapped } }";

    private static SandboxProcess sandbox;
    private static HubProcess hub;

    @BeforeAll
    static void start() throws Exception {
        HubProcess.emptyDatabase();
        sandbox = SandboxProcess.start(SandboxSettings.defaults());
        // Production's own limits, per-caller rate included.
        hub = HubProcess.start("graphql-limits", sandbox.base());
    }

    @AfterAll
    static void stop() throws Exception {
        if (hub != null) {
            hub.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    static String aliasBomb(int aliases) {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < aliases; i++) {
            query.append(" e").append(i)
                    .append(": employees(first: 100) { edges { node { precoroUser { email } netsuiteEmployee { email } } } }");
        }
        return query.append(" }").toString();
    }

    private static HttpResponse<String> post(String token, String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(hub.graphqlUrl()))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String code(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).at("/errors/0/extensions/code").asText();
    }

    /** The median of {@code samples} normal queries, sent in turn by the callers. */
    private static double p50(List<String> tokens, int samples) throws Exception {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long started = System.nanoTime();
            HttpResponse<String> answer = post(tokens.get(i % tokens.size()), NORMAL);
            micros.add((System.nanoTime() - started) / 1000);
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(JSON.readTree(answer.body()).at("/data/employeeMappingSummary/total").isNumber(), answer.body());
        }
        Collections.sort(micros);
        return micros.get(micros.size() / 2) / 1000.0;
    }

    @Test
    void bombsAreRefusedAndOtherCallersAreAnsweredMeanwhile() throws Exception {
        // Ten people at their dashboards, each well within their own share.
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            people.add(HubProcess.token("nora-" + i, List.of("viewer")));
        }
        p50(people, 30);  // warm-up
        double quiet = p50(people, 60);

        String aliasBomb = aliasBomb(300);
        String fragmentBomb = GraphQLGateTest.fragmentBomb(22);
        AtomicBoolean bombing = new AtomicBoolean(true);
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger rateLimited = new AtomicInteger();
        AtomicInteger wrong = new AtomicInteger();
        ExecutorService bombers = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            String token = HubProcess.token("mallory-" + b, List.of("viewer"));
            String bomb = b % 2 == 0 ? aliasBomb : fragmentBomb;
            running.add(bombers.submit(() -> {
                while (bombing.get()) {
                    HttpResponse<String> answer = post(token, bomb);
                    if (answer.statusCode() == 400 && code(answer).equals("QUERY_TOO_COMPLEX")) {
                        refused.incrementAndGet();
                    } else if (answer.statusCode() == 429 && code(answer).equals("RATE_LIMITED")) {
                        rateLimited.incrementAndGet();
                    } else {
                        wrong.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        double underBombs;
        try {
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (refused.get() + rateLimited.get() < 8 && System.nanoTime() < until) {
                Thread.onSpinWait();  // measure once the bombing is under way
            }
            underBombs = p50(people, 60);
        } finally {
            bombing.set(false);
            for (Future<?> bomber : running) {
                bomber.get();
            }
            bombers.shutdown();
        }
        System.out.printf("normal query p50: %.1f ms quiet, %.1f ms while bombs were refused: %d as too complex, "
                + "%d more as over their sender's rate%n", quiet, underBombs, refused.get(), rateLimited.get());
        assertEquals(0, wrong.get(), "every bomb is refused, with QUERY_TOO_COMPLEX or RATE_LIMITED");
        assertTrue(refused.get() >= 8, "bombs reached the cost limits: " + refused.get());
        assertTrue(rateLimited.get() > 0, "bombers in a loop exhaust their own share: " + rateLimited.get());
        // Two cores serve the bombers, the caller and the hub; usual latency, with room for that.
        assertTrue(underBombs < Math.max(3 * quiet, quiet + 50), "p50 " + underBombs + " ms against " + quiet + " ms");
        assertEquals(0, sandbox.sandbox().precoro().requests().count(), "no bomb read Precoro");
    }

    @Test
    void theQuotaRequestCostsOneReadPerUpstreamList() throws Exception {
        String token = HubProcess.token("quentin", List.of("viewer"));
        post(token, "{ vendors(first: 1) { totalCount } }");  // takes a Procore token
        sandbox.sandbox().procore().requests().clear();
        sandbox.sandbox().netsuite().requests().clear();
        StringBuilder quota = new StringBuilder("{");
        for (int i = 0; i < 1300; i++) {
            quota.append(" v").append(i).append(": vendors { totalCount }");
        }
        HttpResponse<String> refused = post(token, quota.append(" }").toString());
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("QUERY_TOO_COMPLEX", code(refused));
        assertEquals(0, sandbox.sandbox().procore().requests().count(), "a refused request reads nothing");

        StringBuilder allowed = new StringBuilder("{");
        for (int i = 0; i < 30; i++) {
            allowed.append(" v").append(i).append(": vendors(first: 10) { totalCount edges { node { id } } }");
        }
        HttpResponse<String> answer = post(token, allowed.append(" }").toString());
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode body = JSON.readTree(answer.body());
        assertTrue(body.at("/data/v29/totalCount").isNumber(), answer.body());
        assertEquals(1, sandbox.sandbox().procore().requests().count(), "Procore: one read for 30 aliases");
        assertEquals(1, sandbox.sandbox().netsuite().requests().count(), "NetSuite: one read for 30 aliases");
    }
}
