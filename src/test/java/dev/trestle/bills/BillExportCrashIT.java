package dev.trestle.bills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.ProcoreDemoCases;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.sandbox.SandboxSettings;
import dev.trestle.sandbox.netsuite.NetSuiteRecord;
import dev.trestle.sandbox.procore.ProcoreRequisition;
import dev.trestle.support.Await;
import dev.trestle.support.HubProcess;
import dev.trestle.support.SandboxProcess;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exactly once across a crash, for vendor bills: the packaged hub killed (SIGKILL, no shutdown
 * hooks) in the middle of a batch of approved subcontractor invoice exports and started again
 * leaves exactly one NetSuite bill per invoice, none lost, and every invoice closed out in Procore
 * with its bill's id. The sandbox runs in this JVM with invoices generated for it (as the
 * benchmark's), so the test sees every bill NetSuite holds and every invoice's origin_id.
 */
class BillExportCrashIT {

    private static final int INVOICES = 30;
    private static final String PROJECT = String.valueOf(ProcoreDemoCases.LINKED_PROJECT);
    private static final String REQUEST = "mutation($s: ID!, $p: ID) { requestExport(input: {kind: SUBCONTRACTOR_INVOICE, "
            + "sourceId: $s, projectId: $p}) { id } }";
    private static final String APPROVE = "mutation($id: ID!) { approveExport(id: $id) { status } }";
    private static final String[] FAST_RECOVERY = {"-Dtrestle.exports.claim-for=PT3S", "-Dtrestle.exports.poll-every=1s"};

    private static SandboxProcess sandboxProcess;
    private static Sandbox sandbox;
    private static List<Long> invoices;

    @BeforeAll
    static void startSandbox() throws Exception {
        // Slow NetSuite writes (5 at a time, as NetSuite allows), so that the batch is under way when the hub dies.
        sandboxProcess = SandboxProcess.start(SandboxSettings.defaults().toBuilder()
                .netsuiteLatency(Duration.ofMillis(300))
                .procoreGeneratedInvoices(INVOICES).procoreGeneratedInvoiceLines(5)
                .build());
        sandbox = sandboxProcess.sandbox();
        invoices = sandbox.procore().requisitions().all().stream()
                .filter(invoice -> invoice.invoiceNumber().startsWith("GEN-INV-"))
                .map(ProcoreRequisition::id).toList();
        assertEquals(INVOICES, invoices.size());
    }

    @AfterAll
    static void stopSandbox() throws Exception {
        sandboxProcess.close();
    }

    @BeforeEach
    void freshState() throws Exception {
        sandbox.reset();
        HubProcess.emptyDatabase();
    }

    @Test
    void aHubKilledMidBatchLeavesOneBillPerInvoiceAndClosesEveryInvoiceOut() throws Exception {
        long billsAtCrash;
        try (HubProcess first = HubProcess.start("bills-crash-first", sandboxBase(), FAST_RECOVERY)) {
            linkWhatTheBillsNeed();
            first.graphql("root", List.of("admin"), "mutation { designateAccountingApprover(user: \"alex\") { user } }",
                    Map.of());
            List<String> requests = new ArrayList<>();
            for (long invoice : invoices) {
                requests.add(first.graphql("pat", List.of("requester"), REQUEST,
                        Map.of("s", Long.toString(invoice), "p", PROJECT)).at("/requestExport/id").asText());
            }
            for (String id : requests) {
                first.graphql("alex", List.of("approver"), APPROVE, Map.of("id", id));
            }
            // Some bills have landed, most have not: now the hub dies.
            Await.atLeast(BillExportCrashIT::bills, 3, Duration.ofSeconds(30));
            first.crash();
            billsAtCrash = bills();
        }
        assertTrue(billsAtCrash < INVOICES, "the hub died before it finished (" + billsAtCrash + " bills)");

        try (HubProcess second = HubProcess.start("bills-crash-second", sandboxBase(), FAST_RECOVERY)) {
            Await.atLeast(BillExportCrashIT::closedOut, INVOICES, Duration.ofSeconds(40));
            Await.atLeast(() -> second.graphql("viewer", List.of("viewer"),
                    "{ exportRequests(filter: {status: [EXPORTED]}) { totalCount } }", Map.of())
                    .at("/exportRequests/totalCount").asLong(), INVOICES, Duration.ofSeconds(10));
        }
        for (long invoice : invoices) {
            NetSuiteRecord bill = bill(invoice).orElseThrow(() -> new AssertionError("no bill for invoice " + invoice));
            ProcoreRequisition closed = sandbox.procore().requisitions().get(invoice).orElseThrow();
            assertEquals(String.valueOf(bill.id()), closed.originId(), "invoice " + invoice + " closed out with its bill");
            assertEquals(closed.currentPaymentDue().setScale(2), VendorBillExportTest.total(bill), "invoice " + invoice);
        }
        assertEquals(INVOICES, sandbox.netsuite().records("vendorBill").count(), "one bill per invoice, no other");
        assertEquals(INVOICES, sandbox.netsuite().records("vendorBill").creates(), "each created once");
    }

