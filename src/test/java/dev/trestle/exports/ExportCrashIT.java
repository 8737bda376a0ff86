package dev.trestle.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.sandbox.SandboxSettings;
import dev.trestle.sandbox.procore.ProcoreVendor;
import dev.trestle.support.Await;
import dev.trestle.support.HubProcess;
import dev.trestle.support.SandboxProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exactly once across processes: the packaged hub killed in the middle of a batch of exports
 * and started again, and two hubs sharing one database. The sandbox runs in this JVM (the
 * sandbox module is on the test classpath; the packaged hubs do not contain it), so the test sees
 * every record NetSuite holds and every request it got.
 */
class ExportCrashIT {

    private static final String REQUEST = "mutation($s: ID!) { requestExport(input: {kind: VENDOR, sourceId: $s}) { id } }";
    private static final String APPROVE = "mutation($id: ID!) { approveExport(id: $id) { status } }";
    private static final String EXPORTED = "{ exportRequests(filter: {status: [EXPORTED]}) { totalCount } }";
    private static final String[] FAST_RECOVERY = {"-Dtrestle.exports.claim-for=PT3S", "-Dtrestle.exports.poll-every=1s"};

    private static SandboxProcess sandboxProcess;
    private static Sandbox sandbox;
    private static String sandboxBase;

    @BeforeAll
    static void startSandbox() throws Exception {
        // Slow NetSuite writes, so that a batch is still under way when the hub is killed.
        sandboxProcess = SandboxProcess.start(
                SandboxSettings.defaults().toBuilder().netsuiteLatency(Duration.ofMillis(300)).build());
        sandbox = sandboxProcess.sandbox();
        sandboxBase = sandboxProcess.base();
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
    void aHubKilledMidBatchLosesNothingAndDuplicatesNothing() throws Exception {
        List<Long> vendors = exportableVendors();
        try (HubProcess first = HubProcess.start("crash-first", sandboxBase, FAST_RECOVERY)) {
            designateApprover(first);
            for (long vendor : vendors) {
                approve(first, request(first, vendor));
            }
            // Some writes have landed, most have not: now the hub dies.
            Await.atLeast(() -> (long) vendorExports(), 3, Duration.ofSeconds(30));
            first.crash();
        }
        assertTrue(vendorExports() < vendors.size(), "the hub died before it finished");

        try (HubProcess second = HubProcess.start("crash-second", sandboxBase, FAST_RECOVERY)) {
            Await.atLeast(() -> second.graphql("viewer", List.of("viewer"), EXPORTED, Map.of())
                    .at("/exportRequests/totalCount").asLong(), vendors.size(), Duration.ofSeconds(60));
        }
        for (long vendor : vendors) {
            assertTrue(sandbox.netsuite().records("vendor").byExternalId("procore-vendor-" + vendor).isPresent());
        }
        assertEquals(vendors.size(), vendorExports(), "every approved export exists in NetSuite exactly once");
        assertEquals(vendors.size(), sandbox.netsuite().records("vendor").creates(), "and was created once");
    }

    @Test
    void twoHubsSharingADatabaseDeliverEachWriteOnce() throws Exception {
        List<Long> vendors = exportableVendors();
        // NetSuite's concurrency limit is account-wide: each replica gets its share (2 + 2 of 5).
        try (HubProcess one = HubProcess.start("pair-one", sandboxBase, "-Dtrestle.netsuite.max-concurrency=2");
                HubProcess two = HubProcess.start("pair-two", sandboxBase, "-Dtrestle.netsuite.max-concurrency=2")) {
            designateApprover(one);
            for (int i = 0; i < vendors.size(); i++) {
                HubProcess hub = i % 2 == 0 ? one : two;
                approve(hub, request(hub, vendors.get(i)));
            }
            Await.atLeast(() -> one.graphql("viewer", List.of("viewer"), EXPORTED, Map.of())
                    .at("/exportRequests/totalCount").asLong(), vendors.size(), Duration.ofSeconds(60));
        }
        Map<String, Long> putsPerRecord = sandbox.netsuite().requests().all().stream()
                .filter(request -> request.method().equals("PUT") && request.path().contains("/vendor/eid:"))
                .collect(Collectors.groupingBy(request -> request.path(), Collectors.counting()));
        assertEquals(vendors.size(), putsPerRecord.size());
        assertTrue(putsPerRecord.values().stream().allMatch(count -> count == 1), putsPerRecord.toString());
        assertEquals(vendors.size(), sandbox.netsuite().records("vendor").creates());
    }

    private static List<Long> exportableVendors() {
        // Active, and not already standing for a NetSuite vendor (an origin id): those are not exported.
        return sandbox.procore().vendors().all().stream().filter(v -> v.active() && v.originId() == null)
                .map(ProcoreVendor::id).limit(30).toList();
    }

    private static long vendorExports() {
        return sandbox.netsuite().records("vendor").all().stream()
                .filter(record -> record.externalId() != null && record.externalId().startsWith("procore-vendor-"))
                .count();
    }

    private static void designateApprover(HubProcess hub) throws Exception {
        hub.graphql("root", List.of("admin"), "mutation { designateAccountingApprover(user: \"alex\") { user } }", Map.of());
    }

    private static String request(HubProcess hub, long vendor) throws Exception {
        JsonNode data = hub.graphql("pat", List.of("requester"), REQUEST, Map.of("s", Long.toString(vendor)));
        return data.at("/requestExport/id").asText();
    }

    private static void approve(HubProcess hub, String id) throws Exception {
        hub.graphql("alex", List.of("approver"), APPROVE, Map.of("id", id));
    }
}
