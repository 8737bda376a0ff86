package dev.trestle.bills;

import static dev.trestle.support.Exports.auditTrail;
import static dev.trestle.support.Exports.awaitFinalFailure;
import static dev.trestle.support.Exports.awaitStatus;
import static dev.trestle.support.Exports.deliveries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.connectors.procore.ProcoreConnector;
import dev.trestle.connectors.procore.ProcoreSyncResult;
import dev.trestle.projects.ProjectTestData;
import dev.trestle.sandbox.Fault;
import dev.trestle.sandbox.ProcoreDemoCases;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.sandbox.netsuite.NetSuiteRecord;
import dev.trestle.sandbox.netsuite.NetSuiteReferenceData;
import dev.trestle.sandbox.netsuite.RecordStore;
import dev.trestle.sandbox.procore.ProcoreRequisition;
import dev.trestle.sandbox.procore.ProcoreSandbox;
import dev.trestle.support.Database;
import dev.trestle.support.Exports;
import dev.trestle.support.GraphQL;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Subcontractor invoices exported as NetSuite vendor bills while NetSuite and Procore misbehave:
 * writes that land without an answer, throttling, outages, hangs, unreadable answers, NetSuite
 * refusing the bill, Procore throttling or refusing the close-out, and all of it at random over a
 * batch. Whatever happens, each invoice becomes exactly one bill totalling its current payment
 * due, linked to it, and the invoice is closed out with the bill's id once Procore lets it be;
 * only a refusal a person must fix fails an export, and a refused close-out never does.
 */
@QuarkusTest
class VendorBillFaultsTest {

    private static final String PROJECT = String.valueOf(ProcoreDemoCases.LINKED_PROJECT);
    private static final long INVOICE = ProcoreDemoCases.APPROVED_INVOICE;
    private static final String BILLS = "/services/rest/record/v1/vendorBill/eid:";
    private static final String CLOSE_OUT = "/rest/v1.0/companies/" + ProcoreDemoCases.COMPANY_ID + "/external_data/sync";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Sandbox sandbox;

    @Inject
    Database database;

    @Inject
    ProcoreConnector procore;

    /** How often the NetSuite connector repeats one request before the worker sees the failure. */
    @ConfigProperty(name = "trestle.netsuite.retry.max-retries")
    int connectorRetries;

    @ConfigProperty(name = "trestle.exports.poll-every")
    Duration pollEvery;

