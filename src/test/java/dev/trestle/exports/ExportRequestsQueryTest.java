package dev.trestle.exports;

import static dev.trestle.support.GraphQL.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.projects.ProjectTestData;
import dev.trestle.sandbox.ProcoreDemoCases;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.support.Database;
import dev.trestle.support.Exports;
import dev.trestle.support.GraphQL;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The export request list: newest first, Relay paging with cursors, filters by status and kind, bad arguments. */
@QuarkusTest
class ExportRequestsQueryTest {

    private static final String PAGE = """
            query($filter: ExportRequestFilter, $first: Int, $after: String) {
              exportRequests(filter: $filter, first: $first, after: $after) {
                totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id kind status sourceId } } } }""";
    private static final long NORTHSHORE = ProcoreDemoCases.CUSTOM_SEGMENT_PROJECT;
    private static final long WESTFIELD = 5_100_000_008L;

    @Inject
    Sandbox sandbox;

    @Inject
    Database database;

    @BeforeEach
    void freshInstallation() {
        Hub.freshInstallation(sandbox, database);
        ProjectTestData.connectedAsInTheDemo(database);
        Exports.designate("approver-user");
    }

    @Test
    void pagesThroughEveryRequestOnceNewestFirst() {
        List<String> requested = new ArrayList<>();
        for (long vendor : activeVendors().subList(0, 23)) {
            requested.add(requestVendor(vendor));
        }
        List<String> newestFirst = new ArrayList<>(requested);
        java.util.Collections.reverse(newestFirst);

        List<String> seen = new ArrayList<>();
        List<Boolean> hasNext = new ArrayList<>();
        String after = null;
        do {
            JsonPath page = page(null, 10, after);
            assertEquals(23, page.getInt("data.exportRequests.totalCount"));
            List<String> cursors = page.getList("data.exportRequests.edges.cursor");
            assertEquals(cursors.get(cursors.size() - 1), page.getString("data.exportRequests.pageInfo.endCursor"));
            seen.addAll(page.getList("data.exportRequests.edges.node.id"));
            hasNext.add(page.getBoolean("data.exportRequests.pageInfo.hasNextPage"));
            after = hasNext.get(hasNext.size() - 1) ? page.getString("data.exportRequests.pageInfo.endCursor") : null;
        } while (after != null && hasNext.size() < 10);

        assertEquals(List.of(true, true, false), hasNext);
        assertEquals(newestFirst, seen, "every request once, newest first");
        assertEquals(23, new HashSet<>(seen).size());

        // A page that ends exactly at the last request says there is nothing more.
        assertFalse(page(null, 23, null).getBoolean("data.exportRequests.pageInfo.hasNextPage"));
        assertTrue(page(null, 22, null).getBoolean("data.exportRequests.pageInfo.hasNextPage"));
        JsonPath lastPage = page(null, 3, cursorAfter(page(null, 20, null)));
        assertEquals(newestFirst.subList(20, 23), lastPage.getList("data.exportRequests.edges.node.id"));
        assertFalse(lastPage.getBoolean("data.exportRequests.pageInfo.hasNextPage"));
        JsonPath beyond = page(null, 10, cursorAfter(lastPage));
        assertEquals(List.of(), beyond.getList("data.exportRequests.edges"));
        assertFalse(beyond.getBoolean("data.exportRequests.pageInfo.hasNextPage"));
        assertNull(beyond.get("data.exportRequests.pageInfo.endCursor"));
        assertEquals(23, beyond.getInt("data.exportRequests.totalCount"));

        // Without "first", one page of up to 50.
        JsonPath everything = page(null, null, null);
        assertEquals(newestFirst, everything.getList("data.exportRequests.edges.node.id"));
    }

