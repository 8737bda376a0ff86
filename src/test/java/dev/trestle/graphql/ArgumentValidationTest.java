package dev.trestle.graphql;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.Sandbox;
import dev.trestle.support.Database;
import dev.trestle.support.Exports;
import dev.trestle.support.GraphQL;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile arguments over HTTP, with a valid token: each is refused with INVALID_ARGUMENT before
 * the operation runs, the answer never contains what was sent, and nothing is logged as a failure.
 */
@QuarkusTest
class ArgumentValidationTest {

    private static final String EMPLOYEES = """
            query($filter: EmployeeFilter, $first: Int, $after: String) {
              employees(filter: $filter, first: $first, after: $after) { totalCount } }""";
    private static final String DESIGNATE = "mutation($u: String!) { designateAccountingApprover(user: $u) { user } }";
    private static final String MEGABYTE_MARKER = "m4rk-megabyte-";

    @Inject
    Sandbox sandbox;

    @Inject
    Database database;

    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logged) {
                logged.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void freshInstallationAndLogCapture() {
        Hub.freshInstallation(sandbox, database);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void noFailureWasLogged() {
        Logger.getLogger("").removeHandler(capture);
        synchronized (logged) {
            for (LogRecord record : logged) {
                assertNull(record.getThrown(), "logged with a stack trace: " + record.getMessage());
                assertTrue(record.getLevel().intValue() < Level.WARNING.intValue(),
                        "logged at " + record.getLevel() + ": " + record.getMessage());
                String message = String.valueOf(record.getMessage());
                assertFalse(message.contains("m4rk"), "the input reached the log: " + message);
            }
        }
    }

    @Test
    void nulInASearchFilter() {
        refused("viewer", EMPLOYEES, Map.of("filter", Map.of("search", "m4rk-search\u0000x")), "\"filter.search\"",
                "m4rk-search");
    }

    @Test
    void nulInAnId() {
        refused("viewer", "query($id: ID!) { auditTrail(subjectId: $id) { action } }", Map.of("id", "m4rk-id\u0000"),
                "\"subjectId\"", "m4rk-id");
        refused("approver", "mutation($id: ID!) { approveExport(id: $id) { id } }", Map.of("id", "1\u0000m4rk-approve"),
                "\"id\"", "m4rk-approve");
    }

    @Test
    void nulInAUserName() {
        refused("admin", DESIGNATE, Map.of("u", "m4rk-user\u0000"), "\"user\"", "m4rk-user");
        JsonPath approvers = GraphQL.as("viewer", "{ accountingApprovers { user } }");
        assertEquals(List.of(), approvers.getList("data.accountingApprovers"), "nothing was designated");
    }

    @Test
    void aMegabyteStringIsRefusedBeforeItIsRead() {
        String megabyte = MEGABYTE_MARKER + "x".repeat(1 << 20);
        String answer = given().contentType(ContentType.JSON).auth().oauth2(GraphQL.token("admin-user", "admin"))
                .body(Map.of("query", DESIGNATE, "variables", Map.of("u", megabyte)))
                .post("/graphql")
                .then().statusCode(413)
                .body("errors[0].extensions.code", equalTo("REQUEST_TOO_LARGE"))
                .extract().asString();
        assertFalse(answer.contains(MEGABYTE_MARKER), answer);
    }

    @Test
    void stringsOverTheirLimitWithinTheRequestSizeLimit() {
        String megabyte = MEGABYTE_MARKER + "x".repeat(40_000);
        refused("admin", DESIGNATE, Map.of("u", megabyte), "\"user\" must be at most 200 characters long", MEGABYTE_MARKER);
        refused("viewer", EMPLOYEES, Map.of("filter", Map.of("search", megabyte)), "\"filter.search\"", MEGABYTE_MARKER);
        refused("viewer", "query($s: String) { vendors(filter: {search: $s}) { totalCount } }", Map.of("s", megabyte),
                "\"filter.search\"", MEGABYTE_MARKER);
    }

    @Test
    void controlCharacters() {
        refused("viewer", EMPLOYEES, Map.of("filter", Map.of("search", "\u001b[31mm4rk-escape")), "\"filter.search\"",
                "m4rk-escape");
        refused("requester", """
                mutation($p: ID!, $n: ID!) { linkVendor(procoreVendorId: $p, netsuiteVendorId: $n) { linkStatus } }""",
                Map.of("p", "1\u0007m4rk-bell", "n", "2"), "\"procoreVendorId\"", "m4rk-bell");
        refused("requester", """
                mutation($s: ID!) { requestExport(input: {kind: VENDOR, sourceId: $s}) { id } }""",
                Map.of("s", "12\nm4rk-newline"), "\"input.sourceId\"", "m4rk-newline");
    }

    @Test
    void oversizedAndMalformedCursors() {
        refused("viewer", EMPLOYEES, Map.of("after", "m4rk-cursor" + "A".repeat(150)), "\"after\"", "m4rk-cursor");
        refused("viewer", EMPLOYEES, Map.of("after", "m4rk-cursor" + "A".repeat(40_000)), "\"after\"", "m4rk-cursor");
        refused("viewer", "query($after: String) { exportRequests(after: $after) { totalCount } }",
                Map.of("after", "m4rk-not-base64!"), "\"after\"", "m4rk-not-base64");
    }

    @Test
    void negativeAndHugePageSizes() {
        refused("viewer", EMPLOYEES, Map.of("first", -7), "\"first\" must be between 1 and 100", "-7");
        refused("viewer", EMPLOYEES, Map.of("first", Integer.MAX_VALUE), "\"first\"", String.valueOf(Integer.MAX_VALUE));
        refused("viewer", "query($first: Int!) { syncRuns(first: $first) { id } }", Map.of("first", -2_000_000_000),
                "\"first\" must be between 1 and 100", "2000000000");
        // Beyond 32 bits it is no GraphQL Int: the GraphQL layer refuses it before the operation runs, without echo.
        for (Object notAnInt : List.of(98_765_432_109L, 1.5)) {
            String answer = given().contentType(ContentType.JSON).auth().oauth2(GraphQL.token("viewer-user", "viewer"))
                    .body(Map.of("query", EMPLOYEES, "variables", Map.of("first", notAnInt)))
                    .post("/graphql").then().statusCode(200).extract().asString();
            JsonPath response = new JsonPath(answer);
            assertNull(response.get("data.employees"), answer);
            assertFalse(response.getList("errors").isEmpty(), answer);
            assertFalse(answer.contains("98765432109") || answer.contains("1.5"), answer);
        }
    }

    @Test
    void aRejectionReasonOfOnlyWhitespaceOrZeroWidthCharacters() {
        Exports.designate("approver-user");
        String vendor = Long.toString(sandbox.procoreDemoCases().procoreOnlyVendors().get(0));
        String id = Exports.request("VENDOR", vendor).getString("data.requestExport.id");
        String reject = "mutation($id: ID!, $reason: String!) { rejectExport(id: $id, reason: $reason) { status } }";
        for (String invisible : List.of(" \u200b\t\u200b\u2060 ", "\u200b\u200c\u200d\ufeff", "\u3164", "  \n\t ")) {
            refused("approver", reject, Map.of("id", id, "reason", invisible), "\"reason\" must contain visible text");
        }
        assertEquals("PENDING", Exports.exportRequest(id).get("status"), "the export was not rejected");
        JsonPath rejected = GraphQL.as("approver", reject, Map.of("id", id, "reason", "Wrong tax id.\n\tPlease fix."));
        assertNull(rejected.get("errors"), rejected.prettify());
        assertEquals("REJECTED", rejected.getString("data.rejectExport.status"));
    }

    /** Sends the operation as a user with {@code role}; it must be refused as INVALID_ARGUMENT without echoing. */
    private static void refused(String role, String query, Map<String, Object> variables, String messageStart,
            String... notInAnswer) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        String answer = given().contentType(ContentType.JSON)
                .auth().oauth2(GraphQL.token(role + "-user", role))
                .body(body)
                .post("/graphql")
                .then().statusCode(200)
                .extract().asString();
        JsonPath response = new JsonPath(answer);
        assertEquals("INVALID_ARGUMENT", GraphQL.errorCode(response), answer.length() > 2000 ? answer.substring(0, 2000) : answer);
        assertTrue(response.getString("errors[0].message").startsWith(messageStart), response.getString("errors[0].message"));
        for (String input : notInAnswer) {
            assertFalse(answer.contains(input), "the answer repeats the input: " + answer);
        }
        assertTrue(answer.length() < 2_000, "a short answer, not the input: " + answer.length() + " characters");
    }
}
