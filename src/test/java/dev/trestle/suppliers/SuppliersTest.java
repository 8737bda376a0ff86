package dev.trestle.suppliers;

import static dev.trestle.support.GraphQL.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.Fault;
import dev.trestle.sandbox.PurchasingDemoCases;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.support.Database;
import dev.trestle.support.GraphQL;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Precoro suppliers and their NetSuite vendors over GraphQL, against the sandbox's purchasing demo (suppliers 301 to
 * 306, see PurchasingDemoCases) and PostgreSQL.
 */
@QuarkusTest
class SuppliersTest {

    private static final String LIST = """
            query($filter: SupplierFilter, $first: Int, $after: String) {
              suppliers(filter: $filter, first: $first, after: $after) {
                totalCount pageInfo { hasNextPage endCursor }
                edges { cursor node { id name enabled currency netSuiteId externalId linkStatus linkMethod note
                  link { method linkedBy linkedAt left { system type id } right { system type id } }
                  netsuiteVendor { id companyName inactive }
                  suggestions { score reasons netsuiteVendor { id companyName } } } } } }""";
    private static final String LINK = """
            mutation($s: ID!, $n: ID!) { linkSupplier(supplierId: $s, netsuiteVendorId: $n) {
              id linkStatus linkMethod link { method linkedBy } netsuiteVendor { id companyName } suggestions { score } } }""";
    private static final String UNLINK = """
            mutation($s: ID!) { unlinkSupplier(supplierId: $s) {
              id linkStatus linkMethod link { method } netsuiteVendor { id } note
              suggestions { score reasons netsuiteVendor { id } } } }""";

    @Inject
    Sandbox sandbox;
    @Inject
    Database database;
    @Inject
    RecentSuppliers recentSuppliers;
    @Inject
    SupplierLinks supplierLinks;

    private PurchasingDemoCases cases;

    @BeforeEach
    void fresh() {
        Hub.freshInstallation(sandbox, database);
        // The sandbox starts afresh, and with it what Precoro was asked: so does the hub's memory of its answers.
        recentSuppliers.forget();
        cases = sandbox.purchasingDemoCases();
    }

    @Test
    void aSupplierCarryingItsNetSuiteIdIsLinkedByItOnceAndAudited() {
        JsonPath page = list(null, 100, null);
        assertEquals(6, page.getInt("data.suppliers.totalCount"), page.prettify());
        Map<String, Object> acme = node(page, PurchasingDemoCases.ACME_SUPPLIER_ID);
        assertEquals("Acme Safety Supply", acme.get("name"));
        assertEquals("USD", acme.get("currency"));
        assertEquals("2027", acme.get("netSuiteId"));
        assertEquals("LINKED", acme.get("linkStatus"));
        assertEquals("ERP_ID", acme.get("linkMethod"));
        assertEquals(PurchasingDemoCases.ACME_NETSUITE_VENDOR_ID, vendorOf(acme).get("id"));
        assertEquals("Acme Safety Supply", vendorOf(acme).get("companyName"));
        assertEquals(SupplierLinks.ERP_ID_ACTOR, link(acme).get("linkedBy"));
        assertEquals(Map.of("system", "PRECORO", "type", "supplier", "id", "301"), link(acme).get("left"));
        assertEquals(List.of(), acme.get("suggestions"), "a linked supplier needs no suggestions");
        for (Map.Entry<Long, String> integrated : cases.integratedSuppliers().entrySet()) {
            Map<String, Object> supplier = node(page, integrated.getKey());
            assertEquals("LINKED", supplier.get("linkStatus"), supplier.toString());
            assertEquals(integrated.getValue(), vendorOf(supplier).get("id"));
        }
        // The vendor Precoro names is inactive in NetSuite: it is still the one Precoro's integration uses.
        Map<String, Object> redwood = node(page, cases.inactiveVendorSupplier());
        assertEquals("ERP_ID", redwood.get("linkMethod"));
        assertEquals(PurchasingDemoCases.INACTIVE_NETSUITE_VENDOR_ID, vendorOf(redwood).get("id"));
        assertEquals(true, vendorOf(redwood).get("inactive"));

        assertEquals(4, database.count("SELECT count(*) FROM record_link WHERE kind = 'SUPPLIER' AND method = 'ERP_ID'"));
        assertEquals(4, database.count("SELECT count(*) FROM audit_event WHERE action = 'SUPPLIER_LINKED' AND actor = '"
                + SupplierLinks.ERP_ID_ACTOR + "' AND subject_type = 'PrecoroSupplier'"));
        assertEquals(1, database.count("SELECT count(*) FROM audit_event WHERE action = 'SUPPLIER_LINKED' AND "
                + "subject_id = '301' AND details LIKE '%2027 (ERP_ID)%'"));

        // Read again: the links are there, none is made twice.
        JsonPath again = list(Map.of("linkStatus", List.of("LINKED")), 100, null);
        assertEquals(List.of("301", "302", "303", "304"), again.getList("data.suppliers.edges.node.id"));
        assertEquals(4, database.count("SELECT count(*) FROM record_link"));
        assertEquals(4, database.count("SELECT count(*) FROM audit_event"));
    }

