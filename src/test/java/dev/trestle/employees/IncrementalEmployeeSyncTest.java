package dev.trestle.employees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.DemoCases;
import dev.trestle.sandbox.RequestLog;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.sandbox.netsuite.SandboxEmployee;
import dev.trestle.sandbox.precoro.SandboxUser;
import dev.trestle.support.Database;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The incremental employee sync, end to end (GraphQL → hub → connectors → sandbox over HTTP →
 * PostgreSQL): what an incremental run reads, what it decides over the hub's copy, what only the
 * full reconcile can see, and where the watermarks stand.
 */
@QuarkusTest
class IncrementalEmployeeSyncTest {

    /** trestle.employee-sync.watermark-overlap in the test profile (the default). */
    private static final Duration OVERLAP = Duration.ofMinutes(2);
    private static final DateTimeFormatter MODIFIED_SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final long USER = DemoCases.FIRST_EXACT_MATCH_PRECORO_ID;
    private static final String EMPLOYEE = DemoCases.FIRST_EXACT_MATCH_NETSUITE_ID;

    @Inject
    Sandbox sandbox;

    @Inject
    Database database;

    @BeforeEach
    void freshInstallation() {
        Hub.freshInstallation(sandbox, database);
    }

    @Test
    void anIncrementalRunReadsOnlyWhatChangedAndRemapsIt() {
        // 2,000 users, ten pages of 200: what a full read costs in Precoro requests shows.
        long next = sandbox.precoro().users().maxId() + 1;
        for (int i = 0; i < 1700; i++) {
            Instant at = Instant.parse("2024-03-01T10:00:00Z").plusSeconds(i);
            sandbox.precoro().users().put(new SandboxUser(next + i, "bulk" + i + "@example.com", "Bulk", "User" + i,
                    true, at, at));
        }
        Map<String, Object> first = Hub.enableEmployeeSync();
        assertEquals("SUCCEEDED", first.get("status"), String.valueOf(first));
        assertEquals("FULL", first.get("mode"), "no watermark yet: the first run reads everything");
        long fullRequests = userListRequests().size();
        assertEquals(10, fullRequests);

        sandbox.precoro().requests().clear();
        Instant before = Instant.parse(watermark("PRECORO_USERS"));
        sandbox.precoro().users().changeEmail(USER, "someone.else@example.com");
        Map<String, Object> run = Hub.runEmployeeSync();

        assertEquals("SUCCEEDED", run.get("status"), String.valueOf(run));
        assertEquals("INCREMENTAL", run.get("mode"));
        List<RequestLog.LoggedRequest> requests = userListRequests();
        assertEquals(1, requests.size(), "one page of changes instead of " + fullRequests + " pages: " + requests);
        assertTrue(query(requests.get(0)).contains("modifiedSince=" + MODIFIED_SINCE.format(before)),
                query(requests.get(0)));
        // What the run read: the changed user, and the users within the overlap before the newest one read.
        assertEquals(expectedSince(before), readBy(run, "employee_sync_precoro_user", "id"));
        assertTrue(readBy(run, "employee_sync_precoro_user", "id").contains(Long.toString(USER)));
        // Decided over the whole copy: the same counts a full run gives.
        int users = sandbox.precoro().users().size();
        assertEquals(users, run.get("scanned"));
        assertEquals(users - 1, run.get("unchanged"));
        assertEquals(1, mapping(USER, "NOT_MAPPED", "NO_NETSUITE_EMPLOYEE"));
        assertEquals(1, database.count("SELECT count(*) FROM employee_mapping_change WHERE precoro_user_id = " + USER
                + " AND new_email = 'someone.else@example.com' AND run_id = " + run.get("id")), "the change is history");
    }

    @Test
    void aNetSuiteEditIsPickedUpIncrementally() {
        Hub.enableEmployeeSync();
        sandbox.netsuite().employees().changeEmail(Long.parseLong(EMPLOYEE), "moved.on@example.com");

        Map<String, Object> run = Hub.runEmployeeSync();
        assertEquals("INCREMENTAL", run.get("mode"));
        assertEquals("SUCCEEDED", run.get("status"), String.valueOf(run));
        assertTrue(readBy(run, "employee_sync_netsuite_employee", "id").contains(EMPLOYEE));
        assertTrue(readBy(run, "employee_sync_netsuite_employee", "id").size() < 10,
                "only the changed employees (and those within the overlap) are read");
        assertEquals(1, mapping(USER, "NOT_MAPPED", "NO_NETSUITE_EMPLOYEE"));

        // And back: the employee is found again, by an incremental run again.
        sandbox.netsuite().employees().changeEmail(Long.parseLong(EMPLOYEE),
                sandbox.precoro().users().get(USER).orElseThrow().email());
        assertEquals("INCREMENTAL", Hub.runEmployeeSync().get("mode"));
        assertEquals(1, database.count("SELECT count(*) FROM employee_mapping WHERE precoro_user_id = " + USER
                + " AND status = 'MAPPED' AND netsuite_employee_id = '" + EMPLOYEE + "'"));
    }

