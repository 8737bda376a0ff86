package dev.trestle.purchasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.Sandbox;
import dev.trestle.sandbox.SandboxSettings;
import dev.trestle.sandbox.netsuite.NetSuiteRecord;
import dev.trestle.sandbox.netsuite.RecordStore;
import dev.trestle.sandbox.precoro.PurchaseOrder;
import dev.trestle.support.Await;
import dev.trestle.support.HubProcess;
import dev.trestle.support.SandboxProcess;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exactly once across a crash, for Precoro purchase orders: the packaged hub hears of many approved POs by webhook,
 * sends them to NetSuite by itself (the admin's automatic approval) and writes each NetSuite id back to Precoro; it
 * is killed (SIGKILL, no shutdown hooks) half way and started again. In the end every Precoro PO has exactly one
 * NetSuite purchase order (by external id) and carries its id as externalId: none lost, none twice.
 */
class PurchaseOrderCrashIT {

    /**
     * At Precoro's pace (about a request a second) each PO costs about two seconds, its read and its write-back,
     * so 45 POs keep the test within about two minutes.
     */
    private static final int ORDERS = 45;
    private static final String TOKEN = "sandbox-precoro-webhook-token";
    private static final String AUTO_APPROVAL = "mutation { setPurchaseOrderAutoApproval(enabled: true) { "
            + "autoApprovePurchaseOrders } }";
    /**
     * Claims of a killed hub run out soon: the outbox's, and the intake's (a claim of POs is a minute of Precoro's
     * pace; one hub never runs two claims at once, so a short one takes nothing from it).
     */
    private static final String[] FAST_RECOVERY = {"-Dtrestle.exports.claim-for=PT3S", "-Dtrestle.exports.poll-every=1s",
        "-Dtrestle.purchasing.claim-for=PT20S", "-Dtrestle.purchasing.intake-every=1s"};

    private static SandboxProcess sandboxProcess;
    private static Sandbox sandbox;

    @BeforeAll
    static void startSandbox() throws Exception {
        // Precoro's own pace (the sandbox's defaults raise it for unit tests), so that the hub is mid-way when it dies.
        sandboxProcess = SandboxProcess.start(SandboxSettings.defaults().toBuilder()
                .precoroRequestsPerSecond(1)
                .precoroGeneratedPurchaseOrders(ORDERS)
                .build());
        sandbox = sandboxProcess.sandbox();
        HubProcess.emptyDatabase();
    }

    @AfterAll
    static void stopSandbox() throws Exception {
        sandboxProcess.close();
    }

    @Test
    void aHubKilledWhileSendingPurchaseOrdersLeavesOneNetSuiteOrderPerPrecoroOrder() throws Exception {
        List<Integer> idns = sandbox.purchasingDemoCases().generated();
        assertEquals(ORDERS, idns.size());
        RecordStore orders = sandbox.netsuite().records("purchaseOrder");
        long atCrash;
        try (HubProcess first = HubProcess.start("po-crash-first", sandboxProcess.base(), FAST_RECOVERY)) {
            first.graphql("ann", List.of("admin"), AUTO_APPROVAL, Map.of());
            String endpoint = webhookUrl(first);
            sandbox.precoro().webhooks().register(endpoint);
            // A Precoro user touches every PO: one webhook each, which the hub records before it answers.
            for (int idn : idns) {
                sandbox.precoro().purchaseOrders().change(idn, po -> po);
            }
            Await.atLeast(orders::creates, ORDERS / 3, Duration.ofSeconds(150));
            first.crash();
            atCrash = orders.creates();
            sandbox.precoro().webhooks().unregister(endpoint);
        }
        assertTrue(atCrash < ORDERS, "the hub died before it finished (" + atCrash + " NetSuite orders)");

        try (HubProcess second = HubProcess.start("po-crash-second", sandboxProcess.base(), FAST_RECOVERY)) {
            sandbox.precoro().webhooks().register(webhookUrl(second));
            Await.atLeast(() -> idns.stream().filter(idn -> externalId(idn) != null).count(), ORDERS,
                    Duration.ofSeconds(240));
            Await.atLeast(() -> count("SELECT count(*) FROM export_delivery WHERE origin_status = 'RECORDED'"), ORDERS,
                    Duration.ofSeconds(30));
        }

        assertEquals(ORDERS, orders.creates(), "one NetSuite purchase order per Precoro PO, no other");
        assertEquals(ORDERS, orders.count());
        List<String> missing = new ArrayList<>();
        for (int idn : idns) {
            NetSuiteRecord order = orders.byExternalId("precoro-po-" + idn).orElse(null);
            if (order == null || !String.valueOf(order.id()).equals(externalId(idn))) {
                missing.add(idn + " (NetSuite " + (order == null ? "none" : order.id()) + ", Precoro externalId "
                        + externalId(idn) + ")");
            }
        }
        assertEquals(List.of(), missing, "every PO has its NetSuite order, whose id it carries");
        Set<String> externalIds = orders.all().stream().map(NetSuiteRecord::externalId).collect(Collectors.toSet());
        assertEquals(ORDERS, externalIds.size());
        assertEquals(ORDERS, count("SELECT count(*) FROM export_request WHERE kind = 'PURCHASE_ORDER'"),
                "one export request per PO, across the crash");
        assertEquals(ORDERS, count("SELECT count(*) FROM export_request WHERE kind = 'PURCHASE_ORDER' "
                + "AND status = 'EXPORTED'"));
        assertEquals(ORDERS, count("SELECT count(DISTINCT right_id) FROM record_link WHERE kind = 'PURCHASE_ORDER' "
                + "AND unlinked_at IS NULL"));
    }

    private static String webhookUrl(HubProcess hub) {
        return hub.graphqlUrl().replace("/graphql", "/webhooks/precoro/" + TOKEN);
    }

    private static String externalId(int idn) {
        return sandbox.precoro().purchaseOrders().get(idn).map(PurchaseOrder::externalId).orElse(null);
    }

    private static Connection connection() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://localhost:5432/" + HubProcess.DATABASE, "trestle",
                "trestle");
    }

    private static long count(String sql) throws Exception {
        try (Connection db = connection(); ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
