package dev.trestle.bills;

import static dev.trestle.support.Exports.deliveries;
import static dev.trestle.support.GraphQL.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.connectors.procore.ProcoreConnector;
import dev.trestle.projects.ProjectTestData;
import dev.trestle.sandbox.Fault;
import dev.trestle.sandbox.ProcoreDemoCases;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.sandbox.netsuite.NetSuiteRecord;
import dev.trestle.sandbox.netsuite.NetSuiteReferenceData;
import dev.trestle.sandbox.procore.ProcoreRequisition;
import dev.trestle.support.Database;
import dev.trestle.support.Exports;
import dev.trestle.support.GraphQL;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Subcontractor invoices become NetSuite vendor bills end to end, over GraphQL, the outbox and
 * real HTTP: requested, approved by another person, one bill per invoice whose total is the
 * invoice's current payment due to the cent, the invoice closed out with the bill's id, linked.
 */
@QuarkusTest
class VendorBillExportTest {

    private static final String PROJECT = String.valueOf(ProcoreDemoCases.LINKED_PROJECT);

    @Inject
    Sandbox sandbox;

    @Inject
    Database database;

    @Inject
    ProcoreConnector procore;

    @BeforeEach
    void linkedAsPeopleLinkedThem() {
        Hub.freshInstallation(sandbox, database);
        ProjectTestData.connectedAsInTheDemo(database);
        Exports.designate("approver-user");
        linkDemoRecords(sandbox, database);
    }

    /** The links a person (or an earlier export) made: the demo's linked vendors, project and exported WBS codes. */
    static void linkDemoRecords(Sandbox sandbox, Database database) {
        ProjectTestData.linkDemoRecords(sandbox, database);
    }

    @Test
    void anApprovedInvoiceBecomesOneBillTotallingItsPaymentDueAndIsClosedOut() {
        long invoiceId = ProcoreDemoCases.APPROVED_INVOICE;
        JsonPath requested = Exports.requestInvoice(String.valueOf(invoiceId), PROJECT);
        assertNull(requested.get("errors"), requested.prettify());
        assertEquals("PENDING", requested.getString("data.requestExport.status"));
        Map<String, Object> preview = requested.getMap("data.requestExport.preview[0]");
        assertEquals("vendorBill", preview.get("recordType"));
        assertEquals("procore-requisition-" + invoiceId, preview.get("externalId"));
        assertEquals(Map.of("system", "PROCORE", "type", "requisition", "id", String.valueOf(invoiceId)),
                preview.get("source"));
        String id = requested.getString("data.requestExport.id");

        Exports.approve(id);
        Map<String, Object> exported = Exports.awaitOriginsRecorded(id);

        NetSuiteRecord bill = bill(invoiceId);
        Map<String, Object> delivery = deliveries(exported).get(0);
        assertEquals(String.valueOf(bill.id()), delivery.get("netsuiteId"));
        assertEquals("RECORDED", delivery.get("originStatus"));
        ProcoreRequisition invoice = sandbox.procore().requisitions().get(invoiceId).orElseThrow();
        assertEquals(String.valueOf(bill.id()), invoice.originId(), "the close-out gave the invoice the bill's id");
        assertEquals(invoice.currentPaymentDue().setScale(2), total(bill));
        assertEquals(ProcoreDemoCases.LINKED_VENDOR_A_NETSUITE, bill.fields().getJsonObject("entity").getString("id"));
        assertEquals(invoice.invoiceNumber(), bill.text("tranId"));
        assertEquals(invoice.billingDate().toString(), bill.text("tranDate"));
        assertEquals(1, database.count("SELECT count(*) FROM record_link WHERE kind = 'BILL' AND left_id = '"
                + invoiceId + "' AND right_type = 'vendorBill' AND right_id = '" + bill.id() + "' AND unlinked_at IS NULL"));
        assertEquals(1, sandbox.netsuite().records("vendorBill").creates());
    }

    @Test
    void aBillWrittenAgainAfterItsAnswerWasLostKeepsItsLinesOnce() {
        long invoiceId = ProcoreDemoCases.APPROVED_INVOICE;
        String id = Exports.requestInvoice(String.valueOf(invoiceId), PROJECT).getString("data.requestExport.id");
        // NetSuite takes the bill, then the connection drops before its answer: the hub writes it again.
        sandbox.netsuite().knobs().failNext(1, Fault.COMMIT_THEN_DROP);

        Exports.approve(id);
        Exports.awaitOriginsRecorded(id);

        NetSuiteRecord bill = bill(invoiceId);
        ProcoreRequisition invoice = sandbox.procore().requisitions().get(invoiceId).orElseThrow();
        assertEquals(invoice.currentPaymentDue().setScale(2), total(bill), "each line billed once");
        assertEquals(invoice.items().size(), bill.fields().getJsonObject("item").getJsonArray("items").size());
        assertEquals(1, sandbox.netsuite().records("vendorBill").creates());
        assertTrue(sandbox.netsuite().records("vendorBill").updates() >= 1, "the bill was written again");
    }

