package dev.trestle.purchasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.Fault;
import dev.trestle.sandbox.PurchasingDemoCases;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.sandbox.netsuite.NetSuiteRecord;
import dev.trestle.sandbox.netsuite.RecordStore;
import dev.trestle.sandbox.precoro.PurchaseOrder;
import dev.trestle.sandbox.precoro.PurchaseOrderBook;
import dev.trestle.sandbox.precoro.Webhooks;
import dev.trestle.support.Await;
import dev.trestle.support.Database;
import dev.trestle.support.Exports;
import dev.trestle.support.GraphQL;
import dev.trestle.support.Hub;
import dev.trestle.support.ShortPrecoroMinute;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What goes wrong between Precoro, the hub and NetSuite on the way of a purchase order, each over real HTTP against
 * the sandbox with Precoro's real limits on (1 request a second, an identical GET refused within a minute): webhooks
 * duplicated and in bursts, a NetSuite write whose answer is lost, Precoro failing the reads and the externalId
 * write-back, a webhook that never came, and NetSuite refusing the order. Nothing is lost, nothing is sent twice,
 * and what failed is shown in words with a stable code, never a stack trace.
 */
@QuarkusTest
@TestProfile(ShortPrecoroMinute.class)
class PurchaseOrderFaultsTest {

    /**
     * A PO read again within Precoro's duplicate minute waits the minute out (and a failed read is due again after
     * {@code trestle.purchasing.first-retry-after}): the waits allow for both.
     */
    private static final Duration WAIT = Duration.ofSeconds(150);
    private static final String VIEW = """
            query { purchaseOrders(first: 100) { edges { node { idn state reason due netsuitePurchaseOrderId
              exportRequest { id status } } } } }""";
    private static final String REQUEST = """
            mutation($source: ID!) { requestExport(input: {kind: PURCHASE_ORDER, sourceId: $source}) { id status } }""";

    @Inject
    Sandbox sandbox;

    @Inject
    Database database;

    @Inject
    PurchaseOrderPoll poll;

    @ConfigProperty(name = "trestle.precoro.retry.max-retries")
    int precoroRetries;

    @BeforeEach
    void freshInstallationWithMatchedEmployees() {
        Hub.freshInstallation(sandbox, database);
        Exports.designate("approver-user");
        Hub.enableEmployeeSync();
    }

    @Test
    void duplicatedWebhooksInBurstsAreOneRequestPerOrderAndAtMostTwoReadsEach() {
        Webhooks webhooks = sandbox.precoro().webhooks();
        webhooks.duplicateRate(1.0);
        webhooks.register(PurchaseOrderExportTest.webhookUrl(PurchaseOrderExportTest.TOKEN));
        PurchaseOrderBook book = sandbox.precoro().purchaseOrders();
        List<Integer> idns = new ArrayList<>();
        // Ten POs created and saved twice more at once: three events per PO, each sent twice, before any read.
        for (int i = 0; i < 10; i++) {
            idns.add(book.create(copyOf(PurchasingDemoCases.MAPPED_PO_IDN)).idn());
        }
        for (int round = 1; round <= 2; round++) {
            for (int idn : idns) {
                book.change(idn, po -> po);
            }
        }
        awaitAllRead(idns, 6);
        for (int idn : idns) {
            assertEquals(1, requests(idn), "one export request for purchase order " + idn);
            assertEquals(1, detailReads(idn), "six events before the read of purchase order " + idn + ", one read");
        }

        // Once each is requested, a person edits each PO three times in quick succession: its pending request is
        // planned anew from one more read (after Precoro's duplicate minute), never a second request.
        burst(idns, "Deliver to gate");
        awaitAllRead(idns, 12);

        List<Webhooks.Delivery> deliveries = webhooks.deliveries();
        assertEquals(idns.size() * 12, deliveries.size(), "six events per PO, each sent twice");
        assertTrue(deliveries.stream().allMatch(Webhooks.Delivery::succeeded), "every webhook answered 2xx at once: "
                + deliveries.stream().filter(d -> !d.succeeded()).toList());
        assertEquals(idns.size() * 6L, deliveries.stream().filter(Webhooks.Delivery::duplicate).count());
        for (int idn : idns) {
            assertEquals(1, requests(idn), "one export request for purchase order " + idn);
            long reads = detailReads(idn);
            assertTrue(reads >= 1 && reads <= 2, "twelve events for purchase order " + idn + ", read " + reads
                    + " times");
            assertEquals("REQUESTED", database.text("SELECT state FROM purchase_order WHERE idn = " + idn));
            String payload = database.text("SELECT payload FROM export_request WHERE kind = 'PURCHASE_ORDER' "
                    + "AND source_id = '" + idn + "'");
            assertTrue(payload.contains("Deliver to gate 3"), "the request carries the last edit: " + payload);
        }
        assertEquals(idns.size(), database.count("SELECT count(*) FROM export_request WHERE kind = 'PURCHASE_ORDER' "
                + "AND status = 'PENDING'"));
    }