    @Test
    void aSupplierWithoutNetSuiteIdIsNotLinkedAndGetsRankedSuggestionsWithReasons() {
        String plain = addVendor("VALLEY HARDWARE", false);
        String withSuffix = addVendor("Valley Hardware, Inc.", false);
        addVendor("Valley Hardware Co", true);
        addVendor("Valley Hardwood Floors", false);

        JsonPath page = list(Map.of("linkStatus", List.of("NOT_LINKED")), 100, null);
        assertEquals(List.of("305", "306"), page.getList("data.suppliers.edges.node.id"), page.prettify());
        Map<String, Object> valley = node(page, cases.notIntegratedSupplier());
        assertNull(valley.get("linkMethod"));
        assertNull(valley.get("link"));
        assertNull(valley.get("netsuiteVendor"));
        assertNull(valley.get("note"), "it carries no NetSuite id: there is nothing to explain");
        List<Map<String, Object>> suggestions = suggestions(valley);
        // Same name once case, punctuation and legal suffixes are ignored; the inactive one and the merely
        // similar one are left out; equal scores by NetSuite id.
        assertEquals(List.of(plain, withSuffix), suggestions.stream().map(s -> vendorOf(s).get("id")).toList());
        for (Map<String, Object> suggestion : suggestions) {
            assertEquals(0.5f, ((Number) suggestion.get("score")).floatValue(), 0.0001f);
            assertEquals(List.of("NAME"), suggestion.get("reasons"));
        }
        Map<String, Object> bayside = node(page, cases.disabledSupplier());
        assertEquals(false, bayside.get("enabled"));
        assertEquals(List.of(), bayside.get("suggestions"));
        // Suggesting links nothing.
        assertEquals(0, database.count("SELECT count(*) FROM record_link WHERE left_id IN ('305', '306')"));

        JsonPath searched = list(Map.of("search", "  valley "), 100, null);
        assertEquals(List.of("305"), searched.getList("data.suppliers.edges.node.id"));
    }

    @Test
    void aNetSuiteIdThatNamesNoVendorLinksNothingAndTheAnswerSaysSo() {
        sandbox.precoro().suppliers().setNetSuiteId(cases.notIntegratedSupplier(), "99999");

        Map<String, Object> valley = node(list(null, 100, null), cases.notIntegratedSupplier());
        assertEquals("NOT_LINKED", valley.get("linkStatus"));
        assertEquals("99999", valley.get("netSuiteId"));
        assertTrue(((String) valley.get("note")).contains("99999, which names no NetSuite vendor"), valley.toString());
        assertEquals(0, database.count("SELECT count(*) FROM record_link WHERE left_id = '305'"));
        assertEquals(0, database.count("SELECT count(*) FROM audit_event WHERE subject_id = '305'"));
    }

    @Test
    void pagesBySupplierId() {
        JsonPath first = list(null, 4, null);
        assertEquals(List.of("301", "302", "303", "304"), first.getList("data.suppliers.edges.node.id"));
        assertTrue(first.getBoolean("data.suppliers.pageInfo.hasNextPage"));
        JsonPath second = list(null, 4, first.getString("data.suppliers.pageInfo.endCursor"));
        assertEquals(List.of("305", "306"), second.getList("data.suppliers.edges.node.id"), second.prettify());
        assertFalse(second.getBoolean("data.suppliers.pageInfo.hasNextPage"));
        assertEquals(6, second.getInt("data.suppliers.totalCount"));
        assertEquals(1, sandbox.precoro().requests().count(), "one Precoro request for both pages and six suppliers");

        assertEquals("INVALID_ARGUMENT", errorCode(list(null, 101, null)));
        assertEquals("INVALID_ARGUMENT", errorCode(list(null, 10, "not-a-cursor")));
    }

