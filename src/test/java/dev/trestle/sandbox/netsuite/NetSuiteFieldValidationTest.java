package dev.trestle.sandbox.netsuite;

import static dev.trestle.sandbox.SandboxHarness.json;
import static dev.trestle.sandbox.netsuite.NetSuiteRecordsTest.RECORDS;
import static dev.trestle.sandbox.netsuite.NetSuiteRecordsTest.detail;
import static dev.trestle.sandbox.netsuite.NetSuiteRecordsTest.errorCode;
import static dev.trestle.sandbox.netsuite.NetSuiteRecordsTest.item;
import static dev.trestle.sandbox.netsuite.NetSuiteRecordsTest.send;
import static dev.trestle.sandbox.netsuite.NetSuiteRecordsTest.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.trestle.sandbox.ProcoreDemoCases;
import dev.trestle.sandbox.SandboxHarnessTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Record writes both ways: every documented field of each simulated record type is taken, and a
 * value of the wrong shape (a bare id where {"id":...} is required, an enum value outside the
 * documented set, a wrong type) is refused with INVALID_CONTENT at its o:errorPath.
 */
class NetSuiteFieldValidationTest extends SandboxHarnessTest {

    static final String VENDOR = "2020";
    static final String JOB = ProcoreDemoCases.LINKED_PROJECT_JOB;

    static JsonObject ref(Object id) {
        return new JsonObject().put("id", id);
    }

    static void assertRefused(HttpResponse<String> response, String path) {
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("INVALID_CONTENT", errorCode(response), response.body());
        assertEquals(path, detail(response).getString("o:errorPath"), response.body());
    }

    /** Unknown names fail the write, so that a field the sandbox does not know shows up as a refusal. */
    static HttpResponse<String> strictly(String method, String path, JsonObject body) {
        return send(method, path, body, "X-NetSuite-PropertyNameValidation", "Error");
    }

    long anItem() {
        return harness.sandbox.netsuite().records("otherChargePurchaseItem").add("wbs-validation", new JsonObject()
                .put("itemId", "VAL-1").put("subsidiary", ref(NetSuiteReferenceData.SUBSIDIARY_ID))
                .put("expenseAccount", ref(NetSuiteReferenceData.EXPENSE_ACCOUNT_ID)), Instant.now()).id();
    }

    JsonObject bill(long item) {
        return new JsonObject().put("entity", ref(VENDOR)).put("tranId", "V-1").put("tranDate", "2025-10-31")
                .put("item", new JsonObject().put("items", new JsonArray()
                        .add(new JsonObject().put("item", ref(String.valueOf(item))).put("amount", 100)
                                .put("customer", ref(JOB)))));
    }

    @Test
    void takesEveryDocumentedFieldOfEachRecordType() {
        HttpResponse<String> vendor = strictly("POST", RECORDS + "vendor", vendor("Every Field Co")
                .put("entityId", "V-EVERY").put("isPerson", false).put("phone", "555-0100").put("fax", "555-0101")
                .put("url", "https://every.example.com").put("isInactive", false).put("legalName", "Every Field Co LLC")
                .put("comments", "all of them").put("terms", ref("2")).put("currency", ref(1))
                .put("payablesAccount", ref(NetSuiteReferenceData.AP_ACCOUNT_ID)).put("expenseAccount",
                        ref(NetSuiteReferenceData.EXPENSE_ACCOUNT_ID)).put("category", ref("3")));
        assertEquals(204, vendor.statusCode(), vendor.body());

        HttpResponse<String> job = strictly("POST", RECORDS + "job", new JsonObject().put("entityId", "P-EVERY")
                .put("companyName", "Every Field Project").put("altName", "Every").put("parent",
                        ref(NetSuiteReferenceData.PARENT_CUSTOMER_ID)).put("entityStatus", ref("2"))
                .put("jobType", ref("1")).put("startDate", "2025-09-01").put("projectedEndDate", "2026-03-31")
                .put("endDate", "2026-04-30").put("calculatedStartDate", "2025-09-01")
                .put("subsidiary", ref(NetSuiteReferenceData.SUBSIDIARY_ID)).put("currency", ref("1"))
                .put("projectManager", ref("101")).put("isInactive", false).put("jobBillingType", ref("1"))
                .put("comments", "all of them"));
        assertEquals(204, job.statusCode(), job.body());

        HttpResponse<String> item = strictly("POST", RECORDS + "otherChargePurchaseItem", item("EVERY-1")
                .put("description", "d").put("purchaseDescription", "pd").put("cost", 12.5).put("includeChildren", true)
                .put("isInactive", false).put("department", ref("1")).put("class", ref("1")).put("location", ref("1"))
                .put("vendor", ref(VENDOR)).put("subtype", ref("Purchase")).put("itemType", ref("OthCharge")));
        assertEquals(204, item.statusCode(), item.body());

        long itemId = anItem();
        JsonObject everyBill = bill(itemId).put("dueDate", "2025-11-30").put("memo", "m")
                .put("approvalStatus", ref("2")).put("nextApprover", ref("101")).put("subsidiary", ref("1"))
                .put("location", ref("1")).put("department", ref("1")).put("class", ref("1"))
                .put("account", ref(NetSuiteReferenceData.AP_ACCOUNT_ID)).put("currency", ref("1"))
                .put("exchangeRate", 1.0).put("terms", ref("2")).put("postingPeriod", ref("120"))
                .put("userTotal", 100).put("paymentHold", false).put("customForm", ref("104")).put("taxTotal", 0)
                .put("status", ref("A"));
        everyBill.getJsonObject("item").getJsonArray("items").getJsonObject(0).put("description", "line")
                .put("quantity", 1).put("rate", 100).put("units", ref("1")).put("location", ref("1"))
                .put("department", ref("1")).put("class", ref("1")).put("isBillable", false)
                .put("orderDoc", ref("7001")).put("orderLine", 1).put("projecttask", ref("9"));
        everyBill.put("expense", new JsonObject().put("items", new JsonArray().add(new JsonObject()
                .put("account", ref(NetSuiteReferenceData.EXPENSE_ACCOUNT_ID)).put("category", ref("1"))
                .put("amount", 5).put("memo", "e").put("location", ref("1")).put("department", ref("1"))
                .put("class", ref("1")).put("customer", ref(JOB)).put("isBillable", true).put("projecttask", ref("9")))));
        HttpResponse<String> bill = strictly("POST", RECORDS + "vendorBill", everyBill);
        assertEquals(204, bill.statusCode(), bill.body());

        String location = bill.headers().firstValue("Location").orElseThrow();
        JsonObject read = json(harness.netsuiteGet(RECORDS + "vendorBill/" + location.substring(location.lastIndexOf('/') + 1)));
        assertEquals(new JsonObject().put("id", "2"), read.getJsonObject("approvalStatus"),
                "an enum is a value, not a record with links");
    }