    /** Three quick edits of each PO's note ({@code prefix 1..3}), round by round. */
    private void burst(List<Integer> idns, String prefix) {
        for (int round = 1; round <= 3; round++) {
            String note = prefix + " " + round;
            for (int idn : idns) {
                sandbox.precoro().purchaseOrders().change(idn, po -> new PurchaseOrder(po.id(), po.idn(), po.status(),
                        po.supplierId(), po.creatorId(), po.locationId(), po.currency(), note, po.department(),
                        po.classId(), po.lines(), po.externalId(), po.created(), po.updated(), po.approved()));
            }
        }
    }

    /** Every webhook of the POs delivered ({@code perOrder} each, duplicates included) and no PO left due. */
    private void awaitAllRead(List<Integer> idns, int perOrder) {
        Webhooks webhooks = sandbox.precoro().webhooks();
        Await.until(() -> webhooks.pending() == 0 && webhooks.deliveries().size() >= idns.size() * perOrder, WAIT,
                "every webhook delivered");
        for (int idn : idns) {
            awaitRead(idn);
        }
    }

    @Test
    void aPurchaseOrderWriteWhoseAnswerIsLostIsOneNetSuiteOrderWithItsIdBackInPrecoro() {
        int idn = PurchasingDemoCases.MAPPED_PO_IDN;
        String id = request(idn);
        // The first write lands in NetSuite, and its answer never comes.
        sandbox.netsuite().knobs().failNextWrites(1, Fault.COMMIT_THEN_DROP);
        Exports.approve(id);

        Map<String, Object> exported = Exports.awaitOriginsRecorded(id);

        assertEquals(0, sandbox.netsuite().knobs().scriptedFaultsLeft(), "the write was dropped once");
        RecordStore orders = sandbox.netsuite().records("purchaseOrder");
        assertEquals(1, orders.creates(), "the repeat updated the order the lost write created");
        assertTrue(orders.updates() >= 1, "the write was repeated after its answer was lost");
        NetSuiteRecord order = orders.byExternalId("precoro-po-" + idn).orElseThrow();
        assertEquals(1, orders.count());
        Map<String, Object> delivery = Exports.deliveries(exported).get(0);
        assertEquals(String.valueOf(order.id()), delivery.get("netsuiteId"));
        assertEquals("RECORDED", delivery.get("originStatus"));
        assertEquals(String.valueOf(order.id()), externalIdInPrecoro(idn));
    }

    @Test
    void aThrottledReadShowsAsReadFailedAndTheOrderIsReadAndRequestedLater() {
        sandbox.precoro().webhooks().register(PurchaseOrderExportTest.webhookUrl(PurchaseOrderExportTest.TOKEN));
        int idn = PurchasingDemoCases.MAPPED_PO_IDN;
        // Precoro refuses the read; the connector does not repeat it within Precoro's duplicate minute.
        sandbox.precoro().knobs().failNext(1, Fault.THROTTLE);
        sandbox.precoro().purchaseOrders().change(idn, po -> po);

        String reason = readFailedReason(idn);
        assertTrue(reason.contains("RATE_LIMITED") || reason.contains("429"), reason);
        awaitRequested(idn);
        assertEquals(0, sandbox.precoro().knobs().scriptedFaultsLeft());
        assertEquals(2, detailReads(idn), "the refused read, then one that was answered");
    }

    @Test
    void readsPrecoroFailsOrLeavesUnansweredShowAsReadFailedAndTheOrdersAreReadAndRequestedLater() {
        sandbox.precoro().webhooks().register(PurchaseOrderExportTest.webhookUrl(PurchaseOrderExportTest.TOKEN));
        int first = PurchasingDemoCases.MAPPED_PO_IDN;
        int second = PurchasingDemoCases.CASE_AND_SPACES_PO_IDN;
        // The two reads: one answered 500, one never answered (the hub's read timeout). Neither is repeated within
        // Precoro's duplicate minute, so each waits it out before its next read.
        sandbox.precoro().knobs().hangDuration(Duration.ofSeconds(3)).failNext(1, Fault.SERVER_ERROR)
                .failNext(1, Fault.HANG);
        sandbox.precoro().purchaseOrders().change(first, po -> po);
        sandbox.precoro().purchaseOrders().change(second, po -> po);

        Set<String> codes = new LinkedHashSet<>();
        codes.add(readFailedReason(first));
        codes.add(readFailedReason(second));
        assertTrue(codes.stream().anyMatch(code -> code.contains("UPSTREAM_TIMEOUT")), codes.toString());
        awaitRequested(first);
        awaitRequested(second);
        assertEquals(0, sandbox.precoro().knobs().scriptedFaultsLeft());
        assertEquals(2, detailReads(first), "the failed read, then one that was answered");
        assertEquals(2, detailReads(second), "the failed read, then one that was answered");
    }

