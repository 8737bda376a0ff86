package dev.trestle.bills;

import static dev.trestle.support.GraphQL.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.links.Links;
import dev.trestle.payments.CommitmentPaymentPlanner;
import dev.trestle.sandbox.Fault;
import dev.trestle.sandbox.MoneyBackDemoCases;
import dev.trestle.sandbox.ProcoreDemoCases;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.sandbox.procore.ProcoreContractPayment;
import dev.trestle.support.Database;
import dev.trestle.support.GraphQL;
import dev.trestle.support.MoneyBack;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The money back on the bills graph over GraphQL, against the sandbox's money-back demo over real HTTP: each bill's
 * NetSuite payments with the Procore commitment payments they were imported as, the payment state and its filter,
 * and the document trail from the invoice to the commitment payments.
 */
@QuarkusTest
class BillPaymentsGraphQLTest {

    private static final String PROJECT = String.valueOf(ProcoreDemoCases.LINKED_PROJECT);
    private static final String BILLS = """
            query($filter: BillFilter, $first: Int, $after: String) { bills(filter: $filter, first: $first, after: $after) {
              totalCount pageInfo { hasNextPage endCursor }
              edges { node { id paymentState netsuiteBill { id total { amount currency } }
                payments { id checkNumber date amountApplied { amount currency } voided deleted
                  commitmentPayment { id originId importedAt drift } } } } } }""";
    private static final String IMPORT = "mutation { requestImport(input: {kind: BILL_PAYMENTS}) { status created } }";
    private static final String TRAIL = "query($id: ID!) { documentTrail(subjectId: $id) { at system action description } }";

