package dev.trestle.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.Sandbox;
import dev.trestle.support.Database;
import dev.trestle.support.Exports;
import dev.trestle.support.GraphQL;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Imports write into Procore through the same outbox as exports: a rate-limit window pauses
 * them without spending attempts and they land by themselves afterwards, a 5xx is retried, and
 * a repeated or concurrent request never writes a record twice.
 */
@QuarkusTest
class ImportFaultsTest {

    private static final String IMPORT = """
            mutation { requestImport(input: {kind: VENDORS}) { requestId status created skipped failed pending } }""";
    /** The demo's active NetSuite vendors (one of its 30 is inactive); two of them Procore companies carry already. */
    private static final int ACTIVE_VENDORS = 29;
    private static final int NEW_COMPANIES = 27;
    /** The writes of an import that met a refusal and wait in the queue again, not in flight. */
    private static final String REFUSED_AND_QUEUED = " FROM export_delivery WHERE claimed_until IS NULL"
            + " AND last_error_code IS NOT NULL AND export_request_id = ";

    @Inject
    Sandbox sandbox;

    @Inject
    Database database;

    @BeforeEach
    void freshInstallation() {
        Hub.freshInstallation(sandbox, database);
    }

    @Test
    void aProcore429WindowPausesTheImportWhichLandsByItselfOnceWithoutSpendingAttempts() {
        int before = sandbox.procore().vendors().count();
        // A one-second window, and no 10-second spike window whose later reset Procore would report instead.
        sandbox.procore().rateLimit().window(Duration.ofSeconds(1)).noSpikeWindow();
        sandbox.procore().knobs().throttleRate(1.0);

        // Planning reads NetSuite only; every write into Procore meets the 429.
        Map<String, Object> answered = importVendors();

        // The answer comes after trestle.imports.wait with what is still to be written, not an error.
        assertEquals(ACTIVE_VENDORS, answered.get("pending"), answered.toString());
        assertEquals(0, answered.get("created"), answered.toString());
        assertTrue(List.of("APPROVED", "EXPORTING").contains(answered.get("status")), answered.toString());
        String requestId = (String) answered.get("requestId");
        // A write in flight has its attempt counted until its outcome gives it back; the writes that met
        // the 429 and are back in the queue have spent none.
        assertTrue(database.count("SELECT count(*)" + REFUSED_AND_QUEUED + requestId) > 0, "some writes met the 429");
        assertEquals(0, database.count("SELECT coalesce(sum(attempts), 0)" + REFUSED_AND_QUEUED + requestId),
                "a 429 spends no attempt");
        // Asked again while it runs: the same request answers, nothing is planned twice.
        Map<String, Object> again = importVendors();
        assertEquals(requestId, again.get("requestId"));

        sandbox.procore().knobs().throttleRate(0);
        awaitImported(requestId);

        assertEquals(before + NEW_COMPANIES, sandbox.procore().vendors().count());
        assertEquals(ACTIVE_VENDORS, database.count("SELECT count(*) FROM record_link WHERE kind = 'VENDOR'"
                + " AND method = 'IMPORT' AND unlinked_at IS NULL"));
        assertEquals(ACTIVE_VENDORS, database.count("SELECT sum(attempts) FROM export_delivery WHERE export_request_id = "
                + requestId), "one attempt each: only the requests that reached Procore count");
        assertTrue(Exports.auditActions(requestId).contains("EXPORT_WRITE_FAILED"), "the pause is audited");
    }

    @Test
    void aProcoreOutageIsRetriedAndARepeatedImportWritesNothingTwice() {
        int before = sandbox.procore().vendors().count();
        sandbox.procore().knobs().errorRate(1.0);

        String requestId = (String) importVendors().get("requestId");
        // The outage lasts until a write has met it and spent its attempt.
        awaitCount("SELECT count(*)" + REFUSED_AND_QUEUED + requestId + " AND attempts > 0");
        assertEquals(before, sandbox.procore().vendors().count());
        sandbox.procore().knobs().errorRate(0);
        awaitImported(requestId);

        Map<String, Object> second = importVendors();
        assertEquals("EXPORTED", second.get("status"));
        assertEquals(List.of(0, 30, 0, 0), List.of(second.get("created"), second.get("skipped"), second.get("failed"),
                second.get("pending")));
        assertEquals(before + NEW_COMPANIES, sandbox.procore().vendors().count());
        assertEquals(ACTIVE_VENDORS, database.count("SELECT count(*) FROM record_link WHERE kind = 'VENDOR'"
                + " AND unlinked_at IS NULL"));
        assertTrue(database.count("SELECT sum(attempts) FROM export_delivery WHERE export_request_id = " + requestId)
                > ACTIVE_VENDORS, "the 5xx attempts count");
    }

    private void awaitCount(String query) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (database.count(query) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nothing came of " + query);
            }
            Exports.pause(100);
        }
    }

    private static Map<String, Object> importVendors() {
        JsonPath answer = GraphQL.as("requester", IMPORT);
        assertNull(answer.get("errors"), answer.prettify());
        return answer.getMap("data.requestImport");
    }

    private void awaitImported(String requestId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (database.count("SELECT count(*) FROM export_request WHERE status = 'EXPORTED' AND id = " + requestId) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("import " + requestId + " did not land: " + Exports.auditActions(requestId));
            }
            Exports.pause(100);
        }
    }
}