    @Test
    void filtersByStatusByKindAndBoth() {
        List<Long> vendors = activeVendors();
        String pending1 = requestVendor(vendors.get(0));
        String pending2 = requestVendor(vendors.get(1));
        String rejected1 = requestVendor(vendors.get(2));
        String rejected2 = requestVendor(vendors.get(3));
        String exportedVendor = requestVendor(vendors.get(4));
        String exportedProject = Exports.request("PROJECT", String.valueOf(NORTHSHORE)).getString("data.requestExport.id");
        for (String id : List.of(rejected1, rejected2)) {
            JsonPath rejected = GraphQL.as("approver", "mutation($id: ID!) { rejectExport(id: $id, reason: \"Wrong name\") { status } }",
                    Map.of("id", id));
            assertEquals("REJECTED", rejected.getString("data.rejectExport.status"), rejected.prettify());
        }
        Exports.approve(exportedVendor);
        Exports.approve(exportedProject);
        Exports.awaitStatus(exportedVendor, "EXPORTED");
        Exports.awaitStatus(exportedProject, "EXPORTED");
        String pendingProject = Exports.request("PROJECT", String.valueOf(WESTFIELD)).getString("data.requestExport.id");
        String pendingCostCodes = Exports.request("COST_CODES", String.valueOf(NORTHSHORE)).getString("data.requestExport.id");

        assertEquals(List.of(pendingCostCodes, pendingProject, pending2, pending1), ids(Map.of("status", List.of("PENDING"))));
        assertEquals(List.of(exportedVendor, rejected2, rejected1, pending2, pending1), ids(Map.of("kind", List.of("VENDOR"))));
        assertEquals(List.of(exportedVendor), ids(Map.of("status", List.of("EXPORTED"), "kind", List.of("VENDOR"))));
        assertEquals(List.of(exportedProject, exportedVendor, rejected2, rejected1),
                ids(Map.of("status", List.of("REJECTED", "EXPORTED"))));
        assertEquals(List.of(pendingCostCodes, pendingProject),
                ids(Map.of("status", List.of("PENDING"), "kind", List.of("PROJECT", "COST_CODES"))));
        assertEquals(List.of(pendingCostCodes), ids(Map.of("kind", List.of("COST_CODES"))));
        assertEquals(8, ids(Map.of("status", List.of(), "kind", List.of())).size(), "empty lists do not narrow");

        JsonPath none = page(Map.of("status", List.of("FAILED")), 10, null);
        assertEquals(0, none.getInt("data.exportRequests.totalCount"));
        assertEquals(List.of(), none.getList("data.exportRequests.edges"));
        assertFalse(none.getBoolean("data.exportRequests.pageInfo.hasNextPage"));
        assertNull(none.get("data.exportRequests.pageInfo.endCursor"));

        // Paging within a filter: the count and the pages are of the filtered list.
        Map<String, Object> vendorsOnly = Map.of("kind", List.of("VENDOR"));
        JsonPath first = page(vendorsOnly, 2, null);
        assertEquals(5, first.getInt("data.exportRequests.totalCount"));
        assertEquals(List.of(exportedVendor, rejected2), first.getList("data.exportRequests.edges.node.id"));
        assertTrue(first.getBoolean("data.exportRequests.pageInfo.hasNextPage"));
        JsonPath second = page(vendorsOnly, 2, cursorAfter(first));
        assertEquals(List.of(rejected1, pending2), second.getList("data.exportRequests.edges.node.id"));
        assertTrue(second.getBoolean("data.exportRequests.pageInfo.hasNextPage"));
        JsonPath third = page(vendorsOnly, 2, cursorAfter(second));
        assertEquals(List.of(pending1), third.getList("data.exportRequests.edges.node.id"));
        assertFalse(third.getBoolean("data.exportRequests.pageInfo.hasNextPage"));
        assertEquals(5, third.getInt("data.exportRequests.totalCount"));
        assertTrue(third.<Map<String, Object>>getList("data.exportRequests.edges.node").stream()
                .allMatch(node -> "VENDOR".equals(node.get("kind"))));
    }

    @Test
    void badPageSizesAndCursorsAreInvalidArguments() {
        requestVendor(activeVendors().get(0));

        for (int first : new int[] {0, -1, 101, Integer.MAX_VALUE}) {
            JsonPath refused = page(null, first, null);
            assertEquals("INVALID_ARGUMENT", errorCode(refused), "first: " + first + " " + refused.prettify());
            assertNull(refused.get("data"));
        }
        assertEquals(1, page(null, 100, null).getInt("data.exportRequests.totalCount"), "100 is the largest page");
        assertEquals(1, page(null, 1, null).getList("data.exportRequests.edges").size());

        String vendorsCursor = GraphQL.as("viewer", "{ vendors(first: 1) { pageInfo { endCursor } } }")
                .getString("data.vendors.pageInfo.endCursor");
        assertNotNull(vendorsCursor);
        String employeeCursor = base64("employee:5");
        for (String cursor : List.of("garbage", "!!!", "", vendorsCursor, employeeCursor, base64("export:"),
                base64("export:abc"), base64("export"))) {
            JsonPath refused = page(null, 10, cursor);
            assertEquals("INVALID_ARGUMENT", errorCode(refused), "after: \"" + cursor + "\" " + refused.prettify());
        }

        // A cursor of the wrong GraphQL type does not fit the schema at all.
        JsonPath wrongType = GraphQL.as("viewer", "{ exportRequests(after: 5) { totalCount } }");
        assertEquals("ValidationError", wrongType.getString("errors[0].extensions.classification"), wrongType.prettify());
        assertNull(wrongType.get("data"));
    }

    private static JsonPath page(Map<String, Object> filter, Integer first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("filter", filter);
        variables.put("first", first);
        variables.put("after", after);
        return GraphQL.as("viewer", PAGE, variables);
    }

    private static List<String> ids(Map<String, Object> filter) {
        JsonPath page = page(filter, 100, null);
        assertNull(page.get("errors"), page.prettify());
        List<String> ids = page.getList("data.exportRequests.edges.node.id");
        assertEquals(ids.size(), page.getInt("data.exportRequests.totalCount"));
        return ids;
    }

    private static String cursorAfter(JsonPath page) {
        assertNull(page.get("errors"), page.prettify());
        return page.getString("data.exportRequests.pageInfo.endCursor");
    }

    private List<Long> activeVendors() {
        return sandbox.procore().vendors().all().stream().filter(vendor -> vendor.active() && vendor.originId() == null)
                .map(vendor -> vendor.id()).toList();
    }

    private static String requestVendor(long vendor) {
        return Exports.request("VENDOR", String.valueOf(vendor)).getString("data.requestExport.id");
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