    @Test
    void everyExportableDemoInvoiceTotalsItsCurrentPaymentDueToTheCent() {
        List<Long> ready = List.of(5_700_000_001L, ProcoreDemoCases.APPROVED_AS_NOTED_INVOICE,
                ProcoreDemoCases.PENDING_OWNER_APPROVAL_INVOICE, 5_700_000_007L, ProcoreDemoCases.INVOICE_WITH_MANY_LINES);
        Map<Long, String> requests = new HashMap<>();
        for (long invoiceId : ready) {
            JsonPath requested = Exports.requestInvoice(String.valueOf(invoiceId), PROJECT);
            assertNull(requested.get("errors"), requested.prettify());
            requests.put(invoiceId, requested.getString("data.requestExport.id"));
        }
        requests.values().forEach(Exports::approve);
        for (long invoiceId : ready) {
            Exports.awaitOriginsRecorded(requests.get(invoiceId));
            ProcoreRequisition invoice = sandbox.procore().requisitions().get(invoiceId).orElseThrow();
            NetSuiteRecord bill = bill(invoiceId);
            assertEquals(invoice.currentPaymentDue().setScale(2), total(bill), "invoice " + invoiceId);
            assertEquals(String.valueOf(bill.id()), invoice.originId());
        }
        assertEquals(ready.size(), sandbox.netsuite().records("vendorBill").creates());
    }

    @Test
    void invoicesThatCannotBeSentAreRefusedWithTheReasonNamed() {
        for (long draft : ProcoreDemoCases.DRAFT_INVOICES) {
            JsonPath refused = Exports.requestInvoice(String.valueOf(draft), PROJECT);
            assertEquals("NOT_EXPORTABLE", errorCode(refused), refused.prettify());
            assertTrue(message(refused).contains("draft"), message(refused));
        }
        JsonPath underReview = Exports.requestInvoice(String.valueOf(ProcoreDemoCases.UNDER_REVIEW_INVOICE), PROJECT);
        assertTrue(message(underReview).contains("under_review"), message(underReview));

        JsonPath vendor = Exports.requestInvoice(String.valueOf(ProcoreDemoCases.INVOICE_OF_UNLINKED_VENDOR), PROJECT);
        assertEquals("NOT_EXPORTABLE", errorCode(vendor));
        assertTrue(message(vendor).contains(String.valueOf(ProcoreDemoCases.INVOICE_VENDOR_NOT_LINKED)), message(vendor));

        JsonPath wbs = Exports.requestInvoice(String.valueOf(ProcoreDemoCases.INVOICE_WITH_WBS_CODE_NOT_EXPORTED), PROJECT);
        assertEquals("NOT_EXPORTABLE", errorCode(wbs));
        assertTrue(message(wbs).contains(ProcoreDemoCases.WBS_CODE_NOT_EXPORTED), message(wbs));

        JsonPath project = Exports.requestInvoice(String.valueOf(ProcoreDemoCases.INVOICE_ON_PROJECT_NOT_EXPORTED),
                String.valueOf(ProcoreDemoCases.INVOICE_PROJECT_NOT_EXPORTED));
        assertEquals("NOT_EXPORTABLE", errorCode(project));
        assertTrue(message(project).contains("P-1008") || message(project).contains(
                String.valueOf(ProcoreDemoCases.INVOICE_PROJECT_NOT_EXPORTED)), message(project));

        JsonPath unknown = Exports.requestInvoice("5799999999", PROJECT);
        assertEquals("NOT_FOUND", errorCode(unknown));
        JsonPath malformed = Exports.requestInvoice(String.valueOf(ProcoreDemoCases.APPROVED_INVOICE), "P-1001");
        assertEquals("INVALID_ARGUMENT", errorCode(malformed));
        assertEquals(0, database.count("SELECT count(*) FROM export_request"));
    }

    @Test
    void anUnlinkedProjectFromBeforeTheConnectionIsNotSyncable() {
        database.execute("DELETE FROM record_link WHERE kind = 'PROJECT'");

        JsonPath refused = Exports.requestInvoice(String.valueOf(ProcoreDemoCases.APPROVED_INVOICE), PROJECT);

        assertEquals("PROJECT_NOT_SYNCABLE", errorCode(refused), refused.prettify());
    }

    @Test
    void withoutItsProjectTheInvoiceIsFoundAndARejectedRequestIsPlannedAnew() {
        long invoiceId = ProcoreDemoCases.PENDING_OWNER_APPROVAL_INVOICE;
        JsonPath requested = Exports.requestInvoice(String.valueOf(invoiceId), null);
        assertNull(requested.get("errors"), requested.prettify());
        String id = requested.getString("data.requestExport.id");
        assertEquals(PROJECT, database.count("SELECT source_scope::bigint FROM export_request WHERE id = " + id) + "");

        JsonPath again = Exports.requestInvoice(String.valueOf(invoiceId), PROJECT);
        assertEquals("EXPORT_ALREADY_REQUESTED", errorCode(again));
        JsonPath rejected = GraphQL.as("approver", "mutation($id: ID!) { rejectExport(id: $id, reason: \"Check the "
                + "retainage first\") { status } }", Map.of("id", id));
        assertEquals("REJECTED", rejected.getString("data.rejectExport.status"), rejected.prettify());
        JsonPath resubmitted = GraphQL.as("requester", "mutation($id: ID!) { resubmitExport(id: $id) { status "
                + "preview { recordType } } }", Map.of("id", id));
        assertEquals("PENDING", resubmitted.getString("data.resubmitExport.status"), resubmitted.prettify());
        Exports.approve(id);

        Exports.awaitOriginsRecorded(id);
        assertEquals(1, sandbox.netsuite().records("vendorBill").creates());
    }

