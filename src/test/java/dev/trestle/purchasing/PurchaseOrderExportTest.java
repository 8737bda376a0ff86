package dev.trestle.purchasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.PurchasingDemoCases;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.sandbox.netsuite.NetSuiteRecord;
import dev.trestle.support.Await;
import dev.trestle.support.Database;
import dev.trestle.support.Exports;
import dev.trestle.support.GraphQL;
import dev.trestle.support.Hub;
import dev.trestle.support.ShortPrecoroMinute;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Precoro purchase orders become NetSuite purchase orders end to end, over Precoro's webhooks, the hub's database,
 * the outbox and real HTTP: an approved PO becomes a PENDING export request by itself, carrying the NetSuite employee
 * the employee sync matched to its purchaser; once an accounting approver approves it, NetSuite has one purchase
 * order and Precoro the NetSuite id as the PO's externalId; the hub's own write-back asks nothing new, a person's
 * change does, and updates the same NetSuite order.
 */
@QuarkusTest
@TestProfile(ShortPrecoroMinute.class)
class PurchaseOrderExportTest {

    static final String TOKEN = "sandbox-precoro-webhook-token";
    /** A PO read again within Precoro's duplicate window (five seconds here) is read once it is over. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Sandbox sandbox;

    @Inject
    Database database;

    @BeforeEach
    void freshInstallationWithMatchedEmployees() {
        Hub.freshInstallation(sandbox, database);
        Exports.designate("approver-user");
        Hub.enableEmployeeSync();
        sandbox.precoro().webhooks().register(webhookUrl(TOKEN));
    }

    static String webhookUrl(String token) {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        return "http://localhost:" + port + "/webhooks/precoro/" + token;
    }

    @Test
    void anApprovedPurchaseOrderIsRequestedByItselfAndBecomesOneNetSuiteOrderWithTheMatchedEmployee() {
        int idn = PurchasingDemoCases.MAPPED_PO_IDN;
        // Precoro's user approves it (the demo PO is approved already: a person touching it fires the webhook).
        sandbox.precoro().purchaseOrders().change(idn, po -> po);

        Map<String, Object> request = awaitRequest(idn, "PENDING");
        assertEquals("Precoro (approved in Precoro)", request.get("requestedBy"));
        assertEquals(List.of(), request.get("previewNotes"), "the purchaser is matched: nothing to add");
        Map<String, Object> body = body(request);
        assertEquals(Map.of("id", PurchasingDemoCases.ACME_NETSUITE_VENDOR_ID), body.get("entity"));
        assertEquals(Map.of("id", "109"), body.get("employee"), "the employee matched to purchaser Precoro 12");
        assertEquals("precoro-po-" + idn, body.get("externalId"));
        String id = request.get("id").toString();

        Exports.approve(id);
        Map<String, Object> exported = Exports.awaitOriginsRecorded(id);

        NetSuiteRecord order = sandbox.netsuite().records("purchaseOrder").byExternalId("precoro-po-" + idn)
                .orElseThrow();
        assertEquals("109", order.fields().getJsonObject("employee").getString("id"));
        assertEquals(String.valueOf(order.id()), Exports.deliveries(exported).get(0).get("netsuiteId"));
        assertEquals(String.valueOf(order.id()), sandbox.precoro().purchaseOrders().get(idn).orElseThrow().externalId(),
                "the NetSuite id went back to Precoro as the PO's externalId");
        assertEquals(1, database.count("SELECT count(*) FROM record_link WHERE kind = 'PURCHASE_ORDER' AND left_id = '"
                + idn + "' AND right_id = '" + order.id() + "' AND unlinked_at IS NULL"));

        JsonPath trail = GraphQL.as("viewer", "query($s: ID!) { documentTrail(subjectId: $s) { system action "
                + "description } }", Map.of("s", String.valueOf(idn)));
        assertNull(trail.get("errors"), trail.prettify());
        List<String> steps = trail.getList("data.documentTrail.description");
        assertTrue(steps.stream().anyMatch(d -> d.startsWith("Approved in Precoro, so the hub asked")), steps.toString());
        assertTrue(steps.stream().anyMatch(d -> d.startsWith("Approved by an accounting approver")), steps.toString());
        assertTrue(steps.stream().anyMatch(d -> d.startsWith("The Precoro purchase order was given the NetSuite id")),
                steps.toString());

        // The write-back changed the PO in Precoro and fired its webhook: that is the hub's own change.
        awaitNotDue(idn);
        assertEquals(1, requests(idn), "the hub's own write-back asks for nothing new");

        // A person changes the note in Precoro: a new request, which updates the same NetSuite order.
        sandbox.precoro().purchaseOrders().change(idn, po -> new dev.trestle.sandbox.precoro.PurchaseOrder(po.id(),
                po.idn(), po.status(), po.supplierId(), po.creatorId(), po.locationId(), po.currency(),
                "Deliver to gate 3", po.department(), po.classId(), po.lines(), po.externalId(), po.created(),
                po.updated(), po.approved()));
        Map<String, Object> change = awaitRequest(idn, "PENDING");
        assertFalse(change.get("id").equals(request.get("id")));
        assertTrue(((List<?>) change.get("previewNotes")).stream()
                .anyMatch(note -> note.toString().contains("Updates NetSuite purchase order " + order.id())),
                change.toString());
        Exports.approve(change.get("id").toString());
        Exports.awaitOriginsRecorded(change.get("id").toString());
        assertEquals(1, sandbox.netsuite().records("purchaseOrder").creates(), "one NetSuite order per Precoro PO");
        assertTrue(sandbox.netsuite().records("purchaseOrder").byExternalId("precoro-po-" + idn).orElseThrow()
                .text("memo").startsWith("Deliver to gate 3"));
    }

    @Test
    void aPurchaserMatchedToNoEmployeeLeavesTheFieldEmptyAndThePreviewSaysWhy() {
        int idn = PurchasingDemoCases.UNMAPPED_PURCHASER_PO_IDN;
        JsonPath requested = request(idn);
        assertNull(requested.get("errors"), requested.prettify());
        Map<String, Object> body = new JsonPath(requested.getString("data.requestExport.preview[0].body")).getMap("");
        assertFalse(body.containsKey("employee"), body.toString());
        List<String> notes = requested.getList("data.requestExport.previewNotes");
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("not mapped") && notes.get(0).contains("Employee field stays empty"),
                notes.get(0));
    }

    @Test
    void whatStandsInTheWayIsNamed() {
        JsonPath supplier = request(PurchasingDemoCases.SUPPLIER_NOT_INTEGRATED_PO_IDN);
        assertEquals("NOT_EXPORTABLE", GraphQL.errorCode(supplier), supplier.prettify());
        assertTrue(supplier.getString("errors[0].message").contains("Valley Hardware Co."), supplier.prettify());

        JsonPath location = request(PurchasingDemoCases.INACTIVE_EMPLOYEE_ONLY_PO_IDN);
        assertEquals("NOT_EXPORTABLE", GraphQL.errorCode(location), location.prettify());
        assertTrue(location.getString("errors[0].message").contains("location"), location.prettify());

        JsonPath pending = request(PurchasingDemoCases.PENDING_PO_IDN);
        assertEquals("NOT_EXPORTABLE", GraphQL.errorCode(pending), pending.prettify());
        assertTrue(pending.getString("errors[0].message").contains("not approved"), pending.prettify());

        JsonPath notANumber = request("PO-1");
        assertEquals("INVALID_ARGUMENT", GraphQL.errorCode(notANumber), notANumber.prettify());
    }

    @Test
    void aChangeToAnOrderNetSuiteBilledIsRefusedWithTheReason() {
        int idn = PurchasingDemoCases.MAPPED_PO_IDN;
        JsonPath requested = request(idn);
        String id = requested.getString("data.requestExport.id");
        Exports.approve(id);
        Exports.awaitOriginsRecorded(id);
        NetSuiteRecord order = sandbox.netsuite().records("purchaseOrder").byExternalId("precoro-po-" + idn)
                .orElseThrow();
        sandbox.netsuite().setPurchaseOrderStatus(order.id(), "G");

        sandbox.precoro().purchaseOrders().change(idn, po -> po);
        awaitNotDue(idn);
        assertEquals("NOT_EXPORTABLE", database.text("SELECT state FROM purchase_order WHERE idn = " + idn));
        String reason = database.text("SELECT reason FROM purchase_order WHERE idn = " + idn);
        assertTrue(reason.contains("fully billed"), reason);
        assertEquals(1, requests(idn), "nothing is asked of the approver that NetSuite would refuse");
    }

    @Test
    void aRequestWaitingForItsApproverIsWithdrawnWhenPrecoroTakesTheApprovalBack() {
        int idn = PurchasingDemoCases.CASE_AND_SPACES_PO_IDN;
        sandbox.precoro().purchaseOrders().change(idn, po -> po);
        String id = awaitRequest(idn, "PENDING").get("id").toString();

        // Canceled in Precoro (status 8) before an approver decided: read again once Precoro's minute allows.
        sandbox.precoro().purchaseOrders().setStatus(idn, 8);
        Map<String, Object> withdrawn = awaitRequest(idn, "REJECTED");
        assertEquals(id, withdrawn.get("id").toString());
        assertEquals("Precoro (approved in Precoro)", withdrawn.get("decidedBy"));
        assertTrue(withdrawn.get("rejectionReason").toString().startsWith("No longer approved in Precoro (Precoro "
                + "status 8"), withdrawn.toString());
        assertTrue(Exports.auditActions(id).contains("EXPORT_WITHDRAWN"));
        assertEquals("NOT_APPROVED", database.text("SELECT state FROM purchase_order WHERE idn = " + idn));
        JsonPath approve = GraphQL.as("approver", "mutation($id: ID!) { approveExport(id: $id) { status } }",
                Map.of("id", id));
        assertEquals("INVALID_EXPORT_STATE", GraphQL.errorCode(approve), approve.prettify());
        assertTrue(sandbox.netsuite().records("purchaseOrder").byExternalId("precoro-po-" + idn).isEmpty());
    }

    @Test
    void aFailedExportOfAnOlderVersionCannotBeRetriedOverANewerOne() {
        int idn = PurchasingDemoCases.INACTIVE_VENDOR_PO_IDN;
        String failed = request(idn).getString("data.requestExport.id");
        Exports.approve(failed);
        Map<String, Object> refused = Exports.awaitFinalFailure(failed);
        assertEquals("INVALID_CONTENT", refused.get("errorCode"), refused.toString());
        assertTrue(refused.get("errorDetail").toString().contains("entity"), refused.toString());

        // Changed in Precoro since: a newer request stands for the PO now, and the old one may not overwrite it.
        sandbox.precoro().purchaseOrders().change(idn, po -> new dev.trestle.sandbox.precoro.PurchaseOrder(po.id(),
                po.idn(), po.status(), po.supplierId(), po.creatorId(), po.locationId(), po.currency(),
                "Second thoughts", po.department(), po.classId(), po.lines(), po.externalId(), po.created(),
                po.updated(), po.approved()));
        String newer = awaitRequest(idn, "PENDING").get("id").toString();
        assertFalse(newer.equals(failed));
        JsonPath retried = GraphQL.as("approver", "mutation($id: ID!) { retryExport(id: $id) { status } }",
                Map.of("id", failed));
        assertEquals("INVALID_EXPORT_STATE", GraphQL.errorCode(retried), retried.prettify());
        assertTrue(retried.getString("errors[0].message").contains("export " + newer), retried.prettify());
    }

    @Test
    void theWebhookRefusesStrangersAndMalformedEventsAndTakesDuplicatesAsOne() {
        String event = "{\"id\": 8100001, \"type\": 2, \"action\": 1, \"idn\": 2}";
        assertEquals(404, post(webhookUrl("not-the-token"), event));
        assertEquals(400, post(webhookUrl(TOKEN), "{\"type\": \"purchase order\"}"));
        assertEquals(400, post(webhookUrl(TOKEN), "not json"));
        assertEquals(400, post(webhookUrl(TOKEN), "{\"id\": 1, \"type\": 2, \"action\": 1, \"idn\": -4}"));
        assertEquals(204, post(webhookUrl(TOKEN), "{\"id\": 7001, \"type\": 7, \"action\": 0, \"idn\": 7001}"),
                "a supplier's event is acknowledged and left alone");
        long detailReadsBefore = sandbox.precoro().requests().count("GET", "/purchaseorders/2");
        for (int i = 0; i < 5; i++) {
            assertEquals(204, post(webhookUrl(TOKEN), event));
        }
        awaitRequest(PurchasingDemoCases.CASE_AND_SPACES_PO_IDN, "PENDING");
        awaitNotDue(PurchasingDemoCases.CASE_AND_SPACES_PO_IDN);
        assertEquals(1, requests(PurchasingDemoCases.CASE_AND_SPACES_PO_IDN));
        long detailReads = sandbox.precoro().requests().count("GET", "/purchaseorders/2") - detailReadsBefore;
        assertTrue(detailReads >= 1 && detailReads <= 2, "five events, read once or twice: " + detailReads);
        assertEquals(0, database.count("SELECT count(*) FROM purchase_order WHERE idn = 7001"));

        // The dashboard's view: each PO with its request, its purchaser and the employee they are matched to.
        assertEquals(204, post(webhookUrl(TOKEN), "{\"id\": 8100003, \"type\": 2, \"action\": 1, \"idn\": 3}"));
        awaitNotDue(PurchasingDemoCases.UNMAPPED_PURCHASER_PO_IDN);
        JsonPath view = GraphQL.as("viewer", "query { purchaseOrders(first: 10) { edges { node { idn number state "
                + "supplierName netTotal { amount currency } purchaserId employeeMappingStatus matchedEmployeeId "
                + "employeeMappingReason netsuitePurchaseOrderId exportRequest { status previewNotes } } } } }");
        assertNull(view.get("errors"), view.prettify());
        List<Map<String, Object>> orders = view.getList("data.purchaseOrders.edges.node");
        assertEquals(List.of("2", "3"), orders.stream().map(o -> o.get("idn")).toList());
        Map<String, Object> mapped = orders.get(0);
        assertEquals("REQUESTED", mapped.get("state"));
        assertEquals("MAPPED", mapped.get("employeeMappingStatus"));
        assertEquals("101", mapped.get("matchedEmployeeId"));
        assertEquals(Map.of("amount", "629.40", "currency", "USD"), mapped.get("netTotal"));
        assertEquals("PENDING", ((Map<?, ?>) mapped.get("exportRequest")).get("status"));
        Map<String, Object> unmapped = orders.get(1);
        assertEquals("NOT_MAPPED", unmapped.get("employeeMappingStatus"));
        assertNull(unmapped.get("matchedEmployeeId"));
        assertNotNull(unmapped.get("employeeMappingReason"), unmapped.toString());
        assertFalse(((List<?>) ((Map<?, ?>) unmapped.get("exportRequest")).get("previewNotes")).isEmpty());
    }

    @Test
    void withTheAdminsAutomaticApprovalAnApprovedOrderGoesStraightToNetSuite() {
        JsonPath set = GraphQL.as("admin", "mutation { setPurchaseOrderAutoApproval(enabled: true) { "
                + "autoApprovePurchaseOrders autoApprovePurchaseOrdersBy } }");
        assertNull(set.get("errors"), set.prettify());
        assertTrue(set.getBoolean("data.setPurchaseOrderAutoApproval.autoApprovePurchaseOrders"));
        JsonPath refused = GraphQL.as("approver", "mutation { setPurchaseOrderAutoApproval(enabled: false) { "
                + "autoApprovePurchaseOrders } }");
        assertNotNull(GraphQL.errorCode(refused), "only an admin may: " + refused.prettify());

        int idn = PurchasingDemoCases.MAPPED_PO_IDN;
        sandbox.precoro().purchaseOrders().change(idn, po -> po);
        Map<String, Object> request = awaitRequest(idn, "EXPORTED");
        assertEquals("automatic approval", request.get("decidedBy"));
        assertTrue(Exports.auditTrail(request.get("id").toString()).stream()
                .anyMatch(e -> "EXPORT_APPROVED".equals(e.get("action"))
                        && e.get("details").toString().contains("turned on the automatic approval")));
        assertTrue(Exports.auditActions("autoApprovePurchaseOrders").contains("PURCHASE_ORDER_AUTO_APPROVAL_ON"));
        assertTrue(sandbox.netsuite().records("purchaseOrder").byExternalId("precoro-po-" + idn).isPresent());
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static final String REQUEST = """
            mutation($source: ID!) { requestExport(input: {kind: PURCHASE_ORDER, sourceId: $source}) {
              id status previewNotes preview { body } } }""";

    private static JsonPath request(Object idn) {
        return GraphQL.as("requester-user", List.of("requester"), REQUEST, Map.of("source", String.valueOf(idn)));
    }

    private static int post(String url, String body) {
        return RestAssured.given().contentType("application/json").body(body).post(url).statusCode();
    }

    private long requests(int idn) {
        return database.count("SELECT count(*) FROM export_request WHERE kind = 'PURCHASE_ORDER' AND source_id = '"
                + idn + "'");
    }

    private void awaitNotDue(int idn) {
        try {
            Await.until(() -> database.count("SELECT count(*) FROM purchase_order WHERE idn = " + idn
                    + " AND due_at IS NULL AND read_at IS NOT NULL") == 1, WAIT, "purchase order " + idn + " read");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; " + row(idn), e);
        }
    }

    /** The hub's view of the PO, for a failure's message. */
    private String row(int idn) {
        return database.text("SELECT row_to_json(p)::text FROM purchase_order p WHERE idn = " + idn);
    }

    /** The newest export request of the PO once it has the status, as exportRequests shows it. */
    private Map<String, Object> awaitRequest(int idn, String status) {
        String[] id = new String[1];
        try {
            Await.until(() -> {
                id[0] = database.text("SELECT max(id) FROM export_request WHERE kind = 'PURCHASE_ORDER' "
                        + "AND source_id = '" + idn + "' AND status = '" + status + "'");
                return id[0] != null;
            }, WAIT, "a " + status + " request of purchase order " + idn);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; " + row(idn), e);
        }
        JsonPath page = GraphQL.as("viewer", "query { exportRequests(first: 20, filter: {kind: [PURCHASE_ORDER]}) { "
                + "edges { node { id status requestedBy decidedBy rejectionReason previewNotes preview { body } } } } }");
        assertNull(page.get("errors"), page.prettify());
        return page.<Map<String, Object>>getList("data.exportRequests.edges.node").stream()
                .filter(node -> node.get("id").toString().equals(id[0])).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Map<String, Object> request) {
        Map<String, Object> preview = ((List<Map<String, Object>>) request.get("preview")).get(0);
        return new JsonPath(preview.get("body").toString()).getMap("");
    }
}