    @Inject
    Sandbox sandbox;
    @Inject
    Database database;
    @Inject
    Links links;
    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "trestle.netsuite.retry.max-retries")
    int netsuiteRetries;

    private MoneyBackDemoCases cases;

    @BeforeEach
    void demo() {
        // The bills were exported from the Procore invoices: the hub holds their links.
        cases = MoneyBack.demo(sandbox, database);
    }

    @Test
    void eachBillListsItsPaymentsWithExactAmountsAndTheCommitmentPaymentsTheyBecame() {
        JsonPath imported = GraphQL.as("requester", IMPORT);
        assertEquals("EXPORTED", imported.getString("data.requestImport.status"), imported.prettify());
        long applicationReads = requests("vendor_bills.applications");
        long headerReads = requests("vendor_payments.headers_by_ids");

        JsonPath page = bills(Map.of("filter", Map.of("projectId", PROJECT), "first", 100));

        assertEquals(applicationReads + 1, requests("vendor_bills.applications"),
                "one read of the link table for every bill of the page");
        assertEquals(headerReads + 1, requests("vendor_payments.headers_by_ids"), "and one of the payments");
        Map<String, Object> first = node(page, 0);
        assertEquals("PAID", first.get("paymentState"));
        List<Map<String, Object>> firstPayments = payments(first);
        assertEquals(1, firstPayments.size(), firstPayments.toString());
        Map<String, Object> overSeveral = firstPayments.get(0);
        assertEquals(cases.paymentOverSeveralBills().toString(), overSeveral.get("id"));
        assertEquals("CHK-5001", overSeveral.get("checkNumber"));
        assertEquals("2025-11-14", overSeveral.get("date"));
        assertEquals(Map.of("amount", "22500.00", "currency", "USD"), overSeveral.get("amountApplied"));
        assertEquals(false, overSeveral.get("voided"));
        assertEquals(false, overSeveral.get("deleted"));
        String origin = CommitmentPaymentPlanner.originId(cases.paymentOverSeveralBills().toString(),
                cases.procoreBills().get(0).toString());
        ProcoreContractPayment inProcore = sandbox.procore().contractPayments().byOriginId(origin).orElseThrow();
        assertEquals(Map.of("id", String.valueOf(inProcore.id()), "originId", origin, "drift", "NONE"),
                withoutImportedAt(overSeveral));

        Map<String, Object> second = node(page, 1);
        assertEquals("PAID", second.get("paymentState"), "4,000.00 and 5,000.00 of 9,000.00");
        assertEquals(List.of(cases.paymentOverSeveralBills().toString(), cases.partialPayment().toString()),
                payments(second).stream().map(p -> p.get("id")).toList());
        assertEquals(List.of("4000.00", "5000.00"), amounts(second));

        Map<String, Object> third = node(page, 2);
        assertEquals("PARTIALLY_PAID", third.get("paymentState"), "5,000.00 of 12,000.00");
        assertEquals(List.of(cases.paymentToVoid().toString(), cases.paymentToDelete().toString()),
                payments(third).stream().map(p -> p.get("id")).toList(), "the payment voided before is not listed");
        assertEquals(List.of("3000.00", "2000.00"), amounts(third));

        JsonPath plain = bills(Map.of("filter", Map.of("status", List.of("NOT_REQUESTED")), "first", 100));
        Map<String, Object> notInNetSuite = plain.<Map<String, Object>>getList("data.bills.edges.node").stream()
                .filter(n -> n.get("netsuiteBill") == null).findFirst().orElseThrow();
        assertEquals(List.of(), notInNetSuite.get("payments"));
        assertNull(notInNetSuite.get("paymentState"));
    }

    @Test
    void paymentsVoidedOrDeletedAfterTheImportStayListedAsDrift() {
        assertEquals("EXPORTED", GraphQL.as("requester", IMPORT).getString("data.requestImport.status"));
        sandbox.netsuite().voidPayment(cases.paymentToVoid());
        sandbox.netsuite().records("vendorPayment").remove(cases.paymentToDelete());

        Map<String, Object> third = node(bills(Map.of("filter", Map.of("projectId", PROJECT), "first", 100)), 2);

        assertEquals("UNPAID", third.get("paymentState"), "neither pays anything now");
        List<Map<String, Object>> payments = payments(third);
        assertEquals(2, payments.size(), payments.toString());
        Map<String, Object> voided = payments.get(0);
        assertEquals(cases.paymentToVoid().toString(), voided.get("id"));
        assertEquals(true, voided.get("voided"));
        assertEquals(Map.of("amount", "0.00", "currency", "USD"), voided.get("amountApplied"));
        assertEquals("VOIDED", ((Map<?, ?>) voided.get("commitmentPayment")).get("drift"));
        Map<String, Object> deleted = payments.get(1);
        assertEquals(cases.paymentToDelete().toString(), deleted.get("id"));
        assertEquals(true, deleted.get("deleted"));
        assertNull(deleted.get("amountApplied"));
        assertNull(deleted.get("checkNumber"));
        assertEquals("DELETED", ((Map<?, ?>) deleted.get("commitmentPayment")).get("drift"));
        assertEquals(CommitmentPaymentPlanner.originId(cases.paymentToDelete().toString(),
                cases.procoreBills().get(2).toString()), ((Map<?, ?>) deleted.get("commitmentPayment")).get("originId"));
    }

    @Test
    void billsFilterByPaymentStateOverEveryInvoiceNotOnlyThePage() {
        String bill1 = VendorBillPlanner.externalId(cases.exportedInvoices().get(0));
        String bill2 = VendorBillPlanner.externalId(cases.exportedInvoices().get(1));
        String bill3 = VendorBillPlanner.externalId(cases.exportedInvoices().get(2));

        JsonPath paid = bills(Map.of("filter", Map.of("paymentState", List.of("PAID")), "first", 1));
        assertEquals(2, paid.getInt("data.bills.totalCount"));
        assertEquals(List.of(bill1), ids(paid));
        assertEquals(List.of(bill2), ids(bills(Map.of("filter", Map.of("paymentState", List.of("PAID")), "first", 1,
                "after", paid.getString("data.bills.pageInfo.endCursor")))));
        assertEquals(List.of(bill3), ids(bills(Map.of("filter", Map.of("paymentState", List.of("PARTIALLY_PAID"))))));
        assertEquals(List.of(), ids(bills(Map.of("filter", Map.of("paymentState", List.of("UNPAID"))))),
                "invoices without a NetSuite bill have no payment state");
        assertEquals(List.of(bill1, bill2, bill3), ids(bills(Map.of("filter",
                Map.of("paymentState", List.of("PAID", "PARTIALLY_PAID", "UNPAID"), "projectId", PROJECT)))));

        // Voided in NetSuite: its amount no longer counts.
        sandbox.netsuite().voidPayment(cases.partialPayment());
        assertEquals(List.of(bill2, bill3), ids(bills(Map.of("filter", Map.of("paymentState",
                List.of("PARTIALLY_PAID"))))));
        sandbox.netsuite().voidPayment(cases.paymentToVoid());
        sandbox.netsuite().voidPayment(cases.paymentToDelete());
        assertEquals(List.of(bill3), ids(bills(Map.of("filter", Map.of("paymentState", List.of("UNPAID"))))));

        JsonPath unknown = GraphQL.as("viewer", BILLS, Map.of("filter", Map.of("paymentState", List.of("OWED"))));
        assertEquals("INVALID_ARGUMENT", errorCode(unknown), unknown.prettify());
        JsonPath inline = GraphQL.as("viewer", "{ bills(filter: {paymentState: [OWED]}) { totalCount } }");
        assertEquals("GRAPHQL_VALIDATION_FAILED", errorCode(inline), inline.prettify());
    }

    @Test
    void anInvoicesTrailGoesOnToItsBillsPaymentsAndTheirCommitmentPayments() {
        assertEquals("EXPORTED", GraphQL.as("requester", IMPORT).getString("data.requestImport.status"));
        String secondInvoice = cases.exportedInvoices().get(1).toString();

        List<Map<String, Object>> trail = trail(secondInvoice);

        assertEquals(List.of("BILL_LINKED", "BILL_PAYMENT", "COMMITMENT_PAYMENT_RECORDED", "BILL_PAYMENT",
                "COMMITMENT_PAYMENT_RECORDED"), trail.stream().map(s -> s.get("action")).toList(), trail.toString());
        assertEquals(List.of("", "NETSUITE", "PROCORE", "NETSUITE", "PROCORE"),
                trail.stream().map(s -> s.get("system") == null ? "" : s.get("system")).toList());
        assertTrue(((String) trail.get(1).get("description")).contains("CHK-5001")
                && ((String) trail.get(1).get("description")).contains("4000.00 USD"), trail.get(1).toString());
        assertEquals("2025-11-14T00:00:00Z", trail.get(1).get("at"), "a payment is dated by its day");
        long commitmentPayment = sandbox.procore().contractPayments().byOriginId(CommitmentPaymentPlanner.originId(
                cases.partialPayment().toString(), cases.procoreBills().get(1).toString())).orElseThrow().id();
        assertTrue(((String) trail.get(4).get("description")).contains(String.valueOf(commitmentPayment)),
                trail.get(4).toString());

        sandbox.netsuite().voidPayment(cases.paymentToVoid());
        List<Map<String, Object>> third = trail(cases.exportedInvoices().get(2).toString());
        assertEquals(List.of("BILL_LINKED", "BILL_PAYMENT", "COMMITMENT_PAYMENT_RECORDED", "PAYMENT_DRIFT",
                "BILL_PAYMENT", "COMMITMENT_PAYMENT_RECORDED"), third.stream().map(s -> s.get("action")).toList(),
                third.toString());
        assertTrue(((String) third.get(3).get("description")).contains("voided"), third.get(3).toString());
    }

    @Test
    void aNetSuiteOutageIsAClearErrorOnTheBillsAndAStepOfTheTrail() {
        sandbox.netsuite().knobs().failNext(netsuiteRetries + 1, Fault.SERVER_ERROR);
        JsonPath failed = GraphQL.as("viewer", BILLS, Map.of("filter", Map.of("projectId", PROJECT)));
        assertEquals("UPSTREAM_ERROR", errorCode(failed), failed.prettify());
        assertEquals("NETSUITE", failed.getString("errors[0].extensions.upstream"), failed.prettify());
        assertTrue(!failed.prettify().contains("dev.trestle.") && !failed.prettify().contains("\tat "),
                "no stack trace: " + failed.prettify());

        sandbox.netsuite().knobs().failNext(netsuiteRetries + 1, Fault.SERVER_ERROR);
        List<Map<String, Object>> trail = trail(cases.exportedInvoices().get(0).toString());
        assertEquals(List.of("BILL_LINKED", "PAYMENTS_UNREADABLE"), trail.stream().map(s -> s.get("action")).toList(),
                trail.toString());
    }

    @Test
    void readingPaymentsNeedsAReadRole() {
        String nobody = GraphQL.token("nobody");
        assertEquals("FORBIDDEN", errorCode(GraphQL.withToken(nobody,
                "{ bills(first: 1) { edges { node { paymentState payments { id } } } } }", Map.of())));
    }

    private long requests(String operation) {
        return registry.find("trestle.upstream.requests").tags("system", "netsuite", "operation", operation).timers()
                .stream().mapToLong(Timer::count).sum();
    }

    private static List<Map<String, Object>> trail(String invoice) {
        JsonPath trail = GraphQL.as("viewer", TRAIL, Map.of("id", invoice));
        assertNull(trail.get("errors"), trail.prettify());
        return trail.getList("data.documentTrail");
    }

    private static JsonPath bills(Map<String, Object> variables) {
        JsonPath page = GraphQL.as("viewer", BILLS, variables);
        assertNull(page.get("errors"), page.prettify());
        return page;
    }

    private static List<String> ids(JsonPath page) {
        return page.getList("data.bills.edges.node.id");
    }

    /** The demo's exported invoices are the project's last three, in order. */
    private Map<String, Object> node(JsonPath page, int exported) {
        String id = VendorBillPlanner.externalId(cases.exportedInvoices().get(exported));
        return page.<Map<String, Object>>getList("data.bills.edges.node").stream().filter(n -> n.get("id").equals(id))
                .findFirst().orElseThrow(() -> new AssertionError(id + " not in " + page.prettify()));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> payments(Map<String, Object> node) {
        return (List<Map<String, Object>>) node.get("payments");
    }

    @SuppressWarnings("unchecked")
    private static List<String> amounts(Map<String, Object> node) {
        return payments(node).stream().map(p -> ((Map<String, String>) p.get("amountApplied")).get("amount")).toList();
    }

    private static Map<String, Object> withoutImportedAt(Map<String, Object> payment) {
        @SuppressWarnings("unchecked")
        Map<String, Object> imported = new HashMap<>((Map<String, Object>) payment.get("commitmentPayment"));
        assertTrue(imported.remove("importedAt") instanceof String, imported.toString());
        return imported;
    }
}