    @Test
    void aCloseOutProcoreRefusesLeavesTheBillExportedAndAnApproverMayRecordItAgain() {
        // Another invoice already carries the id NetSuite will give the bill: Procore refuses the
        // close-out for good ("has already been taken").
        long other = ProcoreDemoCases.APPROVED_AS_NOTED_INVOICE;
        assertEquals(0, sandbox.netsuite().records("vendorBill").count());
        String nextBillId = String.valueOf(NetSuiteReferenceData.FIRST_TRANSACTION_ID);
        procore.closeOutInvoices(Map.of(other, nextBillId)).await().atMost(java.time.Duration.ofSeconds(10));
        JsonPath requested = Exports.requestInvoice(String.valueOf(ProcoreDemoCases.APPROVED_INVOICE), PROJECT);
        String id = requested.getString("data.requestExport.id");
        Exports.approve(id);

        Map<String, Object> refused = Exports.await(id, r -> "EXPORTED".equals(r.get("status"))
                && "FAILED".equals(deliveries(r).get(0).get("originStatus")), "EXPORTED with the origin id refused");
        Map<String, Object> delivery = deliveries(refused).get(0);
        assertEquals(nextBillId, delivery.get("netsuiteId"), "the bill exists and is reported as such");
        assertTrue(String.valueOf(delivery.get("originErrorDetail")).contains("taken"), delivery.toString());
        assertEquals(1, database.count("SELECT count(*) FROM audit_event WHERE action = 'EXPORT_ORIGIN_REFUSED'"
                + " AND subject_type = 'ProcoreRequisition' AND subject_id = '" + ProcoreDemoCases.APPROVED_INVOICE + "'"));

        JsonPath retried = GraphQL.as("approver", "mutation($id: ID!) { retryExport(id: $id) { status } }",
                Map.of("id", id));
        assertNull(retried.get("errors"), retried.prettify());
        Map<String, Object> again = Exports.await(id, r -> (int) deliveries(r).get(0).get("originAttempts") == 2
                && "FAILED".equals(deliveries(r).get(0).get("originStatus")), "the origin id tried a second time");
        assertEquals("EXPORTED", again.get("status"));
        assertEquals(1, sandbox.netsuite().records("vendorBill").creates(), "NetSuite is never written again");
    }

    @Test
    void retryingAnExportWhoseOriginIdsAreRecordedIsRefused() {
        JsonPath requested = Exports.requestInvoice(String.valueOf(ProcoreDemoCases.APPROVED_INVOICE), PROJECT);
        String id = requested.getString("data.requestExport.id");
        Exports.approve(id);
        Exports.awaitOriginsRecorded(id);

        JsonPath retried = GraphQL.as("approver", "mutation($id: ID!) { retryExport(id: $id) { status } }",
                Map.of("id", id));
        assertEquals("INVALID_EXPORT_STATE", errorCode(retried), retried.prettify());
    }

    @Test
    void readingBillsAndTrailsNeedsARole() {
        String nobody = GraphQL.token("nobody");
        assertEquals("FORBIDDEN", errorCode(GraphQL.withToken(nobody, "{ bills { totalCount } }", Map.of())));
        assertEquals("FORBIDDEN", errorCode(GraphQL.withToken(nobody,
                "{ documentTrail(subjectId: \"5700000001\") { action } }", Map.of())));
        assertEquals("FORBIDDEN", errorCode(GraphQL.as("viewer", List.of("viewer"), """
                mutation { requestExport(input: {kind: SUBCONTRACTOR_INVOICE, sourceId: "5700000001"}) { id } }""",
                Map.of())));
    }

    private NetSuiteRecord bill(long invoiceId) {
        return sandbox.netsuite().records("vendorBill").byExternalId("procore-requisition-" + invoiceId)
                .orElseThrow(() -> new AssertionError("no NetSuite bill for invoice " + invoiceId));
    }

    /** The bill's total as NetSuite adds it up: the sum of its item and expense lines. */
    static BigDecimal total(NetSuiteRecord bill) {
        BigDecimal total = BigDecimal.ZERO;
        for (String sublist : List.of("item", "expense")) {
            var lines = bill.fields().getJsonObject(sublist);
            if (lines == null) {
                continue;
            }
            for (Object line : lines.getJsonArray("items")) {
                total = total.add(new BigDecimal(((io.vertx.core.json.JsonObject) line).getValue("amount").toString()));
            }
        }
        return total.setScale(2);
    }

    private static String message(JsonPath answer) {
        return answer.getString("errors[0].message");
    }
}
