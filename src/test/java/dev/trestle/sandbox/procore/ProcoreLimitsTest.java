package dev.trestle.sandbox.procore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.SandboxHarness;
import dev.trestle.sandbox.SandboxSettings;
import dev.trestle.support.MutableClock;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Procore's hourly and spike windows counted together, and its 503 under load. */
class ProcoreLimitsTest {

    static final Instant START = Instant.parse("2026-12-01T10:00:02Z");
    static final long SPIKE_RESET = Instant.parse("2026-12-01T10:00:10Z").getEpochSecond();
    static final long HOUR_RESET = Instant.parse("2026-12-01T11:00:00Z").getEpochSecond();
    static MutableClock clock;
    static SandboxHarness harness;
    ProcoreTestClient procore;

    @BeforeAll
    static void start() {
        clock = new MutableClock(START);
        harness = new SandboxHarness(SandboxSettings.defaults().toBuilder().clock(clock).build());
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @BeforeEach
    void reset() {
        clock.set(START);
        harness.sandbox.reset();
        procore = new ProcoreTestClient(harness);
        procore.freshToken();
    }

    ProcoreRateLimit limits() {
        return harness.sandbox.procore().rateLimit();
    }

    static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name));
    }

    static void assertRate(HttpResponse<String> response, int limit, int remaining, long reset) {
        assertEquals(String.valueOf(limit), header(response, "X-Rate-Limit-Limit"), "limit");
        assertEquals(String.valueOf(remaining), header(response, "X-Rate-Limit-Remaining"), "remaining");
        assertEquals(String.valueOf(reset), header(response, "X-Rate-Limit-Reset"), "reset");
    }

    @Test
    void theSpikeWindowAdmits25RequestsPer10SecondsByDefault() {
        assertEquals(25, limits().spikeLimit());
        for (int i = 1; i <= 25; i++) {
            HttpResponse<String> ok = procore.get("/rest/v1.0/companies");
            assertEquals(200, ok.statusCode(), "request " + i);
            assertRate(ok, 25, 25 - i, SPIKE_RESET);
        }
        HttpResponse<String> refused = procore.get("/rest/v1.0/companies");
        assertEquals(429, refused.statusCode());
        assertRate(refused, 25, 0, SPIKE_RESET);
        assertTrue(new JsonObject(refused.body()).getString("errors").contains("spike limit"), refused.body());

        clock.set(Instant.ofEpochSecond(SPIKE_RESET));
        HttpResponse<String> next = procore.get("/rest/v1.0/companies");
        assertEquals(200, next.statusCode(), "a new spike window");
        assertRate(next, 25, 24, SPIKE_RESET + 10);
    }

    @Test
    void headersDescribeTheWindowWithTheSmallerShareLeftAndA429NamesTheOneThatRefused() {
        limits().limit(30);
        for (int i = 1; i <= 20; i++) {
            HttpResponse<String> ok = procore.get("/rest/v1.0/companies");
            // Spike 25 - i of 25 against hourly 30 - i of 30: the spike window has the smaller share.
            assertRate(ok, 25, 25 - i, SPIKE_RESET);
        }
        clock.advance(Duration.ofSeconds(10));
        HttpResponse<String> afterSpike = procore.get("/rest/v1.0/companies");
        // Spike 24 of 25 against hourly 9 of 30: the hour is nearly used up.
        assertRate(afterSpike, 30, 9, HOUR_RESET);
        for (int i = 0; i < 9; i++) {
            assertEquals(200, procore.get("/rest/v1.0/companies").statusCode());
        }
        HttpResponse<String> refused = procore.get("/rest/v1.0/companies");
        assertEquals(429, refused.statusCode());
        assertRate(refused, 30, 0, HOUR_RESET);
        assertTrue(new JsonObject(refused.body()).getString("errors").contains("an hour"), refused.body());
        clock.advance(Duration.ofSeconds(10));
        assertEquals(429, procore.get("/rest/v1.0/companies").statusCode(), "a new spike window does not help");
    }

    @Test
    void onATieTheWindowThatResetsSoonerIsReported() {
        // Nothing counted yet: both have their whole limit left.
        harness.sandbox.procore().knobs().failNext(1, dev.trestle.sandbox.Fault.THROTTLE);
        assertRate(procore.get("/rest/v1.0/companies"), 25, 25, SPIKE_RESET);
        limits().window(Duration.ofSeconds(1));
        harness.sandbox.procore().knobs().failNext(1, dev.trestle.sandbox.Fault.THROTTLE);
        HttpResponse<String> throttled = procore.get("/rest/v1.0/companies");
        assertEquals(429, throttled.statusCode());
        assertRate(throttled, 3600, 3600, START.getEpochSecond() + 1);
    }

    @Test
    void whenBothWindowsAreFullThe429ReportsTheHourlyReset() {
        limits().limit(3).spikeLimit(3);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, procore.get("/rest/v1.0/companies").statusCode());
        }
        HttpResponse<String> refused = procore.get("/rest/v1.0/companies");
        assertEquals(429, refused.statusCode());
        assertRate(refused, 3, 0, HOUR_RESET);
    }

    @Test
    void eachWindowIsAKnobThatTheResetRestores() {
        limits().noSpikeWindow();
        assertEquals(0, limits().spikeLimit());
        for (int i = 1; i <= 30; i++) {
            HttpResponse<String> ok = procore.get("/rest/v1.0/companies");
            assertEquals(200, ok.statusCode(), "request " + i);
            assertRate(ok, 3600, 3600 - i, HOUR_RESET);
        }
        limits().spikeLimit(2).spikeWindow(Duration.ofSeconds(2));
        assertEquals(200, procore.get("/rest/v1.0/companies").statusCode());
        assertEquals(200, procore.get("/rest/v1.0/companies").statusCode());
        HttpResponse<String> refused = procore.get("/rest/v1.0/companies");
        assertEquals(429, refused.statusCode());
        assertRate(refused, 2, 0, START.getEpochSecond() + 2);

        harness.sandbox.reset();
        procore.freshToken();
        assertEquals(25, limits().spikeLimit());
        assertEquals(3600, limits().limit());
        assertRate(procore.get("/rest/v1.0/companies"), 25, 24, SPIKE_RESET);
    }

    @Test
    void moreThan20RequestsInFlightAtOnceGet503WithRetryAfterAndSpendNoQuota() {
        assertEquals(20, harness.sandbox.procore().overload().concurrency());
        harness.sandbox.procore().knobs().latency(Duration.ofSeconds(2));
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            calls.add(harness.client.sendAsync(procore.api("/rest/v1.0/companies").GET().build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> overloaded = new ArrayList<>();
        int served = 0;
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.join();
            if (response.statusCode() == 503) {
                overloaded.add(response);
            } else {
                assertEquals(200, response.statusCode(), response.body());
                served++;
            }
        }
        assertEquals(20, served);
        assertEquals(1, overloaded.size());
        HttpResponse<String> refused = overloaded.get(0);
        assertEquals("1", header(refused, "Retry-After"));
        assertTrue(new JsonObject(refused.body()).getString("errors").contains("heavy load"), refused.body());
        assertEquals(0, harness.sandbox.procore().overload().inFlight());

        harness.sandbox.procore().knobs().latency(Duration.ZERO);
        // 20 served of the spike window's 25, the 503 not counted: this one leaves 4.
        assertRate(procore.get("/rest/v1.0/companies"), 25, 4, SPIKE_RESET);
    }

    @Test
    void theOverloadThresholdIsAKnob() {
        harness.sandbox.procore().overload().concurrency(1).retryAfter(Duration.ofSeconds(3));
        harness.sandbox.procore().knobs().latency(Duration.ofSeconds(1));
        CompletableFuture<HttpResponse<String>> held = harness.client.sendAsync(
                procore.api("/rest/v1.0/companies").GET().build(), HttpResponse.BodyHandlers.ofString());
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (harness.sandbox.procore().overload().inFlight() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        HttpResponse<String> refused = procore.get("/rest/v1.0/companies");
        assertEquals(503, refused.statusCode());
        assertEquals("3", header(refused, "Retry-After"));
        assertEquals(200, held.join().statusCode());

        harness.sandbox.procore().overload().concurrency(0);
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            calls.add(harness.client.sendAsync(procore.api("/rest/v1.0/companies").GET().build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        calls.forEach(c -> assertEquals(200, c.join().statusCode(), "0 turns the rule off"));
    }
}
