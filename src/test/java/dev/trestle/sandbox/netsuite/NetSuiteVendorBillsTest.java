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

import dev.trestle.sandbox.ProcoreDemoCases;
import dev.trestle.sandbox.SandboxHarnessTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The vendorBill record over real HTTP: writes, sublists, the references NetSuite checks, and SuiteQL. */
class NetSuiteVendorBillsTest extends SandboxHarnessTest {

    static final String BILLS = RECORDS + "vendorBill";
    /** A demo NetSuite vendor (the one Procore vendor 5000000019 is linked to). */
    static final String VENDOR = "2020";
    static final String JOB = ProcoreDemoCases.LINKED_PROJECT_JOB;

    long item;

    @BeforeEach
    void anItem() {
        item = harness.sandbox.netsuite().records("otherChargePurchaseItem").add("wbs-03-300.S", new JsonObject()
                .put("itemId", "03-300.S").put("subsidiary", ref(NetSuiteReferenceData.SUBSIDIARY_ID))
                .put("expenseAccount", ref(NetSuiteReferenceData.EXPENSE_ACCOUNT_ID)), Instant.now()).id();
    }

    static JsonObject ref(Object id) {
        return new JsonObject().put("id", String.valueOf(id));
    }

    JsonObject bill() {
        return new JsonObject()
                .put("entity", ref(VENDOR))
                .put("tranId", "INV-0042")
                .put("tranDate", "2025-10-31")
                .put("dueDate", "2025-11-30")
                .put("memo", "Pay app 3")
                .put("item", new JsonObject().put("items", new JsonArray()
                        .add(new JsonObject().put("item", ref(item)).put("amount", 12500.10).put("customer", ref(JOB))
                                .put("description", "Concrete, October"))
                        .add(new JsonObject().put("item", ref(item)).put("rate", 333.33).put("quantity", 3))))
                .put("expense", new JsonObject().put("items", new JsonArray()
                        .add(new JsonObject().put("account", ref(NetSuiteReferenceData.RETAINAGE_ACCOUNT_ID))
                                .put("amount", -1250.01).put("memo", "Retainage 10%").put("customer", ref(JOB)))));
    }

    RecordStore bills() {
        return harness.sandbox.netsuite().records("vendorBill");
    }

    @Test
    void createsABillWithBothSublistsAndReadsItBack() {
        HttpResponse<String> created = send("POST", BILLS, bill().put("externalId", "procore-requisition-9001"));
        assertEquals(204, created.statusCode(), created.body());
        long id = idFromLocation(created);
        assertEquals(harness.base + "/netsuite" + BILLS + "/" + id, created.headers().firstValue("Location").orElseThrow());
        assertEquals(NetSuiteReferenceData.FIRST_TRANSACTION_ID, id);
        assertEquals(1, bills().creates());

        JsonObject read = json(harness.netsuiteGet(BILLS + "/" + id));
        assertEquals("INV-0042", read.getString("tranId"));
        assertEquals(VENDOR, read.getJsonObject("entity").getString("id"));
        assertTrue(read.getJsonObject("entity").getJsonArray("links").getJsonObject(0).getString("href")
                .endsWith("/vendor/" + VENDOR));
        assertEquals(12250.08, read.getDouble("total"), 0.0, "12500.10 + 3 x 333.33 - 1250.01");
        JsonObject items = read.getJsonObject("item");
        assertFalse(items.containsKey("items"), "sublists are links unless expanded");
        assertTrue(items.getJsonArray("links").getJsonObject(0).getString("href").endsWith(BILLS + "/" + id + "/item"));

        JsonObject expanded = json(harness.netsuiteGet(BILLS + "/eid:procore-requisition-9001?expandSubResources=true"));
        JsonArray lines = expanded.getJsonObject("item").getJsonArray("items");
        assertEquals(2, lines.size());
        assertEquals(1L, lines.getJsonObject(0).getLong("line"));
        assertEquals(999.99, lines.getJsonObject(1).getDouble("amount"), 0.0, "rate x quantity when no amount is sent");
        assertEquals(JOB, lines.getJsonObject(0).getJsonObject("customer").getString("id"));
        JsonObject expense = expanded.getJsonObject("expense").getJsonArray("items").getJsonObject(0);
        assertEquals(NetSuiteReferenceData.RETAINAGE_ACCOUNT_NAME, expense.getJsonObject("account").getString("refName"));

        JsonObject sublist = json(harness.netsuiteGet(BILLS + "/" + id + "/expense"));
        assertEquals(1, sublist.getInteger("totalResults"));
        assertEquals(404, harness.netsuiteGet(BILLS + "/" + id + "/nothing").statusCode());
        assertEquals(404, harness.netsuiteGet(BILLS + "/999999").statusCode());
    }

