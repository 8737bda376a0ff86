package dev.trestle.sandbox.precoro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.PurchasingDemoCases;
import dev.trestle.sandbox.SandboxHarness;
import dev.trestle.sandbox.SandboxSettings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks' burst of approvals in Precoro: generated POs that start pending, approved all at once by
 * {@code POST /sandbox/records/precoro/purchaseorders/approve-pending}, each as its last approver would (status,
 * dates, its update webhook), and a refusal when there is nothing to approve.
 */
class PrecoroApprovalBurstTest {

    static HttpResponse<String> approvePending(SandboxHarness harness) {
        return harness.send(HttpRequest.newBuilder(URI.create(harness.base + "/records/precoro/purchaseorders/approve-pending"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    @Test
    void approvesEveryPendingGeneratedPurchaseOrderAtOnceEachFiringItsWebhook() throws Exception {
        SandboxSettings settings = SandboxSettings.defaults().toBuilder().precoroGeneratedPurchaseOrders(5)
                .precoroGeneratedPurchaseOrdersPending(true).build();
        try (SandboxHarness harness = new SandboxHarness(settings);
                PrecoroWebhooksTest.Receiver receiver = new PrecoroWebhooksTest.Receiver()) {
            PurchaseOrderBook book = harness.sandbox.precoro().purchaseOrders();
            List<Integer> generated = harness.sandbox.purchasingDemoCases().generated();
            assertEquals(List.of(9, 10, 11, 12, 13), generated);
            for (int idn : generated) {
                PurchaseOrder po = book.get(idn).orElseThrow();
                assertEquals(PurchaseOrder.PENDING, po.status(), "PO " + idn);
                assertNull(po.approved(), "PO " + idn);
            }
            harness.sandbox.precoro().webhooks().register(receiver.url());
            Instant before = Instant.now();

            HttpResponse<String> answer = approvePending(harness);

            assertEquals(200, answer.statusCode(), answer.body());
            JsonObject body = new JsonObject(answer.body());
            assertEquals(5, body.getInteger("approved"));
            assertEquals(new JsonArray(List.of(9, 10, 11, 12, 13)), body.getJsonArray("idns"));
            for (int idn : generated) {
                PurchaseOrder po = book.get(idn).orElseThrow();
                assertEquals(PurchaseOrder.APPROVED, po.status(), "PO " + idn);
                assertEquals(po.updated(), po.approved(), "PO " + idn);
                assertTrue(!po.approved().isBefore(before), "approved now, PO " + idn);
            }
            assertEquals(book.get(9).orElseThrow().approved().toString(), body.getString("firstApprovedAt"));
            assertEquals(book.get(13).orElseThrow().approved().toString(), body.getString("lastApprovedAt"));
            // The demo's own pending PO is no generated one: left as it was.
            assertEquals(PurchaseOrder.PENDING, book.get(PurchasingDemoCases.PENDING_PO_IDN).orElseThrow().status());

            PrecoroWebhooksTest.await(() -> receiver.received.size() == 5, "five webhooks");
            Set<Integer> notified = receiver.received.stream().peek(event -> {
                assertEquals(PurchaseOrderBook.UPDATE, event.getInteger("action"));
                assertEquals(Webhooks.PURCHASE_ORDER, event.getInteger("type"));
            }).map(event -> event.getInteger("idn")).collect(Collectors.toSet());
            assertEquals(Set.copyOf(generated), notified);
            PrecoroWebhooksTest.await(() -> harness.sandbox.precoro().webhooks().pending() == 0, "the deliveries");
            JsonArray deliveries = new JsonArray(harness.send(HttpRequest.newBuilder(URI.create(harness.base
                    + "/records/precoro/webhook-deliveries")).build()).body());
            assertEquals(5, deliveries.size());
            deliveries.forEach(d -> assertEquals(200, ((JsonObject) d).getInteger("status")));

            // Nothing is pending any more: refused, and nothing changes.
            HttpResponse<String> again = approvePending(harness);
            assertEquals(409, again.statusCode(), again.body());
            assertTrue(new JsonObject(again.body()).getString("message").contains("--precoro-purchase-orders-pending"));
            Thread.sleep(200);
            assertEquals(5, receiver.received.size(), "no webhook fired by the refused call");
        }
    }

    @Test
    void refusesWhenTheGeneratedPurchaseOrdersStartedApproved() {
        try (SandboxHarness harness = new SandboxHarness(SandboxSettings.defaults().toBuilder()
                .precoroGeneratedPurchaseOrders(3).build())) {
            PurchaseOrderBook book = harness.sandbox.precoro().purchaseOrders();
            Instant approved = book.get(9).orElseThrow().approved();

            HttpResponse<String> answer = approvePending(harness);

            assertEquals(409, answer.statusCode(), answer.body());
            assertEquals(approved, book.get(9).orElseThrow().approved(), "an approved PO is not approved again");
            assertEquals(PurchaseOrder.PENDING, book.get(PurchasingDemoCases.PENDING_PO_IDN).orElseThrow().status());
        }
    }
}