    @Test
    void aPersonLinksUnlinksAndTheNetSuiteIdDoesNotLinkItAgain() {
        String valleyVendor = addVendor("Valley Hardware", false);
        list(null, 100, null);

        JsonPath linked = link("requester", cases.notIntegratedSupplier(), valleyVendor);
        assertNull(linked.get("errors"), linked.prettify());
        assertEquals("LINKED", linked.getString("data.linkSupplier.linkStatus"));
        assertEquals("MANUAL", linked.getString("data.linkSupplier.linkMethod"));
        assertEquals("requester-user", linked.getString("data.linkSupplier.link.linkedBy"));
        assertEquals(valleyVendor, linked.getString("data.linkSupplier.netsuiteVendor.id"));
        assertEquals(1, database.count("SELECT count(*) FROM audit_event WHERE action = 'SUPPLIER_LINKED' AND actor = "
                + "'requester-user' AND subject_type = 'PrecoroSupplier' AND subject_id = '305'"));
        assertEquals("MANUAL", node(list(null, 100, null), cases.notIntegratedSupplier()).get("linkMethod"));

        // One to one, on both sides.
        assertEquals("ALREADY_LINKED", errorCode(link("approver", cases.disabledSupplier(), valleyVendor)));
        assertEquals("ALREADY_LINKED", errorCode(link("approver", cases.notIntegratedSupplier(),
                PurchasingDemoCases.ACME_NETSUITE_VENDOR_ID)));
        assertEquals("ALREADY_LINKED", errorCode(link("approver", cases.disabledSupplier(),
                PurchasingDemoCases.ACME_NETSUITE_VENDOR_ID)));

        JsonPath unlinked = GraphQL.as("admin", UNLINK, Map.of("s", "301"));
        assertNull(unlinked.get("errors"), unlinked.prettify());
        assertEquals("NOT_LINKED", unlinked.getString("data.unlinkSupplier.linkStatus"));
        assertNull(unlinked.get("data.unlinkSupplier.link"));
        assertTrue(unlinked.getString("data.unlinkSupplier.note").contains("A person unlinked it"), unlinked.prettify());
        // Its vendor is free again, and the best suggestion.
        assertEquals(List.of(PurchasingDemoCases.ACME_NETSUITE_VENDOR_ID),
                unlinked.getList("data.unlinkSupplier.suggestions.netsuiteVendor.id"));
        assertEquals(1, database.count("SELECT count(*) FROM audit_event WHERE action = 'SUPPLIER_UNLINKED' AND actor = "
                + "'admin-user' AND subject_id = '301'"));

        // Neither the list nor the purchase order flow's lookup links it by its NetSuite id again.
        Map<String, Object> acme = node(list(null, 100, null), PurchasingDemoCases.ACME_SUPPLIER_ID);
        assertEquals("NOT_LINKED", acme.get("linkStatus"), acme.toString());
        assertTrue(((String) acme.get("note")).contains("A person unlinked it"), acme.toString());
        assertNull(supplierLinks.vendorOf(PurchasingDemoCases.ACME_SUPPLIER_ID, "Acme Safety Supply").await()
                .atMost(Duration.ofSeconds(30)).vendorId());
        assertEquals(0, database.count("SELECT count(*) FROM record_link WHERE left_id = '301' AND unlinked_at IS NULL"));
        assertEquals(1, database.count("SELECT count(*) FROM record_link WHERE left_id = '301'"), "kept for history");
        assertEquals("NOT_LINKED", errorCode(GraphQL.as("admin", UNLINK, Map.of("s", "301"))));

        // A person may link it again, to whichever vendor is right.
        JsonPath relinked = link("admin", PurchasingDemoCases.ACME_SUPPLIER_ID, PurchasingDemoCases.ACME_NETSUITE_VENDOR_ID);
        assertEquals("MANUAL", relinked.getString("data.linkSupplier.linkMethod"), relinked.prettify());
    }

