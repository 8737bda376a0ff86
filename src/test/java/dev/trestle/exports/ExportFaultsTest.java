package dev.trestle.exports;

import static dev.trestle.support.Exports.auditActions;
import static dev.trestle.support.Exports.auditTrail;
import static dev.trestle.support.Exports.awaitFinalFailure;
import static dev.trestle.support.Exports.awaitStatus;
import static dev.trestle.support.Exports.deliveries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.connectors.netsuite.NetSuiteRecords;
import dev.trestle.projects.ProjectTestData;
import dev.trestle.sandbox.Fault;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.sandbox.netsuite.NetSuiteRecord;
import dev.trestle.sandbox.netsuite.RecordStore;
import dev.trestle.support.Database;
import dev.trestle.support.Exports;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An approved export when NetSuite misbehaves: throttling, hanging, answers that are lost or
 * unreadable, validation errors, and a NetSuite that keeps failing. Transient failures are
 * retried until the write lands, and it lands once; a refusal fails at once with NetSuite's own
 * code and detail until an approver retries; every attempt is in the audit trail.
 */
@QuarkusTest
class ExportFaultsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long WESTFIELD = 5_100_000_008L;
    private static final String RECORDS = "/services/rest/record/v1/";

    @Inject
    Sandbox sandbox;

    @Inject
    Database database;

    @Inject
    NetSuiteRecords netsuite;

    /** How often the NetSuite connector repeats one request before the worker sees the failure. */
    @ConfigProperty(name = "trestle.netsuite.retry.max-retries")
    int connectorRetries;

    @ConfigProperty(name = "trestle.exports.poll-every")
    Duration pollEvery;

    private String vendor;
    private String vendorExternalId;

    @BeforeEach
    void freshInstallation() {
        Hub.freshInstallation(sandbox, database);
        ProjectTestData.connectedAsInTheDemo(database);
        Exports.designate("approver-user");
        vendor = Long.toString(sandbox.procoreDemoCases().procoreOnlyVendors().get(0));
        vendorExternalId = "procore-vendor-" + vendor;
    }

    @Test
    void aThrottledWritePausesNetSuiteWithoutSpendingAnAttemptAndLandsOnce() {
        String id = requestVendorExport();
        // Enough 429s that the connector's own retries give up and the worker has to come back later.
        sandbox.netsuite().knobs().failNext(connectorRetries + 1, Fault.THROTTLE);
        Exports.approve(id);

        Map<String, Object> exported = Exports.awaitOriginsRecorded(id);

        assertLandedOnce("vendor", vendorExternalId, exported);
        assertEquals(connectorRetries + 2, puts("vendor", vendorExternalId), "one refused attempt, then one that landed");
        assertAttempts(exported, 1);
        List<Map<String, Object>> trail = auditTrail(id);
        assertEquals(List.of("EXPORT_REQUESTED", "EXPORT_APPROVED", "EXPORT_WRITE_FAILED", "EXPORT_WRITE_DELIVERED",
                "EXPORT_COMPLETED"), trail.stream().map(event -> event.get("action")).toList());
        assertTrue(details(trail, 2).contains("paused: CONCURRENCY_LIMIT_EXCEEDED"), details(trail, 2));
        assertTrue(details(trail, 2).contains("no attempt spent"), details(trail, 2));
        assertTrue(details(trail, 3).contains("(attempt 1)"), details(trail, 3));
        assertEquals(String.valueOf(record("vendor", vendorExternalId).id()),
                sandbox.procore().vendors().get(Long.parseLong(vendor)).orElseThrow().originId());
    }

    @Test
    void aLateProcore429LeavesTheExportExportedAndTheOriginIdFollowsWithoutASecondNetSuiteWrite() {
        List<Long> vendors = sandbox.procoreDemoCases().procoreOnlyVendors().subList(0, 3);
        List<String> ids = vendors.stream()
                .map(v -> Exports.request("VENDOR", Long.toString(v)).getString("data.requestExport.id")).toList();
        // Procore refuses every request with a 429 and a reset a second away, again and again (a one-second
        // window, and no 10-second spike window whose later reset Procore would report instead).
        sandbox.procore().rateLimit().window(Duration.ofSeconds(1)).noSpikeWindow();
        sandbox.procore().knobs().throttleRate(1.0);
        ids.forEach(Exports::approve);

        for (String id : ids) {
            Map<String, Object> exported = awaitStatus(id, "EXPORTED");
            Map<String, Object> delivery = deliveries(exported).get(0);
            assertEquals("DELIVERED", delivery.get("status"), exported.toString());
            assertEquals(String.valueOf(record("vendor", (String) delivery.get("externalId")).id()),
                    delivery.get("netsuiteId"));
            assertEquals("PENDING", delivery.get("originStatus"), exported.toString());
        }
        // Far longer than the six attempts the whole delivery used to get.
        Exports.pause(10_000);
        for (int i = 0; i < ids.size(); i++) {
            Map<String, Object> exported = Exports.exportRequest(ids.get(i));
            Map<String, Object> delivery = deliveries(exported).get(0);
            assertEquals("EXPORTED", exported.get("status"), exported.toString());
            assertEquals("PENDING", delivery.get("originStatus"), exported.toString());
            assertEquals(0, delivery.get("originAttempts"), "a 429 or an open breaker spends no attempt: " + delivery);
            assertTrue("UPSTREAM_RATE_LIMITED".equals(delivery.get("originErrorCode"))
                    || "UPSTREAM_UNAVAILABLE".equals(delivery.get("originErrorCode")), delivery.toString());
            assertNull(sandbox.procore().vendors().get(vendors.get(i)).orElseThrow().originId());
        }
        assertTrue(sandbox.procore().requests().count("PATCH", "/rest/v1.0/vendors/sync") >= 1, "Procore was asked");

        sandbox.procore().knobs().throttleRate(0);
        for (int i = 0; i < ids.size(); i++) {
            Map<String, Object> recorded = Exports.awaitOriginsRecorded(ids.get(i));
            Map<String, Object> delivery = deliveries(recorded).get(0);
            assertEquals("RECORDED", delivery.get("originStatus"));
            assertNull(delivery.get("originErrorCode"));
            String externalId = "procore-vendor-" + vendors.get(i);
            assertEquals(String.valueOf(record("vendor", externalId).id()),
                    sandbox.procore().vendors().get(vendors.get(i)).orElseThrow().originId());
            assertEquals(1, puts("vendor", externalId), "NetSuite was written once");
            assertEquals(1, delivery.get("attempts"));
        }
        assertEquals(vendors.size(), sandbox.netsuite().records("vendor").creates());
    }

    @Test
    void aHungWriteTimesOutIsRetriedLaterAndLandsOnce() {
        String id = requestVendorExport();
        sandbox.netsuite().knobs().failNext(connectorRetries + 1, Fault.HANG);
        Exports.approve(id);

        Map<String, Object> exported = awaitStatus(id, "EXPORTED");

        assertLandedOnce("vendor", vendorExternalId, exported);
        assertAttempts(exported, 2);
        assertAuditOfOneRetriedWrite(id, "UPSTREAM_TIMEOUT");
    }

    @Test
    void aWriteThatLandedButTimedOutIsRepeatedWithoutADuplicate() {
        String id = requestVendorExport();
        // Every try of the first attempt lands in NetSuite, and none is answered in time.
        sandbox.netsuite().knobs().failNext(connectorRetries + 1, Fault.COMMIT_THEN_HANG);
        Exports.approve(id);

        Map<String, Object> exported = awaitStatus(id, "EXPORTED");

        assertLandedOnce("vendor", vendorExternalId, exported);
        assertEquals(connectorRetries + 1, sandbox.netsuite().records("vendor").updates(),
                "the repeats updated the record the first try created");
        assertAttempts(exported, 2);
        assertAuditOfOneRetriedWrite(id, "UPSTREAM_TIMEOUT");
    }

    @Test
    void aWriteAnsweredWithAnUnreadableBodyIsReadBackByExternalId() {
        String id = requestVendorExport();
        sandbox.netsuite().knobs().failNext(1, Fault.MALFORMED_BODY);
        Exports.approve(id);

        Map<String, Object> exported = awaitStatus(id, "EXPORTED");

        assertLandedOnce("vendor", vendorExternalId, exported);
        assertEquals(1, puts("vendor", vendorExternalId), "the write landed; the hub found its id instead of writing again");
        assertAttempts(exported, 1);
        assertEquals(List.of("EXPORT_REQUESTED", "EXPORT_APPROVED", "EXPORT_WRITE_DELIVERED", "EXPORT_COMPLETED"),
                auditActions(id));
    }

    @Test
    void unreadableAnswersToTheWriteAndItsReadBackAreRetriedLater() {
        String id = requestVendorExport();
        // The write lands with an unreadable answer; both reads of the id that follow are unreadable too.
        sandbox.netsuite().knobs().failNext(3, Fault.MALFORMED_BODY);
        Exports.approve(id);

        Map<String, Object> exported = awaitStatus(id, "EXPORTED");

        assertLandedOnce("vendor", vendorExternalId, exported);
        assertAttempts(exported, 2);
        assertAuditOfOneRetriedWrite(id, "UPSTREAM_MALFORMED_RESPONSE");
    }

    @Test
    void aValidationErrorFailsAtOnceWithNetSuitesCodeUntilAnApproverRetries() {
        String id = Exports.request("PROJECT", String.valueOf(WESTFIELD)).getString("data.requestExport.id");
        // Between request and approval, someone enters a NetSuite project with the same Job ID by hand.
        RecordStore jobs = sandbox.netsuite().records("job");
        jobs.add("entered-by-hand", new JsonObject().put("entityId", "P-1008").put("companyName", "Westfield (by hand)")
                .put("parent", new JsonObject().put("id", "1500")).put("subsidiary", new JsonObject().put("id", "1")),
                Instant.now());
        String externalId = "procore-project-" + WESTFIELD;
        Exports.approve(id);

        Map<String, Object> failed = awaitFinalFailure(id);
        String duplicate = "This entity ID is already used by another record. Enter a unique ID.";
        assertEquals("USER_ERROR", failed.get("errorCode"), failed.toString());
        assertEquals(duplicate, failed.get("errorDetail"));
        assertNull(failed.get("nextRetryAt"), "a refusal is not retried automatically");
        assertEquals(1, failed.get("attempts"));
        Map<String, Object> delivery = deliveries(failed).get(0);
        assertEquals("FAILED", delivery.get("status"));
        assertEquals("USER_ERROR", delivery.get("errorCode"));
        assertEquals(duplicate, delivery.get("errorDetail"));
        assertEquals(1, puts("job", externalId), "a 400 is not repeated by the connector either");
        Exports.pause(pollEvery.multipliedBy(3).toMillis());
        assertEquals(1, puts("job", externalId), "nothing tried again on its own");
        assertEquals(1, Exports.exportRequest(id).get("attempts"));

        // An approver tries again before NetSuite is fixed: refused the same way.
        Exports.retry(id);
        failed = Exports.await(id, request -> (int) request.get("attempts") == 2 && "FAILED".equals(request.get("status")),
                "a second failed attempt");
        assertEquals("USER_ERROR", failed.get("errorCode"));
        assertNull(failed.get("nextRetryAt"));
        assertEquals(2, puts("job", externalId));

        // The NetSuite user gives their project another Job ID; the next retry lands.
        netsuite.upsert("job", "entered-by-hand", Map.of("entityId", "P-1008-HAND")).await().atMost(WAIT);
        Exports.retry(id);
        Map<String, Object> exported = Exports.awaitOriginsRecorded(id);

        assertLandedOnce("job", externalId, exported);
        NetSuiteRecord job = record("job", externalId);
        assertEquals("P-1008", job.text("entityId"));
        assertEquals(String.valueOf(job.id()), sandbox.procore().projects().get(WESTFIELD).orElseThrow().originId());
        assertEquals(1, database.count("SELECT count(*) FROM record_link WHERE kind = 'PROJECT' AND left_id = '"
                + WESTFIELD + "' AND right_id = '" + job.id() + "' AND unlinked_at IS NULL"));
        assertAttempts(exported, 3);
        List<Map<String, Object>> trail = auditTrail(id);
        assertEquals(List.of("EXPORT_REQUESTED", "EXPORT_APPROVED", "EXPORT_WRITE_FAILED", "EXPORT_RETRY_REQUESTED",
                "EXPORT_WRITE_FAILED", "EXPORT_RETRY_REQUESTED", "EXPORT_WRITE_DELIVERED", "EXPORT_COMPLETED"),
                trail.stream().map(event -> event.get("action")).toList());
        assertTrue(details(trail, 2).contains("attempt 1: USER_ERROR " + duplicate), details(trail, 2));
        assertTrue(details(trail, 2).contains("no automatic retry"), details(trail, 2));
        assertEquals("approver-user", trail.get(3).get("actor"));
        assertTrue(details(trail, 4).contains("attempt 2: USER_ERROR"), details(trail, 4));
        assertTrue(details(trail, 6).contains("(attempt 3)"), details(trail, 6));
    }

    @Test
    void oneRefusedWriteOfManyFailsTheExportAndARetrySendsOnlyThatOne() {
        ProjectTestData.link(database, "PROJECT", String.valueOf(WESTFIELD), "3003");
        String id = Exports.request("COST_CODES", String.valueOf(WESTFIELD)).getString("data.requestExport.id");
        // An item with the first cost code's name exists in NetSuite already, entered by hand.
        RecordStore items = sandbox.netsuite().records("otherChargePurchaseItem");
        items.add("entered-by-hand", new JsonObject().put("itemId", "P-1008-01-100.L")
                .put("subsidiary", new JsonObject().put("id", "1")).put("expenseAccount", new JsonObject().put("id", "58")),
                Instant.now());
        Exports.approve(id);

        Map<String, Object> failed = awaitFinalFailure(id);
        assertEquals("USER_ERROR", failed.get("errorCode"), failed.toString());
        assertEquals("A record with this name already exists. Enter a unique Item Name/Number.", failed.get("errorDetail"));
        List<Map<String, Object>> deliveries = deliveries(failed);
        assertEquals(21, deliveries.size());
        List<Map<String, Object>> refused = deliveries.stream().filter(d -> "FAILED".equals(d.get("status"))).toList();
        assertEquals(1, refused.size(), deliveries.toString());
        String refusedExternalId = (String) refused.get(0).get("externalId");
        assertEquals(20, deliveries.stream().filter(d -> "DELIVERED".equals(d.get("status"))).count());
        assertEquals(20, items.creates());
        assertEquals(sum(deliveries), failed.get("attempts"), "attempts count every write's attempts");

        netsuite.upsert("otherChargePurchaseItem", "entered-by-hand", Map.of("itemId", "P-1008-01-100.L (old)"))
                .await().atMost(WAIT);
        Exports.retry(id);
        Map<String, Object> exported = awaitStatus(id, "EXPORTED");

        assertEquals(21, items.creates());
        assertEquals(22, sandbox.netsuite().requests().count("PUT", RECORDS + "otherChargePurchaseItem/eid:procore-wbs-"),
                "the delivered writes were not sent again");
        for (Map<String, Object> delivery : deliveries(exported)) {
            String externalId = (String) delivery.get("externalId");
            assertEquals("DELIVERED", delivery.get("status"), delivery.toString());
            assertEquals(String.valueOf(record("otherChargePurchaseItem", externalId).id()), delivery.get("netsuiteId"));
            assertEquals(externalId.equals(refusedExternalId) ? 2 : 1, delivery.get("attempts"), delivery.toString());
        }
        assertEquals("P-1008-01-100.L", record("otherChargePurchaseItem", refusedExternalId).text("itemId"));
        assertEquals(22, exported.get("attempts"));
        assertEquals(21, database.count("SELECT count(*) FROM record_link WHERE kind = 'COST_CODE' AND unlinked_at IS NULL"));
    }

    @Test
    void aLongNetSuiteOutagePausesDeliveriesAndNoExportFails() {
        List<Long> vendors = sandbox.procoreDemoCases().procoreOnlyVendors().subList(0, 12);
        List<String> ids = vendors.stream()
                .map(v -> Exports.request("VENDOR", Long.toString(v)).getString("data.requestExport.id")).toList();
        sandbox.netsuite().knobs().errorRate(1.0);
        ids.forEach(Exports::approve);

        // Down for three times the breaker's delay (5 s in tests) and fifteen times the longest back-off (1 s):
        // the breaker opens, half-opens and opens again; the old six attempts were spent within seconds.
        Exports.pause(15_000);
        for (String id : ids) {
            Map<String, Object> waiting = Exports.exportRequest(id);
            assertEquals("EXPORTING", waiting.get("status"), "retrying, not given up on: " + waiting);
            assertTrue("UNEXPECTED_ERROR".equals(waiting.get("errorCode"))
                    || "UPSTREAM_UNAVAILABLE".equals(waiting.get("errorCode")), waiting.toString());
            assertTrue(waiting.get("nextRetryAt") != null, waiting.toString());
            Map<String, Object> delivery = deliveries(waiting).get(0);
            assertEquals("PENDING", delivery.get("status"));
            assertTrue(delivery.get("nextRetryAt") != null && delivery.get("errorCode") != null, delivery.toString());
        }
        assertEquals(0, sandbox.netsuite().records("vendor").creates());
        assertTrue(ids.stream().anyMatch(id -> auditTrail(id).stream()
                .anyMatch(e -> String.valueOf(e.get("details")).contains("NetSuite paused, no attempt spent"))),
                "the open breaker paused deliveries");

        sandbox.netsuite().knobs().errorRate(0);
        for (int i = 0; i < ids.size(); i++) {
            Map<String, Object> exported = awaitStatus(ids.get(i), "EXPORTED");
            String externalId = "procore-vendor-" + vendors.get(i);
            Map<String, Object> delivery = deliveries(exported).get(0);
            assertEquals("DELIVERED", delivery.get("status"));
            assertEquals(String.valueOf(record("vendor", externalId).id()), delivery.get("netsuiteId"));
            int attempts = (int) delivery.get("attempts");
            // Each attempt counted sent at least one request; those refused by the open breaker sent none.
            assertTrue(attempts >= 1 && attempts <= puts("vendor", externalId),
                    attempts + " attempts, " + puts("vendor", externalId) + " PUTs: " + exported);
            assertEquals(attempts, exported.get("attempts"));
            assertNull(exported.get("errorCode"));
        }
        assertEquals(vendors.size(), sandbox.netsuite().records("vendor").creates(), "each NetSuite record exactly once");
        for (long vendor : vendors) {
            assertEquals(1, sandbox.netsuite().records("vendor").all().stream()
                    .filter(r -> ("procore-vendor-" + vendor).equals(r.externalId())).count());
        }
    }

    private String requestVendorExport() {
        return Exports.request("VENDOR", vendor).getString("data.requestExport.id");
    }

    /** One record with the external id in the simulated NetSuite, created once, and it is the one the export names. */
    private void assertLandedOnce(String recordType, String externalId, Map<String, Object> exported) {
        RecordStore store = sandbox.netsuite().records(recordType);
        assertEquals(1, store.creates(), "created exactly once");
        assertEquals(1, store.all().stream().filter(r -> externalId.equals(r.externalId())).count());
        Map<String, Object> delivery = deliveries(exported).get(0);
        assertEquals("DELIVERED", delivery.get("status"));
        assertEquals(String.valueOf(record(recordType, externalId).id()), delivery.get("netsuiteId"));
        assertNull(exported.get("errorCode"), "the last failure is cleared once it lands");
        assertNull(exported.get("nextRetryAt"));
    }

    private static void assertAttempts(Map<String, Object> request, int attempts) {
        assertEquals(attempts, request.get("attempts"), request.toString());
        assertEquals(attempts, deliveries(request).get(0).get("attempts"), request.toString());
    }

    /** Requested, approved, one failed attempt with a retry planned, then delivered on the second. */
    private static void assertAuditOfOneRetriedWrite(String id, String errorCode) {
        List<Map<String, Object>> trail = auditTrail(id);
        assertEquals(List.of("EXPORT_REQUESTED", "EXPORT_APPROVED", "EXPORT_WRITE_FAILED", "EXPORT_WRITE_DELIVERED",
                "EXPORT_COMPLETED"), trail.stream().map(event -> event.get("action")).toList());
        assertTrue(details(trail, 2).contains("attempt 1: " + errorCode), details(trail, 2));
        assertTrue(details(trail, 2).contains("; retry at "), details(trail, 2));
        assertTrue(details(trail, 3).contains("(attempt 2)"), details(trail, 3));
    }

    private static String details(List<Map<String, Object>> trail, int index) {
        return (String) trail.get(index).get("details");
    }

    private NetSuiteRecord record(String recordType, String externalId) {
        return sandbox.netsuite().records(recordType).byExternalId(externalId).orElseThrow(
                () -> new AssertionError("NetSuite has no " + recordType + " with external id " + externalId));
    }

    private long puts(String recordType, String externalId) {
        return sandbox.netsuite().requests().count("PUT", RECORDS + recordType + "/eid:" + externalId);
    }

    private static int sum(List<Map<String, Object>> deliveries) {
        return deliveries.stream().mapToInt(d -> (int) d.get("attempts")).sum();
    }
}
