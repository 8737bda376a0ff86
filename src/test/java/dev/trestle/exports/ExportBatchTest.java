package dev.trestle.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.Sandbox;
import dev.trestle.support.Database;
import dev.trestle.support.Exports;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Many exports approved together: every one delivered once, and Procore's origin ids sent in shared syncs. */
@QuarkusTest
class ExportBatchTest {

    private static final String VENDOR_SYNC = "/rest/v1.0/vendors/sync";

    @Inject
    Sandbox sandbox;

    @Inject
    Database database;

    @BeforeEach
    void freshInstallation() {
        Hub.freshInstallation(sandbox, database);
        Exports.designate("approver-user");
    }

    @Test
    void exportsApprovedTogetherShareProcoreSyncsAndEachLandsOnce() {
        // Active Procore-only vendors (the last four of the list are inactive).
        List<Long> vendors = sandbox.procoreDemoCases().procoreOnlyVendors().subList(0, 12);
        List<String> requests = new ArrayList<>();
        for (long vendor : vendors) {
            requests.add(Exports.request("VENDOR", Long.toString(vendor)).getString("data.requestExport.id"));
        }
        // While one sync is on the wire, the origin ids of the writes finishing meanwhile queue for the next.
        sandbox.procore().knobs().latency(Duration.ofMillis(400));
        List<CompletableFuture<Void>> approvals = new ArrayList<>();
        for (String id : requests) {
            approvals.add(CompletableFuture.runAsync(() -> Exports.approve(id)));
        }
        approvals.forEach(CompletableFuture::join);

        for (String id : requests) {
            Exports.awaitOriginsRecorded(id);
        }
        assertEquals(vendors.size(), sandbox.netsuite().records("vendor").creates(), "one NetSuite vendor each");
        for (long vendor : vendors) {
            String netsuiteId = String.valueOf(sandbox.netsuite().records("vendor")
                    .byExternalId("procore-vendor-" + vendor).orElseThrow().id());
            assertEquals(netsuiteId, sandbox.procore().vendors().get(vendor).orElseThrow().originId());
        }
        long syncs = sandbox.procore().requests().count("PATCH", VENDOR_SYNC);
        assertTrue(syncs >= 1 && syncs < vendors.size(), "origin ids share syncs: " + syncs + " for " + vendors.size());
    }
}