    @Test
    void aConflictCreatedByAnIncrementalChangeIsDetected() {
        int conflictsBefore = (int) Hub.enableEmployeeSync().get("conflicts");
        String email = sandbox.precoro().users().get(USER).orElseThrow().email();
        // Another user takes the mapped user's email; the mapped user itself does not change upstream.
        long other = DemoCases.UNKNOWN_EMAIL_PRECORO_ID;
        sandbox.precoro().users().changeEmail(other, email.toUpperCase());

        Map<String, Object> run = Hub.runEmployeeSync();
        assertEquals("INCREMENTAL", run.get("mode"));
        assertTrue(!readBy(run, "employee_sync_precoro_user", "id").contains(Long.toString(USER)),
                "the mapped user was not read again");
        assertEquals(1, mapping(USER, "CONFLICT", "DUPLICATE_PRECORO_EMAIL"),
                "the unchanged user is in conflict too: matching covers the whole copy");
        assertEquals(1, mapping(other, "CONFLICT", "DUPLICATE_PRECORO_EMAIL"));
        assertEquals(1, database.count("SELECT count(*) FROM employee_mapping WHERE precoro_user_id = " + USER
                + " AND candidates LIKE '%\"" + other + "\"%'"), "the candidates name the other user");
        assertEquals(conflictsBefore + 2, run.get("conflicts"), "counted over every user, as a full run counts");

        // A second active NetSuite employee with the email of the one already matched.
        long added = sandbox.netsuite().employees().maxId() + 1;
        sandbox.netsuite().employees().put(new SandboxEmployee(added, null, "E-" + added, "Second", "Holder",
                sandbox.netsuite().employees().get(Long.parseLong(DemoCases.CASE_ONLY_NETSUITE_ID)).orElseThrow()
                        .email(), false, Instant.now(), 1, "Trestle Builders Inc."));
        assertEquals("INCREMENTAL", Hub.runEmployeeSync().get("mode"));
        assertEquals(1, mapping(DemoCases.CASE_ONLY_PRECORO_ID, "CONFLICT", "DUPLICATE_NETSUITE_EMAIL"));
    }

    @Test
    void aDeletedUserIsCaughtByTheReconcileNotByAnIncrementalRun() {
        Hub.enableEmployeeSync();
        sandbox.precoro().users().remove(USER);

        // An incremental run reads only users modified since its watermark: a deleted user is not
        // listed at all, so it cannot notice the deletion. That is what the reconcile is for.
        Map<String, Object> incremental = Hub.runEmployeeSync();
        assertEquals("INCREMENTAL", incremental.get("mode"));
        assertEquals(1, mapping(USER, "MAPPED", null));
        assertEquals(1, database.count("SELECT count(*) FROM employee_sync_precoro_user WHERE id = " + USER));

        Map<String, Object> full = Hub.reconcileEmployees();
        assertEquals("FULL", full.get("mode"));
        assertEquals("SUCCEEDED", full.get("status"), String.valueOf(full));
        assertEquals(sandbox.precoro().users().size(), full.get("scanned"));
        assertEquals(1, mapping(USER, "NOT_MAPPED", "PRECORO_USER_GONE"));
        assertEquals(0, database.count("SELECT count(*) FROM employee_sync_precoro_user WHERE id = " + USER),
                "the reconcile replaced the copy");
        assertEquals(full.get("id").toString(), database.text(
                "SELECT run_id FROM employee_sync_watermark WHERE source = 'PRECORO_USERS'"), "and reset the watermark");
        // Later runs keep the verdict without writing it again.
        Map<String, Object> after = Hub.runEmployeeSync();
        assertEquals("INCREMENTAL", after.get("mode"));
        assertEquals(2, database.count("SELECT count(*) FROM employee_mapping_change WHERE precoro_user_id = " + USER));
    }