    @Test
    void refusesABareIdWhereAReferenceObjectIsRequired() {
        assertRefused(send("POST", RECORDS + "vendor", vendor("Bare").put("subsidiary", "1")), "subsidiary");
        assertRefused(send("POST", RECORDS + "vendor", vendor("Bare").put("subsidiary", 1)), "subsidiary");
        assertRefused(send("POST", RECORDS + "vendor", vendor("Bare").put("terms", "2")), "terms");
        assertRefused(send("POST", RECORDS + "job", new JsonObject().put("entityId", "P-BARE").put("companyName", "B")
                .put("subsidiary", ref("1")).put("parent", NetSuiteReferenceData.PARENT_CUSTOMER_ID)), "parent");
        assertRefused(send("POST", RECORDS + "otherChargePurchaseItem", item("BARE-1").put("expenseAccount", 58)),
                "expenseAccount");
        assertRefused(send("POST", RECORDS + "otherChargePurchaseItem", item("BARE-2").put("subsidiary",
                new JsonObject().put("items", new JsonArray().add("1")))), "subsidiary");

        long itemId = anItem();
        assertRefused(send("POST", RECORDS + "vendorBill", bill(itemId).put("entity", VENDOR)), "entity");
        JsonObject bareLineItem = bill(itemId);
        bareLineItem.getJsonObject("item").getJsonArray("items").getJsonObject(0).put("item", String.valueOf(itemId));
        assertRefused(send("POST", RECORDS + "vendorBill", bareLineItem), "item.items[0].item");
        JsonObject bareCustomer = bill(itemId);
        bareCustomer.getJsonObject("item").getJsonArray("items").getJsonObject(0).put("customer", Long.parseLong(JOB));
        assertRefused(send("POST", RECORDS + "vendorBill", bareCustomer), "item.items[0].customer");
        assertRefused(send("POST", RECORDS + "vendorBill", bill(itemId).put("expense", new JsonObject()
                .put("items", new JsonArray().add(new JsonObject().put("account", "27").put("amount", -1))))),
                "expense.items[0].account");
        assertEquals(0, harness.sandbox.netsuite().records("vendorBill").creates());
    }

    @Test
    void refusesReferencesWithoutAnInternalId() {
        for (Object id : new Object[] {"", " 1", "abc", "1.5", 1.5, -3, true}) {
            assertRefused(send("POST", RECORDS + "vendor", vendor("Odd id").put("terms", new JsonObject().put("id", id))),
                    "terms");
        }
        assertRefused(send("POST", RECORDS + "vendor", vendor("No id").put("currency",
                new JsonObject().put("refName", "USD"))), "currency");
    }

