package dev.trestle.sandbox.precoro;

import static dev.trestle.sandbox.SandboxHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.DemoCases;
import dev.trestle.sandbox.PurchasingDemoCases;
import dev.trestle.sandbox.SandboxHarnessTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Precoro's purchase orders and suppliers over real HTTP: lists, details, filters, the externalId write-back. */
class PrecoroPurchaseOrdersTest extends SandboxHarnessTest {

    static List<Integer> idns(JsonObject list) {
        List<Integer> idns = new ArrayList<>();
        list.getJsonArray("data").forEach(po -> idns.add(((JsonObject) po).getInteger("idn")));
        return idns;
    }

    static HttpResponse<String> patch(String path, String contentType, String body) {
        return harness.send(harness.precoro(path).header("Content-Type", contentType)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The number as written on the wire, so that 824.70 is not read as 824.7 by a double. */
    static String rawNumber(HttpResponse<String> response, String key) {
        var m = java.util.regex.Pattern.compile("\"" + key + "\":([0-9.]+)").matcher(response.body());
        assertTrue(m.find(), key + " in " + response.body());
        return m.group(1);
    }

    @Test
    void listsPurchaseOrdersInTheLighterFormWithPrecoroPaging() {
        HttpResponse<String> response = harness.precoroGet("/purchaseorders?page=1&per_page=10");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = json(response);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), idns(body));
        assertEquals(new JsonObject().put("total", 8).put("count", 8).put("per_page", 10).put("current_page", 1)
                .put("total_pages", 1).put("has_next_page", false), body.getJsonObject("meta").getJsonObject("pagination"));
        JsonObject first = body.getJsonArray("data").getJsonObject(0);
        assertFalse(first.containsKey("items"), "the list is lighter than the detail");
        assertFalse(first.containsKey("dataDocumentCustomFields"));
        assertEquals(8_100_001L, first.getLong("id"));
        assertEquals("PO-1", first.getString("number"));
        assertEquals(2, first.getInteger("status"));
        assertEquals("approved", first.getString("statusString"));
        assertEquals(new JsonObject().put("id", 301).put("name", "Acme Safety Supply"), first.getJsonObject("supplier"));
        assertEquals(DemoCases.FIRST_EXACT_MATCH_PRECORO_ID, first.getJsonObject("creator").getLong("id"));
        assertTrue(response.headers().firstValue("RateLimit-Remaining").isPresent());

        JsonObject page2 = json(harness.precoroGet("/purchaseorders?page=2&per_page=10"));
        assertEquals(List.of(), idns(page2));
        assertEquals(400, harness.precoroGet("/purchaseorders?per_page=25").statusCode());
        assertEquals(400, harness.precoroGet("/purchaseorders?page=0").statusCode());
    }

    @Test
    void readsOnePurchaseOrderByIdnWithExactAmountsLinesAndCustomFields() {
        HttpResponse<String> response = harness.precoroGet("/purchaseorders/" + PurchasingDemoCases.MAPPED_PO_IDN);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject po = json(response);
        assertEquals(1, po.getInteger("idn"));
        assertFalse(po.containsKey("data"), "a detail comes without the data wrapper");
        assertEquals("824.70", rawNumber(response, "netSum"));
        assertEquals(0, new BigDecimal("824.70").compareTo(new BigDecimal(po.getValue("sum").toString())));
        assertEquals("USD", po.getString("currency"));
        assertEquals(new JsonObject().put("id", 1).put("name", "Main Warehouse").put("externalId", "1"),
                po.getJsonObject("location"));
        JsonObject creator = po.getJsonObject("creator");
        assertEquals(harness.sandbox.precoro().users().get(DemoCases.FIRST_EXACT_MATCH_PRECORO_ID).orElseThrow().email(),
                creator.getString("email"));
        JsonArray items = po.getJsonArray("items");
        assertEquals(2, items.size());
        JsonObject hat = items.getJsonObject(0);
        assertEquals("Hard hat, class E", hat.getString("name"));
        assertEquals("SAF-HH-E", hat.getString("sku"));
        assertEquals(24, hat.getInteger("quantity"));
        assertEquals("4001", hat.getString("externalId"));
        assertEquals("USD", hat.getString("currency"));
        assertTrue(response.body().contains("\"price\":18.75,"), response.body());
        assertTrue(response.body().contains("\"sum\":374.70,"), "30 x 12.49, to the cent: " + response.body());
        JsonArray custom = po.getJsonObject("dataDocumentCustomFields").getJsonArray("data");
        assertEquals("NetSuite Departments", custom.getJsonObject(0).getJsonObject("documentCustomField").getString("name"));
        assertEquals("Field Operations", custom.getJsonObject(0).getString("value"));
        assertEquals("1", custom.getJsonObject(0).getJsonObject("option").getString("externalId"));
        assertEquals("NetSuite Classes", custom.getJsonObject(1).getJsonObject("documentCustomField").getString("name"));

        JsonObject fractional = json(harness.precoroGet("/purchaseorders/" + PurchasingDemoCases.CASE_AND_SPACES_PO_IDN));
        assertEquals(0, new BigDecimal("12.5").compareTo(new BigDecimal(fractional.getJsonArray("items").getJsonObject(1)
                .getValue("quantity").toString())));
        assertNull(fractional.getJsonArray("items").getJsonObject(0).getString("externalId"), "never integrated");

        JsonObject pending = json(harness.precoroGet("/purchaseorders/" + PurchasingDemoCases.PENDING_PO_IDN));
        assertEquals(1, pending.getInteger("status"));
        assertNull(pending.getValue("approvalDate"));

        HttpResponse<String> missing = harness.precoroGet("/purchaseorders/999");
        assertEquals(404, missing.statusCode());
        assertEquals(new JsonObject().put("message", "Not found"), json(missing));
        assertEquals(404, harness.precoroGet("/purchaseorders/8100001").statusCode(), "by idn, not by id");
    }

