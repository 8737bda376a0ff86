package dev.trestle.purchasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trestle.connectors.precoro.PrecoroPurchaseOrder;
import dev.trestle.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The intake's pure rules: what a webhook body says, when a listed PO is the one last read, and the PO's mapping. */
class PurchaseOrderIntakeRulesTest {

    private static final Instant UPDATED = Instant.parse("2026-11-30T09:15:42Z");

    private final PrecoroWebhookResource webhook = new PrecoroWebhookResource(null, new ObjectMapper(), config());

    @Test
    void aPurchaseOrderEventNamesItsIdnAndOtherDocumentsAreLeftAlone() {
        assertEquals(12L, webhook.purchaseOrderIdn("{\"id\": 8100012, \"type\": 2, \"action\": 1, \"idn\": 12}"));
        assertNull(webhook.purchaseOrderIdn("{\"id\": 55, \"type\": 7, \"action\": 0, \"idn\": 55}"), "a supplier");
        for (String malformed : List.of("", "[]", "not json", "{\"type\": \"2\", \"idn\": 3}", "{\"type\": 2}",
                "{\"type\": 2, \"idn\": 0}", "{\"type\": 2, \"idn\": 1.5}", "{\"type\": 2, \"idn\": \"3\"}",
                "{\"type\": 2.0, \"idn\": 3}", "{\"type\": 2, \"idn\": 99999999999999999999}", "x".repeat(5000))) {
            assertThrows(IllegalArgumentException.class, () -> webhook.purchaseOrderIdn(malformed), malformed);
        }
    }

    @Test
    void aListedOrderIsTheOneLastReadOnlyWhenNothingItShowsMoved() {
        PurchaseOrderStore.Due seen = new PurchaseOrderStore.Due(1, 0, UPDATED, 2, 301L, 12L, new BigDecimal("824.7"));
        assertTrue(seen.sameAs(listed(UPDATED, 2, 301, 12L, "824.70")), "824.7 and 824.70 are the same total");
        assertFalse(seen.sameAs(listed(UPDATED.plusSeconds(1), 2, 301, 12L, "824.70")), "updated since");
        assertFalse(seen.sameAs(listed(UPDATED, 8, 301, 12L, "824.70")), "canceled in the same second");
        assertFalse(seen.sameAs(listed(UPDATED, 2, 302, 12L, "824.70")), "another supplier");
        assertFalse(seen.sameAs(listed(UPDATED, 2, 301, 13L, "824.70")), "another purchaser");
        assertFalse(seen.sameAs(listed(UPDATED, 2, 301, null, "824.70")), "the purchaser removed");
        assertFalse(seen.sameAs(listed(UPDATED, 2, 301, 12L, "824.71")), "a cent more");
        PurchaseOrderStore.Due never = new PurchaseOrderStore.Due(1, 0, null, null, null, null, null);
        assertFalse(never.sameAs(listed(UPDATED, 2, 301, 12L, "824.70")), "never read: read it");
    }

    @Test
    void theDetailBecomesThePlannersOrderWithItsNetSuiteReferences() {
        PrecoroPurchaseOrder detail = new PrecoroPurchaseOrder(8100001, 1, "PO-1", 2, "Approved",
                Instant.parse("2026-11-29T23:30:00Z"), UPDATED, UPDATED, new PrecoroPurchaseOrder.SupplierRef(301,
                "Acme Safety Supply"), new PrecoroPurchaseOrder.Purchaser(12, "ann@example.com", "Ann", "A"),
                new PrecoroPurchaseOrder.Location(1, "Main yard", "7"), "USD", usd("18.76"), usd("18.76"), "Gloves",
                List.of(new PrecoroPurchaseOrder.CustomFieldValue(9, PrecoroPurchaseOrder.DEPARTMENTS_FIELD,
                        "Field Operations", 91L, "101"), new PrecoroPurchaseOrder.CustomFieldValue(10,
                        PrecoroPurchaseOrder.CLASSES_FIELD, "", null, null)),
                List.of(new PrecoroPurchaseOrder.Line(5, "Gloves", "G-1", new BigDecimal("1.5"), "box",
                        new BigDecimal("12.505"), usd("18.76"), usd("18.76"), "4001")), null, true);

        PurchaseOrder order = PurchaseOrder.from(detail);

        assertEquals(LocalDate.of(2026, 11, 29), order.created(), "the creation day, in UTC");
        assertEquals(new PurchaseOrder.Reference("Main yard", "7"), order.location());
        assertEquals(new PurchaseOrder.Reference("Field Operations", "101"), order.department());
        assertNull(order.clazz(), "no class chosen");
        assertEquals(new BigDecimal("12.505"), order.lines().get(0).price(), "a unit price keeps its decimals");
        assertEquals(usd("18.76"), order.lines().get(0).amount());
        assertEquals("4001", order.lines().get(0).netsuiteItemId());
        assertEquals(12, order.purchaser().id());
    }

    private static PrecoroPurchaseOrder listed(Instant updated, int status, long supplier, Long purchaser,
            String netSum) {
        return new PrecoroPurchaseOrder(8100001, 1, "PO-1", status, null, UPDATED, updated, UPDATED,
                new PrecoroPurchaseOrder.SupplierRef(supplier, "Acme"), purchaser == null ? null
                        : new PrecoroPurchaseOrder.Purchaser(purchaser, null, null, null), null, "USD", usd(netSum),
                usd(netSum), null, List.of(), List.of(), null, false);
    }

    private static Money usd(String amount) {
        return Money.parse(amount, "USD");
    }

    private static PurchasingConfig config() {
        return (PurchasingConfig) java.lang.reflect.Proxy.newProxyInstance(PurchasingConfig.class.getClassLoader(),
                new Class<?>[] {PurchasingConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "webhookToken" -> "a-token-for-this-unit-test";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