    @Test
    void refusesEnumValuesOutsideTheDocumentedSet() {
        JsonObject job = new JsonObject().put("entityId", "P-ENUM").put("companyName", "Enum Project")
                .put("subsidiary", ref("1")).put("parent", ref(NetSuiteReferenceData.PARENT_CUSTOMER_ID));
        assertRefused(send("POST", RECORDS + "job", job.copy().put("entityStatus", ref("6"))), "entityStatus");
        assertRefused(send("POST", RECORDS + "job", job.copy().put("entityStatus", "2")), "entityStatus");
        assertRefused(send("POST", RECORDS + "job", job.copy().put("entityStatus", ref("In Progress"))), "entityStatus");
        assertEquals(204, send("POST", RECORDS + "job", job.copy().put("entityStatus", ref(2))).statusCode(),
                "a numeric value may be sent as a number, as ids may");

        long itemId = anItem();
        assertRefused(send("POST", RECORDS + "vendorBill", bill(itemId).put("approvalStatus", ref("4"))),
                "approvalStatus");
        assertRefused(send("POST", RECORDS + "vendorBill", bill(itemId).put("status", ref("G"))), "status");
        assertRefused(send("POST", RECORDS + "otherChargePurchaseItem", item("ENUM-1").put("subtype", ref("Both"))),
                "subtype");
        assertRefused(send("POST", RECORDS + "otherChargePurchaseItem", item("ENUM-2").put("itemType",
                ref("InvtPart"))), "itemType");
    }

    @Test
    void refusesValuesOfTheWrongType() {
        Map<String, Object> vendorFields = Map.of("companyName", 42, "isPerson", "false", "email", true,
                "isInactive", 0, "phone", new JsonObject());
        vendorFields.forEach((field, value) -> assertRefused(send("POST", RECORDS + "vendor",
                vendor("Typed").put(field, value)), field));
        JsonObject job = new JsonObject().put("entityId", "P-TYPE").put("companyName", "Typed Project")
                .put("subsidiary", ref("1")).put("parent", ref(NetSuiteReferenceData.PARENT_CUSTOMER_ID));
        assertRefused(send("POST", RECORDS + "job", job.copy().put("startDate", "09/01/2025")), "startDate");
        assertRefused(send("POST", RECORDS + "job", job.copy().put("startDate", "2025-02-30")), "startDate");
        assertRefused(send("POST", RECORDS + "job", job.copy().put("endDate", "2025-09-01T00:00:00Z")), "endDate");
        assertRefused(send("POST", RECORDS + "otherChargePurchaseItem", item("TYPE-1").put("cost", "12.50")), "cost");

        long itemId = anItem();
        assertRefused(send("POST", RECORDS + "vendorBill", bill(itemId).put("exchangeRate", "1")), "exchangeRate");
        assertRefused(send("POST", RECORDS + "vendorBill", bill(itemId).put("tranDate", 20251031)), "tranDate");
        JsonObject textAmount = bill(itemId);
        textAmount.getJsonObject("item").getJsonArray("items").getJsonObject(0).put("amount", "100.00");
        assertRefused(send("POST", RECORDS + "vendorBill", textAmount), "item.items[0].amount");
        JsonObject fractionalLine = bill(itemId);
        fractionalLine.getJsonObject("item").getJsonArray("items").getJsonObject(0).put("line", 1.5);
        assertRefused(send("POST", RECORDS + "vendorBill", fractionalLine), "item.items[0].line");
        assertRefused(send("POST", RECORDS + "vendorBill", bill(itemId).put("item", new JsonArray())), "item");
        assertEquals(0, harness.sandbox.netsuite().records("vendorBill").creates());
        assertFalse(harness.sandbox.netsuite().records("job").all().stream()
                .anyMatch(r -> "P-TYPE".equals(r.text("entityId"))));
    }

    @Test
    void suiteQlWithoutPreferTransientIsRefused() {
        for (String q : new String[] {"SELECT id, email FROM employee ORDER BY id", "SELECT id FROM vendor ORDER BY id"}) {
            URI uri = harness.netsuiteUri("/services/rest/query/v1/suiteql?limit=5");
            HttpRequest.Builder request = harness.signed("POST", uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("q", q).encode()));
            HttpResponse<String> refused = harness.send(request.build());
            assertEquals(400, refused.statusCode(), q);
            assertEquals(NetSuiteErrors.ERROR_TYPE, refused.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("USER_ERROR", errorCode(refused));
            assertEquals("Prefer", detail(refused).getString("o:errorHeader"));
            assertEquals(400, json(refused).getInteger("status"));

            HttpResponse<String> otherPreference = harness.send(harness.signed("POST", uri).header("Prefer", "respond-async")
                    .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("q", q).encode())).build());
            assertEquals(400, otherPreference.statusCode(), q);

            HttpResponse<String> among = harness.send(harness.signed("POST", uri).header("Prefer", "Transient, return=minimal")
                    .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("q", q).encode())).build());
            assertEquals(200, among.statusCode(), among.body());
            assertEquals(200, harness.suiteQl(q, "limit=5").statusCode());
        }
    }
}