    @Test
    void filtersByStatusModifiedSinceAndApprovalDate() {
        assertEquals(List.of(1, 2, 3, 5, 6, 8), idns(json(harness.precoroGet("/purchaseorders?status[]=2"))));
        assertEquals(List.of(4, 7), idns(json(harness.precoroGet("/purchaseorders?status%5B%5D=0&status[]=1"))));
        assertEquals(400, harness.precoroGet("/purchaseorders?status[]=approved").statusCode());

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        harness.sandbox.precoro().purchaseOrders().approve(PurchasingDemoCases.PENDING_PO_IDN);
        String since = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(LocalDateTime.ofInstant(now, ZoneOffset.UTC));
        assertEquals(List.of(4), idns(json(harness.precoroGet("/purchaseorders?modifiedSince=" + since))));
        assertEquals(400, harness.precoroGet("/purchaseorders?modifiedSince=" + since + "Z").statusCode());

        // Demo approvals are 2025-10-06 (idn 1, 2, 3) and 2025-10-07 (5, 6, 8); idn 4 was approved just now.
        String today = DateTimeFormatter.ofPattern("dd.MM.yyyy").format(now.atZone(ZoneOffset.UTC));
        assertEquals(List.of(1, 2, 3), idns(json(harness.precoroGet(
                "/purchaseorders?approvalDate[left_date]=06.10.2025&approvalDate[right_date]=06.10.2025"))));
        assertEquals(List.of(4), idns(json(harness.precoroGet("/purchaseorders?approvalDate[left_date]=" + today))));
        assertEquals(400, harness.precoroGet("/purchaseorders?approvalDate[left_date]=2025-10-06").statusCode());
    }

    @Test
    void writesTheExternalIdBackFormEncodedAndMovesTheUpdateDate() {
        Instant before = harness.sandbox.precoro().purchaseOrders().get(1).orElseThrow().updated();
        HttpResponse<String> patched = patch("/purchaseorders/1", "application/x-www-form-urlencoded", "externalId=7123");
        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals("7123", json(patched).getString("externalId"));
        assertTrue(json(patched).containsKey("items"), "answers with the full PO");
        PurchaseOrder stored = harness.sandbox.precoro().purchaseOrders().get(1).orElseThrow();
        assertEquals("7123", stored.externalId());
        assertTrue(stored.updated().isAfter(before));
        assertEquals("7123", json(harness.precoroGet("/purchaseorders?status[]=2")).getJsonArray("data").getJsonObject(0)
                .getString("externalId"));

        assertEquals(200, patch("/purchaseorders/1", "application/x-www-form-urlencoded; charset=UTF-8", "externalId=")
                .statusCode());
        assertNull(harness.sandbox.precoro().purchaseOrders().get(1).orElseThrow().externalId(), "empty clears it");
        assertEquals(2, harness.sandbox.precoro().requests().all().stream().filter(r -> r.write()).count(),
                "the PATCHes are the writes");
    }