    @Test
    void putByExternalIdUpsertsAndReplaceSwapsTheLines() {
        HttpResponse<String> first = send("PUT", BILLS + "/eid:procore-requisition-9002", bill());
        assertEquals(204, first.statusCode(), first.body());
        long id = idFromLocation(first);
        JsonObject oneLine = new JsonObject().put("item", new JsonObject().put("items", new JsonArray()
                .add(new JsonObject().put("item", ref(item)).put("amount", 100.25))));

        HttpResponse<String> again = send("PUT", BILLS + "/eid:procore-requisition-9002?replace=item,expense",
                oneLine.copy().put("tranId", "INV-0042-R"));
        assertEquals(204, again.statusCode(), again.body());
        assertEquals(id, idFromLocation(again));
        assertEquals(1, bills().count());
        assertEquals(1, bills().creates());
        assertEquals(1, bills().updates());
        JsonObject read = json(harness.netsuiteGet(BILLS + "/" + id + "?expandSubResources=true"));
        assertEquals("INV-0042-R", read.getString("tranId"));
        assertEquals(1, read.getJsonObject("item").getJsonArray("items").size());
        assertEquals(0, read.getJsonObject("expense").getJsonArray("items").size());
        assertEquals(100.25, read.getDouble("total"), 0.0);

        // Without replace, a line with a known line number updates it and a line without one is added.
        JsonObject patch = new JsonObject().put("item", new JsonObject().put("items", new JsonArray()
                .add(new JsonObject().put("line", 1).put("amount", 200.5))
                .add(new JsonObject().put("item", ref(item)).put("amount", 0.5))));
        HttpResponse<String> patched = send("PATCH", BILLS + "/" + id, patch);
        assertEquals(204, patched.statusCode(), patched.body());
        JsonArray lines = json(harness.netsuiteGet(BILLS + "/" + id + "/item")).getJsonArray("items");
        assertEquals(List.of(1L, 2L), lines.stream().map(l -> ((JsonObject) l).getLong("line")).toList());
        assertEquals(200.5, lines.getJsonObject(0).getDouble("amount"), 0.0);
        assertEquals(201.0, json(harness.netsuiteGet(BILLS + "/" + id)).getDouble("total"), 0.0);
    }

