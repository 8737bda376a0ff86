package dev.trestle.vendors;

import static dev.trestle.support.GraphQL.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trestle.sandbox.ProcoreDemoCases;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.support.Database;
import dev.trestle.support.GraphQL;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The joined vendor list, match suggestions, and linking and unlinking, over GraphQL. */
@QuarkusTest
class VendorsTest {

    /** The demo data: 40 Procore companies and 30 NetSuite vendors (see ProcoreDemoCases). */
    private static final int PROCORE_VENDORS = 40;
    private static final int NETSUITE_VENDORS = 30;

    private static final String LIST = """
            query($filter: VendorFilter, $first: Int, $after: String) {
              vendors(filter: $filter, first: $first, after: $after) {
                totalCount pageInfo { hasNextPage endCursor }
                edges { cursor node { id linkStatus
                  procoreVendor { id name email phone active originId }
                  netsuiteVendor { id entityId companyName email phone inactive externalId }
                  link { method linkedBy linkedAt } } } } }""";
    private static final String SUGGESTIONS = """
            query($id: ID!) { vendorMatchSuggestions(procoreVendorId: $id) {
              score reasons netsuiteVendor { id companyName inactive } } }""";
    private static final String LINK = """
            mutation($p: ID!, $n: ID!) { linkVendor(procoreVendorId: $p, netsuiteVendorId: $n) {
              id linkStatus procoreVendor { id } netsuiteVendor { id } link { method linkedBy linkedAt } } }""";
    private static final String UNLINK = """
            mutation($p: ID!) { unlinkVendor(procoreVendorId: $p) { id linkStatus netsuiteVendor { id } link { method } } }""";

    @Inject
    Sandbox sandbox;

    @Inject
    Database database;

    private ProcoreDemoCases cases;

    @BeforeEach
    void fresh() {
        Hub.freshInstallation(sandbox, database);
        cases = sandbox.procoreDemoCases();
    }

    @Test
    void listsEveryVendorOfBothSystemsUntilLinked() {
        JsonPath all = list(null, 100, null);
        assertEquals(PROCORE_VENDORS + NETSUITE_VENDORS, all.getInt("data.vendors.totalCount"));
        assertFalse(all.getBoolean("data.vendors.pageInfo.hasNextPage"));
        assertEquals(PROCORE_VENDORS, count(list(Map.of("linkStatus", List.of("PROCORE_ONLY")), 100, null)));
        assertEquals(NETSUITE_VENDORS, count(list(Map.of("linkStatus", List.of("NETSUITE_ONLY")), 100, null)));
        assertEquals(0, count(list(Map.of("linkStatus", List.of("LINKED")), 100, null)));

        ProcoreDemoCases.VendorMatch match = cases.vendorNameMatches().get(0);
        link("requester", match.procoreId(), match.netsuiteId());

        JsonPath linked = list(Map.of("linkStatus", List.of("LINKED")), 100, null);
        assertNull(linked.get("errors"), linked.prettify());
        assertEquals(1, count(linked));
        Map<String, Object> node = linked.getMap("data.vendors.edges[0].node");
        assertEquals("procore-" + match.procoreId(), node.get("id"));
        assertEquals(String.valueOf(match.procoreId()), linked.getString("data.vendors.edges[0].node.procoreVendor.id"));
        assertEquals(match.netsuiteId(), linked.getString("data.vendors.edges[0].node.netsuiteVendor.id"));
        assertEquals("MANUAL", linked.getString("data.vendors.edges[0].node.link.method"));
        assertEquals("requester-user", linked.getString("data.vendors.edges[0].node.link.linkedBy"));
        // The linked pair is one row now, not two.
        assertEquals(PROCORE_VENDORS + NETSUITE_VENDORS - 1, list(null, 1, null).getInt("data.vendors.totalCount"));
        assertEquals(NETSUITE_VENDORS - 1, count(list(Map.of("linkStatus", List.of("NETSUITE_ONLY")), 100, null)));
    }

    @Test
    void searchLooksAtBothSides() {
        JsonPath found = list(Map.of("search", "harborline"), 100, null);
        assertNull(found.get("errors"), found.prettify());
        List<String> statuses = found.getList("data.vendors.edges.node.linkStatus");
        assertEquals(List.of("PROCORE_ONLY", "NETSUITE_ONLY"), statuses);
        JsonPath byEntityId = list(Map.of("search", "v2025", "linkStatus", List.of("NETSUITE_ONLY")), 100, null);
        assertEquals(List.of("2025"), byEntityId.getList("data.vendors.edges.node.netsuiteVendor.id"));
    }

