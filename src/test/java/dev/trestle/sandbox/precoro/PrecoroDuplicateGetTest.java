package dev.trestle.sandbox.precoro;

import static dev.trestle.sandbox.SandboxHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trestle.sandbox.Fault;
import dev.trestle.sandbox.SandboxHarness;
import dev.trestle.sandbox.SandboxSettings;
import dev.trestle.support.MutableClock;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Precoro's duplicate rule: an identical GET within a minute of the one served is refused. */
class PrecoroDuplicateGetTest {

    static final Instant START = Instant.parse("2026-12-01T10:00:00.400Z");
    static MutableClock clock;
    static SandboxHarness harness;

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
    }

    static void assertDuplicate(HttpResponse<String> response, String retryAfter) {
        assertEquals(429, response.statusCode(), response.body());
        assertEquals(new JsonObject().put("error", "Too many requests for this endpoint")
                .put("RateLimit-Type", "Route based limiter by minute").put("RateLimit-Retry-After", retryAfter)
                .put("RateLimit-Limit", 1), json(response));
        assertEquals(retryAfter, response.headers().firstValue("RateLimit-Retry-After").orElseThrow());
        assertEquals("1", response.headers().firstValue("RateLimit-Limit").orElseThrow());
        assertEquals("0", response.headers().firstValue("RateLimit-Remaining").orElseThrow());
    }

    @Test
    void refusesAnIdenticalGetWithinAMinuteOfTheFirstByDefault() {
        assertEquals(Duration.ofMinutes(1), harness.sandbox.precoro().rateLimits().duplicateWindow());
        assertEquals(200, harness.precoroGet("/users?page=1&per_page=10").statusCode());
        clock.advance(Duration.ofSeconds(30));
        // The first request at 10:00:00.4 + 1 minute, rounded up to the second Precoro shows.
        assertDuplicate(harness.precoroGet("/users?page=1&per_page=10"), "2026-12-01 10:01:01 UTC");
        assertEquals(200, harness.precoroGet("/users?page=2&per_page=10").statusCode(), "another query");
        assertEquals(200, harness.precoroGet("/users/1").statusCode(), "another path");
        clock.advance(Duration.ofMillis(29_999));
        assertEquals(429, harness.precoroGet("/users?page=1&per_page=10").statusCode(), "just inside the minute");
        clock.advance(Duration.ofMillis(1));
        assertEquals(200, harness.precoroGet("/users?page=1&per_page=10").statusCode(), "a minute after the first");
        assertEquals(429, harness.precoroGet("/users?page=1&per_page=10").statusCode(), "which starts a new window");
    }

    @Test
    void parameterOrderAndEncodingDoNotMakeAGetDifferent() {
        assertEquals(200, harness.precoroGet("/users?page=1&per_page=10").statusCode());
        assertEquals(429, harness.precoroGet("/users?per_page=10&page=1").statusCode());
        assertEquals(200, harness.precoroGet("/users?id[]=3&id[]=5").statusCode());
        assertEquals(429, harness.precoroGet("/users?id%5B%5D=5&id[]=3").statusCode());
        assertEquals(200, harness.precoroGet("/users?id[]=3&id[]=6").statusCode(), "other values are another GET");
    }

    @Test
    void aRefusedRequestNeitherStartsNorRestartsTheWindow() {
        harness.sandbox.precoro().rateLimits().requestsPerSecond(1);
        assertEquals(200, harness.precoroGet("/users/2").statusCode());
        HttpResponse<String> perSecond = harness.precoroGet("/users/1");
        assertEquals("Route based limiter by second", json(perSecond).getString("RateLimit-Type"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(200, harness.precoroGet("/users/1").statusCode(),
                "refused by the per-second limit, the first GET was not served and starts no window");

        clock.advance(Duration.ofSeconds(20));
        assertEquals(429, harness.precoroGet("/users/1").statusCode());
        clock.advance(Duration.ofSeconds(40));
        assertEquals(200, harness.precoroGet("/users/1").statusCode(),
                "the window runs from the GET served, not from the refused repeat");
    }

    @Test
    void aGetAnsweredWithAFaultWasAdmittedAndStartsTheWindow() {
        // Precoro's limiter runs before its application: a request it let through counts, whatever the answer.
        harness.sandbox.precoro().knobs().failNext(1, Fault.SERVER_ERROR);
        assertEquals(500, harness.precoroGet("/users/1").statusCode());
        assertEquals(429, harness.precoroGet("/users/1").statusCode());
    }

    @Test
    void coversOnlyGets() {
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> patch = harness.send(harness.precoro("/users/1")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("externalId=7")).build());
            assertEquals(405, patch.statusCode(), "an identical PATCH is no duplicate GET");
        }
    }

    @Test
    void theWindowIsAKnobThatTheResetRestores() {
        harness.sandbox.precoro().rateLimits().duplicateWindow(Duration.ZERO);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, harness.precoroGet("/users/1").statusCode());
        }
        harness.sandbox.precoro().rateLimits().duplicateWindow(Duration.ofSeconds(5));
        assertEquals(200, harness.precoroGet("/users/1").statusCode());
        assertDuplicate(harness.precoroGet("/users/1"), "2026-12-01 10:00:06 UTC");
        clock.advance(Duration.ofSeconds(5));
        assertEquals(200, harness.precoroGet("/users/1").statusCode());

        harness.sandbox.reset();
        assertEquals(200, harness.precoroGet("/users/1").statusCode());
        assertEquals(429, harness.precoroGet("/users/1").statusCode(), "the reset restores the minute");
    }
}