    @Test
    void refusesWhatNetSuiteRefuses() {
        refused(bill().put("entity", ref("999")), "INVALID_CONTENT", "entity");
        refused(bill().put("entity", ref(JOB)), "INVALID_CONTENT", "entity");
        refused(bill().put("entity", null), "USER_ERROR", "entity");
        refused(bill().put("tranId", "X".repeat(46)), "INVALID_CONTENT", "tranId");
        assertEquals(204, send("POST", BILLS, bill().put("tranId", "X".repeat(45))).statusCode(), "45 characters fit");
        refused(withItemLine(new JsonObject().put("item", ref("4999")).put("amount", 1)), "INVALID_CONTENT",
                "item.items[0].item");
        refused(withItemLine(new JsonObject().put("amount", 1)), "USER_ERROR", "item.items[0].item");
        refused(withItemLine(new JsonObject().put("item", ref(item))), "USER_ERROR", "item.items[0].amount");
        refused(withItemLine(new JsonObject().put("item", ref(item)).put("amount", "12.50")), "INVALID_CONTENT",
                "item.items[0].amount");
        refused(withItemLine(new JsonObject().put("item", ref(item)).put("amount", 1).put("customer", ref(VENDOR))),
                "INVALID_CONTENT", "item.items[0].customer");
        JsonObject badAccount = bill();
        badAccount.getJsonObject("expense").getJsonArray("items").getJsonObject(0).put("account", ref("9999"));
        refused(badAccount, "INVALID_CONTENT", "expense.items[0].account");
        refused(bill().put("account", ref(NetSuiteReferenceData.RETAINAGE_ACCOUNT_ID)), "INVALID_CONTENT", "account");
        refused(new JsonObject().put("entity", ref(VENDOR)), "USER_ERROR", "item");
        refused(bill().put("item", new JsonArray()), "INVALID_CONTENT", "item");
        refused(bill().put("tranDate", "10/31/2025"), "INVALID_CONTENT", "tranDate");
        assertEquals(1, bills().creates(), "only the 45-character bill landed");

        HttpResponse<String> unknownLineField = send("POST", BILLS, withItemLine(new JsonObject().put("item", ref(item))
                .put("amount", 1).put("wbsCode", "x")), "X-NetSuite-PropertyNameValidation", "Error");
        assertEquals("NONEXISTENT_FIELD", errorCode(unknownLineField));
        HttpResponse<String> warned = send("POST", BILLS, withItemLine(new JsonObject().put("item", ref(item))
                .put("amount", 1).put("wbsCode", "x")));
        assertEquals(204, warned.statusCode());
        assertTrue(warned.headers().firstValue("X-NetSuite-Warning").orElseThrow().contains("item.wbsCode"));
    }

    JsonObject withItemLine(JsonObject line) {
        return bill().put("item", new JsonObject().put("items", new JsonArray().add(line))).put("expense", null);
    }

    void refused(JsonObject body, String code, String path) {
        HttpResponse<String> response = send("POST", BILLS, body);
        assertEquals(400, response.statusCode(), body.encode() + " -> " + response.body());
        assertEquals(code, errorCode(response), response.body());
        assertEquals(path, detail(response).getString("o:errorPath"), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().contains("type=error"));
    }

    @Test
    void suiteQlReadsBillsAsTransactionsAndLines() {
        long id = idFromLocation(send("POST", BILLS, bill().put("externalId", "procore-requisition-9003")));
        JsonObject body = json(harness.suiteQl("SELECT id, type, tranid, entity, trandate, duedate, externalid, "
                + "foreigntotal, total, lastmodifieddate FROM transaction WHERE id IN (" + id + ") ORDER BY id", null));
        JsonObject row = body.getJsonArray("items").getJsonObject(0);
        assertEquals(String.valueOf(id), row.getString("id"));
        assertEquals("VendBill", row.getString("type"));
        assertEquals("INV-0042", row.getString("tranid"));
        assertEquals(VENDOR, row.getString("entity"));
        assertEquals("10/31/2025", row.getString("trandate"));
        assertEquals("11/30/2025", row.getString("duedate"));
        assertEquals("procore-requisition-9003", row.getString("externalid"));
        assertEquals("12250.08", row.getString("foreigntotal"));
        assertEquals("12250.08", row.getString("total"));
        assertTrue(row.containsKey("lastmodifieddate"));

        JsonArray lines = json(harness.suiteQl("SELECT transaction, id, mainline, item, entity, amount, account "
                + "FROM transactionline WHERE transaction IN (" + id + ") ORDER BY transaction, id", null))
                .getJsonArray("items");
        assertEquals(4, lines.size(), lines.encodePrettily());
        JsonObject main = lines.getJsonObject(0);
        assertEquals("T", main.getString("mainline"));
        assertEquals("-12250.08", main.getString("amount"));
        assertEquals(NetSuiteReferenceData.AP_ACCOUNT_ID, main.getString("account"));
        assertEquals(VENDOR, main.getString("entity"));
        JsonObject first = lines.getJsonObject(1);
        assertEquals(String.valueOf(item), first.getString("item"));
        assertEquals("12500.10", first.getString("amount"));
        assertEquals(JOB, first.getString("entity"));
        assertEquals(NetSuiteReferenceData.EXPENSE_ACCOUNT_ID, first.getString("account"), "the item's expense account");
        JsonObject retainage = lines.getJsonObject(3);
        assertFalse(retainage.containsKey("item"));
        assertEquals("-1250.01", retainage.getString("amount"));
        assertEquals(NetSuiteReferenceData.RETAINAGE_ACCOUNT_ID, retainage.getString("account"));

        assertEquals(4, json(harness.suiteQl("SELECT id FROM transactionline WHERE transaction > 0", null))
                .getInteger("totalResults"));
        assertEquals(400, harness.suiteQl("SELECT id FROM transactionline WHERE id > 0", null).statusCode());
        assertEquals(400, harness.suiteQl("SELECT nosuchcolumn FROM transaction", null).statusCode());
    }

