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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** vendorPayment and journalEntry over real HTTP: the rules NetSuite applies, void and delete, and SuiteQL. */
class NetSuitePaymentsAndJournalsTest extends SandboxHarnessTest {

    static final String PAYMENTS = RECORDS + "vendorPayment";
    static final String JOURNALS = RECORDS + "journalEntry";
    static final String BILLS = RECORDS + "vendorBill";
    static final String VENDOR = ProcoreDemoCases.LINKED_VENDOR_A_NETSUITE;
    static final String OTHER_VENDOR = ProcoreDemoCases.LINKED_VENDOR_B_NETSUITE;
    static final String JOB = ProcoreDemoCases.LINKED_PROJECT_JOB;

    long bill;
    long secondBill;
    long otherVendorsBill;

    static JsonObject ref(Object id) {
        return new JsonObject().put("id", String.valueOf(id));
    }

    @BeforeEach
    void bills() {
        bill = billOf(VENDOR, "INV-1", 1000.00);
        secondBill = billOf(VENDOR, "INV-2", 250.50);
        otherVendorsBill = billOf(OTHER_VENDOR, "INV-3", 400.00);
    }

    long billOf(String vendor, String tranId, double amount) {
        HttpResponse<String> created = send("POST", BILLS, new JsonObject().put("entity", ref(vendor))
                .put("tranId", tranId).put("tranDate", "2025-10-31")
                .put("expense", new JsonObject().put("items", new JsonArray().add(new JsonObject()
                        .put("account", ref(NetSuiteReferenceData.EXPENSE_ACCOUNT_ID)).put("amount", amount)
                        .put("customer", ref(JOB))))));
        assertEquals(204, created.statusCode(), created.body());
        return idFromLocation(created);
    }

    static JsonObject payment(String vendor, JsonObject... applies) {
        JsonArray lines = new JsonArray();
        for (JsonObject a : applies) {
            lines.add(a);
        }
        return new JsonObject().put("entity", ref(vendor)).put("tranId", "CHK-1001").put("tranDate", "2025-11-15")
                .put("account", ref(NetSuiteReferenceData.BANK_ACCOUNT_ID)).put("currency", ref("1"))
                .put("memo", "November run").put("apply", new JsonObject().put("items", lines));
    }

    static JsonObject apply(long bill, double amount) {
        return new JsonObject().put("doc", ref(bill)).put("apply", true).put("amount", amount);
    }

    @Test
    void onePaymentOverSeveralBillsWithItsTotalAndLines() {
        HttpResponse<String> created = send("POST", PAYMENTS, payment(VENDOR, apply(bill, 400.00),
                apply(secondBill, 250.50)));
        assertEquals(204, created.statusCode(), created.body());
        long id = idFromLocation(created);
        assertTrue(id > otherVendorsBill, "payments draw ids from the one transaction range");
        JsonObject read = json(harness.netsuiteGet(PAYMENTS + "/" + id + "?expandSubResources=true"));
        assertEquals(650.50, read.getDouble("total"), 0.0);
        assertEquals("CHK-1001", read.getString("tranId"));
        JsonArray lines = read.getJsonObject("apply").getJsonArray("items");
        assertEquals(2, lines.size());
        assertEquals(String.valueOf(bill), lines.getJsonObject(0).getJsonObject("doc").getString("id"));
        assertEquals(404, harness.netsuiteGet(BILLS + "/" + id).statusCode(), "a payment is no bill");
    }