    @Test
    void aFailingExternalIdWriteBackIsRetriedOnItsOwnWhileTheExportStaysExported() {
        int idn = PurchasingDemoCases.MAPPED_PO_IDN;
        String id = request(idn);
        // Precoro throttles the PATCH once, then fails it and every retry of the connector, then drops one.
        sandbox.precoro().knobs().failNextWrites(1, Fault.THROTTLE)
                .failNextWrites(precoroRetries + 1, Fault.SERVER_ERROR)
                .failNextWrites(1, Fault.DROP_CONNECTION);
        Exports.approve(id);

        Map<String, Object> exported = Exports.awaitOriginsRecorded(id);

        assertEquals(0, sandbox.precoro().knobs().scriptedFaultsLeft(), "every scripted failure was met");
        assertEquals("EXPORTED", exported.get("status"));
        assertNull(exported.get("errorCode"), "the export itself did not fail: " + exported);
        Map<String, Object> delivery = Exports.deliveries(exported).get(0);
        assertEquals("RECORDED", delivery.get("originStatus"));
        assertTrue(((Number) delivery.get("originAttempts")).intValue() >= 2,
                "the write-back was tried again by the outbox: " + delivery);
        assertEquals(1, ((Number) delivery.get("attempts")).intValue(), "NetSuite was written once: " + delivery);
        RecordStore orders = sandbox.netsuite().records("purchaseOrder");
        assertEquals(1, orders.creates());
        assertEquals(0, orders.updates(), "retrying the write-back never writes NetSuite again");
        String netsuiteId = String.valueOf(orders.byExternalId("precoro-po-" + idn).orElseThrow().id());
        assertEquals(netsuiteId, delivery.get("netsuiteId"));
        assertEquals(netsuiteId, externalIdInPrecoro(idn));
        long patches = sandbox.precoro().requests().all().stream()
                .filter(r -> r.method().equals("PATCH") && r.path().equals("/purchaseorders/" + idn)).count();
        assertEquals(precoroRetries + 4, patches, "the throttled, failed and dropped PATCHes, then the one that took");
        assertTrue(Exports.auditActions(id).contains("EXPORT_COMPLETED"), Exports.auditActions(id).toString());
    }

    @Test
    void aPurchaseOrderWhoseWebhookWasLostIsFoundByThePollOnce() {
        // No endpoint is registered: Precoro tells nobody of the PO, its approval included.
        PurchaseOrder created = sandbox.precoro().purchaseOrders().create(copyOf(PurchasingDemoCases.MAPPED_PO_IDN,
                PurchaseOrder.PENDING));
        int idn = created.idn();
        sandbox.precoro().purchaseOrders().approve(idn);
        Exports.pause(2_500);
        assertEquals(0, database.count("SELECT count(*) FROM purchase_order WHERE idn = " + idn),
                "the hub heard nothing of it");

        assertEquals(1, poll.poll().await().atMost(Duration.ofSeconds(60)), "the poll finds the approved PO");
        awaitRead(idn);
        assertEquals(1, requests(idn));
        assertEquals("PENDING", database.text("SELECT status FROM export_request WHERE kind = 'PURCHASE_ORDER' "
                + "AND source_id = '" + idn + "'"));
        assertEquals(1, detailReads(idn));

        assertEquals(0, poll.poll().await().atMost(Duration.ofSeconds(60)), "a second poll finds nothing new");
        Exports.pause(2_500);
        assertEquals(1, requests(idn), "and asks for nothing more");
        assertEquals(1, detailReads(idn));
        assertEquals(0, database.count("SELECT count(*) FROM purchase_order WHERE due_at IS NOT NULL"));
    }

