package dev.trestle.bills;

import static dev.trestle.support.GraphQL.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.projects.ProjectTestData;
import dev.trestle.sandbox.ProcoreDemoCases;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.sandbox.procore.ProcoreRequisition;
import dev.trestle.support.Database;
import dev.trestle.support.Exports;
import dev.trestle.support.GraphQL;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bills connection and a bill's document trail, over GraphQL. */
@QuarkusTest
class BillsGraphQLTest {

    private static final String PROJECT = String.valueOf(ProcoreDemoCases.LINKED_PROJECT);
    private static final String BILLS = """
            query($filter: BillFilter, $first: Int, $after: String) { bills(filter: $filter, first: $first, after: $after) {
              totalCount pageInfo { hasNextPage endCursor }
              edges { cursor node { id status
                procoreInvoice { id invoiceNumber status projectId vendorId currentPaymentDue { amount currency } originId }
                netsuiteBill { id tranId externalId vendorId total { amount currency } }
                link { method left { system type id } right { system type id } }
                exportRequest { id status } } } } }""";
    private static final String TRAIL = """
            query($id: ID!) { documentTrail(subjectId: $id) { at system action description actor actorSubject
              exportRequestId } }""";

    @Inject
    Sandbox sandbox;

    @Inject
    Database database;

    @BeforeEach
    void linked() {
        Hub.freshInstallation(sandbox, database);
        ProjectTestData.connectedAsInTheDemo(database);
        Exports.designate("approver-user");
        VendorBillExportTest.linkDemoRecords(sandbox, database);
    }

    @Test
    void everyInvoiceIsABillWithItsNetSuiteSideAndExportStatus() {
        String id = export(ProcoreDemoCases.APPROVED_INVOICE);

        JsonPath all = bills(Map.of("first", 100));
        assertEquals(ProcoreDemoCases.INVOICES.size(), all.getInt("data.bills.totalCount"));
        Map<String, Object> exported = node(all, ProcoreDemoCases.APPROVED_INVOICE);
        assertEquals("EXPORTED", exported.get("status"));
        assertEquals("procore-requisition-" + ProcoreDemoCases.APPROVED_INVOICE, exported.get("id"));
        ProcoreRequisition invoice = sandbox.procore().requisitions().get(ProcoreDemoCases.APPROVED_INVOICE).orElseThrow();
        Map<String, Object> due = Map.of("amount", invoice.currentPaymentDue().setScale(2).toPlainString(),
                "currency", "USD");
        assertEquals(due, get(exported, "procoreInvoice.currentPaymentDue"));
        assertEquals(due, get(exported, "netsuiteBill.total"), "the bill's total is the invoice's payment due");
        assertEquals(invoice.invoiceNumber(), get(exported, "netsuiteBill.tranId"));
        assertEquals(ProcoreDemoCases.LINKED_VENDOR_A_NETSUITE, get(exported, "netsuiteBill.vendorId"));
        String billId = (String) get(exported, "netsuiteBill.id");
        assertEquals(billId, get(exported, "procoreInvoice.originId"));
        assertEquals(Map.of("system", "NETSUITE", "type", "vendorBill", "id", billId), get(exported, "link.right"));
        assertEquals("EXPORT", get(exported, "link.method"));
        assertEquals(id, get(exported, "exportRequest.id"));

        Map<String, Object> draft = node(all, ProcoreDemoCases.DRAFT_INVOICES.get(0));
        assertEquals("NOT_REQUESTED", draft.get("status"));
        assertNull(draft.get("netsuiteBill"));
        assertNull(draft.get("link"));
        assertNull(draft.get("exportRequest"));
    }

