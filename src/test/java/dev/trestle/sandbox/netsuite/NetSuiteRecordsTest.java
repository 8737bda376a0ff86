package dev.trestle.sandbox.netsuite;

import static dev.trestle.sandbox.SandboxHarness.json;
import static dev.trestle.sandbox.SandboxHarness.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.Fault;
import dev.trestle.sandbox.ProcoreDemoCases;
import dev.trestle.sandbox.SandboxHarnessTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetSuiteRecordsTest extends SandboxHarnessTest {

    static final String RECORDS = "/services/rest/record/v1/";

    static HttpRequest write(String method, String path, JsonObject body, String... headers) {
        URI uri = harness.netsuiteUri(path);
        HttpRequest.Builder builder = harness.signed(method, uri).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.encode()));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder.build();
    }

    static HttpResponse<String> send(String method, String path, JsonObject body, String... headers) {
        return harness.send(write(method, path, body, headers));
    }

    static JsonObject vendor(String name) {
        return new JsonObject().put("companyName", name).put("email", "ap@" + name.replace(" ", "").toLowerCase()
                + ".example.com").put("subsidiary", new JsonObject().put("id", NetSuiteReferenceData.SUBSIDIARY_ID));
    }

    static JsonObject item(String itemId) {
        return new JsonObject().put("itemId", itemId).put("displayName", itemId + " cost")
                .put("subsidiary", new JsonObject().put("items", new JsonArray().add(new JsonObject().put("id", "1"))))
                .put("expenseAccount", new JsonObject().put("id", NetSuiteReferenceData.EXPENSE_ACCOUNT_ID));
    }

    static String errorCode(HttpResponse<String> response) {
        return detail(response).getString("o:errorCode");
    }

    static JsonObject detail(HttpResponse<String> response) {
        return json(response).getJsonArray("o:errorDetails").getJsonObject(0);
    }

    static long idFromLocation(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    RecordStore records(String type) {
        return harness.sandbox.netsuite().records(type);
    }

    @Test
    void createsAVendorAndReadsItBack() {
        int before = records("vendor").count();
        HttpResponse<String> created = send("POST", RECORDS + "vendor", vendor("Bayline Concrete")
                .put("externalId", "procore-vendor-5000000021"));
        assertEquals(204, created.statusCode(), created.body());
        long id = idFromLocation(created);
        assertEquals(harness.base + "/netsuite" + RECORDS + "vendor/" + id,
                created.headers().firstValue("Location").orElseThrow());
        assertEquals(before + 1, records("vendor").count());
        assertEquals(1, records("vendor").creates());

        for (String key : List.of(String.valueOf(id), "eid:procore-vendor-5000000021")) {
            HttpResponse<String> read = harness.netsuiteGet(RECORDS + "vendor/" + key);
            assertEquals(200, read.statusCode());
            JsonObject body = json(read);
            assertEquals(String.valueOf(id), body.getString("id"));
            assertEquals("procore-vendor-5000000021", body.getString("externalId"));
            assertEquals("Bayline Concrete", body.getString("companyName"));
            assertEquals(NetSuiteReferenceData.SUBSIDIARY_NAME, body.getJsonObject("subsidiary").getString("refName"));
        }
        assertEquals(404, harness.netsuiteGet(RECORDS + "vendor/eid:nobody").statusCode());
    }

    @Test
    void patchChangesOnlyTheFieldsSentAndNullClears() {
        HttpResponse<String> patched = send("PATCH", RECORDS + "vendor/2001", new JsonObject()
                .put("phone", "555-777-0001").putNull("email"));
        assertEquals(204, patched.statusCode(), patched.body());
        assertEquals(2001, idFromLocation(patched));
        NetSuiteRecord vendor = records("vendor").get(2001).orElseThrow();
        assertEquals("555-777-0001", vendor.text("phone"));
        assertNull(vendor.text("email"));
        assertEquals("APEX CONCRETE LLC", vendor.text("companyName"));
        assertEquals(1, records("vendor").updates());
        assertEquals(0, records("vendor").creates());
        assertEquals(404, send("PATCH", RECORDS + "vendor/1999", new JsonObject().put("phone", "1")).statusCode());
    }

    @Test
    void putByExternalIdUpsertsSoTwiceIsOneRecord() {
        int before = records("job").count();
        JsonObject job = new JsonObject().put("entityId", "P-1007").put("companyName", "Bayfront Hotel Tower")
                .put("subsidiary", new JsonObject().put("id", "1"))
                .put("parent", new JsonObject().put("id", NetSuiteReferenceData.PARENT_CUSTOMER_ID));
        HttpResponse<String> first = send("PUT", RECORDS + "job/eid:procore-project-5100000007", job);
        assertEquals(204, first.statusCode(), first.body());
        HttpResponse<String> second = send("PUT", RECORDS + "job/eid:procore-project-5100000007",
                new JsonObject().put("companyName", "Bayfront Hotel Tower (renamed)"));
        assertEquals(204, second.statusCode(), second.body());
        assertEquals(idFromLocation(first), idFromLocation(second));
        assertEquals(before + 1, records("job").count());
        assertEquals(1, records("job").creates());
        assertEquals(1, records("job").updates());
        NetSuiteRecord stored = records("job").byExternalId("procore-project-5100000007").orElseThrow();
        assertEquals("Bayfront Hotel Tower (renamed)", stored.text("companyName"));
        assertEquals("P-1007", stored.text("entityId"));

        assertEquals(400, send("PUT", RECORDS + "job/" + idFromLocation(first), job).statusCode(),
                "upsert needs an external id");
    }

    @Test
    void refusesWritesThatBreakTheRecordRules() {
        HttpResponse<String> noName = send("POST", RECORDS + "vendor", vendor("x").put("companyName", ""));
        assertEquals(400, noName.statusCode());
        assertEquals("USER_ERROR", errorCode(noName));
        assertEquals("companyName", detail(noName).getString("o:errorPath"));
        assertEquals(NetSuiteErrors.ERROR_TYPE, noName.headers().firstValue("Content-Type").orElseThrow());

        HttpResponse<String> person = send("POST", RECORDS + "vendor", new JsonObject().put("isPerson", true)
                .put("firstName", "Ann").put("lastName", "Lee").put("subsidiary", new JsonObject().put("id", "1")));
        assertEquals(204, person.statusCode(), "a person needs no company name");

        HttpResponse<String> noSubsidiary = send("POST", RECORDS + "vendor", vendor("y").put("subsidiary", null));
        assertEquals("subsidiary", detail(noSubsidiary).getString("o:errorPath"));
        HttpResponse<String> badSubsidiary = send("POST", RECORDS + "vendor", vendor("z")
                .put("subsidiary", new JsonObject().put("id", "77")));
        assertEquals("INVALID_CONTENT", errorCode(badSubsidiary));
        assertEquals("subsidiary", detail(badSubsidiary).getString("o:errorPath"));
        HttpResponse<String> wrongKind = send("POST", RECORDS + "vendor", vendor("w").put("isInactive", "no"));
        assertEquals("INVALID_CONTENT", errorCode(wrongKind));

        JsonObject job = new JsonObject().put("entityId", "P-1001").put("companyName", "Copy")
                .put("subsidiary", new JsonObject().put("id", "1"));
        HttpResponse<String> noParent = send("POST", RECORDS + "job", job);
        assertEquals("parent", detail(noParent).getString("o:errorPath"));
        HttpResponse<String> duplicateEntityId = send("POST", RECORDS + "job", job.copy()
                .put("parent", new JsonObject().put("id", NetSuiteReferenceData.PARENT_CUSTOMER_ID)));
        assertEquals(400, duplicateEntityId.statusCode());
        assertEquals("entityId", detail(duplicateEntityId).getString("o:errorPath"));

        HttpResponse<String> badEid = send("PUT", RECORDS + "vendor/eid:has%20space", vendor("v"));
        assertEquals(400, badEid.statusCode());
        assertEquals("externalId", detail(badEid).getString("o:errorPath"));
        HttpResponse<String> badBodyEid = send("POST", RECORDS + "vendor", vendor("u").put("externalId", "a/b"));
        assertEquals(400, badBodyEid.statusCode());
        assertEquals(0, records("vendor").creates() - 1, "only the person landed");
    }

    @Test
    void itemIdsAreUniqueAcrossExternalIds() {
        int demoItems = records("otherChargePurchaseItem").count();
        assertEquals(204, send("PUT", RECORDS + "otherChargePurchaseItem/eid:wbs-5500000001",
                item("01-100.L")).statusCode());
        assertEquals(204, send("PUT", RECORDS + "otherChargePurchaseItem/eid:wbs-5500000001",
                item("01-100.L")).statusCode(), "the same item again is its own upsert");
        HttpResponse<String> duplicate = send("PUT", RECORDS + "otherChargePurchaseItem/eid:wbs-other",
                item("01-100.l"));
        assertEquals(400, duplicate.statusCode());
        assertEquals("USER_ERROR", errorCode(duplicate));
        assertEquals("itemId", detail(duplicate).getString("o:errorPath"));
        assertTrue(detail(duplicate).getString("detail").contains("already exists"));
        HttpResponse<String> noAccount = send("POST", RECORDS + "otherChargePurchaseItem",
                item("02-200.M").put("expenseAccount", null));
        assertEquals("expenseAccount", detail(noAccount).getString("o:errorPath"));
        assertEquals(demoItems + 1, records("otherChargePurchaseItem").count());

        JsonObject read = json(harness.netsuiteGet(RECORDS + "otherChargePurchaseItem/eid:wbs-5500000001"));
        assertEquals("01-100.L", read.getString("itemId"));
        assertEquals("1", read.getJsonObject("subsidiary").getJsonArray("items").getJsonObject(0).getString("id"));
        assertEquals(NetSuiteReferenceData.EXPENSE_ACCOUNT_NAME, read.getJsonObject("expenseAccount").getString("refName"));
    }

    @Test
    void unknownFieldsWarnByDefaultAndFailOnRequest() {
        HttpResponse<String> strict = send("POST", RECORDS + "vendor", vendor("Strict").put("companyNmae", "typo"),
                "X-NetSuite-PropertyNameValidation", "Error");
        assertEquals(400, strict.statusCode());
        assertEquals("NONEXISTENT_FIELD", errorCode(strict));
        assertEquals("companyNmae", detail(strict).getString("o:errorPath"));

        HttpResponse<String> lenient = send("POST", RECORDS + "vendor", vendor("Lenient").put("companyNmae", "typo"));
        assertEquals(204, lenient.statusCode());
        assertTrue(lenient.headers().firstValue("X-NetSuite-Warning").orElseThrow().contains("companyNmae"));
        assertFalse(records("vendor").get(idFromLocation(lenient)).orElseThrow().fields().containsKey("companyNmae"));
    }

    @Test
    void commitThenDropAppliesTheWriteButSendsNothing() throws Exception {
        int before = records("vendor").count();
        harness.sandbox.netsuite().knobs().failNext(1, Fault.COMMIT_THEN_DROP);
        HttpRequest upsert = write("PUT", RECORDS + "vendor/eid:procore-vendor-5000000022", vendor("Riverbend Surveying"));
        assertThrows(IOException.class, () -> harness.client.send(upsert, HttpResponse.BodyHandlers.ofString()));
        assertEquals(before + 1, records("vendor").count(), "the write landed");
        assertEquals(200, harness.netsuiteGet(RECORDS + "vendor/eid:procore-vendor-5000000022").statusCode());

        // The client retries the same upsert, as it must when it cannot know: still one vendor.
        assertEquals(204, harness.send(write("PUT", RECORDS + "vendor/eid:procore-vendor-5000000022",
                vendor("Riverbend Surveying"))).statusCode());
        assertEquals(before + 1, records("vendor").count());
        assertEquals(1, records("vendor").creates());
        assertEquals(2, harness.sandbox.netsuite().requests().writeCount());
        assertEquals(1, harness.sandbox.netsuite().requests().reads().size());
    }

    @Test
    void suiteQlReadsVendorsAndJobs() {
        HttpResponse<String> response = harness.suiteQl(
                "SELECT id, entityid, companyname, email, phone, isinactive, externalid FROM vendor ORDER BY id", null);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = json(response);
        assertEquals(30, body.getInteger("totalResults"));
        JsonObject first = body.getJsonArray("items").getJsonObject(0);
        assertEquals("2001", first.getString("id"));
        assertEquals("APEX CONCRETE LLC", first.getString("companyname"));
        assertEquals("F", first.getString("isinactive"));
        assertFalse(first.containsKey("externalid"), "null columns are left out");
        String inactive = ProcoreDemoCases.INACTIVE_ONLY_NETSUITE_VENDOR;
        JsonArray some = json(harness.suiteQl("SELECT id, isinactive FROM vendor WHERE id IN (" + inactive
                + ", 2001, 999) ORDER BY id", null)).getJsonArray("items");
        assertEquals(2, some.size());
        assertEquals("T", some.getJsonObject(1).getString("isinactive"));

        JsonObject jobs = json(harness.suiteQl(
                "select id, entityid, companyname, isinactive, externalid from job order by id", "limit=4"));
        assertEquals(6, jobs.getInteger("totalResults"));
        assertTrue(jobs.getBoolean("hasMore"));
        assertEquals("P-1001", jobs.getJsonArray("items").getJsonObject(0).getString("entityid"));
        HttpResponse<String> unknownColumn = harness.suiteQl("SELECT firstname FROM job", null);
        assertEquals(400, unknownColumn.statusCode());

        assertEquals(200, harness.suiteQl("SELECT id, email FROM employee ORDER BY id", "limit=5").statusCode(),
                "employee queries still reach the employee path");
        assertEquals(0, harness.sandbox.netsuite().requests().writeCount(), "SuiteQL reads");
    }

    @Test
    void listsRecordsWithAFilter() {
        JsonObject all = json(harness.netsuiteGet(RECORDS + "vendor?limit=10"));
        assertEquals(30, all.getInteger("totalResults"));
        assertEquals(10, all.getInteger("count"));
        JsonObject filtered = json(harness.netsuiteGet(RECORDS + "vendor?q="
                + q("companyName IS \"quarry stone supply\"")));
        assertEquals(ProcoreDemoCases.AMBIGUOUS_NAME_NETSUITE_VENDORS, filtered.getJsonArray("items").stream()
                .map(i -> ((JsonObject) i).getString("id")).toList());
        JsonObject inactiveJobs = json(harness.netsuiteGet(RECORDS + "job?q=" + q("isInactive IS true")));
        assertEquals(ProcoreDemoCases.INACTIVE_JOB, inactiveJobs.getJsonArray("items").getJsonObject(0).getString("id"));
        assertEquals(400, harness.netsuiteGet(RECORDS + "vendor?q=" + q("nonsense IS 1")).statusCode());
    }
}
