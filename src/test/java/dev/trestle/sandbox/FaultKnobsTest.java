package dev.trestle.sandbox;

import static dev.trestle.sandbox.SandboxHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every fault knob, seen from a client over real HTTP. */
class FaultKnobsTest extends SandboxHarnessTest {

    static final String EMPLOYEE = "/services/rest/record/v1/employee/101";

    @BeforeEach
    void withoutPrecorosDuplicateRule() {
        // These tests repeat one GET to see a fault and then the normal answer (and the JDK client
        // repeats a GET whose connection closed); Precoro's duplicate rule would answer the repeat
        // instead. PrecoroDuplicateGetTest covers that rule.
        harness.sandbox.precoro().rateLimits().duplicateWindow(Duration.ZERO);
    }

    @Test
    void scriptedServerErrorThenNormal() {
        harness.sandbox.netsuite().knobs().failNext(2, Fault.SERVER_ERROR);
        HttpResponse<String> first = harness.netsuiteGet(EMPLOYEE);
        assertEquals(500, first.statusCode());
        assertEquals("UNEXPECTED_ERROR", json(first).getJsonArray("o:errorDetails").getJsonObject(0).getString("o:errorCode"));
        assertEquals(500, harness.netsuiteGet(EMPLOYEE).statusCode());
        assertEquals(200, harness.netsuiteGet(EMPLOYEE).statusCode());

        harness.sandbox.precoro().knobs().failNext(1, Fault.SERVER_ERROR);
        assertEquals(500, harness.precoroGet("/users/1").statusCode());
        assertEquals(200, harness.precoroGet("/users/1").statusCode());
    }

    @Test
    void scriptedThrottle() {
        harness.sandbox.netsuite().knobs().failNext(1, Fault.THROTTLE);
        assertEquals(429, harness.netsuiteGet(EMPLOYEE).statusCode());
        harness.sandbox.precoro().knobs().failNext(1, Fault.THROTTLE);
        HttpResponse<String> throttled = harness.precoroGet("/users/1");
        assertEquals(429, throttled.statusCode());
        assertEquals("Too many requests for this endpoint", json(throttled).getString("error"));
        assertTrue(throttled.headers().firstValue("RateLimit-Retry-After").isPresent());
    }

    @Test
    void droppedConnection() throws IOException {
        // Over a raw socket: the JDK client silently repeats a GET whose connection dropped,
        // which would hide the fault. The server must close the connection without a byte.
        harness.sandbox.netsuite().knobs().failNext(1, Fault.DROP_CONNECTION);
        assertEquals("", harness.rawExchange(harness.signed("GET", harness.netsuiteUri(EMPLOYEE)).GET().build()));
        harness.sandbox.precoro().knobs().failNext(1, Fault.DROP_CONNECTION);
        assertEquals("", harness.rawExchange(harness.precoro("/users/1").GET().build()));
        assertEquals(200, harness.precoroGet("/users/1").statusCode());
        assertEquals(0, harness.sandbox.netsuite().concurrency().inUse());
    }

    @Test
    void malformedBody() {
        harness.sandbox.netsuite().knobs().failNext(1, Fault.MALFORMED_BODY);
        HttpResponse<String> response = harness.netsuiteGet(EMPLOYEE);
        assertEquals(200, response.statusCode());
        assertThrows(DecodeException.class, () -> new JsonObject(response.body()));
        harness.sandbox.precoro().knobs().malformedRate(1.0);
        HttpResponse<String> precoro = harness.precoroGet("/users");
        assertEquals(200, precoro.statusCode());
        assertThrows(DecodeException.class, () -> new JsonObject(precoro.body()));
    }

    @Test
    void hangOutlastsTheClientTimeoutAndReleasesItsSlotWhenTheClientGivesUp() throws Exception {
        harness.sandbox.netsuite().knobs().failNext(1, Fault.HANG);
        HttpRequest request = harness.signed("GET", harness.netsuiteUri(EMPLOYEE)).timeout(Duration.ofMillis(300)).build();
        assertThrows(HttpTimeoutException.class, () -> harness.client.send(request, HttpResponse.BodyHandlers.ofString()));
        harness.sandbox.precoro().knobs().hangRate(1.0).hangDuration(Duration.ofMillis(200));
        // A short hang ends with a closed connection, never with an answer.
        assertThrows(IOException.class, () -> harness.client.send(harness.precoro("/users/1").build(),
                HttpResponse.BodyHandlers.ofString()));
        harness.sandbox.reset();
        assertEquals(200, harness.netsuiteGet(EMPLOYEE).statusCode());
        assertEquals(0, harness.sandbox.netsuite().concurrency().inUse());
    }

    @Test
    void latencyDelaysTheAnswer() {
        harness.sandbox.precoro().knobs().latency(Duration.ofMillis(250));
        long start = System.nanoTime();
        assertEquals(200, harness.precoroGet("/users/1").statusCode());
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 240);
    }

    @Test
    void ratesAreSeededAndRepeatable() {
        List<Integer> firstRun = statuses();
        harness.sandbox.reset();
        assertEquals(firstRun, statuses());
        long errors = firstRun.stream().filter(s -> s == 500).count();
        long throttles = firstRun.stream().filter(s -> s == 429).count();
        assertTrue(errors > 5 && errors < 35, "errors " + errors);
        assertTrue(throttles > 5 && throttles < 35, "throttles " + throttles);
    }

    private List<Integer> statuses() {
        harness.sandbox.netsuite().knobs().errorRate(0.2).throttleRate(0.2);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            statuses.add(harness.netsuiteGet(EMPLOYEE).statusCode());
        }
        return statuses;
    }

    @Test
    void resetClearsLogsAndKnobs() {
        harness.sandbox.netsuite().knobs().errorRate(1.0);
        harness.netsuiteGet(EMPLOYEE);
        harness.sandbox.reset();
        assertEquals(0, harness.sandbox.netsuite().requests().count());
        assertEquals(200, harness.netsuiteGet(EMPLOYEE).statusCode());
        assertEquals(1, harness.sandbox.netsuite().inFlight().maxSeen());
    }
}