    @Test
    void aFailedRunDoesNotAdvanceTheWatermarkAndTheNextRunReadsAgain() {
        Hub.enableEmployeeSync();
        String before = watermark("PRECORO_USERS");
        String beforeRun = database.text("SELECT run_id FROM employee_sync_watermark WHERE source = 'PRECORO_USERS'");
        sandbox.precoro().users().changeEmail(USER, "someone.else@example.com");
        Instant edited = sandbox.precoro().users().get(USER).orElseThrow().updated();

        // A fault in the database while the mappings are written: the run fails after reading.
        // NOT VALID: the row stored before is left alone; the run's rewrite of it is refused.
        database.execute("ALTER TABLE employee_mapping ADD CONSTRAINT simulated_fault CHECK (precoro_user_id <> " + USER
                + ") NOT VALID");
        Map<String, Object> failed;
        try {
            failed = Hub.runEmployeeSync();
        } finally {
            database.execute("ALTER TABLE employee_mapping DROP CONSTRAINT simulated_fault");
        }
        assertEquals("FAILED", failed.get("status"));
        assertEquals("INCREMENTAL", failed.get("mode"));
        assertEquals(before, watermark("PRECORO_USERS"), "a failed run leaves the watermark");
        assertEquals(beforeRun, database.text("SELECT run_id FROM employee_sync_watermark WHERE source = 'PRECORO_USERS'"));

        sandbox.precoro().requests().clear();
        Map<String, Object> next = Hub.runEmployeeSync();
        assertEquals("SUCCEEDED", next.get("status"), String.valueOf(next));
        assertEquals("INCREMENTAL", next.get("mode"));
        // From the same watermark; the failed run asked that question less than a minute ago, so
        // Precoro would refuse it again: the hub asks from a second earlier (a wider question).
        assertTrue(query(userListRequests().get(0)).contains("modifiedSince="
                + MODIFIED_SINCE.format(Instant.parse(before).minusSeconds(1))), "read again from the same watermark");
        assertTrue(readBy(next, "employee_sync_precoro_user", "id").contains(Long.toString(USER)));
        assertEquals(1, mapping(USER, "NOT_MAPPED", "NO_NETSUITE_EMPLOYEE"));
        assertEquals(edited.truncatedTo(ChronoUnit.SECONDS).minus(OVERLAP).toString(), watermark("PRECORO_USERS"),
                "then it moves to the newest change read, minus the overlap");
    }

    @Test
    void theWatermarkOverlapsTheNewestRecordRead() {
        Hub.enableEmployeeSync();
        Instant newestUser = sandbox.precoro().users().modifiedSince(Instant.EPOCH).stream()
                .map(u -> u.updated().truncatedTo(ChronoUnit.SECONDS)).max(Instant::compareTo).orElseThrow();
        assertEquals(newestUser.minus(OVERLAP).toString(), watermark("PRECORO_USERS"));
        Instant newestEmployee = sandbox.netsuite().employees().matching(e -> e.lastModified() != null).stream()
                .map(e -> e.lastModified().truncatedTo(ChronoUnit.SECONDS)).max(Instant::compareTo).orElseThrow();
        assertEquals(newestEmployee.minus(OVERLAP).toString(), watermark("NETSUITE_EMPLOYEES"));

        // Two edits that show up late, dated before the newest record the hub has read (a slow
        // commit, another server's clock): one within the overlap is read, one beyond it is not.
        long id = sandbox.precoro().users().maxId() + 1;
        String netsuiteOnly = sandbox.demoCases().netsuiteOnly().get(2);
        String itsEmail = sandbox.netsuite().employees().get(Long.parseLong(netsuiteOnly)).orElseThrow().email();
        Instant within = newestUser.minusSeconds(30);
        Instant beyond = newestUser.minus(OVERLAP).minusSeconds(1);
        sandbox.precoro().users().put(new SandboxUser(id, itsEmail, "Late", "Within", true, within, within));
        sandbox.precoro().users().put(new SandboxUser(id + 1, "late.beyond@example.com", "Late", "Beyond", true, beyond,
                beyond));

        Map<String, Object> run = Hub.runEmployeeSync();
        assertEquals("INCREMENTAL", run.get("mode"));
        Set<String> read = readBy(run, "employee_sync_precoro_user", "id");
        assertTrue(read.contains(Long.toString(id)), "within the overlap: read " + read);
        assertTrue(!read.contains(Long.toString(id + 1)), "beyond it: not read " + read);
        assertEquals(1, database.count("SELECT count(*) FROM employee_mapping WHERE precoro_user_id = " + id
                + " AND status = 'MAPPED' AND netsuite_employee_id = '" + netsuiteOnly + "'"));
        assertEquals(newestUser.minus(OVERLAP).toString(), watermark("PRECORO_USERS"),
                "nothing newer was read: the watermark stays");
        assertEquals(0, database.count("SELECT count(*) FROM employee_mapping WHERE precoro_user_id = " + (id + 1)));
        // The reconcile catches what no incremental read can.
        Hub.reconcileEmployees();
        assertEquals(1, database.count("SELECT count(*) FROM employee_mapping WHERE precoro_user_id = " + (id + 1)));
    }

