package dev.trestle.sandbox.netsuite;

import static dev.trestle.sandbox.SandboxHarness.json;
import static dev.trestle.sandbox.netsuite.NetSuiteRecordsTest.RECORDS;
import static dev.trestle.sandbox.netsuite.NetSuiteRecordsTest.detail;
import static dev.trestle.sandbox.netsuite.NetSuiteRecordsTest.errorCode;
import static dev.trestle.sandbox.netsuite.NetSuiteRecordsTest.idFromLocation;
import static dev.trestle.sandbox.netsuite.NetSuiteRecordsTest.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.DemoCases;
import dev.trestle.sandbox.PurchasingDemoCases;
import dev.trestle.sandbox.SandboxHarnessTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The purchaseOrder record over real HTTP: writes, the vendor and employee checks, finished orders, SuiteQL. */
class NetSuitePurchaseOrdersTest extends SandboxHarnessTest {

    static final String POS = RECORDS + "purchaseOrder";
    static final String VENDOR = PurchasingDemoCases.ACME_NETSUITE_VENDOR_ID;
    static final String EMPLOYEE = DemoCases.FIRST_EXACT_MATCH_NETSUITE_ID;

    static JsonObject ref(Object id) {
        return new JsonObject().put("id", String.valueOf(id));
    }

    /** What the hub would send for the demo's PO 1: header, two item lines, an expense line. */
    static JsonObject purchaseOrder() {
        return new JsonObject()
                .put("entity", ref(VENDOR))
                .put("employee", ref(EMPLOYEE))
                .put("tranId", "PO-1")
                .put("tranDate", "2025-10-06")
                .put("memo", "Site safety restock, Harbor View (Precoro PO-1)")
                .put("currency", ref("1"))
                .put("location", ref("1"))
                .put("department", ref("1"))
                .put("class", ref("1"))
                .put("item", new JsonObject().put("items", new JsonArray()
                        .add(new JsonObject().put("item", ref("4001")).put("quantity", 24).put("rate", 18.75)
                                .put("description", "Hard hat, class E"))
                        .add(new JsonObject().put("item", ref("4002")).put("quantity", 30).put("rate", 12.49)
                                .put("amount", 374.70))))
                .put("expense", new JsonObject().put("items", new JsonArray()
                        .add(new JsonObject().put("account", ref(NetSuiteReferenceData.EXPENSE_ACCOUNT_ID))
                                .put("amount", 105.00).put("memo", "Furring strips"))));
    }

    RecordStore pos() {
        return harness.sandbox.netsuite().records("purchaseOrder");
    }

