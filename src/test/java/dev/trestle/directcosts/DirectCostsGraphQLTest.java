package dev.trestle.directcosts;

import static dev.trestle.support.GraphQL.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trestle.connectors.procore.ProcoreConnector;
import dev.trestle.connectors.procore.ProcoreDirectCostLineUpdate;
import dev.trestle.connectors.procore.ProcoreDirectCostUpdate;
import dev.trestle.connectors.procore.ProcoreSyncResult;
import dev.trestle.money.Money;
import dev.trestle.sandbox.Fault;
import dev.trestle.sandbox.MoneyBackDemoCases;
import dev.trestle.sandbox.ProcoreDemoCases;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.support.Database;
import dev.trestle.support.GraphQL;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The directCosts query over GraphQL against the sandbox's Procore over real HTTP: direct costs written from NetSuite
 * bills and journals (origin ids as the planner makes them) and one written by another system, with exact amounts,
 * filters, paging and refusals.
 */
@QuarkusTest
class DirectCostsGraphQLTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long PROJECT = ProcoreDemoCases.LINKED_PROJECT;
    private static final String QUERY = """
            query($projectId: ID!, $filter: DirectCostFilter, $first: Int, $after: String) {
              directCosts(projectId: $projectId, filter: $filter, first: $first, after: $after) {
                totalCount pageInfo { hasNextPage endCursor }
                edges { cursor node { id projectId type date invoiceNumber vendorId vendorName description
                  amount { amount currency } status originId netsuiteDocument { system type id } } } } }""";

    @Inject
    Sandbox sandbox;
    @Inject
    Database database;
    @Inject
    ProcoreConnector procore;

    @ConfigProperty(name = "trestle.procore.retry.max-retries")
    int procoreRetries;

    private MoneyBackDemoCases cases;
    private String billOrigin;
    private String journalOrigin;
    private Map<String, Long> ids;

    @BeforeEach
    void directCostsInProcore() {
        Hub.freshInstallation(sandbox, database);
        sandbox.resetWithMoneyBackDemo();
        cases = sandbox.moneyBackCases();
        billOrigin = DirectCostPlanner.originId(document(CostDocument.Type.BILL, cases.billsNotFromProcore().get(0)),
                PROJECT);
        journalOrigin = DirectCostPlanner.originId(document(CostDocument.Type.JOURNAL, cases.journals().get(0)),
                PROJECT);
        ProcoreSyncResult costs = procore.syncDirectCosts(PROJECT, List.of(
                new ProcoreDirectCostUpdate(billOrigin, "invoice", LocalDate.of(2025, 11, 20), "ACME-EQ-311",
                        ProcoreDemoCases.LINKED_VENDOR_A, "approved", "Bill ACME-EQ-311", null, null, null, null),
                new ProcoreDirectCostUpdate(journalOrigin, "expense", LocalDate.of(2025, 11, 30), null, null,
                        "approved", "Journal JE-1101", null, null, null, null),
                new ProcoreDirectCostUpdate("other-erp-expense-77", "expense", LocalDate.of(2025, 12, 2), null, null,
                        "pending", "Booked by another system", null, null, null, null))).await().atMost(WAIT);
        ids = costs.syncedByOrigin();
        assertEquals(3, ids.size(), costs.rejectedByOrigin().toString());
        long wbs = procore.wbsCodes(PROJECT).await().atMost(WAIT).stream().filter(w -> "01-100.E".equals(w.flatCode()))
                .findFirst().orElseThrow().id();
        ProcoreSyncResult lines = procore.syncDirectCostLines(PROJECT, List.of(
                ProcoreDirectCostLineUpdate.onWbsCode(billOrigin + "-line-1", ids.get(billOrigin), usd("1250.00"),
                        "Rebar chairs and ties", wbs),
                ProcoreDirectCostLineUpdate.onWbsCode(billOrigin + "-line-2", ids.get(billOrigin), usd("640.01"),
                        "Scissor lift, one week", wbs),
                ProcoreDirectCostLineUpdate.onWbsCode(journalOrigin + "-line-0", ids.get(journalOrigin),
                        usd("1510.45"), "Crane and tools", wbs),
                ProcoreDirectCostLineUpdate.onWbsCode("other-erp-expense-77-1", ids.get("other-erp-expense-77"),
                        usd("0.10"), "Ten cents", wbs))).await().atMost(WAIT);
        assertEquals(4, lines.syncedByOrigin().size(), lines.rejectedByOrigin().toString());
    }

    @Test
    void aProjectsDirectCostsCarryExactAmountsAndTheNetSuiteDocumentTheyCameFrom() {
        JsonPath page = query(Map.of("projectId", String.valueOf(PROJECT)));

        List<Map<String, Object>> nodes = page.getList("data.directCosts.edges.node");
        long inProcore = sandbox.procore().directCosts().matching(c -> c.projectId() == PROJECT).size();
        assertEquals(inProcore, page.getInt("data.directCosts.totalCount"));
        Map<String, Object> bill = node(nodes, billOrigin);
        assertEquals("INVOICE", bill.get("type"));
        assertEquals("2025-11-20", bill.get("date"));
        assertEquals("ACME-EQ-311", bill.get("invoiceNumber"));
        assertEquals(String.valueOf(ProcoreDemoCases.LINKED_VENDOR_A), bill.get("vendorId"));
        assertEquals(Map.of("amount", "1890.01", "currency", "USD"), bill.get("amount"), "the sum of its lines, exact");
        assertEquals("approved", bill.get("status"));
        assertEquals(String.valueOf(PROJECT), bill.get("projectId"));
        assertEquals(Map.of("system", "NETSUITE", "type", "vendorBill", "id",
                cases.billsNotFromProcore().get(0).toString()), bill.get("netsuiteDocument"));
        Map<String, Object> journal = node(nodes, journalOrigin);
        assertEquals("EXPENSE", journal.get("type"));
        assertNull(journal.get("vendorId"));
        assertEquals(Map.of("amount", "1510.45", "currency", "USD"), journal.get("amount"));
        assertEquals(Map.of("system", "NETSUITE", "type", "journalEntry", "id", cases.journals().get(0).toString()),
                journal.get("netsuiteDocument"));
        Map<String, Object> other = node(nodes, "other-erp-expense-77");
        assertEquals(Map.of("amount", "0.10", "currency", "USD"), other.get("amount"));
        assertEquals("pending", other.get("status"));
        assertNull(other.get("netsuiteDocument"), "not an origin id of the hub's");
    }

    @Test
    void filtersAndPagesAreExact() {
        String project = String.valueOf(PROJECT);
        assertEquals(List.of(id(billOrigin)), ids(query(Map.of("projectId", project,
                "filter", Map.of("type", List.of("INVOICE"))))));
        assertEquals(List.of(id(billOrigin), id(journalOrigin)), ids(query(Map.of("projectId", project,
                "filter", Map.of("fromNetSuite", true)))));
        List<String> notOurs = ids(query(Map.of("projectId", project, "filter", Map.of("fromNetSuite", false))));
        assertEquals(List.of(id("other-erp-expense-77")), notOurs.stream().filter(ids.values().stream()
                .map(String::valueOf).toList()::contains).toList());
        assertEquals(List.of(id(journalOrigin)), ids(query(Map.of("projectId", project,
                "filter", Map.of("fromNetSuite", true, "type", List.of("EXPENSE", "PAYROLL"))))));

        List<String> paged = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>(Map.of("projectId", project, "first", 1));
            if (after != null) {
                variables.put("after", after);
            }
            JsonPath page = query(variables);
            paged.addAll(ids(page));
            after = page.getBoolean("data.directCosts.pageInfo.hasNextPage")
                    ? page.getString("data.directCosts.pageInfo.endCursor") : null;
        } while (after != null);
        assertEquals(ids(query(Map.of("projectId", project, "first", 100))), paged);
        assertEquals(paged.stream().sorted((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b))).toList(),
                paged, "by direct cost id");
    }

    @Test
    void badInputUnknownProjectsWrongRolesAndOutagesAreClearErrors() {
        assertEquals("INVALID_ARGUMENT", errorCode(GraphQL.as("viewer", QUERY, Map.of("projectId", "P-1001"))));
        assertEquals("INVALID_ARGUMENT", errorCode(GraphQL.as("viewer", QUERY,
                Map.of("projectId", String.valueOf(PROJECT), "first", 0))));
        assertEquals("INVALID_ARGUMENT", errorCode(GraphQL.as("viewer", QUERY,
                Map.of("projectId", String.valueOf(PROJECT), "after", "bm90LWEtY3Vyc29y"))));
        assertEquals("INVALID_ARGUMENT", errorCode(GraphQL.as("viewer", QUERY,
                Map.of("projectId", String.valueOf(PROJECT), "filter", Map.of("type", List.of("RENT"))))));
        assertEquals("NOT_FOUND", errorCode(GraphQL.as("viewer", QUERY, Map.of("projectId", "5199999999"))));
        for (String role : List.of("viewer", "requester", "approver", "admin")) {
            JsonPath read = GraphQL.as(role, QUERY, Map.of("projectId", String.valueOf(PROJECT)));
            assertNull(read.get("errors"), role + ": " + read.prettify());
        }
        assertEquals("FORBIDDEN", errorCode(GraphQL.withToken(GraphQL.token("nobody"), QUERY,
                Map.of("projectId", String.valueOf(PROJECT)))));

        sandbox.procore().knobs().failNext(procoreRetries + 1, Fault.SERVER_ERROR);
        JsonPath failed = GraphQL.as("viewer", QUERY, Map.of("projectId", String.valueOf(PROJECT)));
        assertEquals("UPSTREAM_ERROR", errorCode(failed), failed.prettify());
        assertEquals("PROCORE", failed.getString("errors[0].extensions.upstream"));
    }

    private static CostDocument document(CostDocument.Type type, long id) {
        return new CostDocument(type, String.valueOf(id), null, null, null, List.of());
    }

    private static Money usd(String amount) {
        return Money.parse(amount, "USD");
    }

    private String id(String origin) {
        return String.valueOf(ids.get(origin));
    }

    private static JsonPath query(Map<String, Object> variables) {
        JsonPath page = GraphQL.as("viewer", QUERY, variables);
        assertNull(page.get("errors"), page.prettify());
        return page;
    }

    private static List<String> ids(JsonPath page) {
        return page.getList("data.directCosts.edges.node.id");
    }

    private static Map<String, Object> node(List<Map<String, Object>> nodes, String origin) {
        return nodes.stream().filter(n -> origin.equals(n.get("originId"))).findFirst()
                .orElseThrow(() -> new AssertionError(origin + " not in " + nodes));
    }
}
