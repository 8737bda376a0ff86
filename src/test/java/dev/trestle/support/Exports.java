package dev.trestle.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Export requests through the hub's GraphQL API: asking, deciding, and waiting for delivery outcomes. */
public final class Exports {

    /** Every field of an export request that the export tests look at. */
    public static final String FIELDS = "id kind sourceId status requestedBy decidedBy rejectionReason attempts "
            + "nextRetryAt errorCode errorDetail finishedAt "
            + "deliveries { status netsuiteId attempts externalId recordType procoreId errorCode errorDetail nextRetryAt "
            + "originStatus originAttempts originNextRetryAt originErrorCode originErrorDetail originRecordedAt }";

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String REQUEST = """
            mutation($kind: ExportKind!, $source: ID!, $project: ID) {
              requestExport(input: {kind: $kind, sourceId: $source, projectId: $project}) {
              id status requestedBy preview { destination recordType externalId: idempotencyKey body source { system type id } } } }""";
    private static final String APPROVE = "mutation($id: ID!) { approveExport(id: $id) { id status decidedBy } }";
    private static final String RETRY = "mutation($id: ID!) { retryExport(id: $id) { id status nextRetryAt } }";

    private Exports() {
    }

    /** Designates the users, by subject, as accounting approvers, as an admin. */
    public static void designate(String... users) {
        for (String user : users) {
            JsonPath designated = GraphQL.as("admin", "mutation($u: String!) { designateAccountingApprover(user: $u) { user } }",
                    Map.of("u", user));
            assertNull(designated.get("errors"), designated.prettify());
        }
    }

    /** The raw answer to requestExport by {@code user} with {@code roles}. */
    public static JsonPath request(String user, List<String> roles, String kind, String sourceId) {
        return GraphQL.as(user, roles, REQUEST, Map.of("kind", kind, "source", sourceId));
    }

    /** The raw answer to requestExport of a subcontractor invoice of {@code projectId} by the requester. */
    public static JsonPath requestInvoice(String invoiceId, String projectId) {
        Map<String, Object> variables = new java.util.HashMap<>(Map.of("kind", "SUBCONTRACTOR_INVOICE",
                "source", invoiceId));
        if (projectId != null) {
            variables.put("project", projectId);
        }
        return GraphQL.as("requester-user", List.of("requester"), REQUEST, variables);
    }

    /** Asks for an export as the requester; it must be accepted. Returns the answer (id, status, preview). */
    public static JsonPath request(String kind, String sourceId) {
        JsonPath requested = request("requester-user", List.of("requester"), kind, sourceId);
        assertNull(requested.get("errors"), requested.prettify());
        assertEquals("PENDING", requested.getString("data.requestExport.status"));
        return requested;
    }

    /** Approves as the designated approver {@code approver-user}; it must be accepted. */
    public static void approve(String id) {
        JsonPath approved = GraphQL.as("approver", APPROVE, Map.of("id", id));
        assertNull(approved.get("errors"), approved.prettify());
        assertEquals("approver-user", approved.getString("data.approveExport.decidedBy"));
    }

    /**
     * Retries a failed export as the designated approver {@code approver-user}; it must be accepted.
     * (The status it answers with may already be the new attempt's: delivery starts at once.)
     */
    public static void retry(String id) {
        long retriesBefore = auditActions(id).stream().filter("EXPORT_RETRY_REQUESTED"::equals).count();
        JsonPath retried = GraphQL.as("approver", RETRY, Map.of("id", id));
        assertNull(retried.get("errors"), retried.prettify());
        assertEquals(id, retried.getString("data.retryExport.id"));
        List<Map<String, Object>> trail = auditTrail(id);
        List<Map<String, Object>> retries = trail.stream()
                .filter(event -> "EXPORT_RETRY_REQUESTED".equals(event.get("action"))).toList();
        assertEquals(retriesBefore + 1, retries.size(), trail.toString());
        assertEquals("approver-user", retries.get(retries.size() - 1).get("actor"));
    }

    /** The export request as {@code exportRequests} lists it (every page is looked at). */
    public static Map<String, Object> exportRequest(String id) {
        String after = null;
        do {
            JsonPath page = GraphQL.as("viewer", "query($after: String) { exportRequests(first: 100, after: $after) { "
                    + "pageInfo { hasNextPage endCursor } edges { node { " + FIELDS + " } } } }",
                    after == null ? Map.of() : Map.of("after", after));
            assertNull(page.get("errors"), page.prettify());
            for (Map<String, Object> node : page.<Map<String, Object>>getList("data.exportRequests.edges.node")) {
                if (node.get("id").toString().equals(id)) {
                    return node;
                }
            }
            after = page.getBoolean("data.exportRequests.pageInfo.hasNextPage")
                    ? page.getString("data.exportRequests.pageInfo.endCursor")
                    : null;
        } while (after != null);
        return fail("no export request " + id);
    }

    /** Polls until the request has the status; fails after 60 s with the request as it was last seen. */
    public static Map<String, Object> awaitStatus(String id, String status) {
        return await(id, request -> status.equals(request.get("status")), "status " + status);
    }

    /** Polls until the request is EXPORTED and Procore holds every origin id of its writes. */
    public static Map<String, Object> awaitOriginsRecorded(String id) {
        return await(id, request -> "EXPORTED".equals(request.get("status"))
                && deliveries(request).stream().noneMatch(d -> "PENDING".equals(d.get("originStatus"))),
                "EXPORTED with every origin id recorded");
    }

    /** Polls until a failure is final: FAILED with no retry planned. */
    public static Map<String, Object> awaitFinalFailure(String id) {
        return await(id, request -> "FAILED".equals(request.get("status")) && request.get("nextRetryAt") == null
                && deliveries(request).stream().noneMatch(d -> "PENDING".equals(d.get("status"))),
                "FAILED with no retry planned");
    }

    /** Polls until {@code condition} holds for the request; fails after 60 s with the request as it was last seen. */
    public static Map<String, Object> await(String id, Predicate<Map<String, Object>> condition, String what) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Map<String, Object> request = exportRequest(id);
        while (!condition.test(request)) {
            if (System.nanoTime() > deadline) {
                return fail("export request " + id + " did not reach " + what + " within " + TIMEOUT + ": " + request);
            }
            pause(50);
            request = exportRequest(id);
        }
        return request;
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> deliveries(Map<String, Object> request) {
        return (List<Map<String, Object>>) request.get("deliveries");
    }

    /** The audit trail of a subject, oldest first: action, actor, details. */
    public static List<Map<String, Object>> auditTrail(String subjectId) {
        JsonPath trail = GraphQL.as("viewer", "query($s: ID!) { auditTrail(subjectId: $s) { action actor details } }",
                Map.of("s", subjectId));
        assertNull(trail.get("errors"), trail.prettify());
        return trail.getList("data.auditTrail");
    }

    /** Just the actions of {@link #auditTrail}. */
    public static List<String> auditActions(String subjectId) {
        return auditTrail(subjectId).stream().map(event -> (String) event.get("action")).toList();
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