    @Test
    void refusesWhatNetSuiteRefuses() {
        // More than the bill's amount remaining, counting an earlier partial payment.
        assertEquals(204, send("POST", PAYMENTS, payment(VENDOR, apply(bill, 600.00))).statusCode());
        HttpResponse<String> over = send("POST", PAYMENTS, payment(VENDOR, apply(bill, 400.01)));
        assertEquals(400, over.statusCode());
        assertEquals("USER_ERROR", errorCode(over));
        assertEquals("apply.items[0].amount", detail(over).getString("o:errorPath"));
        assertTrue(detail(over).getString("detail").contains("400.00"), over.body());
        assertEquals(204, send("POST", PAYMENTS, payment(VENDOR, apply(bill, 400.00))).statusCode(),
                "the rest of the bill can be paid");

        HttpResponse<String> otherVendor = send("POST", PAYMENTS, payment(VENDOR, apply(otherVendorsBill, 10)));
        assertEquals(400, otherVendor.statusCode());
        assertEquals("USER_ERROR", errorCode(otherVendor));
        assertEquals("apply.items[0].doc", detail(otherVendor).getString("o:errorPath"));
        assertTrue(otherVendor.headers().firstValue("Content-Type").orElse("").contains("type=error"));

        assertRefused(payment(VENDOR, apply(secondBill, 10.001)), "INVALID_CONTENT", "apply.items[0].amount");
        assertRefused(payment(VENDOR, apply(secondBill, -5)), "INVALID_CONTENT", "apply.items[0].amount");
        assertRefused(payment(VENDOR, apply(secondBill, 0)), "INVALID_CONTENT", "apply.items[0].amount");
        assertRefused(payment(VENDOR, new JsonObject().put("doc", String.valueOf(secondBill)).put("apply", true)
                .put("amount", 1)), "INVALID_CONTENT", "apply.items[0].doc");
        assertRefused(payment(VENDOR, apply(999_999, 1)), "INVALID_CONTENT", "apply.items[0].doc");
        assertRefused(payment(VENDOR, apply(secondBill, 1), apply(secondBill, 2)), "USER_ERROR", "apply.items[1].doc");
        assertRefused(payment(VENDOR, apply(secondBill, 1).put("apply", false)), "USER_ERROR", "apply");
        assertRefused(payment(VENDOR, apply(secondBill, 1)).put("account", ref(NetSuiteReferenceData.AP_ACCOUNT_ID)),
                "INVALID_CONTENT", "account");
        assertRefused(payment(VENDOR, apply(secondBill, 1)).put("entity", VENDOR), "INVALID_CONTENT", "entity");
        assertRefused(payment(VENDOR, apply(secondBill, 1)).put("entity", ref("999999")), "INVALID_CONTENT", "entity");
        assertEquals(2, harness.sandbox.netsuite().records("vendorPayment").count());
    }

    void assertRefused(JsonObject body, String code, String path) {
        assertRefused(PAYMENTS, body, code, path);
    }

    static void assertRefused(String type, JsonObject body, String code, String path) {
        HttpResponse<String> refused = send("POST", type, body);
        assertEquals(400, refused.statusCode(), body.encode());
        assertEquals(code, errorCode(refused), refused.body());
        assertEquals(path, detail(refused).getString("o:errorPath"), refused.body());
    }

    @Test
    void transformPaysTheBillsAmountRemaining() {
        assertEquals(204, send("POST", PAYMENTS, payment(VENDOR, apply(bill, 300))).statusCode());
        HttpResponse<String> paid = send("POST", BILLS + "/" + bill + "/!transform/vendorPayment",
                new JsonObject().put("tranId", "CHK-2"));
        assertEquals(204, paid.statusCode(), paid.body());
        JsonObject read = json(harness.netsuiteGet(PAYMENTS + "/" + idFromLocation(paid)));
        assertEquals(700.00, read.getDouble("total"), 0.0);
        assertEquals(VENDOR, read.getJsonObject("entity").getString("id"));
        HttpResponse<String> again = send("POST", BILLS + "/" + bill + "/!transform/vendorPayment", new JsonObject());
        assertEquals(400, again.statusCode(), "nothing is left to pay");
    }