    @Test
    void refusesJsonUnknownFieldsAndMissingPurchaseOrders() {
        HttpResponse<String> asJson = patch("/purchaseorders/1", "application/json", "{\"externalId\":\"7123\"}");
        assertEquals(415, asJson.statusCode());
        assertTrue(json(asJson).getString("message").contains("application/x-www-form-urlencoded"));
        HttpResponse<String> other = patch("/purchaseorders/1", "application/x-www-form-urlencoded",
                "externalId=1&status=2");
        assertEquals(400, other.statusCode());
        assertEquals("Only externalId can be changed here, not: status", json(other).getString("message"));
        assertEquals(400, patch("/purchaseorders/1", "application/x-www-form-urlencoded", "").statusCode());
        assertEquals(400, patch("/purchaseorders/1", "application/x-www-form-urlencoded",
                "externalId=" + "x".repeat(256)).statusCode());
        assertEquals(404, patch("/purchaseorders/999", "application/x-www-form-urlencoded", "externalId=1").statusCode());
        assertNull(harness.sandbox.precoro().purchaseOrders().get(1).orElseThrow().externalId());
        HttpResponse<String> delete = harness.send(harness.precoro("/purchaseorders/1").DELETE().build());
        assertEquals(405, delete.statusCode());
    }

    @Test
    void patchesCountAgainstTheRateLimits() {
        // A day's budget of two: a read and a write take it; the next write is refused, and so is a read.
        harness.sandbox.precoro().rateLimits().dailyBudget(2);
        assertEquals(200, harness.precoroGet("/purchaseorders/1").statusCode());
        assertEquals(200, patch("/purchaseorders/1", "application/x-www-form-urlencoded", "externalId=1").statusCode());
        HttpResponse<String> refused = patch("/purchaseorders/2", "application/x-www-form-urlencoded", "externalId=2");
        assertEquals(429, refused.statusCode());
        assertEquals("Daily limiter", json(refused).getString("RateLimit-Type"));
        assertNull(harness.sandbox.precoro().purchaseOrders().get(2).orElseThrow().externalId(), "a refused write lands nowhere");
        assertEquals(429, harness.precoroGet("/suppliers").statusCode());
    }

    @Test
    void anIdenticalPurchaseOrderGetWithinTheMinuteIsRefused() {
        assertEquals(200, harness.precoroGet("/purchaseorders/1").statusCode());
        HttpResponse<String> again = harness.precoroGet("/purchaseorders/1");
        assertEquals(429, again.statusCode());
        assertEquals("Route based limiter by minute", json(again).getString("RateLimit-Type"));
        assertEquals(200, harness.precoroGet("/purchaseorders/2").statusCode());
    }

    @Test
    void listsAndReadsSuppliersWithTheirNetSuiteIds() {
        harness.sandbox.precoro().rateLimits().duplicateWindow(Duration.ZERO);
        JsonObject all = json(harness.precoroGet("/suppliers?per_page=10"));
        assertEquals(6, all.getJsonObject("meta").getJsonObject("pagination").getInteger("total"));
        JsonObject acme = all.getJsonArray("data").getJsonObject(0);
        assertEquals(PurchasingDemoCases.ACME_SUPPLIER_ID, acme.getLong("id"));
        assertEquals(PurchasingDemoCases.ACME_NETSUITE_VENDOR_ID, acme.getString("netSuiteId"));
        assertTrue(acme.containsKey("externalId"));
        assertNull(acme.getValue("externalId"));
        assertTrue(acme.getBoolean("enable"));
        assertEquals(2, acme.getInteger("status"));

        assertEquals(5, json(harness.precoroGet("/suppliers?enable=true&status[]=2")).getJsonArray("data").size());
        assertEquals(400, harness.precoroGet("/suppliers?enable=yes").statusCode());
        JsonObject notIntegrated = json(harness.precoroGet("/suppliers/" + PurchasingDemoCases.NOT_INTEGRATED_SUPPLIER_ID));
        assertNull(notIntegrated.getValue("netSuiteId"));
        assertEquals(404, harness.precoroGet("/suppliers/999").statusCode());

        HttpResponse<String> patched = patch("/suppliers/305", "application/x-www-form-urlencoded", "externalId=2031");
        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals("2031", json(harness.precoroGet("/suppliers/305")).getString("externalId"));
        assertEquals(415, patch("/suppliers/305", "application/json", "{}").statusCode());
        String since = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(LocalDateTime.ofInstant(
                Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));
        JsonObject changed = json(harness.precoroGet("/suppliers?modifiedSince=" + since));
        assertEquals(1, changed.getJsonArray("data").size());
        assertEquals(305, changed.getJsonArray("data").getJsonObject(0).getInteger("id"));
    }
}