    @BeforeEach
    void linkedAsPeopleLinkedThem() {
        Hub.freshInstallation(sandbox, database);
        ProjectTestData.connectedAsInTheDemo(database);
        Exports.designate("approver-user");
        VendorBillExportTest.linkDemoRecords(sandbox, database);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"COMMIT_THEN_DROP", "COMMIT_THEN_HANG"})
    void aBillThatLandedWithoutAnAnswerIsWrittenAgainAsTheSameBill(Fault fault) {
        String id = requestInvoice(INVOICE);
        // Every try of the first attempt lands in NetSuite, and none of them is answered.
        sandbox.netsuite().knobs().failNext(connectorRetries + 1, fault);
        Exports.approve(id);

        Map<String, Object> exported = Exports.awaitOriginsRecorded(id);

        assertOneBillClosedOut(INVOICE, exported);
        assertEquals(connectorRetries + 2, puts(INVOICE), "each try of the first attempt, then the second attempt");
        assertEquals(connectorRetries + 1, bills().updates(), "the repeats updated the bill the first try created");
        assertTrue(sandbox.netsuite().requests().all().stream()
                .filter(r -> r.method().equals("PUT") && r.path().startsWith(BILLS))
                .allMatch(r -> r.query() != null && r.query().contains("replace=item")),
                "every write of the bill says its lines replace those NetSuite has");
        assertAttempts(exported, 2);
    }

    @Test
    void aThrottledBillPausesNetSuiteWithoutSpendingAnAttemptAndLandsOnce() {
        String id = requestInvoice(INVOICE);
        // Enough 429s that the connector's own retries give up and the worker has to come back later.
        sandbox.netsuite().knobs().failNext(connectorRetries + 1, Fault.THROTTLE);
        Exports.approve(id);

        Map<String, Object> exported = Exports.awaitOriginsRecorded(id);

        assertOneBillClosedOut(INVOICE, exported);
        assertEquals(connectorRetries + 2, puts(INVOICE), "one refused attempt, then one that landed");
        assertAttempts(exported, 1);
        List<Map<String, Object>> trail = auditTrail(id);
        assertEquals(List.of("EXPORT_REQUESTED", "EXPORT_APPROVED", "EXPORT_WRITE_FAILED", "EXPORT_WRITE_DELIVERED",
                "EXPORT_COMPLETED"), actions(trail));
        assertTrue(details(trail, 2).contains("no attempt spent"), details(trail, 2));
        assertTrue(details(trail, 3).contains("(attempt 1)"), details(trail, 3));
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"SERVER_ERROR", "HANG", "DROP_CONNECTION"})
    void aBillNetSuiteFailedToTakeIsRetriedAndLandsOnce(Fault fault) {
        String id = requestInvoice(INVOICE);
        sandbox.netsuite().knobs().failNext(connectorRetries + 1, fault);
        Exports.approve(id);

        Map<String, Object> exported = Exports.awaitOriginsRecorded(id);

        assertOneBillClosedOut(INVOICE, exported);
        assertEquals(connectorRetries + 2, puts(INVOICE));
        assertEquals(0, bills().updates(), "none of the failed tries wrote anything");
        assertAttempts(exported, 2);
        List<Map<String, Object>> trail = auditTrail(id);
        assertEquals(List.of("EXPORT_REQUESTED", "EXPORT_APPROVED", "EXPORT_WRITE_FAILED", "EXPORT_WRITE_DELIVERED",
                "EXPORT_COMPLETED"), actions(trail));
        assertTrue(details(trail, 2).contains("attempt 1: "), details(trail, 2));
        assertTrue(details(trail, 2).contains("; retry at "), details(trail, 2));
        if (fault == Fault.HANG) {
            assertTrue(details(trail, 2).contains("UPSTREAM_TIMEOUT"), details(trail, 2));
        }
        assertTrue(details(trail, 3).contains("(attempt 2)"), details(trail, 3));
    }

    @Test
    void aBillAnsweredWithAnUnreadableBodyIsReadBackByExternalId() {
        String id = requestInvoice(INVOICE);
        sandbox.netsuite().knobs().failNext(1, Fault.MALFORMED_BODY);
        Exports.approve(id);

        Map<String, Object> exported = Exports.awaitOriginsRecorded(id);

        assertOneBillClosedOut(INVOICE, exported);
        assertEquals(1, puts(INVOICE), "the bill landed; the hub read its id back instead of writing it again");
        assertEquals(1, sandbox.netsuite().requests().count("GET", BILLS + externalId(INVOICE)), "read back once");
        assertAttempts(exported, 1);
        assertEquals(List.of("EXPORT_REQUESTED", "EXPORT_APPROVED", "EXPORT_WRITE_DELIVERED", "EXPORT_COMPLETED"),
                Exports.auditActions(id));
    }

    @Test
    void aBillNetSuiteRefusesFailsWithItsCodeUntilAnApproverRetriesAfterTheFix() {
        String id = requestInvoice(INVOICE);
        // Between request and approval the NetSuite item the first line is booked on leaves the account.
        long itemId = firstLineItem(id);
        assertTrue(sandbox.netsuite().records("otherChargePurchaseItem").get(itemId).isPresent(), "item " + itemId);
        Map<String, List<NetSuiteRecord>> account = account();
        Map<String, List<NetSuiteRecord>> withoutItem = new HashMap<>(account);
        withoutItem.put("otherChargePurchaseItem", account.get("otherChargePurchaseItem").stream()
                .filter(item -> item.id() != itemId).toList());
        sandbox.netsuite().loadRecords(withoutItem);
        Exports.approve(id);

        Map<String, Object> failed = awaitFinalFailure(id);
        String invalid = "Invalid value for the resource or sub-resource field 'item'. Provide a valid value.";
        assertEquals("INVALID_CONTENT", failed.get("errorCode"), failed.toString());
        assertEquals(invalid, failed.get("errorDetail"));
        assertNull(failed.get("nextRetryAt"), "a refusal is not retried automatically");
        assertEquals(1, failed.get("attempts"));
        Map<String, Object> delivery = deliveries(failed).get(0);
        assertEquals("FAILED", delivery.get("status"));
        assertEquals("INVALID_CONTENT", delivery.get("errorCode"));
        assertEquals(invalid, delivery.get("errorDetail"));
        assertNull(delivery.get("originStatus"), "no close-out of a bill that does not exist");
        assertEquals(1, puts(INVOICE), "a 400 is not repeated by the connector either");
        Exports.pause(pollEvery.multipliedBy(2).toMillis());
        assertEquals(1, puts(INVOICE), "nothing tried again on its own");
        assertEquals(0, bills().count());
        assertNull(invoice(INVOICE).originId());
        assertTrue(details(auditTrail(id), 2).contains("attempt 1: INVALID_CONTENT " + invalid),
                details(auditTrail(id), 2));

        // NetSuite's administrator brings the item back; an approver retries, and the bill lands once.
        sandbox.netsuite().loadRecords(account);
        Exports.retry(id);
        Map<String, Object> exported = Exports.awaitOriginsRecorded(id);

        assertOneBillClosedOut(INVOICE, exported);
        assertEquals(String.valueOf(itemId), bill(INVOICE).fields().getJsonObject("item").getJsonArray("items")
                .getJsonObject(0).getJsonObject("item").getValue("id").toString());
        assertEquals(2, puts(INVOICE));
        assertAttempts(exported, 2);
        assertEquals(List.of("EXPORT_REQUESTED", "EXPORT_APPROVED", "EXPORT_WRITE_FAILED", "EXPORT_RETRY_REQUESTED",
                "EXPORT_WRITE_DELIVERED", "EXPORT_COMPLETED"), Exports.auditActions(id));
    }

    @Test
    void aProcore429OnTheCloseOutLeavesTheBillExportedAndTheCloseOutFollowsWithoutASecondBill() {
        String id = requestInvoice(INVOICE);
        // Procore refuses every request with a 429 whose reset is up to three seconds away, again and again
        // (a short hourly window, and no 10-second spike window whose reset would be reported instead).
        sandbox.procore().rateLimit().window(Duration.ofSeconds(3)).noSpikeWindow();
        sandbox.procore().knobs().throttleRate(1.0);
        Exports.approve(id);

        Map<String, Object> exported = awaitStatus(id, "EXPORTED");
        Map<String, Object> delivery = deliveries(exported).get(0);
        assertEquals("DELIVERED", delivery.get("status"), exported.toString());
        assertEquals(String.valueOf(bill(INVOICE).id()), delivery.get("netsuiteId"));
        assertNull(exported.get("errorCode"));

        // The connector's own retries wait out the resets before the worker hears of the 429; then it
        // waits, longer than a window and several polls, still without spending an attempt.
        Exports.await(id, request -> deliveries(request).get(0).get("originErrorCode") != null,
                "the throttled close-out recorded");
        Exports.pause(4_000);
        Map<String, Object> waiting = Exports.exportRequest(id);
        delivery = deliveries(waiting).get(0);
        assertEquals("EXPORTED", waiting.get("status"), waiting.toString());
        assertEquals("PENDING", delivery.get("originStatus"), waiting.toString());
        assertEquals(0, delivery.get("originAttempts"), "a 429 spends no attempt: " + delivery);
        assertTrue("UPSTREAM_RATE_LIMITED".equals(delivery.get("originErrorCode"))
                || "UPSTREAM_UNAVAILABLE".equals(delivery.get("originErrorCode")), delivery.toString());
        assertNotNull(delivery.get("originNextRetryAt"), delivery.toString());
        assertNull(invoice(INVOICE).originId());
        assertTrue(sandbox.procore().requests().count("PATCH", CLOSE_OUT) >= 1, "Procore was asked");

        sandbox.procore().knobs().throttleRate(0);
        Map<String, Object> recorded = Exports.awaitOriginsRecorded(id);

        assertOneBillClosedOut(INVOICE, recorded);
        delivery = deliveries(recorded).get(0);
        assertEquals(1, delivery.get("originAttempts"));
        assertNull(delivery.get("originErrorCode"));
        assertEquals(1, puts(INVOICE), "NetSuite was written once");
        assertAttempts(recorded, 1);
    }

    @Test
    void aCloseOutProcoreRefusesForGoodLeavesTheBillExportedWithProcoresReason() {
        // Another invoice was closed out in Procore with the id NetSuite will give this invoice's bill.
        String nextBillId = String.valueOf(bills().all().stream().mapToLong(NetSuiteRecord::id)
                .max().orElse(NetSuiteReferenceData.FIRST_TRANSACTION_ID - 1) + 1);
        ProcoreSyncResult taken = procore.closeOutInvoices(Map.of(ProcoreDemoCases.APPROVED_AS_NOTED_INVOICE,
                nextBillId)).await().atMost(WAIT);
        assertTrue(taken.synced().contains(ProcoreDemoCases.APPROVED_AS_NOTED_INVOICE), taken.toString());
        String id = requestInvoice(INVOICE);
        Exports.approve(id);

        Map<String, Object> exported = Exports.await(id, request -> "EXPORTED".equals(request.get("status"))
                && "FAILED".equals(deliveries(request).get(0).get("originStatus")), "EXPORTED with the close-out refused");

        NetSuiteRecord bill = bill(INVOICE);
        assertEquals(nextBillId, String.valueOf(bill.id()));
        assertRefusedCloseOut(id, exported, bill, "has already been taken");
    }

    @Test
    void anInvoiceSetBackToDraftBeforeItsCloseOutLeavesTheBillExportedWithProcoresReason() {
        String id = requestInvoice(INVOICE);
        // After the request, someone in Procore sends the invoice back to draft; the approver approves the bill.
        procoreEdit(INVOICE, "draft");
        assertEquals("draft", invoice(INVOICE).status());
        Exports.approve(id);

        Map<String, Object> exported = Exports.await(id, request -> "EXPORTED".equals(request.get("status"))
                && "FAILED".equals(deliveries(request).get(0).get("originStatus")), "EXPORTED with the close-out refused");

        assertRefusedCloseOut(id, exported, bill(INVOICE), "this one is draft");
    }

    @Test
    void manyInvoicesThroughRandomFaultsBecomeOneBillEachAndAreAllClosedOut() {
        List<Long> invoices = List.of(5_700_000_001L, ProcoreDemoCases.APPROVED_AS_NOTED_INVOICE,
                ProcoreDemoCases.PENDING_OWNER_APPROVAL_INVOICE, 5_700_000_007L, ProcoreDemoCases.INVOICE_WITH_MANY_LINES);
        // The approver's queue holds new vendors too. Why they are here: the sandbox's fault dice are
        // seeded, and five bills alone draw no fault from them at these rates; twenty writes do.
        List<Long> vendors = sandbox.procoreDemoCases().procoreOnlyVendors().subList(0, 15);
        List<String> vendorRequests = vendors.stream()
                .map(v -> Exports.request("VENDOR", Long.toString(v)).getString("data.requestExport.id")).toList();
        Map<Long, String> requests = new LinkedHashMap<>();
        for (long invoice : invoices) {
            requests.put(invoice, requestInvoice(invoice));
        }
        // About one NetSuite request in five fails, in every way it can; Procore answers about every third with a 429.
        sandbox.netsuite().knobs().errorRate(0.05).dropRate(0.05).hangRate(0.05).malformedRate(0.05);
        sandbox.procore().rateLimit().window(Duration.ofSeconds(1)).noSpikeWindow();
        sandbox.procore().knobs().throttleRate(0.3);
        vendorRequests.forEach(Exports::approve);
        requests.values().forEach(Exports::approve);

        List<Map<String, Object>> outcomes = new ArrayList<>();
        for (long invoice : invoices) {
            outcomes.add(Exports.awaitOriginsRecorded(requests.get(invoice)));
        }
        vendorRequests.forEach(Exports::awaitOriginsRecorded);

        for (int i = 0; i < invoices.size(); i++) {
            long invoice = invoices.get(i);
            Map<String, Object> exported = outcomes.get(i);
            assertEquals("EXPORTED", exported.get("status"), exported.toString());
            assertNull(exported.get("errorCode"), exported.toString());
            Map<String, Object> delivery = deliveries(exported).get(0);
            assertEquals("DELIVERED", delivery.get("status"), exported.toString());
            assertEquals("RECORDED", delivery.get("originStatus"), exported.toString());
            NetSuiteRecord bill = bill(invoice);
            assertEquals(String.valueOf(bill.id()), delivery.get("netsuiteId"));
            assertEquals(1, bills().all().stream().filter(b -> externalId(invoice).equals(b.externalId())).count());
            assertEquals(invoice(invoice).currentPaymentDue().setScale(2), VendorBillExportTest.total(bill),
                    "invoice " + invoice + ": " + bill);
            assertEquals(String.valueOf(bill.id()), invoice(invoice).originId());
            assertEquals(1, linksTo(invoice, bill));
        }
        assertEquals(invoices.size(), bills().creates(), "each bill exactly once");
        assertEquals(vendors.size(), sandbox.netsuite().records("vendor").creates(), "each vendor exactly once");
        assertEquals(0, database.count("SELECT count(*) FROM export_request WHERE status = 'FAILED'"));
        assertEquals(0, database.count("SELECT count(*) FROM export_delivery WHERE status = 'FAILED' "
                + "OR origin_status = 'FAILED'"));
        long writes = sandbox.netsuite().requests().count("PUT", "/services/rest/record/v1/");
        assertTrue(writes > invoices.size() + vendors.size(), "faults made the hub repeat writes: " + writes + " PUTs");
    }

    /** A landed bill whose close-out Procore refused: exported, not failed, the refusal shown in GraphQL, kept. */
    private void assertRefusedCloseOut(String id, Map<String, Object> exported, NetSuiteRecord bill, String reason) {
        assertEquals("EXPORTED", exported.get("status"));
        assertNull(exported.get("errorCode"), "nothing is reported as a failed export: " + exported);
        Map<String, Object> delivery = deliveries(exported).get(0);
        assertEquals("DELIVERED", delivery.get("status"));
        assertEquals(String.valueOf(bill.id()), delivery.get("netsuiteId"));
        assertEquals("UPSTREAM_ERROR", delivery.get("originErrorCode"), delivery.toString());
        assertTrue(String.valueOf(delivery.get("originErrorDetail")).contains(reason), delivery.toString());
        assertNull(delivery.get("originNextRetryAt"), "a refusal is not retried: " + delivery);
        assertEquals(1, delivery.get("originAttempts"));
        assertEquals(1, bills().creates());
        assertEquals(1, puts(INVOICE), "NetSuite was written once");
        assertNull(invoice(INVOICE).originId());
        assertEquals(1, linksTo(INVOICE, bill), "the bill is the invoice's all the same");
        long asked = sandbox.procore().requests().count("PATCH", CLOSE_OUT);
        Exports.pause(pollEvery.multipliedBy(2).toMillis());
        assertEquals(asked, sandbox.procore().requests().count("PATCH", CLOSE_OUT), "not asked again");

        JsonPath failedExports = GraphQL.as("viewer", "{ exportRequests(first: 100, filter: {status: FAILED}) { "
                + "totalCount } }");
        assertNull(failedExports.get("errors"), failedExports.prettify());
        assertEquals(0, failedExports.getInt("data.exportRequests.totalCount"), failedExports.prettify());
        assertEquals(0, database.count("SELECT count(*) FROM export_request WHERE status = 'FAILED'"));
        assertTrue(auditTrail(id).stream().map(e -> e.get("action")).toList().contains("EXPORT_COMPLETED"));
    }

    private String requestInvoice(long invoiceId) {
        JsonPath requested = Exports.requestInvoice(String.valueOf(invoiceId), PROJECT);
        assertNull(requested.get("errors"), requested.prettify());
        return requested.getString("data.requestExport.id");
    }

    /** The NetSuite item the first line of the request's planned bill is booked on. */
    private long firstLineItem(String id) {
        return database.count("SELECT (payload::jsonb -> 0 -> 'body' -> 'item' -> 'items' -> 0 -> 'item' ->> 'id')::bigint"
                + " FROM export_request WHERE id = " + id);
    }

    /** Every record of the simulated NetSuite account, by type, as it is now. */
    private Map<String, List<NetSuiteRecord>> account() {
        Map<String, List<NetSuiteRecord>> account = new HashMap<>();
        for (String type : List.of("vendor", "job", "otherChargePurchaseItem", "vendorBill")) {
            account.put(type, sandbox.netsuite().records(type).all());
        }
        return account;
    }

    /** Edits the invoice's status in Procore, as a Procore user would, over Procore's API. */
    private void procoreEdit(long invoiceId, String status) {
        ProcoreSandbox.ProcoreCredentials credentials = sandbox.procore().credentials();
        String base = "http://localhost:" + RestAssured.port + "/sandbox/procore";
        HttpClient client = HttpClient.newHttpClient();
        try {
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                            + credentials.clientId() + "&client_secret=" + credentials.clientSecret())).build(),
                    HttpResponse.BodyHandlers.ofString());
            String token = new JsonObject(login.body()).getString("access_token");
            JsonObject edit = new JsonObject().put("requisition", new JsonObject().put("status", status));
            HttpResponse<String> edited = client.send(HttpRequest.newBuilder(URI.create(base
                            + "/rest/v1.0/requisitions/" + invoiceId + "?project_id=" + invoice(invoiceId).projectId()))
                    .header("Authorization", "Bearer " + token)
                    .header("Procore-Company-Id", String.valueOf(credentials.companyId()))
                    .header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(edit.encode())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, edited.statusCode(), edited.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * One bill for the invoice in NetSuite, created once, totalling the invoice's current payment
     * due to the cent; the export names it, links it, and Procore holds its id as the invoice's origin_id.
     */
    private void assertOneBillClosedOut(long invoiceId, Map<String, Object> exported) {
        assertEquals("EXPORTED", exported.get("status"), exported.toString());
        assertEquals(1, bills().creates(), "created exactly once");
        assertEquals(1, bills().all().stream().filter(b -> externalId(invoiceId).equals(b.externalId())).count());
        NetSuiteRecord bill = bill(invoiceId);
        ProcoreRequisition invoice = invoice(invoiceId);
        assertEquals(invoice.currentPaymentDue().setScale(2), VendorBillExportTest.total(bill),
                "the bill's lines add up to the invoice, once: " + bill);
        Map<String, Object> delivery = deliveries(exported).get(0);
        assertEquals("DELIVERED", delivery.get("status"));
        assertEquals(String.valueOf(bill.id()), delivery.get("netsuiteId"));
        assertEquals("RECORDED", delivery.get("originStatus"), delivery.toString());
        assertEquals(String.valueOf(bill.id()), invoice.originId(), "closed out with the bill's id");
        assertNull(exported.get("errorCode"), "the last failure is cleared once it lands");
        assertNull(exported.get("nextRetryAt"));
        assertEquals(1, linksTo(invoiceId, bill));
    }

    private long linksTo(long invoiceId, NetSuiteRecord bill) {
        return database.count("SELECT count(*) FROM record_link WHERE kind = 'BILL' AND left_id = '" + invoiceId
                + "' AND right_type = 'vendorBill' AND right_id = '" + bill.id() + "' AND unlinked_at IS NULL");
    }

    private static void assertAttempts(Map<String, Object> request, int attempts) {
        assertEquals(attempts, request.get("attempts"), request.toString());
        assertEquals(attempts, deliveries(request).get(0).get("attempts"), request.toString());
    }

    private RecordStore bills() {
        return sandbox.netsuite().records("vendorBill");
    }

    private NetSuiteRecord bill(long invoiceId) {
        return bills().byExternalId(externalId(invoiceId))
                .orElseThrow(() -> new AssertionError("no NetSuite bill for invoice " + invoiceId));
    }

    private ProcoreRequisition invoice(long invoiceId) {
        return sandbox.procore().requisitions().get(invoiceId).orElseThrow();
    }

    private long puts(long invoiceId) {
        return sandbox.netsuite().requests().count("PUT", BILLS + externalId(invoiceId));
    }

    private static String externalId(long invoiceId) {
        return "procore-requisition-" + invoiceId;
    }

    private static List<Object> actions(List<Map<String, Object>> trail) {
        return trail.stream().map(event -> event.get("action")).toList();
    }

    private static String details(List<Map<String, Object>> trail, int index) {
        return (String) trail.get(index).get("details");
    }
}