    @Test
    void onlyRequestersApproversAndAdminsLinkAndUnlink() {
        list(null, 100, null);
        assertEquals("FORBIDDEN", errorCode(link("viewer", cases.notIntegratedSupplier(), "2001")));
        assertEquals("FORBIDDEN", errorCode(GraphQL.as("viewer", UNLINK, Map.of("s", "301"))));
        assertEquals(0, database.count("SELECT count(*) FROM record_link WHERE method = 'MANUAL' OR unlinked_at IS NOT NULL"));
        assertEquals(0, database.count("SELECT count(*) FROM audit_event WHERE actor = 'viewer-user'"));
    }

    @Test
    void unknownRecordsAreNotFoundAndIdsThatCannotBeIdsAreInvalid() {
        assertEquals("NOT_FOUND", errorCode(link("requester", 999, "2001")));
        assertEquals("NOT_FOUND", errorCode(link("requester", cases.notIntegratedSupplier(), "999999")));
        assertEquals("INVALID_ARGUMENT", errorCode(GraphQL.as("requester", LINK, Map.of("s", "abc", "n", "2001"))));
        assertEquals("INVALID_ARGUMENT", errorCode(GraphQL.as("requester", LINK, Map.of("s", "305", "n", "V2001"))));
        assertEquals("INVALID_ARGUMENT", errorCode(GraphQL.as("requester", UNLINK, Map.of("s", "-1"))));
        assertEquals("NOT_LINKED", errorCode(GraphQL.as("requester", UNLINK, Map.of("s", "999"))));
        assertEquals(0, database.count("SELECT count(*) FROM record_link"));
    }

    @Test
    void aPrecoroThrottleOnTheListIsAnErrorWithItsCodeNeverAStackTrace() {
        sandbox.precoro().knobs().failNext(1, Fault.THROTTLE);
        JsonPath failed = list(null, 100, null);
        assertEquals("UPSTREAM_RATE_LIMITED", errorCode(failed), failed.prettify());
        assertNoStackTrace(failed);
        assertEquals(0, database.count("SELECT count(*) FROM record_link"));
    }

    @Test
    void aPrecoroServerErrorOnTheListIsAnErrorWithItsCodeNeverAStackTrace() {
        sandbox.precoro().knobs().failNext(10, Fault.SERVER_ERROR);
        JsonPath failed = list(null, 100, null);
        assertEquals("UPSTREAM_ERROR", errorCode(failed), failed.prettify());
        assertEquals("PRECORO", failed.getString("errors[0].extensions.upstream"), failed.prettify());
        assertNull(failed.get("data.suppliers"));
        assertNoStackTrace(failed);
    }

    private static void assertNoStackTrace(JsonPath failed) {
        assertTrue(!failed.prettify().contains("dev.trestle.") && !failed.prettify().contains("\tat ")
                && !failed.prettify().contains("java."), "no stack trace: " + failed.prettify());
    }

    private String addVendor(String name, boolean inactive) {
        JsonObject fields = new JsonObject().put("entityId", "V-" + name.hashCode()).put("companyName", name)
                .put("isPerson", false).put("isInactive", inactive);
        return String.valueOf(sandbox.netsuite().records("vendor").add(null, fields, Instant.now()).id());
    }

    private static JsonPath list(Map<String, Object> filter, int first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("first", first);
        if (filter != null) {
            variables.put("filter", filter);
        }
        if (after != null) {
            variables.put("after", after);
        }
        return GraphQL.as("viewer", LIST, variables);
    }

    private static JsonPath link(String role, long supplierId, String netsuiteVendorId) {
        return GraphQL.as(role, LINK, Map.of("s", String.valueOf(supplierId), "n", netsuiteVendorId));
    }

    private static Map<String, Object> node(JsonPath page, long supplierId) {
        assertNull(page.get("errors"), page.prettify());
        List<Map<String, Object>> nodes = page.getList("data.suppliers.edges.node");
        return nodes.stream().filter(n -> n.get("id").equals(String.valueOf(supplierId))).findFirst()
                .orElseThrow(() -> new AssertionError("no supplier " + supplierId + " in " + page.prettify()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> vendorOf(Map<String, Object> node) {
        return (Map<String, Object>) node.get("netsuiteVendor");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> link(Map<String, Object> node) {
        return (Map<String, Object>) node.get("link");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> suggestions(Map<String, Object> node) {
        return (List<Map<String, Object>>) node.get("suggestions");
    }
}