    /**
     * The links the bills need, as a person and earlier exports left them: the generated invoices' vendor,
     * their project (NetSuite job), and every WBS code NetSuite has as an item.
     */
    private static void linkWhatTheBillsNeed() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:5432/" + HubProcess.DATABASE,
                "trestle", "trestle");
                PreparedStatement link = db.prepareStatement("INSERT INTO record_link (kind, left_system, left_type, "
                        + "left_id, right_system, right_type, right_id, method, linked_by, linked_at) "
                        + "VALUES (?, 'PROCORE', ?, ?, 'NETSUITE', ?, ?, ?, 'approver-user', now())")) {
            insert(link, "VENDOR", "vendor", String.valueOf(ProcoreDemoCases.LINKED_VENDOR_A), "vendor",
                    ProcoreDemoCases.LINKED_VENDOR_A_NETSUITE, "MANUAL");
            insert(link, "PROJECT", "project", PROJECT, "job", ProcoreDemoCases.LINKED_PROJECT_JOB, "MANUAL");
            for (var code : sandbox.procore().costStructure().wbsCodes(ProcoreDemoCases.LINKED_PROJECT)) {
                Optional<NetSuiteRecord> item = sandbox.netsuite().records("otherChargePurchaseItem")
                        .byExternalId(ProcoreDemoCases.itemExternalId(code.projectId(), code.id()));
                if (item.isPresent()) {
                    insert(link, "COST_CODE", "wbs_code", String.valueOf(code.id()), "otherChargePurchaseItem",
                            String.valueOf(item.get().id()), "EXPORT");
                }
            }
        }
    }

    private static void insert(PreparedStatement link, String kind, String leftType, String leftId, String rightType,
            String rightId, String method) throws Exception {
        link.setString(1, kind);
        link.setString(2, leftType);
        link.setString(3, leftId);
        link.setString(4, rightType);
        link.setString(5, rightId);
        link.setString(6, method);
        link.executeUpdate();
    }

    private static String sandboxBase() {
        return sandboxProcess.base();
    }

    private static Optional<NetSuiteRecord> bill(long invoice) {
        return sandbox.netsuite().records("vendorBill").byExternalId("procore-requisition-" + invoice);
    }

    private static long bills() {
        return invoices.stream().filter(invoice -> bill(invoice).isPresent()).count();
    }

    /** Invoices whose origin_id is their bill's id. */
    private static long closedOut() {
        return invoices.stream().filter(invoice -> {
            String origin = sandbox.procore().requisitions().get(invoice).orElseThrow().originId();
            return origin != null && bill(invoice).map(bill -> origin.equals(String.valueOf(bill.id()))).orElse(false);
        }).count();
    }
}