    @Test
    void aReconcileRewritesOnlyWhatChangedInItsCopy() {
        Hub.enableEmployeeSync();
        long users = database.count("SELECT count(*) FROM employee_sync_precoro_user");
        long employees = database.count("SELECT count(*) FROM employee_sync_netsuite_employee");
        sandbox.precoro().users().changeEmail(USER, "someone.else@example.com");
        long gone = DemoCases.UNKNOWN_EMAIL_PRECORO_ID;
        sandbox.precoro().users().remove(gone);
        sandbox.netsuite().employees().changeEmail(Long.parseLong(EMPLOYEE), "moved.on@example.com");

        Map<String, Object> run = Hub.reconcileEmployees();
        assertEquals("SUCCEEDED", run.get("status"), String.valueOf(run));
        assertEquals("FULL", run.get("mode"));
        // Only the changed records carry the reconcile's stamp; the rest were read as they were stored.
        assertEquals(Set.of(Long.toString(USER)), readBy(run, "employee_sync_precoro_user", "id"));
        assertEquals(Set.of(EMPLOYEE), readBy(run, "employee_sync_netsuite_employee", "id"));
        assertEquals(1, database.count("SELECT count(*) FROM employee_sync_precoro_user WHERE id = " + USER
                + " AND email = 'someone.else@example.com'"));
        // Deleted upstream: gone from the copy, and the copy is otherwise complete.
        assertEquals(0, database.count("SELECT count(*) FROM employee_sync_precoro_user WHERE id = " + gone));
        assertEquals(users - 1, database.count("SELECT count(*) FROM employee_sync_precoro_user"));
        assertEquals(employees, database.count("SELECT count(*) FROM employee_sync_netsuite_employee"));
        assertEquals(1, mapping(gone, "NOT_MAPPED", "PRECORO_USER_GONE"));
        assertEquals(1, mapping(USER, "NOT_MAPPED", "NO_NETSUITE_EMPLOYEE"));
    }

    private long mapping(long precoroId, String status, String reason) {
        return database.count("SELECT count(*) FROM employee_mapping WHERE precoro_user_id = " + precoroId
                + " AND status = '" + status + "' AND reason_code " + (reason == null ? "IS NULL" : "= '" + reason + "'"));
    }

    private String watermark(String source) {
        return database.text("SELECT read_from FROM employee_sync_watermark WHERE source = '" + source + "'");
    }

    /** The ids of the copy's records that this run read (it stamped them with its id). */
    private Set<String> readBy(Map<String, Object> run, String table, String column) {
        Set<String> ids = new TreeSet<>();
        long count = database.count("SELECT count(*) FROM " + table + " WHERE run_id = " + run.get("id"));
        String list = database.text("SELECT string_agg(" + column + "::text, ',') FROM " + table + " WHERE run_id = "
                + run.get("id"));
        if (list != null) {
            ids.addAll(List.of(list.split(",")));
        }
        assertEquals(count, ids.size());
        return ids;
    }

    /** The Precoro users the sandbox lists for modifiedSince at this watermark. */
    private Set<String> expectedSince(Instant watermark) {
        return sandbox.precoro().users().modifiedSince(watermark.truncatedTo(ChronoUnit.SECONDS)).stream()
                .map(u -> Long.toString(u.id())).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String query(RequestLog.LoggedRequest request) {
        return java.net.URLDecoder.decode(String.valueOf(request.query()), java.nio.charset.StandardCharsets.UTF_8);
    }

    private List<RequestLog.LoggedRequest> userListRequests() {
        return sandbox.precoro().requests().all().stream()
                .filter(r -> r.method().equals("GET") && r.path().endsWith("/users")).toList();
    }
}