    static void assertInvalid(HttpResponse<String> response, String code, String path) {
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(code, errorCode(response), response.body());
        assertEquals(path, detail(response).getString("o:errorPath"), response.body());
        assertEquals("application/vnd.oracle.resource+json; type=error",
                response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void createsAPurchaseOrderWithTheEmployeeAndReadsItBack() {
        HttpResponse<String> created = send("POST", POS, purchaseOrder().put("externalId", "precoro-po-8100001"));
        assertEquals(204, created.statusCode(), created.body());
        long id = idFromLocation(created);
        assertEquals(NetSuiteReferenceData.FIRST_TRANSACTION_ID, id, "transactions share one range of ids");
        JsonObject read = json(harness.netsuiteGet(POS + "/" + id + "?expandSubResources=true"));
        assertEquals("PO-1", read.getString("tranId"));
        assertEquals(VENDOR, read.getJsonObject("entity").getString("id"));
        assertEquals(EMPLOYEE, read.getJsonObject("employee").getString("id"));
        assertTrue(read.getJsonObject("employee").getJsonArray("links").getJsonObject(0).getString("href")
                .endsWith("/employee/" + EMPLOYEE));
        assertEquals(929.70, read.getDouble("total"), 0.0, "24 x 18.75 + 374.70 + 105.00");
        assertEquals("B", read.getJsonObject("orderStatus").getString("id"), "Pending Receipt unless sent for approval");
        assertEquals(450.00, read.getJsonObject("item").getJsonArray("items").getJsonObject(0).getDouble("amount"), 0.0);
        assertEquals("precoro-po-8100001", read.getString("externalId"));
        assertEquals(String.valueOf(id), json(harness.netsuiteGet(POS + "/eid:precoro-po-8100001")).getString("id"));
    }

    @Test
    void upsertsByExternalIdAndReplacesTheLines() {
        HttpResponse<String> first = send("PUT", POS + "/eid:precoro-po-8100001", purchaseOrder());
        assertEquals(204, first.statusCode(), first.body());
        long id = idFromLocation(first);
        HttpResponse<String> again = send("PUT", POS + "/eid:precoro-po-8100001?replace=item,expense", purchaseOrder()
                .put("memo", "Changed in Precoro"));
        assertEquals(204, again.statusCode(), again.body());
        assertEquals(id, idFromLocation(again));
        assertEquals(1, pos().count());
        assertEquals(1, pos().creates());
        JsonObject read = json(harness.netsuiteGet(POS + "/" + id + "?expandSubResources=true"));
        assertEquals("Changed in Precoro", read.getString("memo"));
        assertEquals(2, read.getJsonObject("item").getJsonArray("items").size(), "replaced, not added twice");
        assertEquals(929.70, read.getDouble("total"), 0.0);

        HttpResponse<String> patched = send("PATCH", POS + "/" + id, new JsonObject().put("employee", ref("110")));
        assertEquals(204, patched.statusCode(), patched.body());
        assertEquals("110", json(harness.netsuiteGet(POS + "/" + id)).getJsonObject("employee").getString("id"));
    }

    @Test
    void refusesUnknownAndInactiveVendorsAndEmployees() {
        assertInvalid(send("POST", POS, purchaseOrder().put("entity", ref("999999"))), "INVALID_CONTENT", "entity");
        HttpResponse<String> inactiveVendor = send("POST", POS, purchaseOrder()
                .put("entity", ref(PurchasingDemoCases.INACTIVE_NETSUITE_VENDOR_ID)));
        assertInvalid(inactiveVendor, "INVALID_CONTENT", "entity");
        assertEquals("Invalid value for the resource or sub-resource field 'entity'. Provide a valid value.",
                detail(inactiveVendor).getString("detail"));
        assertInvalid(send("POST", POS, purchaseOrder().put("employee", ref("999999"))), "INVALID_CONTENT", "employee");
        assertInvalid(send("POST", POS, purchaseOrder().put("employee", ref(DemoCases.INACTIVE_ONLY_NETSUITE_ID))),
                "INVALID_CONTENT", "employee");
        assertInvalid(send("POST", POS, purchaseOrder().put("employee", "109")), "INVALID_CONTENT", "employee");
        assertInvalid(send("POST", POS, purchaseOrder().put("entity", ref("109"))), "INVALID_CONTENT", "entity");
        assertEquals(0, pos().count());
        assertEquals(204, send("POST", POS, purchaseOrder().put("entity", ref("2002")).put("employee", null))
                .statusCode(), "a vendor that exists, no employee: taken");
    }

    @Test
    void refusesWhatNetSuiteRefusesFieldByField() {
        assertInvalid(send("POST", POS, purchaseOrder().put("location", ref("9"))), "INVALID_CONTENT", "location");
        assertInvalid(send("POST", POS, purchaseOrder().put("department", ref("9"))), "INVALID_CONTENT", "department");
        assertInvalid(send("POST", POS, purchaseOrder().put("class", ref("9"))), "INVALID_CONTENT", "class");
        assertInvalid(send("POST", POS, purchaseOrder().put("currency", ref("2"))), "INVALID_CONTENT", "currency");
        assertInvalid(send("POST", POS, purchaseOrder().put("tranId", "P".repeat(46))), "INVALID_CONTENT", "tranId");
        assertInvalid(send("POST", POS, purchaseOrder().put("orderStatus", new JsonObject().put("id", "G"))),
                "INVALID_CONTENT", "orderStatus");
        assertInvalid(send("POST", POS, purchaseOrder().put("tranDate", "06.10.2025")), "INVALID_CONTENT", "tranDate");
        assertInvalid(send("POST", POS, purchaseOrder().put("entity", null)), "USER_ERROR", "entity");
        JsonObject noLines = purchaseOrder();
        noLines.remove("item");
        noLines.remove("expense");
        assertInvalid(send("POST", POS, noLines), "USER_ERROR", "item");

        JsonObject badItem = purchaseOrder();
        badItem.getJsonObject("item").getJsonArray("items").getJsonObject(1).put("item", ref("4999"));
        assertInvalid(send("POST", POS, badItem), "INVALID_CONTENT", "item.items[1].item");
        JsonObject thirdCent = purchaseOrder();
        thirdCent.getJsonObject("item").getJsonArray("items").getJsonObject(1).put("amount", 374.705);
        assertInvalid(send("POST", POS, thirdCent), "INVALID_CONTENT", "item.items[1].amount");
        JsonObject negative = purchaseOrder();
        negative.getJsonObject("expense").getJsonArray("items").getJsonObject(0).put("amount", -1);
        assertInvalid(send("POST", POS, negative), "INVALID_CONTENT", "expense.items[0].amount");
        JsonObject badAccount = purchaseOrder();
        badAccount.getJsonObject("expense").getJsonArray("items").getJsonObject(0).put("account", ref("99"));
        assertInvalid(send("POST", POS, badAccount), "INVALID_CONTENT", "expense.items[0].account");
        JsonObject lineLocation = purchaseOrder();
        lineLocation.getJsonObject("item").getJsonArray("items").getJsonObject(0).put("location", ref("7"));
        assertInvalid(send("POST", POS, lineLocation), "INVALID_CONTENT", "item.items[0].location");
        JsonObject zeroQuantity = purchaseOrder();
        zeroQuantity.getJsonObject("item").getJsonArray("items").getJsonObject(1).put("quantity", 0);
        assertInvalid(send("POST", POS, zeroQuantity), "INVALID_CONTENT", "item.items[1].quantity");

        HttpResponse<String> unknown = send("POST", POS, purchaseOrder().put("requestedBy", ref(EMPLOYEE)),
                "X-NetSuite-PropertyNameValidation", "Error");
        assertInvalid(unknown, "NONEXISTENT_FIELD", "requestedBy");
        HttpResponse<String> warned = send("POST", POS, purchaseOrder().put("requestedBy", ref(EMPLOYEE)));
        assertEquals(204, warned.statusCode(), "NetSuite's default for an unknown field is a warning");
        assertTrue(warned.headers().firstValue("X-NetSuite-Warning").orElseThrow().contains("requestedBy"));
        assertEquals(1, pos().count());
    }

    @Test
    void aFullyBilledOrClosedOrderRefusesUpdates() {
        long billed = idFromLocation(send("PUT", POS + "/eid:precoro-po-1", purchaseOrder()));
        long closed = idFromLocation(send("PUT", POS + "/eid:precoro-po-2", purchaseOrder().put("tranId", "PO-2")));
        harness.sandbox.netsuite().setPurchaseOrderStatus(billed, "G");
        harness.sandbox.netsuite().setPurchaseOrderStatus(closed, "H");
        HttpResponse<String> patch = send("PATCH", POS + "/" + billed, new JsonObject().put("memo", "late change"));
        assertEquals(400, patch.statusCode());
        assertEquals("USER_ERROR", errorCode(patch));
        assertEquals("You cannot edit this purchase order: it is fully billed.", detail(patch).getString("detail"));
        HttpResponse<String> upsert = send("PUT", POS + "/eid:precoro-po-2", purchaseOrder().put("memo", "again"));
        assertEquals(400, upsert.statusCode());
        assertEquals("You cannot edit this purchase order: it is closed.", detail(upsert).getString("detail"));
        assertEquals(purchaseOrder().getString("memo"), json(harness.netsuiteGet(POS + "/" + closed)).getString("memo"));
        assertEquals(0, pos().updates(), "the refused writes changed nothing (the UI status changes are no API updates)");
        assertEquals("G", json(harness.netsuiteGet(POS + "/" + billed)).getJsonObject("orderStatus").getString("id"));
    }

    @Test
    void isReadableBySuiteQlAsPurchOrd() {
        long id = idFromLocation(send("PUT", POS + "/eid:precoro-po-8100001", purchaseOrder()));
        HttpResponse<String> response = harness.suiteQl("SELECT id, type, tranid, entity, employee, status, foreigntotal, "
                + "externalid, trandate FROM transaction WHERE type = 'PurchOrd'", null);
        assertEquals(200, response.statusCode(), response.body());
        JsonArray items = json(response).getJsonArray("items");
        assertEquals(1, items.size());
        assertEquals(new JsonObject().put("links", new JsonArray()).put("id", String.valueOf(id)).put("type", "PurchOrd")
                .put("tranid", "PO-1").put("entity", VENDOR).put("employee", EMPLOYEE).put("status", "B")
                .put("foreigntotal", "929.70").put("externalid", "precoro-po-8100001").put("trandate", "10/6/2025"),
                items.getJsonObject(0));
        assertFalse(json(harness.suiteQl("SELECT id FROM transaction WHERE type = 'VendBill'", null)).getJsonArray("items")
                .contains(new JsonObject().put("links", new JsonArray()).put("id", String.valueOf(id))), "not a bill");
        assertEquals(1, json(harness.suiteQl("SELECT id FROM transaction WHERE type = 'PurchOrd' AND externalid IN "
                + "('precoro-po-8100001')", null)).getInteger("totalResults"));
        assertEquals(List.of(), json(harness.suiteQl("SELECT transaction, amount FROM transactionline WHERE "
                + "transaction IN (" + id + ")", null)).getJsonArray("items").getList());
    }
}
