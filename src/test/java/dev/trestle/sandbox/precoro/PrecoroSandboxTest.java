package dev.trestle.sandbox.precoro;

import static dev.trestle.sandbox.SandboxHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.DemoCases;
import dev.trestle.sandbox.SandboxHarnessTest;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrecoroSandboxTest extends SandboxHarnessTest {

    @Test
    void refusesMissingOrWrongCredentials() {
        URI users = URI.create(harness.base + "/precoro/users");
        for (HttpRequest request : List.of(
                HttpRequest.newBuilder(users).build(),
                HttpRequest.newBuilder(users).header("X-AUTH-TOKEN", "sandbox-precoro-token").build(),
                HttpRequest.newBuilder(users).header("X-AUTH-TOKEN", "wrong").header("email", "integration@trestle.dev").build(),
                HttpRequest.newBuilder(users).header("X-AUTH-TOKEN", "sandbox-precoro-token").header("email", "x@y.z").build())) {
            HttpResponse<String> response = harness.send(request);
            assertEquals(401, response.statusCode());
            assertEquals(new JsonObject().put("message", "Invalid API token or email"), json(response));
        }
    }

    @Test
    void pagesThroughUsers() {
        HttpResponse<String> response = harness.precoroGet("/users?page=1&per_page=200");
        assertEquals(200, response.statusCode());
        JsonObject body = json(response);
        JsonObject pagination = body.getJsonObject("meta").getJsonObject("pagination");
        assertEquals(new JsonObject().put("total", 300).put("count", 200).put("per_page", 200).put("current_page", 1)
                .put("total_pages", 2).put("has_next_page", true), pagination);
        JsonObject ann = body.getJsonArray("data").getJsonObject(0);
        assertEquals(1, ann.getInteger("id"));
        assertEquals(" Ann.Lee@Example.com ", ann.getString("email"));
        assertEquals("Ann", ann.getString("firstname"));
        assertEquals("Lee", ann.getString("lastname"));
        assertTrue(ann.getBoolean("enable"));
        assertTrue(ann.getString("createDate").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00"));
        assertTrue(ann.getString("updateDate").endsWith("+00:00"));
        assertTrue(response.headers().firstValue("RateLimit-Limit").isPresent());
        assertTrue(response.headers().firstValue("RateLimit-Remaining").isPresent());

        JsonObject second = json(harness.precoroGet("/users?page=2&per_page=200"));
        assertEquals(100, second.getJsonArray("data").size());
        assertFalse(second.getJsonObject("meta").getJsonObject("pagination").getBoolean("has_next_page"));
        assertEquals(20, json(harness.precoroGet("/users")).getJsonArray("data").size());
        assertEquals(0, json(harness.precoroGet("/users?page=9&per_page=200")).getJsonArray("data").size());
    }

    @Test
    void validatesPerPageAndPage() {
        for (String query : List.of("per_page=30", "per_page=500", "per_page=x")) {
            HttpResponse<String> response = harness.precoroGet("/users?" + query);
            assertEquals(400, response.statusCode());
            assertEquals("per_page must be one of 10, 20, 50, 100, 200", json(response).getString("message"));
        }
        assertEquals(400, harness.precoroGet("/users?page=0").statusCode());
    }

    @Test
    void selectsUsersById() {
        JsonObject body = json(harness.precoroGet("/users?id[]=9&id[]=5&id%5B%5D=3&id[]=999999"));
        List<Integer> ids = new ArrayList<>();
        body.getJsonArray("data").forEach(u -> ids.add(((JsonObject) u).getInteger("id")));
        assertEquals(List.of(3, 5, 9), ids);
        assertEquals(3, body.getJsonObject("meta").getJsonObject("pagination").getInteger("total"));
    }

    @Test
    void readsOneUserWithoutTheDataWrapper() {
        JsonObject user = json(harness.precoroGet("/users/" + DemoCases.NULL_EMAIL_PRECORO_ID));
        assertEquals(3, user.getInteger("id"));
        assertTrue(user.containsKey("email"));
        assertNull(user.getString("email"));
        HttpResponse<String> missing = harness.precoroGet("/users/999999");
        assertEquals(404, missing.statusCode());
        assertEquals(new JsonObject().put("message", "Not found"), json(missing));
    }

    @Test
    void changesAreVisibleAndBumpUpdateDate() {
        Instant before = harness.sandbox.precoro().users().get(40).orElseThrow().updated();
        harness.sandbox.precoro().users().changeEmail(40, "moved@example.com");
        long id = harness.sandbox.precoro().users().maxId() + 1;
        harness.sandbox.precoro().users().put(new SandboxUser(id, "new.hire@example.com", "New", "Hire", true,
                Instant.now(), Instant.now()));
        JsonObject changed = json(harness.precoroGet("/users/40"));
        assertEquals("moved@example.com", changed.getString("email"));
        assertTrue(Instant.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(changed.getString("updateDate"))).isAfter(before));
        assertEquals("new.hire@example.com", json(harness.precoroGet("/users/" + id)).getString("email"));
        assertEquals(301, json(harness.precoroGet("/users")).getJsonObject("meta").getJsonObject("pagination").getInteger("total"));
    }

    @Test
    void listsOnlyUsersModifiedSinceAnInstantWithTheSamePaging() {
        var users = harness.sandbox.precoro().users();
        // Demo users were last edited in 2024; an edit now bumps updateDate to now.
        Instant edited = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        users.changeEmail(40, "moved@example.com");
        users.setEnabled(7, false);
        String since = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(LocalDateTime.ofInstant(edited, ZoneOffset.UTC));

        JsonObject body = json(harness.precoroGet("/users?modifiedSince=" + since + "&page=1&per_page=10"));
        List<Integer> ids = new ArrayList<>();
        body.getJsonArray("data").forEach(u -> ids.add(((JsonObject) u).getInteger("id")));
        assertEquals(List.of(7, 40), ids, "at or after the instant, to the second, in id order");
        assertEquals(new JsonObject().put("total", 2).put("count", 2).put("per_page", 10).put("current_page", 1)
                .put("total_pages", 1).put("has_next_page", false), body.getJsonObject("meta").getJsonObject("pagination"));

        // An instant before every demo user's last edit: all 300, paged as without the filter.
        JsonObject all = json(harness.precoroGet("/users?modifiedSince=2020-01-01T00:00:00&page=2&per_page=200"));
        assertEquals(100, all.getJsonArray("data").size());
        assertEquals(300, all.getJsonObject("meta").getJsonObject("pagination").getInteger("total"));
        // After every edit: nothing.
        String later = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                LocalDateTime.ofInstant(edited.plusSeconds(5), ZoneOffset.UTC));
        assertEquals(0, json(harness.precoroGet("/users?modifiedSince=" + later)).getJsonArray("data").size());
        // Together with id[]: both filters apply.
        JsonObject both = json(harness.precoroGet("/users?modifiedSince=" + since + "&id[]=40&id[]=41"));
        assertEquals(1, both.getJsonArray("data").size());
        assertEquals(40, both.getJsonArray("data").getJsonObject(0).getInteger("id"));
    }

    @Test
    void refusesAModifiedSinceThatIsNotPrecorosFormat() {
        for (String value : List.of("2026-01-05", "2026-01-05T09:00", "2026-01-05T09:00:00Z", "2026-01-05T09:00:00.000",
                "2026-01-05%2009:00:00", "05.01.2026", "2026-13-05T09:00:00", "2026-02-30T09:00:00", "", "yesterday")) {
            HttpResponse<String> response = harness.precoroGet("/users?modifiedSince=" + value);
            assertEquals(400, response.statusCode(), value);
            assertEquals(new JsonObject().put("message",
                    "modifiedSince must be a date and time in the format YYYY-MM-DDTHH:MM:SS"), json(response), value);
        }
    }

    @Test
    void throttlesBeyondTheRateLimitWithRetryAfter() {
        // The same GET again and again: without the duplicate rule, so that only the volume limits answer.
        harness.sandbox.precoro().rateLimits().requestsPerSecond(1).duplicateWindow(Duration.ZERO);
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            responses.add(harness.precoroGet("/users/1"));
        }
        HttpResponse<String> refused = responses.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
        JsonObject body = json(refused);
        assertEquals("Too many requests for this endpoint", body.getString("error"));
        assertEquals("Route based limiter by second", body.getString("RateLimit-Type"));
        assertEquals(1, body.getInteger("RateLimit-Limit"));
        String retryAfter = body.getString("RateLimit-Retry-After");
        Instant retryAt = LocalDateTime.parse(retryAfter, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'"))
                .toInstant(ZoneOffset.UTC);
        assertTrue(retryAt.isAfter(Instant.now().minusSeconds(2)) && retryAt.isBefore(Instant.now().plusSeconds(3)));
        assertEquals(retryAfter, refused.headers().firstValue("RateLimit-Retry-After").orElseThrow());
        assertEquals("0", refused.headers().firstValue("RateLimit-Remaining").orElseThrow());
        assertEquals("1", refused.headers().firstValue("RateLimit-Limit").orElseThrow());

        harness.sandbox.reset();
        harness.sandbox.precoro().rateLimits().hourlyBudget(2).duplicateWindow(Duration.ZERO);
        harness.precoroGet("/users/1");
        harness.precoroGet("/users/1");
        HttpResponse<String> hourly = harness.precoroGet("/users/1");
        assertEquals(429, hourly.statusCode());
        assertEquals("Hourly limiter", json(hourly).getString("RateLimit-Type"));
    }

    @Test
    void logsEveryRequestAndNoWrites() {
        harness.precoroGet("/users");
        harness.precoroGet("/users/1");
        assertEquals(2, harness.sandbox.precoro().requests().count());
        assertEquals(0, harness.sandbox.precoro().requests().writes().size());
        assertEquals("/users/1", harness.sandbox.precoro().requests().all().get(1).path());
        harness.send(harness.precoro("/users/1").method("PATCH", HttpRequest.BodyPublishers.ofString("externalId=7")).build());
        assertEquals(1, harness.sandbox.precoro().requests().writeCount());
    }
}
