package dev.trestle.sandbox.netsuite;

import static dev.trestle.sandbox.SandboxHarness.json;
import static dev.trestle.sandbox.SandboxHarness.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.DemoCases;
import dev.trestle.sandbox.SandboxHarness;
import dev.trestle.sandbox.SandboxHarnessTest;
import dev.trestle.sandbox.SandboxSettings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NetSuiteSandboxTest extends SandboxHarnessTest {

    static final String EMPLOYEES = "/services/rest/record/v1/employee";

    static Map<String, String> links(JsonObject body) {
        Map<String, String> links = new HashMap<>();
        body.getJsonArray("links").forEach(l -> links.put(((JsonObject) l).getString("rel"), ((JsonObject) l).getString("href")));
        return links;
    }

    @Test
    void pagesThroughEmployeesWithNavigationLinks() {
        int total = harness.sandbox.netsuite().employees().size();
        HttpResponse<String> first = harness.netsuiteGet(EMPLOYEES + "?limit=100");
        assertEquals(200, first.statusCode());
        assertEquals(NetSuiteSandbox.COLLECTION, first.headers().firstValue("Content-Type").orElseThrow());
        JsonObject body = json(first);
        assertEquals(100, body.getInteger("count"));
        assertTrue(body.getBoolean("hasMore"));
        assertEquals(0, body.getInteger("offset"));
        assertEquals(total, body.getInteger("totalResults"));
        JsonObject item = body.getJsonArray("items").getJsonObject(0);
        assertEquals("101", item.getString("id"));
        assertEquals(harness.base + "/netsuite" + EMPLOYEES + "/101",
                item.getJsonArray("links").getJsonObject(0).getString("href"));
        Map<String, String> links = links(body);
        assertEquals(harness.base + "/netsuite" + EMPLOYEES + "?limit=100&offset=100", links.get("next"));
        assertEquals(harness.base + "/netsuite" + EMPLOYEES + "?limit=100&offset=" + (total - 1) / 100 * 100, links.get("last"));
        assertFalse(links.containsKey("prev"));

        // Follow next links the way a connector does; every id exactly once.
        List<String> ids = new ArrayList<>();
        String next = EMPLOYEES + "?limit=100";
        while (next != null) {
            JsonObject page = json(harness.netsuiteGet(next));
            page.getJsonArray("items").forEach(i -> ids.add(((JsonObject) i).getString("id")));
            String href = links(page).get("next");
            next = href == null ? null : href.substring((harness.base + "/netsuite").length());
            if (next == null) {
                assertFalse(page.getBoolean("hasMore"));
                assertTrue(links(page).containsKey("prev"));
                assertTrue(links(page).containsKey("first"));
            }
        }
        assertEquals(total, ids.size());
        assertEquals(total, ids.stream().distinct().count());
    }

    @Test
    void refusesAnOffsetThatIsNotAMultipleOfTheLimitAndAnOversizedLimit() {
        for (String query : List.of("?limit=100&offset=50", "?limit=1001", "?limit=abc")) {
            HttpResponse<String> response = harness.netsuiteGet(EMPLOYEES + query);
            assertEquals(400, response.statusCode(), query);
            assertEquals("INVALID_PARAMETER", errorCode(response));
            assertEquals(NetSuiteErrors.ERROR_TYPE, response.headers().firstValue("Content-Type").orElseThrow());
        }
    }

    @Test
    void filtersWithQ() {
        assertEquals(List.of("101"), ids("email IS \"ann.lee@example.com\""));
        assertEquals(List.of("101"), ids("email IS \"ANN.LEE@example.com\""));
        assertTrue(ids("email START_WITH \"ann.\"").contains("101"));
        assertTrue(ids("email CONTAIN \"lee@exa\"").contains("101"));
        List<String> inactive = ids("isInactive IS true");
        assertTrue(inactive.containsAll(List.of(DemoCases.INACTIVE_ONLY_NETSUITE_ID, DemoCases.ACTIVE_OVER_INACTIVE_INACTIVE_ID)));
        assertFalse(ids("isInactive IS false").contains(DemoCases.INACTIVE_ONLY_NETSUITE_ID));
        assertEquals(List.of("101", DemoCases.INACTIVE_ONLY_NETSUITE_ID),
                ids("email IS \"ann.lee@example.com\" OR (isInactive IS true AND email IS \""
                        + harness.sandbox.netsuite().employees().get(103).orElseThrow().email() + "\")"));

        harness.sandbox.netsuite().employees().changeEmail(150, "changed@example.com");
        String today = Instant.now().toString().substring(0, 10);
        String[] ymd = today.split("-");
        String usToday = Integer.parseInt(ymd[1]) + "/" + Integer.parseInt(ymd[2]) + "/" + ymd[0];
        assertEquals(List.of("150"), ids("lastModifiedDate ON_OR_AFTER \"" + usToday + "\""));
        assertEquals(List.of("150"), ids("lastModifiedDate ON_OR_AFTER \"" + today + "\""));
        assertEquals(List.of(), ids("lastModifiedDate AFTER \"" + usToday + "\""));
        assertFalse(ids("lastModifiedDate BEFORE \"" + usToday + "\"").contains("150"));
    }

    @Test
    void refusesAnUnparseableQ() {
        for (String filter : List.of("email LIKE \"x\"", "email IS", "salary IS \"1\"",
                "lastModifiedDate AFTER \"31/31/2024\"", "email IS \"a\" AND")) {
            HttpResponse<String> response = harness.netsuiteGet(EMPLOYEES + "?q=" + q(filter));
            assertEquals(400, response.statusCode(), filter);
            assertEquals("INVALID_PARAMETER", errorCode(response));
        }
        assertTrue(detail(harness.netsuiteGet(EMPLOYEES + "?q=" + q("lastModifiedDate AFTER \"31/31/2024\"")))
                .contains("Unparseable date"));
    }

    @Test
    void readsOneEmployeeByIdOrExternalId() {
        HttpResponse<String> response = harness.netsuiteGet(EMPLOYEES + "/101");
        assertEquals(200, response.statusCode());
        assertEquals(NetSuiteSandbox.SINGULAR, response.headers().firstValue("Content-Type").orElseThrow());
        JsonObject e = json(response);
        assertEquals("101", e.getString("id"));
        assertEquals("EMP-101", e.getString("externalId"));
        assertEquals("E-0101", e.getString("entityId"));
        assertEquals("Ann", e.getString("firstName"));
        assertEquals("Lee", e.getString("lastName"));
        assertEquals("ann.lee@example.com", e.getString("email"));
        assertEquals(false, e.getBoolean("isInactive"));
        assertTrue(e.getString("lastModifiedDate").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        assertEquals("1", e.getJsonObject("subsidiary").getString("id"));
        assertEquals("Trestle Builders Inc.", e.getJsonObject("subsidiary").getString("refName"));

        assertEquals("101", json(harness.netsuiteGet(EMPLOYEES + "/eid:EMP-101")).getString("id"));
        HttpResponse<String> missing = harness.netsuiteGet(EMPLOYEES + "/999999");
        assertEquals(404, missing.statusCode());
        assertEquals("NONEXISTENT_ID", errorCode(missing));
    }

    @Test
    void answersTheConnectorsSuiteQl() {
        HttpResponse<String> all = harness.suiteQl(
                "SELECT id, entityid, firstname, lastname, email, isinactive FROM employee ORDER BY id", "limit=50&offset=0");
        assertEquals(200, all.statusCode());
        JsonObject body = json(all);
        assertEquals(50, body.getInteger("count"));
        assertTrue(body.getBoolean("hasMore"));
        assertEquals(harness.sandbox.netsuite().employees().size(), body.getInteger("totalResults"));
        JsonObject row = body.getJsonArray("items").getJsonObject(0);
        assertEquals(new JsonObject().put("links", new JsonArray()).put("id", "101").put("entityid", "E-0101")
                .put("firstname", "Ann").put("lastname", "Lee").put("email", "ann.lee@example.com")
                .put("isinactive", "F"), row);

        JsonObject some = json(harness.suiteQl(
                "select email, ID from Employee where id in (108, 103, 999999) order by id", null));
        assertEquals(2, some.getInteger("totalResults"));
        assertEquals("103", some.getJsonArray("items").getJsonObject(0).getString("id"));
        assertEquals(List.of("links", "email", "id"),
                new ArrayList<>(some.getJsonArray("items").getJsonObject(0).fieldNames()));

        JsonObject after = json(harness.suiteQl("SELECT id FROM employee WHERE id > 390 ORDER BY id", null));
        assertEquals("391", after.getJsonArray("items").getJsonObject(0).getString("id"));
        assertEquals(10, after.getInteger("totalResults"));

        // The first NetSuite-only employee has no email: the column is left out of its row.
        String noEmailId = harness.sandbox.demoCases().netsuiteOnly().get(0);
        JsonObject noEmail = json(harness.suiteQl("SELECT id, email FROM employee WHERE id IN (" + noEmailId + ")", null))
                .getJsonArray("items").getJsonObject(0);
        assertNull(noEmail.getValue("email"));
        assertFalse(noEmail.containsKey("email"));
    }

    @Test
    void refusesSuiteQlItDoesNotUnderstand() {
        for (String query : List.of("SELECT * FROM employee", "SELECT id FROM customer", "SELECT salary FROM employee",
                "SELECT id FROM employee WHERE email = 'x'", "SELECT id FROM employee ORDER BY email", "DELETE FROM employee")) {
            HttpResponse<String> response = harness.suiteQl(query, null);
            assertEquals(400, response.statusCode(), query);
            assertEquals("INVALID_PARAMETER", errorCode(response));
            assertTrue(detail(response).startsWith("Invalid search query."), detail(response));
        }
        assertEquals(400, harness.suiteQl("SELECT id FROM employee", "limit=2000").statusCode());
    }

    @Test
    void refusesBadSignaturesWithNetSuitesErrorBody() {
        URI uri = harness.netsuiteUri(EMPLOYEES + "?limit=10");
        long now = System.currentTimeMillis() / 1000;

        HttpResponse<String> wrongSecret = harness.send(HttpRequest.newBuilder(uri).header("Authorization",
                harness.signer.withConsumerSecret("wrong").authorization("GET", uri, "nonce-wrong-secret", now)).build());
        assertUnauthorized(wrongSecret);

        String signedForTen = harness.signer.authorization("GET", uri, "nonce-tampered", now);
        assertUnauthorized(harness.send(HttpRequest.newBuilder(harness.netsuiteUri(EMPLOYEES + "?limit=20"))
                .header("Authorization", signedForTen).build()));

        String once = harness.signer.authorization("GET", uri, "nonce-replayed", now);
        assertEquals(200, harness.send(HttpRequest.newBuilder(uri).header("Authorization", once).build()).statusCode());
        assertUnauthorized(harness.send(HttpRequest.newBuilder(uri).header("Authorization", once).build()));

        assertUnauthorized(harness.send(HttpRequest.newBuilder(uri).header("Authorization",
                harness.signer.authorization("GET", uri, "nonce-old", now - 600)).build()));
        assertUnauthorized(harness.send(HttpRequest.newBuilder(uri).build()));
    }

    @Test
    void refusesRequestsBeyondTheConcurrencyLimit() {
        harness.sandbox.netsuite().concurrency().limit(2);
        harness.sandbox.netsuite().knobs().latency(Duration.ofMillis(400));
        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 5)
                .mapToObj(i -> harness.client.sendAsync(harness.signed("GET", harness.netsuiteUri(EMPLOYEES + "/101")).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).toList();
        assertEquals(2, responses.stream().filter(r -> r.statusCode() == 200).count());
        List<HttpResponse<String>> refused = responses.stream().filter(r -> r.statusCode() == 429).toList();
        assertEquals(3, refused.size());
        JsonObject error = json(refused.get(0));
        assertEquals("Too Many Requests", error.getString("title"));
        assertEquals("CONCURRENCY_LIMIT_EXCEEDED", errorCode(refused.get(0)));
        // Refusals are answered at once, so at least the two held requests and one refused overlapped.
        assertTrue(harness.sandbox.netsuite().inFlight().maxSeen() >= 3);
        // A slot is freed when the server has finished the response, which may be a moment after
        // the client has read it.
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (harness.sandbox.netsuite().concurrency().inUse() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(0, harness.sandbox.netsuite().concurrency().inUse());

        // Slots are free again once the answers are out.
        assertEquals(200, harness.netsuiteGet(EMPLOYEES + "/101").statusCode());
    }

    @Test
    void logsQueriesAsReadsAndOtherPostsAsWrites() {
        harness.netsuiteGet(EMPLOYEES + "?limit=5");
        harness.suiteQl("SELECT id FROM employee", null);
        assertEquals(2, harness.sandbox.netsuite().requests().count());
        assertEquals(0, harness.sandbox.netsuite().requests().writeCount());
        assertEquals("/services/rest/query/v1/suiteql", harness.sandbox.netsuite().requests().all().get(1).path());

        URI employees = harness.netsuiteUri(EMPLOYEES);
        HttpResponse<String> post = harness.send(harness.signed("POST", employees)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(405, post.statusCode());
        assertEquals(1, harness.sandbox.netsuite().requests().writes().size());
        assertEquals("POST", harness.sandbox.netsuite().requests().writes().get(0).method());
    }

    @Test
    void selectsEmployeesModifiedSinceATimestamp() {
        var employees = harness.sandbox.netsuite().employees();
        java.time.Instant edited = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        employees.changeEmail(130, "changed@example.com");
        employees.setInactive(125, true);
        String since = edited.toString().replace('T', ' ').replace("Z", "");
        String where = " WHERE lastmodifieddate >= TO_TIMESTAMP('" + since + "', 'YYYY-MM-DD HH24:MI:SS')";

        JsonObject changed = json(harness.suiteQl(
                "SELECT id, email, isinactive, lastmodifieddate FROM employee" + where + " ORDER BY id", null));
        assertEquals(2, changed.getInteger("totalResults"));
        JsonObject first = changed.getJsonArray("items").getJsonObject(0);
        assertEquals("125", first.getString("id"));
        assertEquals("T", first.getString("isinactive"));
        assertTrue(!java.time.Instant.parse(first.getString("lastmodifieddate")).isBefore(edited),
                first.getString("lastmodifieddate"));
        assertEquals("130", changed.getJsonArray("items").getJsonObject(1).getString("id"));
        // Keyset paging within the filter, and offset paging with NetSuite's envelope.
        JsonObject after = json(harness.suiteQl("SELECT id FROM employee" + where + " AND id > 125 ORDER BY id", null));
        assertEquals(1, after.getInteger("totalResults"));
        assertEquals("130", after.getJsonArray("items").getJsonObject(0).getString("id"));
        JsonObject paged = json(harness.suiteQl("SELECT id FROM employee" + where + " ORDER BY id", "limit=1&offset=0"));
        assertEquals(true, paged.getBoolean("hasMore"));
        assertEquals(1, paged.getJsonArray("items").size());
        // Long before every demo edit: every employee.
        assertEquals(employees.size(), json(harness.suiteQl("SELECT id FROM employee WHERE lastmodifieddate >= "
                + "TO_TIMESTAMP('2000-01-01 00:00:00', 'YYYY-MM-DD HH24:MI:SS')", null)).getInteger("totalResults"));
    }

    @Test
    void refusesAModifiedFilterItDoesNotUnderstand() {
        for (String query : List.of(
                "SELECT id FROM employee WHERE lastmodifieddate >= TO_TIMESTAMP('2026-01-05T09:00:00', 'YYYY-MM-DD HH24:MI:SS')",
                "SELECT id FROM employee WHERE lastmodifieddate >= TO_TIMESTAMP('2026-13-05 09:00:00', 'YYYY-MM-DD HH24:MI:SS')",
                "SELECT id FROM employee WHERE lastmodifieddate >= TO_TIMESTAMP('2026-01-05', 'YYYY-MM-DD')",
                "SELECT id FROM employee WHERE lastmodifieddate >= '2026-01-05 09:00:00'",
                "SELECT id FROM employee WHERE lastmodifieddate > TO_TIMESTAMP('2026-01-05 09:00:00', 'YYYY-MM-DD HH24:MI:SS')",
                "SELECT id FROM employee WHERE lastmodifieddate >= TO_TIMESTAMP('2026-01-05 09:00:00', 'YYYY-MM-DD HH24:MI:SS') AND email = 'x'")) {
            HttpResponse<String> response = harness.suiteQl(query, null);
            assertEquals(400, response.statusCode(), query);
            assertEquals("INVALID_PARAMETER", errorCode(response));
            assertTrue(detail(response).startsWith("Invalid search query."), detail(response));
        }
    }

    @Test
    void dataChangesAreVisibleAndBumpLastModified() {
        var employees = harness.sandbox.netsuite().employees();
        SandboxEmployee before = employees.get(120).orElseThrow();
        employees.changeEmail(120, "new.address@example.com");
        employees.setInactive(121, true);
        long id = employees.maxId() + 1;
        employees.put(new SandboxEmployee(id, "EMP-NEW", "E-NEW", "Nia", "Okoro", "nia.okoro@example.com", false,
                Instant.now(), 1, "Trestle Builders Inc."));
        JsonObject changed = json(harness.netsuiteGet(EMPLOYEES + "/120"));
        assertEquals("new.address@example.com", changed.getString("email"));
        assertTrue(Instant.parse(changed.getString("lastModifiedDate")).isAfter(before.lastModified()));
        assertEquals(true, json(harness.netsuiteGet(EMPLOYEES + "/121")).getBoolean("isInactive"));
        assertEquals(List.of(String.valueOf(id)), ids("email IS \"nia.okoro@example.com\""));
    }

    @Test
    void staysFastWithFiftyThousandEmployees() {
        try (SandboxHarness big = new SandboxHarness(SandboxSettings.defaults().toBuilder()
                .precoroUsers(50_000).netsuiteEmployees(50_000).build())) {
            long start = System.nanoTime();
            int seen = 0;
            long lastId = 0;
            while (true) {
                JsonObject page = json(big.suiteQl("SELECT id, email FROM employee WHERE id > " + lastId + " ORDER BY id",
                        "limit=1000"));
                JsonArray items = page.getJsonArray("items");
                seen += items.size();
                if (!page.getBoolean("hasMore")) {
                    break;
                }
                lastId = Long.parseLong(items.getJsonObject(items.size() - 1).getString("id"));
            }
            JsonObject filtered = json(big.netsuiteGet(EMPLOYEES + "?q=" + q("email CONTAIN \"lee\"")));
            assertTrue(filtered.getInteger("totalResults") > 0);
            assertEquals(50_000, seen);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 10_000, "took " + millis + " ms");
        }
    }

    private static List<String> ids(String filter) {
        HttpResponse<String> response = harness.netsuiteGet(EMPLOYEES + "?q=" + q(filter));
        assertEquals(200, response.statusCode(), response.body());
        List<String> ids = new ArrayList<>();
        json(response).getJsonArray("items").forEach(i -> ids.add(((JsonObject) i).getString("id")));
        return ids;
    }

    static String errorCode(HttpResponse<String> response) {
        return json(response).getJsonArray("o:errorDetails").getJsonObject(0).getString("o:errorCode");
    }

    static String detail(HttpResponse<String> response) {
        return json(response).getJsonArray("o:errorDetails").getJsonObject(0).getString("detail");
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertEquals(401, response.statusCode());
        assertEquals(NetSuiteErrors.ERROR_TYPE, response.headers().firstValue("Content-Type").orElseThrow());
        JsonObject expected = new JsonObject("{\"type\":\"https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.2\","
                + "\"title\":\"Unauthorized\",\"status\":401,\"o:errorDetails\":[{\"detail\":\"Invalid login attempt. For more "
                + "details, see the Login Audit Trail in the NetSuite UI at Setup > Users/Roles > User Management > View "
                + "Login Audit Trail.\",\"o:errorCode\":\"INVALID_LOGIN\"}]}");
        assertEquals(expected, json(response));
    }
}