    @Test
    void anOrderNetSuiteRefusesFailsWithNetSuitesErrorAndNothingGoesBackToPrecoro() {
        int idn = PurchasingDemoCases.INACTIVE_VENDOR_PO_IDN;
        String id = request(idn);
        Exports.approve(id);

        Map<String, Object> failed = Exports.awaitFinalFailure(id);

        Map<String, Object> delivery = Exports.deliveries(failed).get(0);
        assertEquals("FAILED", delivery.get("status"), delivery.toString());
        assertNotNull(delivery.get("errorCode"), delivery.toString());
        String detail = String.valueOf(delivery.get("errorDetail"));
        assertTrue(detail.contains(PurchasingDemoCases.INACTIVE_NETSUITE_VENDOR_ID) || detail.contains("entity"),
                "NetSuite's detail names what it refused: " + delivery);
        assertFalse(detail.contains("\tat ") || detail.contains("Exception"), "no stack trace: " + detail);
        assertNull(delivery.get("netsuiteId"));
        assertFalse("RECORDED".equals(delivery.get("originStatus")), delivery.toString());
        assertEquals(0, sandbox.netsuite().records("purchaseOrder").count());
        assertNull(externalIdInPrecoro(idn), "no NetSuite id to write back");
        assertEquals(0, sandbox.precoro().requests().all().stream().filter(r -> r.method().equals("PATCH")).count());
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /**
     * Awaits the PO as READ_FAILED in {@code purchaseOrders} (while Precoro fails it) and answers its reason, which
     * starts with a stable code and carries no stack trace; nothing is requested meanwhile.
     */
    private String readFailedReason(int idn) {
        Map<String, Object> failed = awaitView(idn, node -> "READ_FAILED".equals(node.get("state")), "READ_FAILED");
        String reason = String.valueOf(failed.get("reason"));
        assertTrue(reason.startsWith("UPSTREAM_"), "the reason starts with a stable code: " + reason);
        assertFalse(reason.contains("\tat ") || reason.contains("Exception"), "no stack trace: " + reason);
        assertEquals(0, requests(idn), "nothing is requested from a failed read");
        return reason;
    }

    /** Awaits the PO read after all, REQUESTED with one PENDING request, its failed attempts forgotten. */
    private void awaitRequested(int idn) {
        Map<String, Object> requested = awaitView(idn, node -> "REQUESTED".equals(node.get("state")), "REQUESTED");
        assertNull(requested.get("reason"), requested.toString());
        assertEquals("PENDING", ((Map<?, ?>) requested.get("exportRequest")).get("status"));
        assertEquals(1, requests(idn));
        assertEquals(0, database.count("SELECT attempts FROM purchase_order WHERE idn = " + idn));
    }

    private Map<String, Object> awaitView(int idn, java.util.function.Predicate<Map<String, Object>> condition,
            String what) {
        Object[] last = new Object[1];
        try {
            Await.until(() -> {
                JsonPath view = GraphQL.as("viewer", VIEW);
                assertNull(view.get("errors"), view.prettify());
                Map<String, Object> node = view.<Map<String, Object>>getList("data.purchaseOrders.edges.node").stream()
                        .filter(n -> String.valueOf(idn).equals(n.get("idn"))).findFirst().orElse(null);
                last[0] = node;
                return node != null && condition.test(node);
            }, WAIT, "purchase order " + idn + " " + what);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last seen " + last[0], e);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> node = (Map<String, Object>) last[0];
        return node;
    }

    /** A new PO in Precoro like {@code idn} of the demo (same supplier, purchaser, lines), approved. */
    private PurchaseOrder copyOf(int idn) {
        return copyOf(idn, PurchaseOrder.APPROVED);
    }

    private PurchaseOrder copyOf(int idn, int status) {
        PurchaseOrderBook book = sandbox.precoro().purchaseOrders();
        PurchaseOrder po = book.get(idn).orElseThrow();
        java.time.Instant now = java.time.Instant.now();
        return new PurchaseOrder(book.nextId(), book.nextIdn(), status, po.supplierId(), po.creatorId(),
                po.locationId(), po.currency(), po.note(), po.department(), po.classId(), po.lines(), null, now, now,
                status == PurchaseOrder.APPROVED ? now : null);
    }

    private static String request(int idn) {
        JsonPath requested = GraphQL.as("requester-user", List.of("requester"), REQUEST,
                Map.of("source", String.valueOf(idn)));
        assertNull(requested.get("errors"), requested.prettify());
        return requested.getString("data.requestExport.id");
    }

    private String externalIdInPrecoro(int idn) {
        return sandbox.precoro().purchaseOrders().get(idn).orElseThrow().externalId();
    }

    /** GETs of the PO's detail (exactly its path: /purchaseorders/1 is no read of /purchaseorders/12). */
    private long detailReads(int idn) {
        return sandbox.precoro().requests().all().stream()
                .filter(r -> r.method().equals("GET") && r.path().equals("/purchaseorders/" + idn)).count();
    }

    private long requests(int idn) {
        return database.count("SELECT count(*) FROM export_request WHERE kind = 'PURCHASE_ORDER' AND source_id = '"
                + idn + "'");
    }

    private void awaitRead(int idn) {
        Await.until(() -> database.count("SELECT count(*) FROM purchase_order WHERE idn = " + idn
                + " AND due_at IS NULL AND read_at IS NOT NULL") == 1, WAIT, "purchase order " + idn + " read");
    }
}
