package dev.trestle.connectors.precoro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trestle.connectors.ConfigOverride;
import dev.trestle.connectors.Upstream;
import dev.trestle.connectors.UpstreamCaller;
import dev.trestle.connectors.UpstreamException;
import dev.trestle.connectors.UpstreamPriority;
import dev.trestle.connectors.UpstreamSystem;
import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.money.Money;
import dev.trestle.sandbox.DemoCases;
import dev.trestle.sandbox.Fault;
import dev.trestle.sandbox.PurchasingDemoCases;
import dev.trestle.sandbox.RequestLog;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.sandbox.precoro.PurchaseOrder;
import dev.trestle.sandbox.precoro.PurchaseOrderLine;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Precoro's purchase orders and suppliers through the hub's connector, over real HTTP against the sandbox. */
@QuarkusTest
class PrecoroPurchasingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The moment demo PO 5 was approved (its updateDate); POs 5 to 8 changed at or after it, 1 to 4 before. */
    private static final Instant PO_5_UPDATED = Instant.parse("2025-10-07T05:45:00Z");

    @Inject
    PrecoroPurchasing purchasing;
    @Inject
    PrecoroConnector connector;
    @Inject
    Sandbox sandbox;
    @Inject
    PrecoroConfig config;
    @Inject
    @Upstream(UpstreamSystem.PRECORO)
    UpstreamCaller caller;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void reset() {
        Hub.freshSystems(sandbox);
    }

    private static Money usd(String amount) {
        return Money.parse(amount, "USD");
    }

    @Test
    void readsAPurchaseOrderInFullWithExactAmountsLinesAndCustomFields() {
        PrecoroPurchaseOrder po = purchasing.purchaseOrder(PurchasingDemoCases.MAPPED_PO_IDN).await().atMost(WAIT);

        assertTrue(po.detailed());
        assertEquals(8_100_001L, po.id());
        assertEquals(1, po.idn());
        assertEquals("PO-1", po.number());
        assertEquals(PrecoroPurchaseOrder.APPROVED, po.status());
        assertEquals("approved", po.statusName());
        assertEquals(new PrecoroPurchaseOrder.SupplierRef(301, "Acme Safety Supply"), po.supplier());
        var purchaser = sandbox.precoro().users().get(DemoCases.FIRST_EXACT_MATCH_PRECORO_ID).orElseThrow();
        assertEquals(new PrecoroPurchaseOrder.Purchaser(purchaser.id(), purchaser.email(), purchaser.firstName(),
                purchaser.lastName()), po.creator());
        assertEquals(new PrecoroPurchaseOrder.Location(1, "Main Warehouse", "1"), po.location());
        assertEquals("USD", po.currency());
        // 24 x 18.75 + 30 x 12.49: a total a double would show as 824.7.
        assertEquals(usd("824.70"), po.netSum());
        assertEquals("824.70", po.netSum().getAmount());
        assertEquals(usd("824.70"), po.sum());
        assertEquals("Site safety restock, Harbor View", po.note());
        assertEquals(2, po.lines().size());
        PrecoroPurchaseOrder.Line vest = po.lines().get(1);
        assertEquals("Hi-vis safety vest", vest.name());
        assertEquals("SAF-VEST-2", vest.sku());
        assertEquals(0, new BigDecimal("30").compareTo(vest.quantity()));
        assertEquals(0, new BigDecimal("12.49").compareTo(vest.price()));
        assertEquals(usd("374.70"), vest.netSum());
        assertEquals("4002", vest.itemExternalId());
        assertEquals(java.util.Optional.of("1"), po.departmentExternalId(), "Field Operations is NetSuite department 1");
        assertEquals(java.util.Optional.of("1"), po.classExternalId(), "Commercial is NetSuite class 1");
        assertNull(po.externalId());
        var demo = sandbox.precoro().purchaseOrders().get(1).orElseThrow();
        assertEquals(demo.approved(), po.approved());
        assertEquals(demo.created(), po.created());
    }

    @Test
    void anUnknownPurchaseOrderIsNotFound() {
        TrestleException e = assertThrows(TrestleException.class,
                () -> purchasing.purchaseOrder(999).await().atMost(WAIT));
        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertTrue(e.getMessage().contains("999"), e.getMessage());
        assertEquals(1, sandbox.precoro().requests().count(), "a 404 is not retried");
    }

    @Test
    void listsThePurchaseOrdersModifiedSinceInTheLighterForm() {
        List<PrecoroPurchaseOrder> changed = purchasing.purchaseOrdersModifiedSince(PO_5_UPDATED.plusMillis(400), null)
                .await().atMost(WAIT);

        assertEquals(List.of(5L, 6L, 7L, 8L), changed.stream().map(PrecoroPurchaseOrder::idn).toList(),
                "the second of PO 5's change counts, the POs before it do not");
        PrecoroPurchaseOrder five = changed.get(0);
        assertFalse(five.detailed());
        assertTrue(five.lines().isEmpty());
        assertEquals(usd("310.00"), five.netSum(), "20 x 15.50");
        assertEquals(new PrecoroPurchaseOrder.SupplierRef(305, "Valley Hardware Co."), five.supplier());
        String query = sandbox.precoro().requests().all().get(0).query();
        assertTrue(query.contains("modifiedSince=2025-10-07T05%3A45%3A00") || query.contains("modifiedSince=2025-10-07T05:45:00"),
                query);

        List<PrecoroPurchaseOrder> approved = purchasing.purchaseOrdersModifiedSince(PO_5_UPDATED,
                PrecoroPurchaseOrder.APPROVED).await().atMost(WAIT);
        assertEquals(List.of(5L, 6L, 8L), approved.stream().map(PrecoroPurchaseOrder::idn).toList(),
                "PO 7 is a draft");
        assertEquals(2, sandbox.precoro().requests().count());
    }

    @Test
    void readsEveryPageOfTheChangedPurchaseOrders() {
        Instant changedAt = Instant.parse("2026-01-05T10:00:00Z");
        for (int idn = 9; idn <= 16; idn++) {
            sandbox.precoro().purchaseOrders().create(new PurchaseOrder(8_100_000L + idn, idn, PurchaseOrder.APPROVED,
                    302, DemoCases.FIRST_EXACT_MATCH_PRECORO_ID, 1L, "USD", "Added " + idn, null, null,
                    List.of(new PurchaseOrderLine(100 + idn, "Item", "SKU", BigDecimal.ONE, idn == 16
                            // More digits than a double holds: read through one, it would end in .00.
                            ? new BigDecimal("9876543210987654.32") : new BigDecimal("0.05").multiply(BigDecimal.valueOf(idn)),
                            "each", null)), null, changedAt, changedAt, changedAt));
        }
        PrecoroPurchasing tenPerPage = new PrecoroPurchasing(ConfigOverride.of(PrecoroConfig.class, config)
                .with("pageSize", 10).build(), caller, connector, mapper);

        List<PrecoroPurchaseOrder> changed = tenPerPage.purchaseOrdersModifiedSince(PO_5_UPDATED, null)
                .await().atMost(WAIT);

        assertEquals(List.of(5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L),
                changed.stream().map(PrecoroPurchaseOrder::idn).toList());
        assertEquals(usd("0.75"), changed.get(10).netSum());
        assertEquals(usd("9876543210987654.32"), changed.get(11).netSum(), "exact, not through a double");
        List<String> queries = sandbox.precoro().requests().all().stream().map(RequestLog.LoggedRequest::query).toList();
        assertEquals(2, queries.size(), queries.toString());
        assertTrue(queries.get(1).contains("page=2"), queries.toString());
    }

    @Test
    void recordsTheExternalIdFormEncoded() {
        PrecoroPurchaseOrder answered = purchasing.recordExternalId(PurchasingDemoCases.MAPPED_PO_IDN, "NS-PO 4711&x")
                .await().atMost(WAIT);

        assertEquals("NS-PO 4711&x", answered.externalId(), "the answer is the PO as Precoro has it now");
        assertEquals("NS-PO 4711&x", sandbox.precoro().purchaseOrders().get(1).orElseThrow().externalId(),
                "the value landed in Precoro, encoded as a form field");
        RequestLog.LoggedRequest patch = sandbox.precoro().requests().all().get(0);
        assertEquals("PATCH", patch.method());
        assertEquals(1, sandbox.precoro().requests().count());
    }

    @Test
    void anExternalIdPrecoroRefusesIsItsRefusalAndNotRetried() {
        UpstreamException e = assertThrows(UpstreamException.class,
                () -> purchasing.recordExternalId(1, "9".repeat(256)).await().atMost(WAIT));

        assertEquals(ErrorCode.UPSTREAM_ERROR, e.code());
        assertEquals(400, e.extensions().get("upstreamStatus"));
        assertTrue(e.getMessage().contains("at most 255 characters"), e.getMessage());
        assertNull(sandbox.precoro().purchaseOrders().get(1).orElseThrow().externalId());
        assertEquals(1, sandbox.precoro().requests().count());

        TrestleException missing = assertThrows(TrestleException.class,
                () -> purchasing.recordExternalId(999, "1").await().atMost(WAIT));
        assertEquals(ErrorCode.NOT_FOUND, missing.code());
    }

    @Test
    void aWriteBackIsRetriedAfterAServerErrorAndAThrottle() {
        sandbox.precoro().knobs().failNext(1, Fault.SERVER_ERROR).failNext(1, Fault.THROTTLE);

        assertEquals("2101", purchasing.recordExternalId(2, "2101").await().atMost(WAIT).externalId());

        assertEquals("2101", sandbox.precoro().purchaseOrders().get(2).orElseThrow().externalId());
        assertEquals(3, sandbox.precoro().requests().count(), "a 500, a 429, then the PATCH that landed");
    }

    /** As in {@link PrecoroConnectorTest}: reads retried at once need both sides without the duplicate window. */
    private PrecoroPurchasing withoutDuplicateWindow() {
        sandbox.precoro().rateLimits().duplicateWindow(Duration.ZERO);
        PrecoroConnector account = new PrecoroConnector(ConfigOverride.of(PrecoroConfig.class, config)
                .with("duplicateWindow", Duration.ZERO).build(), caller, clock, mapper);
        return new PrecoroPurchasing(config, caller, account, mapper);
    }

    @Test
    void readsRecoverFromAThrottleAndAServerError() {
        PrecoroPurchasing purchasing = withoutDuplicateWindow();
        sandbox.precoro().knobs().failNext(1, Fault.THROTTLE).failNext(1, Fault.SERVER_ERROR);

        assertEquals(6, purchasing.suppliers().await().atMost(WAIT).size());
        assertEquals(3, sandbox.precoro().requests().count());
    }

    @Test
    void aServerErrorThatLastsFailsAsUpstreamError() {
        PrecoroPurchasing purchasing = withoutDuplicateWindow();
        sandbox.precoro().knobs().failNext(10, Fault.SERVER_ERROR);

        UpstreamException e = assertThrows(UpstreamException.class,
                () -> purchasing.purchaseOrder(1).await().atMost(WAIT));
        assertEquals(ErrorCode.UPSTREAM_ERROR, e.code());
        assertEquals(500, e.extensions().get("upstreamStatus"));
        assertEquals(3, sandbox.precoro().requests().count(), "the first attempt and the two retries of the test config");
    }

    @Test
    void aMalformedBodyFailsAsMalformed() {
        PrecoroPurchasing purchasing = withoutDuplicateWindow();
        sandbox.precoro().knobs().failNext(10, Fault.MALFORMED_BODY);

        UpstreamException e = assertThrows(UpstreamException.class,
                () -> purchasing.purchaseOrder(1).await().atMost(WAIT));
        assertEquals(ErrorCode.UPSTREAM_MALFORMED_RESPONSE, e.code());
    }

    @Test
    void aPurchaseOrderWithAnAmountThatIsNotMoneyIsMalformed() throws Exception {
        // Through the reader of answers: a Precoro that sent a fraction of a cent as a PO total.
        var po = mapper.copy().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree("{\"id\":1,\"idn\":1,\"status\":2,\"currency\":\"USD\",\"netSum\":10.005}");
        RuntimeException e = assertThrows(RuntimeException.class, () -> PrecoroPurchasing.purchaseOrder(po, false));
        assertTrue(e.getMessage().contains("netSum"), e.getMessage());
        var text = mapper.readTree("{\"id\":1,\"idn\":1,\"status\":2,\"currency\":\"USD\",\"netSum\":\"12.30\"}");
        assertEquals(usd("12.30"), PrecoroPurchasing.purchaseOrder(text, false).netSum(), "a decimal string is read too");
    }

    @Test
    void readsSuppliersWithTheirNetSuiteIds() {
        List<PrecoroSupplier> suppliers = purchasing.suppliers().await().atMost(WAIT);

        assertEquals(List.of(301L, 302L, 303L, 304L, 305L, 306L), suppliers.stream().map(PrecoroSupplier::id).toList());
        assertEquals(new PrecoroSupplier(301, "Acme Safety Supply", true, 2, "USD", "2027", null), suppliers.get(0));
        assertNull(suppliers.get(4).netSuiteId(), "Valley Hardware is not integrated");
        assertFalse(suppliers.get(5).enabled());

        assertEquals("2019", purchasing.supplier(PurchasingDemoCases.INACTIVE_VENDOR_SUPPLIER_ID).await().atMost(WAIT)
                .netSuiteId());
        TrestleException e = assertThrows(TrestleException.class, () -> purchasing.supplier(999).await().atMost(WAIT));
        assertEquals(ErrorCode.NOT_FOUND, e.code());
    }

    @Test
    void aPersonsRepeatedReadIsRefusedByTheAccountsDuplicateRuleWithoutARequest() throws Exception {
        purchasing.purchaseOrder(3).await().atMost(WAIT);
        io.vertx.core.Vertx vertx = io.quarkus.arc.Arc.container().instance(io.vertx.core.Vertx.class).get();
        CompletableFuture<Throwable> refused = new CompletableFuture<>();
        io.vertx.core.Context context = io.smallrye.common.vertx.VertxContext.getOrCreateDuplicatedContext(vertx);
        context.runOnContext(ignored -> {
            UpstreamPriority.markInteractive();
            purchasing.purchaseOrder(3).subscribe().with(po -> refused.complete(null), refused::complete);
        });
        Throwable failure = refused.get(10, TimeUnit.SECONDS);

        UpstreamException e = assertInstanceOf(UpstreamException.class, failure);
        assertEquals(ErrorCode.UPSTREAM_RATE_LIMITED, e.code());
        assertEquals(1, sandbox.precoro().requests().count());
        assertTrue(connector.repeats().recentlyAsked("purchaseorders/3"), "the memory is the account's, shared");
    }
}