    @Test
    void suiteQlSelectsBillsByTypeAndExternalIds() {
        long a = idFromLocation(send("POST", BILLS, bill().put("externalId", "procore-requisition-9004")));
        long b = idFromLocation(send("POST", BILLS, bill().put("externalId", "procore-requisition-9005")
                .put("tranId", "INV-0043")));
        idFromLocation(send("POST", BILLS, bill().put("externalId", "procore-requisition-9006")));

        JsonArray rows = json(harness.suiteQl("SELECT id, externalid, tranid FROM transaction WHERE type = 'VendBill' "
                + "AND externalid IN ('procore-requisition-9005', 'procore-requisition-9004', 'nobody') ORDER BY id",
                null)).getJsonArray("items");
        assertEquals(2, rows.size(), rows.encodePrettily());
        assertEquals(String.valueOf(a), rows.getJsonObject(0).getString("id"));
        assertEquals(String.valueOf(b), rows.getJsonObject(1).getString("id"));
        assertEquals("INV-0043", rows.getJsonObject(1).getString("tranid"));

        assertEquals(1, json(harness.suiteQl("SELECT id FROM transaction WHERE type = 'VendBill' AND id IN (" + b + ")",
                null)).getJsonArray("items").size());
        assertEquals(3, json(harness.suiteQl("SELECT id FROM transaction WHERE type = 'VendBill'", null))
                .getJsonArray("items").size());
        assertEquals(0, json(harness.suiteQl("SELECT id FROM transaction WHERE type = 'VendPymt' AND externalid IN "
                + "('procore-requisition-9004')", null)).getJsonArray("items").size(), "only vendor bills are held");
        // A quote inside a literal is doubled, as in SQL; an unterminated one is refused.
        assertEquals(0, json(harness.suiteQl("SELECT id FROM transaction WHERE type = 'VendBill' AND externalid IN "
                + "('it''s')", null)).getJsonArray("items").size());
        assertEquals(400, harness.suiteQl("SELECT id FROM transaction WHERE type = 'VendBill", null).statusCode());
        assertEquals(400, harness.suiteQl("SELECT id FROM vendor WHERE type = 'Vendor'", null).statusCode());
        assertEquals(400, harness.suiteQl("SELECT id FROM transaction WHERE externalid IN ('x')", null).statusCode(),
                "the external id condition comes after the type, as the hub writes it");
        StringBuilder many = new StringBuilder("'x0'");
        for (int i = 1; i <= 1000; i++) {
            many.append(", 'x").append(i).append("'");
        }
        assertEquals(400, harness.suiteQl("SELECT id FROM transaction WHERE type = 'VendBill' AND externalid IN ("
                + many + ")", null).statusCode(), "at most 1000 values in a list");
    }
}