    @Test
    void filtersAndPagesAreExact() {
        export(ProcoreDemoCases.APPROVED_INVOICE);

        assertEquals(List.of("procore-requisition-" + ProcoreDemoCases.APPROVED_INVOICE),
                ids(bills(Map.of("filter", Map.of("status", List.of("EXPORTED"))))));
        assertEquals(ProcoreDemoCases.INVOICES.size() - 1,
                bills(Map.of("filter", Map.of("status", List.of("NOT_REQUESTED")))).getInt("data.bills.totalCount"));
        JsonPath onProject = bills(Map.of("filter", Map.of("projectId",
                String.valueOf(ProcoreDemoCases.INVOICE_PROJECT_NOT_EXPORTED))));
        assertEquals(List.of("procore-requisition-" + ProcoreDemoCases.INVOICE_ON_PROJECT_NOT_EXPORTED), ids(onProject));
        JsonPath ofVendor = bills(Map.of("filter", Map.of("vendorId",
                String.valueOf(ProcoreDemoCases.INVOICE_VENDOR_NOT_LINKED))));
        assertEquals(List.of("procore-requisition-" + ProcoreDemoCases.INVOICE_OF_UNLINKED_VENDOR), ids(ofVendor));

        List<String> paged = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>(Map.of("first", 5));
            if (after != null) {
                variables.put("after", after);
            }
            JsonPath page = bills(variables);
            paged.addAll(ids(page));
            after = page.getBoolean("data.bills.pageInfo.hasNextPage") ? page.getString("data.bills.pageInfo.endCursor")
                    : null;
        } while (after != null);
        assertEquals(ProcoreDemoCases.INVOICES.stream().map(i -> "procore-requisition-" + i).toList(), paged);

        assertEquals("INVALID_ARGUMENT", errorCode(GraphQL.as("viewer", BILLS,
                Map.of("filter", Map.of("projectId", "P-1001")))));
        assertEquals("INVALID_ARGUMENT", errorCode(GraphQL.as("viewer", BILLS, Map.of("after", "bm90LWEtY3Vyc29y"))));
        assertEquals("NOT_FOUND", errorCode(GraphQL.as("viewer", BILLS,
                Map.of("filter", Map.of("projectId", "5199999999")))));
    }

    @Test
    void aBillsTrailRunsFromProcoreApprovalToTheCloseOutWithWhoAndWhen() {
        String id = export(ProcoreDemoCases.APPROVED_INVOICE);

        JsonPath trail = GraphQL.as("viewer", TRAIL, Map.of("id", String.valueOf(ProcoreDemoCases.APPROVED_INVOICE)));

        assertNull(trail.get("errors"), trail.prettify());
        List<Map<String, Object>> steps = trail.getList("data.documentTrail");
        assertEquals(List.of("INVOICE_APPROVED", "EXPORT_REQUESTED", "EXPORT_APPROVED", "EXPORT_WRITE_DELIVERED",
                "EXPORT_COMPLETED", "EXPORT_ORIGIN_RECORDED"), steps.stream().map(s -> s.get("action")).toList());
        assertEquals(List.of("PROCORE", "", "", "NETSUITE", "", "PROCORE"),
                steps.stream().map(s -> s.get("system") == null ? "" : s.get("system")).toList());
        assertEquals("requester-user", steps.get(1).get("actorSubject"));
        assertEquals("approver-user", steps.get(2).get("actorSubject"));
        for (Map<String, Object> step : steps) {
            assertEquals(id, step.get("exportRequestId"), step.toString());
        }
        List<String> times = steps.stream().map(s -> (String) s.get("at")).toList();
        assertEquals(times.stream().sorted().toList(), times, "oldest first");
        String billId = String.valueOf(sandbox.netsuite().records("vendorBill")
                .byExternalId("procore-requisition-" + ProcoreDemoCases.APPROVED_INVOICE).orElseThrow().id());
        assertTrue(((String) steps.get(5).get("description")).contains(billId), steps.get(5).toString());

        JsonPath never = GraphQL.as("viewer", TRAIL, Map.of("id", String.valueOf(ProcoreDemoCases.DRAFT_INVOICES.get(0))));
        assertEquals(List.of(), never.getList("data.documentTrail"));
    }

    private String export(long invoiceId) {
        JsonPath requested = Exports.requestInvoice(String.valueOf(invoiceId), PROJECT);
        assertNull(requested.get("errors"), requested.prettify());
        String id = requested.getString("data.requestExport.id");
        Exports.approve(id);
        Exports.awaitOriginsRecorded(id);
        return id;
    }

    private static JsonPath bills(Map<String, Object> variables) {
        JsonPath page = GraphQL.as("viewer", BILLS, variables);
        assertNull(page.get("errors"), page.prettify());
        return page;
    }

    private static List<String> ids(JsonPath page) {
        return page.getList("data.bills.edges.node.id");
    }

    private static Map<String, Object> node(JsonPath page, long invoiceId) {
        return page.<Map<String, Object>>getList("data.bills.edges.node").stream()
                .filter(node -> node.get("id").equals("procore-requisition-" + invoiceId)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Object get(Map<String, Object> node, String path) {
        Object value = node;
        for (String key : path.split("\\.")) {
            value = ((Map<String, Object>) value).get(key);
        }
        return value;
    }
}