    @Test
    void voidedPaymentsReopenTheBillAndDeletedOnesAreGone() {
        long voided = idFromLocation(send("POST", PAYMENTS, payment(VENDOR, apply(bill, 1000))));
        long deleted = idFromLocation(send("POST", PAYMENTS, payment(VENDOR, apply(secondBill, 100))));
        Instant before = harness.sandbox.netsuite().records("vendorPayment").get(voided).orElseThrow().lastModified();

        NetSuiteRecord v = harness.sandbox.netsuite().voidPayment(voided);
        assertFalse(v.lastModified().isBefore(before));
        JsonObject read = json(harness.netsuiteGet(PAYMENTS + "/" + voided));
        assertTrue(read.getBoolean("voided"));
        assertEquals("V", read.getJsonObject("status").getString("id"));
        assertEquals(0.0, read.getDouble("total"), 0.0);
        HttpResponse<String> edit = send("PATCH", PAYMENTS + "/" + voided, new JsonObject().put("memo", "x"));
        assertEquals(400, edit.statusCode());
        assertEquals(204, send("POST", PAYMENTS, payment(VENDOR, apply(bill, 1000))).statusCode(),
                "a voided payment no longer counts against the bill");

        assertEquals(400, send("DELETE", BILLS + "/" + secondBill, null).statusCode(),
                "a bill with payments applied cannot be deleted");
        assertEquals(204, send("DELETE", PAYMENTS + "/" + deleted, null).statusCode());
        HttpResponse<String> gone = harness.netsuiteGet(PAYMENTS + "/" + deleted);
        assertEquals(404, gone.statusCode());
        assertEquals("NONEXISTENT_ID", errorCode(gone));
        assertEquals(404, send("DELETE", PAYMENTS + "/" + deleted, null).statusCode());

        JsonArray rows = json(harness.suiteQl("SELECT id, voided, total FROM transaction WHERE type = 'VendPymt' "
                + "ORDER BY id", null)).getJsonArray("items");
        assertEquals(2, rows.size(), rows.encode());
        assertEquals(String.valueOf(voided), rows.getJsonObject(0).getString("id"));
        assertEquals("T", rows.getJsonObject(0).getString("voided"));
        assertEquals("0.00", rows.getJsonObject(0).getString("total"));
        assertEquals("F", rows.getJsonObject(1).getString("voided"));
        JsonArray links = json(harness.suiteQl("SELECT previousdoc, nextdoc, foreignamount FROM "
                + "PreviousTransactionLineLink WHERE nextdoc IN (" + voided + ", " + deleted + ")", null))
                .getJsonArray("items");
        assertEquals(0, links.size(), "neither a voided nor a deleted payment applies to anything: " + links);
    }

    @Test
    void suiteQlReadsPaymentsIncrementallyWithTheirLinks() {
        long first = idFromLocation(send("POST", PAYMENTS, payment(VENDOR, apply(bill, 400), apply(secondBill, 50.25))));
        long second = idFromLocation(send("POST", PAYMENTS, payment(VENDOR, apply(bill, 100))));
        String since = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(Instant.now().plusSeconds(3600)
                .atZone(ZoneOffset.UTC));
        assertEquals(0, json(harness.suiteQl("SELECT id FROM transaction WHERE type = 'VendPymt' AND lastmodifieddate "
                + ">= TO_TIMESTAMP('" + since + "', 'YYYY-MM-DD HH24:MI:SS') AND id > 0 ORDER BY id", null))
                .getInteger("totalResults"));
        String earlier = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(Instant.now().minusSeconds(3600)
                .atZone(ZoneOffset.UTC));
        JsonArray payments = json(harness.suiteQl("SELECT id, type, tranid, entity, trandate, foreigntotal, voided, "
                + "lastmodifieddate FROM transaction WHERE type = 'VendPymt' AND lastmodifieddate >= TO_TIMESTAMP('"
                + earlier + "', 'YYYY-MM-DD HH24:MI:SS') ORDER BY id", null)).getJsonArray("items");
        assertEquals(2, payments.size());
        JsonObject row = payments.getJsonObject(0);
        assertEquals("VendPymt", row.getString("type"));
        assertEquals("CHK-1001", row.getString("tranid"));
        assertEquals(VENDOR, row.getString("entity"));
        assertEquals("11/15/2025", row.getString("trandate"));
        assertEquals("450.25", row.getString("foreigntotal"));

        JsonArray links = json(harness.suiteQl("SELECT previousdoc, nextdoc, nextline, linktype, foreignamount FROM "
                + "PreviousTransactionLineLink WHERE nextdoc > 0 ORDER BY nextdoc, previousdoc", null))
                .getJsonArray("items");
        assertEquals(3, links.size());
        assertEquals(new JsonObject().put("links", new JsonArray()).put("previousdoc", String.valueOf(bill))
                .put("nextdoc", String.valueOf(first)).put("nextline", "1").put("linktype", "Payment")
                .put("foreignamount", "400.00"), links.getJsonObject(0));
        assertEquals("50.25", links.getJsonObject(1).getString("foreignamount"));
        JsonArray ofBill = json(harness.suiteQl("SELECT nextdoc, foreignamount FROM PreviousTransactionLineLink "
                + "WHERE previousdoc IN (" + bill + ")", null)).getJsonArray("items");
        assertEquals(2, ofBill.size(), "a bill's payments, partial ones adding up");
        assertEquals(String.valueOf(second), ofBill.getJsonObject(1).getString("nextdoc"));

        assertEquals(3, json(harness.suiteQl("SELECT id FROM transaction WHERE type = 'VendBill'", null))
                .getInteger("totalResults"), "bills are still read by their type");
        HttpResponse<String> bad = harness.suiteQl("SELECT id FROM PreviousTransactionLineLink WHERE nextdoc > 0", null);
        assertEquals(400, bad.statusCode(), "the link table has no id column");
    }

