package dev.trestle.security;

import static dev.trestle.support.GraphQL.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.projects.ProjectTestData;
import dev.trestle.sandbox.ProcoreDemoCases;
import dev.trestle.sandbox.PurchasingDemoCases;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.support.Database;
import dev.trestle.support.Exports;
import dev.trestle.support.GraphQL;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which roles may call which mutation: every mutation of the schema, called by each role. A role
 * that may not is refused with FORBIDDEN and nothing changes; a role that may gets past the role
 * check and the call does what it says (or fails for the domain reason given in the table).
 * Every caller is a designated accounting approver, so that only the role decides.
 */
@QuarkusTest
class MutationRolesTest {

    private static final List<String> ROLES = List.of(Roles.VIEWER, Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN);
    private static final long WESTFIELD = 5_100_000_008L;
    /** Another requester and another approver, for requests the caller decides on. */
    private static final String PM = "pm-user";
    private static final String OTHER_APPROVER = "other-approver";

    /**
     * One mutation: the roles that may call it, the call, the state it needs (prepared for the
     * calling user, returning the variables), and what a permitted call must have done.
     */
    private record Row(Set<String> allowed, String document, Setup setup, Outcome outcome) {
    }

    @FunctionalInterface
    private interface Setup {
        Map<String, Object> prepare(MutationRolesTest test, String caller);
    }

    @FunctionalInterface
    private interface Outcome {
        void check(MutationRolesTest test, String caller, JsonPath answer);
    }

