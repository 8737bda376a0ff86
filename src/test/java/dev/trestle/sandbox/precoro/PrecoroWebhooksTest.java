package dev.trestle.sandbox.precoro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.trestle.sandbox.PurchasingDemoCases;
import dev.trestle.sandbox.SandboxHarnessTest;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Precoro's webhooks: what fires them, the body, retries on failure and timeouts, duplicates, the endpoint cap. */
class PrecoroWebhooksTest extends SandboxHarnessTest {

    /** A receiver on a random port: records each body and answers with the next planned status (200 when none). */
    static final class Receiver implements AutoCloseable {
        final HttpServer server;
        final List<JsonObject> received = new CopyOnWriteArrayList<>();
        final List<String> contentTypes = new CopyOnWriteArrayList<>();
        /** Planned answers: an HTTP status, or -N for "wait N ms, then 200". */
        final ConcurrentLinkedQueue<Integer> plan = new ConcurrentLinkedQueue<>();

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.createContext("/precoro-hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new JsonObject(body));
                contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
                Integer next = plan.poll();
                int status = next == null ? 200 : next;
                if (status < 0) {
                    try {
                        Thread.sleep(-status);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    status = 200;
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/precoro-hook";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    Receiver receiver;
    Webhooks webhooks;

    @BeforeEach
    void aReceiver() throws IOException {
        receiver = new Receiver();
        webhooks = harness.sandbox.precoro().webhooks();
        webhooks.register(receiver.url());
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    static void await(BooleanSupplier condition, String what) {
        await(condition, () -> what);
    }

    static void await(BooleanSupplier condition, java.util.function.Supplier<String> what) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out waiting for " + what.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    static JsonObject event(long id, int action, int idn) {
        return new JsonObject().put("id", id).put("type", 2).put("action", action).put("idn", idn);
    }

    @Test
    void approvingAPurchaseOrderSetsItsStatusMovesItsDatesAndFiresAnUpdate() {
        PurchaseOrderBook book = harness.sandbox.precoro().purchaseOrders();
        PurchaseOrder before = book.get(PurchasingDemoCases.PENDING_PO_IDN).orElseThrow();
        PurchaseOrder approved = book.approve(PurchasingDemoCases.PENDING_PO_IDN);
        assertEquals(PurchaseOrder.APPROVED, approved.status());
        assertTrue(approved.updated().isAfter(before.updated()));
        assertEquals(approved.updated(), approved.approved());
        await(() -> receiver.received.size() == 1, "the webhook");
        assertEquals(event(before.id(), 1, 4), receiver.received.get(0));
        assertEquals("application/json", receiver.contentTypes.get(0));
        await(() -> webhooks.pending() == 0, "the delivery to end");
        assertTrue(webhooks.deliveries().get(0).succeeded());
    }

    @Test
    void creatingChangingAndWritingBackEachFire() {
        PurchaseOrderBook book = harness.sandbox.precoro().purchaseOrders();
        int idn = book.nextIdn();
        long id = book.nextId();
        Instant now = Instant.now();
        book.create(new PurchaseOrder(id, idn, PurchaseOrder.PENDING, 301, 12, 1L, "USD", "Test PO", null, null,
                List.of(new PurchaseOrderLine(9001, "Ear plugs", "SAF-EAR", BigDecimal.ONE, new BigDecimal("3.10"),
                        "box", null)), null, now, now, null));
        book.change(idn, po -> new PurchaseOrder(po.id(), po.idn(), po.status(), po.supplierId(), po.creatorId(),
                po.locationId(), po.currency(), "Changed note", po.department(), po.classId(), po.lines(),
                po.externalId(), po.created(), po.updated(), po.approved()));
        assertEquals("Changed note", book.get(idn).orElseThrow().note());
        HttpRequest patch = harness.precoro("/purchaseorders/" + idn).header("Content-Type",
                "application/x-www-form-urlencoded").method("PATCH", HttpRequest.BodyPublishers.ofString("externalId=7999"))
                .build();
        assertEquals(200, harness.send(patch).statusCode());
        await(() -> receiver.received.size() == 3 && webhooks.pending() == 0, "three webhooks");
        assertTrue(receiver.received.contains(event(id, 0, idn)), "a create");
        assertEquals(2, receiver.received.stream().filter(e -> e.equals(event(id, 1, idn))).count(), "two updates");
        assertThrows(IllegalArgumentException.class, () -> book.change(idn, po -> new PurchaseOrder(po.id() + 1,
                po.idn(), po.status(), po.supplierId(), po.creatorId(), po.locationId(), po.currency(), po.note(),
                po.department(), po.classId(), po.lines(), po.externalId(), po.created(), po.updated(), po.approved())));
    }

    @Test
    void retriesAFailedDeliveryOnTheScheduleThenGivesUp() {
        webhooks.retrySchedule(List.of(Duration.ofMillis(20), Duration.ofMillis(40)));
        receiver.plan.addAll(List.of(500, 503, 500));
        harness.sandbox.precoro().purchaseOrders().approve(PurchasingDemoCases.DRAFT_PO_IDN);
        await(() -> receiver.received.size() == 3 && webhooks.pending() == 0, "three attempts");
        List<Webhooks.Delivery> deliveries = webhooks.deliveries();
        assertEquals(List.of(1, 2, 3), deliveries.stream().map(Webhooks.Delivery::attempt).toList());
        assertEquals(List.of(500, 503, 500), deliveries.stream().map(Webhooks.Delivery::status).toList());
        assertFalse(deliveries.get(2).succeeded());
        assertEquals(3, receiver.received.size(), "no fourth attempt after the schedule ran out");
    }

    @Test
    void aLateAnswerIsAFailureAndIsRetried() {
        // Margins a busy machine keeps: a prompt answer comes well within a second, the late one well after it.
        webhooks.answerTimeout(Duration.ofSeconds(1)).retrySchedule(List.of(Duration.ofMillis(10)));
        receiver.plan.add(-3_000);
        harness.sandbox.precoro().purchaseOrders().approve(PurchasingDemoCases.PENDING_PO_IDN);
        await(() -> webhooks.deliveries().size() == 2 && webhooks.pending() == 0, () -> "a timeout and a retry, not "
                + webhooks.deliveries() + " with " + webhooks.pending() + " pending");
        assertEquals("timeout", webhooks.deliveries().get(0).failure());
        assertTrue(webhooks.deliveries().get(1).succeeded());
        await(() -> receiver.received.size() == 2, "both requests at the receiver");
        assertEquals(receiver.received.get(0), receiver.received.get(1), "the receiver saw the same event twice");
    }

    @Test
    void anUnreachableEndpointIsRetriedToo() throws IOException {
        Receiver gone = new Receiver();
        String url = gone.url();
        gone.close();
        webhooks.register(url).retrySchedule(List.of(Duration.ofMillis(10)));
        harness.sandbox.precoro().purchaseOrders().approve(PurchasingDemoCases.PENDING_PO_IDN);
        await(() -> webhooks.deliveriesTo(url).size() == 2 && webhooks.pending() == 0, "two failed attempts");
        assertTrue(webhooks.deliveriesTo(url).stream().noneMatch(Webhooks.Delivery::succeeded));
        assertEquals(1, receiver.received.size(), "the other endpoint got it once");
    }

    @Test
    void duplicatesAsTheKnobSays() {
        assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
                Duration.ofHours(6)), webhooks.retrySchedule(), "the default schedule");
        assertEquals(Duration.ofSeconds(5), webhooks.answerTimeout());
        webhooks.duplicateRate(1.0);
        harness.sandbox.precoro().purchaseOrders().approve(PurchasingDemoCases.PENDING_PO_IDN);
        await(() -> receiver.received.size() == 2 && webhooks.pending() == 0, "the event and its duplicate");
        assertEquals(receiver.received.get(0), receiver.received.get(1));
        assertEquals(1, webhooks.deliveries().stream().filter(Webhooks.Delivery::duplicate).count());
    }

    @Test
    void allowsFiveEndpointsAndAResetForgetsThem() {
        for (int i = 0; i < 4; i++) {
            webhooks.register("http://127.0.0.1:9/hook-" + i);
        }
        assertThrows(IllegalStateException.class, () -> webhooks.register("http://127.0.0.1:9/sixth"));
        assertThrows(IllegalArgumentException.class, () -> webhooks.unregister("http://127.0.0.1:9/hook-0")
                .register("ftp://example.com/hook"));
        webhooks.duplicateRate(0.5);
        harness.sandbox.reset();
        assertEquals(List.of(), webhooks.endpoints());
        harness.sandbox.precoro().purchaseOrders().approve(PurchasingDemoCases.PENDING_PO_IDN);
        assertEquals(List.of(), new ArrayList<>(webhooks.deliveries()));
        assertEquals(0, receiver.received.size(), "nothing fires without an endpoint");
    }
}