    static JsonObject journal(JsonObject... lines) {
        JsonArray items = new JsonArray();
        for (JsonObject l : lines) {
            items.add(l);
        }
        return new JsonObject().put("tranDate", "2025-11-30").put("tranId", "JE-77").put("memo", "Equipment accrual")
                .put("subsidiary", ref(NetSuiteReferenceData.SUBSIDIARY_ID)).put("currency", ref("1"))
                .put("line", new JsonObject().put("items", items));
    }

    static JsonObject debit(String account, double amount) {
        return new JsonObject().put("account", ref(account)).put("debit", amount);
    }

    static JsonObject credit(String account, double amount) {
        return new JsonObject().put("account", ref(account)).put("credit", amount);
    }

    @Test
    void journalEntriesBalanceAndReadAsLines() {
        HttpResponse<String> created = send("POST", JOURNALS, journal(
                debit(NetSuiteReferenceData.EQUIPMENT_RENTAL_ACCOUNT_ID, 1200.00).put("entity", ref(JOB))
                        .put("memo", "Crane, November"),
                debit(NetSuiteReferenceData.TRAVEL_ACCOUNT_ID, 80.10).put("entity", ref(JOB)),
                credit(NetSuiteReferenceData.ACCRUED_ACCOUNT_ID, 1280.10).put("entity", ref(VENDOR))));
        assertEquals(204, created.statusCode(), created.body());
        long id = idFromLocation(created);
        JsonArray lines = json(harness.suiteQl("SELECT transaction, id, mainline, account, debit, credit, amount, "
                + "entity, memo FROM transactionline WHERE transaction IN (" + id + ") ORDER BY transaction, id", null))
                .getJsonArray("items");
        assertEquals(3, lines.size());
        JsonObject first = lines.getJsonObject(0);
        assertEquals("0", first.getString("id"));
        assertEquals("F", first.getString("mainline"));
        assertEquals(NetSuiteReferenceData.EQUIPMENT_RENTAL_ACCOUNT_ID, first.getString("account"));
        assertEquals("1200.00", first.getString("debit"));
        assertEquals(JOB, first.getString("entity"));
        assertEquals("Crane, November", first.getString("memo"));
        assertEquals("-1280.10", lines.getJsonObject(2).getString("amount"));
        assertEquals("1280.10", lines.getJsonObject(2).getString("credit"));
        JsonObject header = json(harness.suiteQl("SELECT id, type, tranid, foreigntotal FROM transaction WHERE "
                + "type = 'Journal' AND id IN (" + id + ")", null)).getJsonArray("items").getJsonObject(0);
        assertEquals("Journal", header.getString("type"));
        assertEquals("1280.10", header.getString("foreigntotal"));

        String a = NetSuiteReferenceData.EQUIPMENT_RENTAL_ACCOUNT_ID;
        String c = NetSuiteReferenceData.ACCRUED_ACCOUNT_ID;
        assertRefused(JOURNALS, journal(debit(a, 10), credit(c, 9.99)), "USER_ERROR", "line");
        assertRefused(JOURNALS, journal(debit(a, 10).put("credit", 10), credit(c, 10)), "USER_ERROR",
                "line.items[0].credit");
        assertRefused(JOURNALS, journal(new JsonObject().put("account", ref(a)), credit(c, 10)), "USER_ERROR",
                "line.items[0].debit");
        assertRefused(JOURNALS, journal(debit(a, 10.005), credit(c, 10.005)), "INVALID_CONTENT", "line.items[0].debit");
        assertRefused(JOURNALS, journal(debit("999", 10), credit(c, 10)), "INVALID_CONTENT", "line.items[0].account");
        assertRefused(JOURNALS, journal(debit(a, 10).put("entity", ref("999999")), credit(c, 10)), "INVALID_CONTENT",
                "line.items[0].entity");
        assertRefused(JOURNALS, journal(debit(a, 10)), "USER_ERROR", "line");
        assertRefused(JOURNALS, journal(debit(a, 10), credit(c, 10)).put("subsidiary", null), "USER_ERROR",
                "subsidiary");
        assertEquals(1, harness.sandbox.netsuite().records("journalEntry").count());
    }
}