    @Test
    void pagesAcrossBothRunsWithoutGapsOrRepeats() {
        List<String> ids = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonPath page = list(null, 30, after);
            assertNull(page.get("errors"), page.prettify());
            ids.addAll(page.getList("data.vendors.edges.node.id"));
            after = page.getBoolean("data.vendors.pageInfo.hasNextPage")
                    ? page.getString("data.vendors.pageInfo.endCursor") : null;
            pages++;
        } while (after != null);
        assertEquals(3, pages);
        assertEquals(PROCORE_VENDORS + NETSUITE_VENDORS, ids.size());
        assertEquals(ids.size(), new HashSet<>(ids).size());
        assertEquals("procore-" + ProcoreDemoCases.AMBIGUOUS_NAME_PROCORE_VENDOR, ids.get(16));
        assertEquals("netsuite-2001", ids.get(PROCORE_VENDORS));

        assertEquals("INVALID_ARGUMENT", errorCode(list(null, 101, null)));
        assertEquals("INVALID_ARGUMENT", errorCode(list(null, 10, "not-a-cursor")));
    }

    @Test
    void suggestsByNameEmailAndPhone() {
        for (ProcoreDemoCases.VendorMatch match : cases.vendorNameMatches()) {
            List<Map<String, Object>> suggestions = suggestions(match.procoreId());
            assertEquals(1, suggestions.size(), String.valueOf(suggestions));
            assertSuggestion(suggestions.get(0), match.netsuiteId(), 0.5f, List.of("NAME"));
        }
        for (ProcoreDemoCases.VendorMatch match : cases.vendorEmailMatches()) {
            List<Map<String, Object>> suggestions = suggestions(match.procoreId());
            assertEquals(1, suggestions.size(), String.valueOf(suggestions));
            assertSuggestion(suggestions.get(0), match.netsuiteId(), 0.3f, List.of("EMAIL"));
        }
        for (ProcoreDemoCases.VendorMatch match : cases.vendorPhoneMatches()) {
            List<Map<String, Object>> suggestions = suggestions(match.procoreId());
            assertEquals(1, suggestions.size(), String.valueOf(suggestions));
            assertSuggestion(suggestions.get(0), match.netsuiteId(), 0.2f, List.of("PHONE"));
        }
        List<Map<String, Object>> ambiguous = suggestions(ProcoreDemoCases.AMBIGUOUS_NAME_PROCORE_VENDOR);
        assertEquals(ProcoreDemoCases.AMBIGUOUS_NAME_NETSUITE_VENDORS,
                ambiguous.stream().map(s -> netsuiteId(s)).toList());
        // Inactive NetSuite vendors cannot be billed, so they are not suggested.
        assertEquals(List.of(), suggestions(ProcoreDemoCases.INACTIVE_ONLY_PROCORE_VENDOR));
        for (long procoreOnly : cases.procoreOnlyVendors()) {
            assertEquals(List.of(), suggestions(procoreOnly), "Procore vendor " + procoreOnly);
        }
        // Suggesting links nothing.
        assertEquals(0, database.count("SELECT count(*) FROM record_link"));
    }

    @Test
    void linkedNetSuiteVendorsAreNoLongerSuggested() {
        ProcoreDemoCases.VendorMatch match = cases.vendorNameMatches().get(1);
        link("admin", cases.procoreOnlyVendors().get(0), match.netsuiteId());
        assertEquals(List.of(), suggestions(match.procoreId()));
        assertEquals("NOT_FOUND", errorCode(GraphQL.as("viewer", SUGGESTIONS, Map.of("id", "999"))));
    }

    @Test
    void linksAndUnlinksOneToOneWithAudit() {
        ProcoreDemoCases.VendorMatch match = cases.vendorEmailMatches().get(0);
        JsonPath linked = link("approver", match.procoreId(), match.netsuiteId());
        assertNull(linked.get("errors"), linked.prettify());
        assertEquals("LINKED", linked.getString("data.linkVendor.linkStatus"));
        assertEquals(match.netsuiteId(), linked.getString("data.linkVendor.netsuiteVendor.id"));
        assertEquals("approver-user", linked.getString("data.linkVendor.link.linkedBy"));
        assertEquals(1, database.count("SELECT count(*) FROM audit_event WHERE action = 'VENDOR_LINKED' AND actor = "
                + "'approver-user' AND subject_type = 'ProcoreVendor' AND subject_id = '" + match.procoreId() + "'"));

        ProcoreDemoCases.VendorMatch other = cases.vendorEmailMatches().get(1);
        assertEquals("ALREADY_LINKED", errorCode(link("requester", match.procoreId(), other.netsuiteId())));
        assertEquals("ALREADY_LINKED", errorCode(link("requester", other.procoreId(), match.netsuiteId())));
        assertEquals("NOT_FOUND", errorCode(link("requester", 4_999_999_999L, other.netsuiteId())));
        assertEquals("NOT_FOUND", errorCode(link("requester", other.procoreId(), "999999")));
        assertEquals(1, database.count("SELECT count(*) FROM record_link"));

        JsonPath unlinked = GraphQL.as("requester", UNLINK, Map.of("p", String.valueOf(match.procoreId())));
        assertNull(unlinked.get("errors"), unlinked.prettify());
        assertEquals("PROCORE_ONLY", unlinked.getString("data.unlinkVendor.linkStatus"));
        assertNull(unlinked.get("data.unlinkVendor.link"));
        assertEquals(1, database.count("SELECT count(*) FROM audit_event WHERE action = 'VENDOR_UNLINKED' AND actor = "
                + "'requester-user' AND subject_id = '" + match.procoreId() + "'"));
        // The unlinked row stays for history.
        assertEquals(1, database.count("SELECT count(*) FROM record_link WHERE unlinked_at IS NOT NULL"));
        assertEquals("NOT_LINKED", errorCode(GraphQL.as("requester", UNLINK,
                Map.of("p", String.valueOf(match.procoreId())))));

        // Free again on both sides.
        assertNull(link("requester", other.procoreId(), match.netsuiteId()).get("errors"));
    }

    @Test
    void onlyRequestersApproversAndAdminsLink() {
        ProcoreDemoCases.VendorMatch match = cases.vendorPhoneMatches().get(0);
        assertEquals("FORBIDDEN", errorCode(link("viewer", match.procoreId(), match.netsuiteId())));
        assertEquals("FORBIDDEN", errorCode(GraphQL.as("viewer", UNLINK,
                Map.of("p", String.valueOf(match.procoreId())))));
        assertEquals(0, database.count("SELECT count(*) FROM record_link"));
        assertEquals(0, database.count("SELECT count(*) FROM audit_event"));
        JsonPath read = GraphQL.as("viewer", LIST, Map.of("first", 1));
        assertNull(read.get("errors"), read.prettify());
    }

    private JsonPath list(Map<String, Object> filter, int first, String after) {
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("first", first);
        if (filter != null) {
            variables.put("filter", filter);
        }
        if (after != null) {
            variables.put("after", after);
        }
        return GraphQL.as("viewer", LIST, variables);
    }

    private static int count(JsonPath page) {
        assertNull(page.get("errors"), page.prettify());
        return page.getInt("data.vendors.totalCount");
    }

    private static JsonPath link(String role, long procoreId, String netsuiteId) {
        return GraphQL.as(role, LINK, Map.of("p", String.valueOf(procoreId), "n", netsuiteId));
    }

    private static List<Map<String, Object>> suggestions(long procoreId) {
        JsonPath response = GraphQL.as("viewer", SUGGESTIONS, Map.of("id", String.valueOf(procoreId)));
        assertNull(response.get("errors"), response.prettify());
        return response.getList("data.vendorMatchSuggestions");
    }

    @SuppressWarnings("unchecked")
    private static String netsuiteId(Map<String, Object> suggestion) {
        return (String) ((Map<String, Object>) suggestion.get("netsuiteVendor")).get("id");
    }

    private static void assertSuggestion(Map<String, Object> suggestion, String netsuiteId, float score,
            List<String> reasons) {
        assertEquals(netsuiteId, netsuiteId(suggestion));
        assertEquals(score, ((Number) suggestion.get("score")).floatValue(), 0.0001f);
        assertEquals(reasons, suggestion.get("reasons"));
    }
}
