package dev.trestle.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.Sandbox;
import dev.trestle.sandbox.SandboxSettings;
import dev.trestle.sandbox.netsuite.NetSuiteRecord;
import dev.trestle.sandbox.procore.ProcoreContractPayment;
import dev.trestle.support.Await;
import dev.trestle.support.HubProcess;
import dev.trestle.support.SandboxProcess;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exactly once across a crash, for an import into Procore: the packaged hub killed (SIGKILL, no shutdown hooks)
 * while the commitment payments of a bill payments import are being written, and started again, leaves exactly
 * one Procore commitment payment per (payment, bill), none lost, each linked once.
 */
class BillPaymentImportCrashIT {

    /** Three of Procore's sync actions (1,000 entries at most): the hub dies after the first has landed. */
    private static final int PAYMENTS = 2_500;
    private static final String IMPORT = "mutation { requestImport(input: {kind: BILL_PAYMENTS}) { requestId status } }";
    /** Claims run out soon after the crash, and the import's answer does not wait for its writes. */
    private static final String[] FAST_RECOVERY = {"-Dtrestle.exports.claim-for=PT3S", "-Dtrestle.exports.poll-every=1s",
        "-Dtrestle.imports.wait=PT0.5S"};

    private static SandboxProcess sandboxProcess;
    private static Sandbox sandbox;

    @BeforeAll
    static void startSandbox() throws Exception {
        // Slow Procore answers, so that the import is under way when the hub dies.
        sandboxProcess = SandboxProcess.start(SandboxSettings.defaults().toBuilder()
                .procoreLatency(Duration.ofMillis(1_500))
                .netsuiteGeneratedBillPayments(PAYMENTS)
                .build());
        sandbox = sandboxProcess.sandbox();
        HubProcess.emptyDatabase();
    }

    @AfterAll
    static void stopSandbox() throws Exception {
        sandboxProcess.close();
    }

    @Test
    void aHubKilledMidImportLeavesOneCommitmentPaymentPerPaymentAndBill() throws Exception {
        long atCrash;
        try (HubProcess first = HubProcess.start("payments-crash-first", sandboxProcess.base(), FAST_RECOVERY)) {
            assertEquals(PAYMENTS, linkTheExportedBills());
            first.graphql("pat", List.of("requester"), IMPORT, Map.of());
            Await.atLeast(() -> sandbox.procore().contractPayments().count(), 1_000, Duration.ofSeconds(90));
            first.crash();
            atCrash = sandbox.procore().contractPayments().count();
        }
        assertTrue(atCrash < PAYMENTS, "the hub died before it finished (" + atCrash + " written)");

        try (HubProcess second = HubProcess.start("payments-crash-second", sandboxProcess.base(), FAST_RECOVERY)) {
            Await.atLeast(() -> sandbox.procore().contractPayments().count(), PAYMENTS, Duration.ofSeconds(120));
            Await.atLeast(() -> count("SELECT count(*) FROM record_link WHERE kind = 'COMMITMENT_PAYMENT'"), PAYMENTS,
                    Duration.ofSeconds(30));
        }
        List<ProcoreContractPayment> written = sandbox.procore().contractPayments().all();
        Set<String> origins = written.stream().map(ProcoreContractPayment::originId).collect(Collectors.toSet());
        assertEquals(PAYMENTS, written.size(), "one commitment payment per (payment, bill), no other");
        assertEquals(PAYMENTS, origins.size());
        assertEquals(PAYMENTS, count("SELECT count(DISTINCT right_id) FROM record_link WHERE kind = 'COMMITMENT_PAYMENT'"
                + " AND unlinked_at IS NULL"));
        assertEquals(PAYMENTS, count("SELECT count(*) FROM record_link WHERE kind = 'COMMITMENT_PAYMENT'"));
    }

    /** The BILL links the exports of the generated invoices left: each bill's external id names its invoice. */
    private static int linkTheExportedBills() throws Exception {
        int linked = 0;
        try (Connection db = connection();
                PreparedStatement link = db.prepareStatement("INSERT INTO record_link (kind, left_system, left_type, "
                        + "left_id, right_system, right_type, right_id, method, linked_by, linked_at) "
                        + "VALUES ('BILL', 'PROCORE', 'requisition', ?, 'NETSUITE', 'vendorBill', ?, 'EXPORT', "
                        + "'approver-user', now())")) {
            for (NetSuiteRecord bill : sandbox.netsuite().records("vendorBill").all()) {
                String externalId = bill.externalId();
                if (externalId != null && externalId.startsWith("procore-requisition-")) {
                    link.setString(1, externalId.substring("procore-requisition-".length()));
                    link.setString(2, String.valueOf(bill.id()));
                    linked += link.executeUpdate();
                }
            }
        }
        return linked;
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