    private static final Map<String, Row> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put("requestExport", new Row(Set.of(Roles.REQUESTER, Roles.ADMIN), """
                mutation($v: ID!) { requestExport(input: {kind: VENDOR, sourceId: $v}) { id status requestedBy requestedBySubject } }""",
                (test, caller) -> Map.of("v", test.vendor()),
                (test, caller, answer) -> {
                    succeeded(answer);
                    assertEquals("PENDING", answer.getString("data.requestExport.status"));
                    assertEquals(caller, answer.getString("data.requestExport.requestedBy"));
                    // Dev tokens name the caller by subject and name alike.
                    assertEquals(caller, answer.getString("data.requestExport.requestedBySubject"));
                }));
        TABLE.put("approveExport", new Row(Set.of(Roles.APPROVER), """
                mutation($id: ID!) { approveExport(id: $id) { id status decidedBy decidedBySubject } }""",
                (test, caller) -> Map.of("id", test.pendingExport(PM)),
                (test, caller, answer) -> {
                    succeeded(answer);
                    assertEquals(caller, answer.getString("data.approveExport.decidedBy"));
                    assertEquals(caller, answer.getString("data.approveExport.decidedBySubject"));
                    // Delivery starts at once; it is over before the next test starts.
                    Exports.awaitStatus(answer.getString("data.approveExport.id"), "EXPORTED");
                }));
        TABLE.put("rejectExport", new Row(Set.of(Roles.APPROVER), """
                mutation($id: ID!) { rejectExport(id: $id, reason: "Wrong legal name") { status decidedBy } }""",
                (test, caller) -> Map.of("id", test.pendingExport(PM)),
                (test, caller, answer) -> {
                    succeeded(answer);
                    assertEquals("REJECTED", answer.getString("data.rejectExport.status"));
                    assertEquals(caller, answer.getString("data.rejectExport.decidedBy"));
                }));
        TABLE.put("resubmitExport", new Row(Set.of(Roles.REQUESTER, Roles.ADMIN), """
                mutation($id: ID!) { resubmitExport(id: $id) { status requestedBy } }""",
                (test, caller) -> Map.of("id", test.rejectedExport(caller)),
                (test, caller, answer) -> {
                    succeeded(answer);
                    assertEquals("PENDING", answer.getString("data.resubmitExport.status"));
                }));
        TABLE.put("retryExport", new Row(Set.of(Roles.APPROVER), """
                mutation($id: ID!) { retryExport(id: $id) { id status } }""",
                (test, caller) -> Map.of("id", test.failedExport()),
                (test, caller, answer) -> {
                    succeeded(answer);
                    // NetSuite still refuses it: the retry ends as the first attempt did.
                    String id = answer.getString("data.retryExport.id");
                    Exports.await(id, request -> (int) request.get("attempts") == 2 && "FAILED".equals(request.get("status")),
                            "a second failed attempt");
                    assertTrue(Exports.auditTrail(id).stream().anyMatch(event ->
                            "EXPORT_RETRY_REQUESTED".equals(event.get("action")) && caller.equals(event.get("actor"))));
                }));
        TABLE.put("linkVendor", new Row(Set.of(Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN), """
                mutation($p: ID!, $n: ID!) { linkVendor(procoreVendorId: $p, netsuiteVendorId: $n) {
                  linkStatus link { linkedBy method } } }""",
                (test, caller) -> Map.of("p", String.valueOf(test.match().procoreId()), "n", test.match().netsuiteId()),
                (test, caller, answer) -> {
                    succeeded(answer);
                    assertEquals("LINKED", answer.getString("data.linkVendor.linkStatus"));
                    assertEquals(caller, answer.getString("data.linkVendor.link.linkedBy"));
                    assertEquals("MANUAL", answer.getString("data.linkVendor.link.method"));
                }));
        TABLE.put("unlinkVendor", new Row(Set.of(Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN), """
                mutation($p: ID!) { unlinkVendor(procoreVendorId: $p) { linkStatus } }""",
                (test, caller) -> Map.of("p", test.linkedVendor()),
                (test, caller, answer) -> {
                    succeeded(answer);
                    assertEquals("PROCORE_ONLY", answer.getString("data.unlinkVendor.linkStatus"));
                    assertEquals(0, test.database.count("SELECT count(*) FROM record_link WHERE unlinked_at IS NULL"));
                }));
        TABLE.put("linkSupplier", new Row(Set.of(Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN), """
                mutation($s: ID!, $n: ID!) { linkSupplier(supplierId: $s, netsuiteVendorId: $n) {
                  linkStatus link { linkedBy method } } }""",
                (test, caller) -> Map.of("s", String.valueOf(PurchasingDemoCases.NOT_INTEGRATED_SUPPLIER_ID), "n", "2001"),
                (test, caller, answer) -> {
                    succeeded(answer);
                    assertEquals("LINKED", answer.getString("data.linkSupplier.linkStatus"));
                    assertEquals(caller, answer.getString("data.linkSupplier.link.linkedBy"));
                    assertEquals("MANUAL", answer.getString("data.linkSupplier.link.method"));
                }));
        TABLE.put("unlinkSupplier", new Row(Set.of(Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN), """
                mutation($s: ID!) { unlinkSupplier(supplierId: $s) { linkStatus } }""",
                (test, caller) -> Map.of("s", test.linkedSupplier()),
                (test, caller, answer) -> {
                    succeeded(answer);
                    assertEquals("NOT_LINKED", answer.getString("data.unlinkSupplier.linkStatus"));
                    assertEquals(0, test.database.count("SELECT count(*) FROM record_link WHERE unlinked_at IS NULL"));
                }));
        TABLE.put("requestImport", new Row(Set.of(Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN), """
                mutation { requestImport(input: {kind: VENDORS}) { created skipped } }""",
                (test, caller) -> Map.of(),
                (test, caller, answer) -> {
                    succeeded(answer);
                    assertTrue(answer.getInt("data.requestImport.created") > 0, answer.prettify());
                }));
        TABLE.put("designateAccountingApprover", new Row(Set.of(Roles.ADMIN), """
                mutation { designateAccountingApprover(user: "zoe") { user designatedBy designatedBySubject } }""",
                (test, caller) -> Map.of(),
                (test, caller, answer) -> {
                    succeeded(answer);
                    assertEquals("zoe", answer.getString("data.designateAccountingApprover.user"));
                    assertEquals(caller, answer.getString("data.designateAccountingApprover.designatedBy"));
                    assertEquals(caller, answer.getString("data.designateAccountingApprover.designatedBySubject"));
                }));
        TABLE.put("withdrawAccountingApprover", new Row(Set.of(Roles.ADMIN), """
                mutation { withdrawAccountingApprover(user: "other-approver") }""",
                (test, caller) -> Map.of(),
                (test, caller, answer) -> {
                    succeeded(answer);
                    assertTrue(answer.getBoolean("data.withdrawAccountingApprover"));
                }));
        TABLE.put("enableEmployeeSync", new Row(Set.of(Roles.ADMIN), """
                mutation { enableEmployeeSync(confirm: true) { settings { employeeSyncEnabled } initialRun { id } } }""",
                (test, caller) -> Map.of(),
                (test, caller, answer) -> {
                    succeeded(answer);
                    assertTrue(answer.getBoolean("data.enableEmployeeSync.settings.employeeSyncEnabled"));
                    Hub.awaitRun(answer.getLong("data.enableEmployeeSync.initialRun.id"));
                }));
        TABLE.put("setPurchaseOrderAutoApproval", new Row(Set.of(Roles.ADMIN), """
                mutation { setPurchaseOrderAutoApproval(enabled: true) { autoApprovePurchaseOrders
                  autoApprovePurchaseOrdersBy } }""",
                (test, caller) -> Map.of(),
                (test, caller, answer) -> {
                    succeeded(answer);
                    assertTrue(answer.getBoolean("data.setPurchaseOrderAutoApproval.autoApprovePurchaseOrders"));
                    assertEquals(caller, answer.getString("data.setPurchaseOrderAutoApproval.autoApprovePurchaseOrdersBy"));
                }));
        TABLE.put("disableEmployeeSync", new Row(Set.of(Roles.ADMIN), """
                mutation { disableEmployeeSync { employeeSyncEnabled } }""",
                (test, caller) -> Map.of(),
                (test, caller, answer) -> {
                    // Off it is: the answer says so. (Once on, it is refused as SETTING_IRREVERSIBLE.)
                    succeeded(answer);
                    assertEquals(false, answer.getBoolean("data.disableEmployeeSync.employeeSyncEnabled"));
                }));
        TABLE.put("runEmployeeSync", new Row(Set.of(Roles.ADMIN), """
                mutation { runEmployeeSync { id status trigger requestedBy } }""",
                (test, caller) -> {
                    test.database.execute("UPDATE integration_settings SET employee_sync_enabled = true, "
                            + "employee_sync_enabled_at = now(), employee_sync_enabled_by = 'admin-user'");
                    return Map.of();
                },
                (test, caller, answer) -> {
                    succeeded(answer);
                    assertEquals("ON_REQUEST", answer.getString("data.runEmployeeSync.trigger"));
                    assertEquals(caller, answer.getString("data.runEmployeeSync.requestedBy"));
                    Hub.awaitRun(answer.getLong("data.runEmployeeSync.id"));
                }));
    }

    @Inject
    Sandbox sandbox;

    @Inject
    Database database;

    @BeforeEach
    void freshInstallation() {
        Hub.freshInstallation(sandbox, database);
        ProjectTestData.connectedAsInTheDemo(database);
        List<String> everyone = ROLES.stream().map(role -> role + "-user").collect(Collectors.toList());
        everyone.add(OTHER_APPROVER);
        Exports.designate(everyone.toArray(String[]::new));
    }

    static Stream<Arguments> everyMutationAndRole() {
        return TABLE.keySet().stream().flatMap(mutation -> ROLES.stream().map(role -> Arguments.of(mutation, role)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyMutationAndRole")
    void aRoleCallsAMutationOnlyWhenItMay(String mutation, String role) {
        Row row = TABLE.get(mutation);
        String caller = role + "-user";
        Map<String, Object> variables = row.setup().prepare(this, caller);
        Map<String, Object> before = state();

        JsonPath answer = GraphQL.as(role, row.document(), variables);

        if (row.allowed().contains(role)) {
            assertNotEquals("FORBIDDEN", errorCode(answer), answer.prettify());
            row.outcome().check(this, caller, answer);
        } else {
            assertEquals("FORBIDDEN", errorCode(answer), answer.prettify());
            assertTrue(answer.getString("errors[0].message").contains("needs one of the roles"), answer.prettify());
            assertNull(answer.get("data"), answer.prettify());
            assertEquals(before, state(), "a refused call changes nothing");
        }
    }

    @Test
    void everyMutationOfTheSchemaIsInTheTable() {
        JsonPath schema = GraphQL.as("viewer", "{ __schema { mutationType { fields { name } } } }");
        assertNull(schema.get("errors"), schema.prettify());
        Set<String> served = new TreeSet<>(schema.getList("data.__schema.mutationType.fields.name"));
        assertEquals(served, new TreeSet<>(TABLE.keySet()),
                "a mutation without a row in MutationRolesTest's table, or a row for a mutation that is gone");
        for (Map.Entry<String, Row> row : TABLE.entrySet()) {
            assertTrue(Pattern.compile("\\{\\s*" + row.getKey() + "\\b").matcher(row.getValue().document()).find(),
                    "the row of " + row.getKey() + " calls it");
        }
    }

    @Test
    void everyRoleIsInTheTable() throws IllegalAccessException {
        Set<String> roles = new TreeSet<>();
        for (Field field : Roles.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                roles.add((String) field.get(null));
            }
        }
        assertEquals(roles, new TreeSet<>(ROLES));
        assertTrue(TABLE.values().stream().allMatch(row -> ROLES.containsAll(row.allowed())));
    }

    // ---- the state calls need ----------------------------------------------------------------------------

    private String vendor() {
        return String.valueOf(sandbox.procoreDemoCases().procoreOnlyVendors().get(0));
    }

    private ProcoreDemoCases.VendorMatch match() {
        return sandbox.procoreDemoCases().vendorNameMatches().get(0);
    }

    /** A pending vendor export asked for by {@code requester}. */
    private String pendingExport(String requester) {
        JsonPath requested = Exports.request(requester, List.of(Roles.REQUESTER), "VENDOR", vendor());
        assertNull(requested.get("errors"), requested.prettify());
        return requested.getString("data.requestExport.id");
    }

    /** A vendor export asked for by {@code requester} and rejected by another approver. */
    private String rejectedExport(String requester) {
        String id = pendingExport(requester);
        JsonPath rejected = GraphQL.as(OTHER_APPROVER, List.of(Roles.APPROVER),
                "mutation($id: ID!) { rejectExport(id: $id, reason: \"Wrong legal name\") { status } }", Map.of("id", id));
        assertEquals("REJECTED", rejected.getString("data.rejectExport.status"), rejected.prettify());
        return id;
    }

    /** A project export that NetSuite refused (its Job ID is taken), so it waits FAILED for an approver. */
    private String failedExport() {
        JsonPath requested = Exports.request(PM, List.of(Roles.REQUESTER), "PROJECT", String.valueOf(WESTFIELD));
        assertNull(requested.get("errors"), requested.prettify());
        String id = requested.getString("data.requestExport.id");
        sandbox.netsuite().records("job").add("entered-by-hand", new JsonObject().put("entityId", "P-1008")
                .put("companyName", "Westfield (by hand)").put("parent", new JsonObject().put("id", "1500"))
                .put("subsidiary", new JsonObject().put("id", "1")), Instant.now());
        JsonPath approved = GraphQL.as(OTHER_APPROVER, List.of(Roles.APPROVER),
                "mutation($id: ID!) { approveExport(id: $id) { status } }", Map.of("id", id));
        assertNull(approved.get("errors"), approved.prettify());
        Exports.awaitFinalFailure(id);
        return id;
    }

    /** A Precoro supplier linked by hand to a NetSuite vendor. */
    private String linkedSupplier() {
        String supplierId = String.valueOf(PurchasingDemoCases.NOT_INTEGRATED_SUPPLIER_ID);
        JsonPath linked = GraphQL.as("admin", "mutation($s: ID!, $n: ID!) { linkSupplier(supplierId: $s, "
                + "netsuiteVendorId: $n) { linkStatus } }", Map.of("s", supplierId, "n", "2001"));
        assertEquals("LINKED", linked.getString("data.linkSupplier.linkStatus"), linked.prettify());
        return supplierId;
    }

    /** A Procore vendor linked by hand to a NetSuite vendor. */
    private String linkedVendor() {
        String procoreId = String.valueOf(match().procoreId());
        JsonPath linked = GraphQL.as("admin", "mutation($p: ID!, $n: ID!) { linkVendor(procoreVendorId: $p, "
                + "netsuiteVendorId: $n) { linkStatus } }", Map.of("p", procoreId, "n", match().netsuiteId()));
        assertEquals("LINKED", linked.getString("data.linkVendor.linkStatus"), linked.prettify());
        return procoreId;
    }

    private static void succeeded(JsonPath answer) {
        assertNull(answer.get("errors"), answer.prettify());
    }

    /** What a mutation could change: the hub's tables, its settings, and the upstream systems. */
    private Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        for (String table : List.of("export_request", "export_delivery", "record_link", "accounting_approver",
                "audit_event", "sync_run")) {
            state.put(table, database.count("SELECT count(*) FROM " + table));
        }
        state.put("pending exports", database.count("SELECT count(*) FROM export_request WHERE status = 'PENDING'"));
        state.put("open links", database.count("SELECT count(*) FROM record_link WHERE unlinked_at IS NULL"));
        state.put("employee sync", database.count("SELECT count(*) FROM integration_settings WHERE employee_sync_enabled"));
        state.put("NetSuite writes", sandbox.netsuite().requests().writeCount());
        state.put("Procore companies", sandbox.procore().vendors().count());
        return state;
    }
}
