package dev.trestle.sandbox.procore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.Fault;
import dev.trestle.sandbox.ProcoreDemoCases;
import dev.trestle.sandbox.SandboxHarnessTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProcoreSandboxTest extends SandboxHarnessTest {

    ProcoreTestClient procore;

    @BeforeEach
    void newClient() {
        procore = new ProcoreTestClient(harness);
    }

    ProcoreSandbox sandbox() {
        return harness.sandbox.procore();
    }

    // ---- OAuth ---------------------------------------------------------------------------------------------

    @Test
    void issuesATokenForClientCredentialsAsFormOrJson() {
        ProcoreSandbox.ProcoreCredentials c = sandbox().credentials();
        long before = Instant.now().getEpochSecond();
        HttpResponse<String> form = procore.tokenRequest("grant_type=client_credentials&client_id=" + c.clientId()
                + "&client_secret=" + c.clientSecret());
        assertEquals(200, form.statusCode(), form.body());
        JsonObject token = new JsonObject(form.body());
        assertEquals("bearer", token.getString("token_type"));
        assertEquals(5400, token.getLong("expires_in"));
        assertTrue(token.getLong("created_at") >= before);
        assertFalse(token.getString("access_token").isBlank());

        HttpResponse<String> json = harness.send(HttpRequest.newBuilder(URI.create(procore.url("/oauth/token")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("grant_type", "client_credentials")
                        .put("client_id", c.clientId()).put("client_secret", c.clientSecret()).encode())).build());
        assertEquals(200, json.statusCode(), json.body());
        assertNotEquals(token.getString("access_token"), new JsonObject(json.body()).getString("access_token"));
        assertEquals(2, sandbox().tokens().issuedCount());
        assertEquals(0, sandbox().requests().writeCount(), "asking for a token changes no data");
    }

    @Test
    void refusesWrongClientCredentialsAndOtherGrants() {
        HttpResponse<String> wrong = procore.tokenRequest("grant_type=client_credentials&client_id="
                + sandbox().credentials().clientId() + "&client_secret=nope");
        assertEquals(401, wrong.statusCode());
        assertEquals("invalid_client", new JsonObject(wrong.body()).getString("error"));
        assertNotNull(new JsonObject(wrong.body()).getString("error_description"));

        HttpResponse<String> grant = procore.tokenRequest("grant_type=password&client_id=a&client_secret=b");
        assertEquals(400, grant.statusCode());
        assertEquals("unsupported_grant_type", new JsonObject(grant.body()).getString("error"));
    }

    @Test
    void anExpiredTokenIsRefusedUntilTheClientGetsANewOne() throws InterruptedException {
        sandbox().tokens().lifetime(Duration.ofSeconds(1));
        String first = procore.freshToken();
        HttpResponse<String> token = procore.tokenRequest("grant_type=client_credentials&client_id="
                + sandbox().credentials().clientId() + "&client_secret=" + sandbox().credentials().clientSecret());
        assertEquals(1, new JsonObject(token.body()).getLong("expires_in"));
        assertEquals(200, procore.get("/rest/v1.0/companies").statusCode());

        Thread.sleep(1100);
        HttpResponse<String> expired = procore.get("/rest/v1.0/companies");
        assertEquals(401, expired.statusCode());
        assertEquals("invalid_token", new JsonObject(expired.body()).getString("error"));
        assertTrue(expired.headers().firstValue("WWW-Authenticate").orElseThrow().contains("expired"));

        assertNotEquals(first, procore.freshToken());
        assertEquals(200, procore.get("/rest/v1.0/companies").statusCode());
    }

    @Test
    void refusesAnUnknownOrMissingBearer() {
        HttpResponse<String> unknown = harness.send(HttpRequest.newBuilder(URI.create(procore.url("/rest/v1.0/companies")))
                .header("Authorization", "Bearer made-up").header("Procore-Company-Id", "4264807").GET().build());
        assertEquals(401, unknown.statusCode());
        assertEquals("invalid_token", new JsonObject(unknown.body()).getString("error"));
        HttpResponse<String> missing = harness.send(HttpRequest.newBuilder(URI.create(procore.url("/rest/v1.0/companies")))
                .header("Procore-Company-Id", "4264807").GET().build());
        assertEquals(401, missing.statusCode());
    }

    // ---- company header --------------------------------------------------------------------------------------

    @Test
    void everyApiCallNeedsTheCompanyHeaderOfTheInstalledCompany() {
        procore.freshToken();
        HttpRequest.Builder noHeader = procore.api("/rest/v1.0/vendors?company_id=4264807");
        String bearer = noHeader.build().headers().firstValue("Authorization").orElseThrow();
        HttpResponse<String> missing = harness.send(HttpRequest.newBuilder(
                URI.create(procore.url("/rest/v1.0/vendors?company_id=4264807"))).header("Authorization", bearer)
                .GET().build());
        assertEquals(400, missing.statusCode());
        assertEquals("Missing Procore-Company-Id header!", new JsonObject(missing.body()).getString("errors"));

        HttpResponse<String> other = harness.send(HttpRequest.newBuilder(
                URI.create(procore.url("/rest/v1.0/vendors?company_id=4264807"))).header("Authorization", bearer)
                .header("Procore-Company-Id", "999").GET().build());
        assertEquals(403, other.statusCode());
        assertEquals(403, procore.get("/rest/v1.0/vendors?company_id=999").statusCode());
        assertEquals(400, procore.get("/rest/v1.0/vendors").statusCode(), "company_id is required");

        JsonArray companies = new JsonArray(procore.get("/rest/v1.0/companies").body());
        assertEquals(ProcoreDemoCases.COMPANY_ID, companies.getJsonObject(0).getLong("id"));
    }

    // ---- paging ----------------------------------------------------------------------------------------------

    @Test
    void pagesVendorsWithTotalPerPageAndFullLinkUrls() {
        HttpResponse<String> first = procore.get("/rest/v1.0/vendors?company_id=4264807&per_page=15");
        assertEquals(200, first.statusCode());
        assertEquals("40", first.headers().firstValue("Total").orElseThrow());
        assertEquals("15", first.headers().firstValue("Per-Page").orElseThrow());
        Map<String, String> links = ProcoreTestClient.links(first);
        assertEquals(Set.of("next", "last"), links.keySet());
        assertEquals(procore.url("/rest/v1.0/vendors?company_id=4264807&page=2&per_page=15"), links.get("next"));
        assertEquals(procore.url("/rest/v1.0/vendors?company_id=4264807&page=3&per_page=15"), links.get("last"));

        List<Long> ids = new ArrayList<>();
        String next = procore.url("/rest/v1.0/vendors?company_id=4264807&per_page=15");
        HttpResponse<String> page = null;
        while (next != null) {
            page = procore.get(next.substring(procore.url("").length()));
            new JsonArray(page.body()).forEach(v -> ids.add(((JsonObject) v).getLong("id")));
            next = ProcoreTestClient.links(page).get("next");
        }
        assertEquals(Set.of("first", "prev"), ProcoreTestClient.links(page).keySet());
        assertEquals(40, ids.size());
        assertEquals(40, Set.copyOf(ids).size());
        assertTrue(ids.stream().allMatch(id -> id > Integer.MAX_VALUE), "ids need 64 bits");

        HttpResponse<String> single = procore.get("/rest/v1.0/vendors?company_id=4264807");
        assertEquals("100", single.headers().firstValue("Per-Page").orElseThrow());
        assertTrue(single.headers().firstValue("Link").isEmpty(), "one page has no links");
        assertEquals("1000", procore.get("/rest/v1.0/vendors?company_id=4264807&per_page=5000").headers()
                .firstValue("Per-Page").orElseThrow());
        assertEquals(400, procore.get("/rest/v1.0/vendors?company_id=4264807&page=0").statusCode());
        assertEquals(0, new JsonArray(procore.get("/rest/v1.0/vendors?company_id=4264807&page=9").body()).size());
    }

    // ---- rate limit ------------------------------------------------------------------------------------------

    @Test
    void everyAnswerCarriesTheRateLimitAndOverTheLimitIs429() {
        sandbox().rateLimit().limit(3);
        procore.freshToken();
        HttpResponse<String> first = procore.get("/rest/v1.0/companies");
        assertEquals("3", first.headers().firstValue("X-Rate-Limit-Limit").orElseThrow());
        assertEquals("2", first.headers().firstValue("X-Rate-Limit-Remaining").orElseThrow());
        long reset = Long.parseLong(first.headers().firstValue("X-Rate-Limit-Reset").orElseThrow());
        assertTrue(reset > Instant.now().getEpochSecond() - 1);
        assertEquals(404, procore.get("/rest/v1.0/vendors/1?company_id=4264807").statusCode());
        HttpResponse<String> third = procore.get("/rest/v1.0/companies");
        assertEquals("0", third.headers().firstValue("X-Rate-Limit-Remaining").orElseThrow(),
                "failed calls count too");

        HttpResponse<String> refused = procore.get("/rest/v1.0/companies");
        assertEquals(429, refused.statusCode());
        assertEquals("0", refused.headers().firstValue("X-Rate-Limit-Remaining").orElseThrow());
        assertEquals(String.valueOf(reset), refused.headers().firstValue("X-Rate-Limit-Reset").orElseThrow());
        assertNotNull(new JsonObject(refused.body()).getString("errors"));

        sandbox().rateLimit().window(Duration.ofMillis(200));
        assertEquals(200, procore.get("/rest/v1.0/companies").statusCode(), "a new window starts empty");
    }

    @Test
    void genericKnobsApply() throws IOException {
        procore.freshToken();
        sandbox().knobs().failNext(1, Fault.SERVER_ERROR).failNext(1, Fault.THROTTLE);
        assertEquals(500, procore.get("/rest/v1.0/companies").statusCode());
        HttpResponse<String> throttled = procore.get("/rest/v1.0/companies");
        assertEquals(429, throttled.statusCode());
        assertTrue(throttled.headers().firstValue("X-Rate-Limit-Reset").isPresent());
        sandbox().knobs().failNext(1, Fault.DROP_CONNECTION);
        assertEquals("", harness.rawExchange(procore.api("/rest/v1.0/companies").GET().build()));
        assertEquals(200, procore.get("/rest/v1.0/companies").statusCode());
    }

    // ---- vendors and sync ------------------------------------------------------------------------------------

    @Test
    void showsAVendorAndFiltersByOriginId() {
        ProcoreDemoCases.VendorMatch linked = harness.sandbox.procoreDemoCases().linkedVendors().get(0);
        JsonObject vendor = new JsonObject(procore.get("/rest/v1.0/vendors/" + linked.procoreId()
                + "?company_id=4264807").body());
        assertEquals(linked.netsuiteId(), vendor.getString("origin_id"));
        for (String field : List.of("name", "abbreviated_name", "email_address", "business_phone", "address", "city",
                "state_code", "zip", "country_code", "is_active", "origin_id", "origin_data", "origin_code",
                "created_at", "updated_at")) {
            assertTrue(vendor.containsKey(field), field);
        }
        JsonArray byOrigin = new JsonArray(procore.get("/rest/v1.0/vendors?company_id=4264807&filters[origin_id]="
                + linked.netsuiteId()).body());
        assertEquals(1, byOrigin.size());
        assertEquals(linked.procoreId(), byOrigin.getJsonObject(0).getLong("id"));
        JsonArray inactive = new JsonArray(procore.get("/rest/v1.0/companies/4264807/vendors/inactive").body());
        assertEquals(harness.sandbox.procoreDemoCases().inactiveProcoreVendors(),
                inactive.stream().map(v -> ((JsonObject) v).getLong("id")).toList());
    }

    @Test
    void vendorSyncCreatesUpdatesByIdOrOriginIdAndRefusesATakenOriginId() {
        int before = sandbox().vendors().count();
        JsonObject created = procore.sync("vendors", new JsonArray()
                .add(new JsonObject().put("origin_id", "NS-9001").put("name", "New Vendor From NetSuite")
                        .put("email_address", "ap@new.example.com")));
        assertEquals(0, created.getJsonArray("errors").size(), created.encode());
        JsonObject entity = created.getJsonArray("entities").getJsonObject(0);
        long newId = entity.getLong("id");
        assertEquals("NS-9001", entity.getString("origin_id"));
        assertEquals(before + 1, sandbox().vendors().count());

        // The same origin_id again is an update, not a second vendor.
        JsonObject upsert = procore.sync("vendors", new JsonArray()
                .add(new JsonObject().put("origin_id", "NS-9001").put("business_phone", "555-0100")));
        assertEquals(newId, upsert.getJsonArray("entities").getJsonObject(0).getLong("id"));
        assertEquals("New Vendor From NetSuite", upsert.getJsonArray("entities").getJsonObject(0).getString("name"));
        assertEquals(before + 1, sandbox().vendors().count());

        // By id: links an existing Procore vendor (sets its origin_id).
        long unlinked = harness.sandbox.procoreDemoCases().vendorNameMatches().get(0).procoreId();
        JsonObject linked = procore.sync("vendors", new JsonArray()
                .add(new JsonObject().put("id", unlinked).put("origin_id", "2001").put("origin_data", "linked")));
        assertEquals("2001", linked.getJsonArray("entities").getJsonObject(0).getString("origin_id"));
        assertEquals(unlinked, sandbox().vendors().byOriginId("2001").orElseThrow().id());

        // A taken origin_id, an unknown id and a blank name are refused, each on its own, with 200.
        long another = harness.sandbox.procoreDemoCases().vendorNameMatches().get(1).procoreId();
        JsonObject refused = procore.sync("vendors", new JsonArray()
                .add(new JsonObject().put("id", another).put("origin_id", "2001"))
                .add(new JsonObject().put("id", 42).put("name", "Ghost"))
                .add(new JsonObject().put("origin_id", "NS-9002").put("name", " "))
                .add(new JsonObject().put("origin_id", "NS-9003").put("name", "Fine Vendor")));
        JsonArray errors = refused.getJsonArray("errors");
        assertEquals(3, errors.size(), refused.encode());
        assertEquals(List.of("has already been taken"), errors.getJsonObject(0).getJsonObject("errors")
                .getJsonArray("origin_id").getList());
        assertEquals("2001", errors.getJsonObject(0).getString("origin_id"));
        assertTrue(errors.getJsonObject(1).getJsonObject("errors").containsKey("id"));
        assertTrue(errors.getJsonObject(2).getJsonObject("errors").containsKey("name"));
        assertEquals("NS-9002", errors.getJsonObject(2).getString("origin_id"));
        assertEquals(1, refused.getJsonArray("entities").size());
        assertNull(sandbox().vendors().get(another).orElseThrow().originId());
        assertEquals(before + 2, sandbox().vendors().count());
        assertEquals(4, sandbox().requests().writeCount());
    }

    @Test
    void syncRefusesMoreThanAThousandUpdatesAndAMalformedBody() {
        JsonArray updates = new JsonArray();
        for (int i = 0; i < 1001; i++) {
            updates.add(new JsonObject().put("origin_id", "o" + i).put("name", "v" + i));
        }
        assertEquals(400, procore.patch("/rest/v1.0/vendors/sync", new JsonObject().put("company_id", 4264807)
                .put("updates", updates)).statusCode());
        assertEquals(400, procore.patch("/rest/v1.0/vendors/sync", new JsonObject().put("company_id", 4264807))
                .statusCode());
        updates.remove(1000);
        JsonObject thousand = procore.sync("vendors", updates);
        assertEquals(1000, thousand.getJsonArray("entities").size());
    }

    // ---- projects --------------------------------------------------------------------------------------------

    @Test
    void listsProjectsByStatusWithTheirStageAndNumber() {
        JsonArray active = new JsonArray(procore.get("/rest/v1.0/projects?company_id=4264807").body());
        assertEquals(10, active.size());
        JsonArray all = new JsonArray(procore.get("/rest/v1.0/projects?company_id=4264807&filters[by_status]=All").body());
        assertEquals(12, all.size());
        JsonArray inactive = new JsonArray(procore.get("/rest/v1.1/projects?company_id=4264807&filters[by_status]=Inactive")
                .body());
        assertEquals(ProcoreDemoCases.INACTIVE_PROJECTS, inactive.stream().map(p -> ((JsonObject) p).getLong("id")).toList());

        JsonObject linked = new JsonObject(procore.get("/rest/v1.0/projects/" + ProcoreDemoCases.LINKED_PROJECT
                + "?company_id=4264807").body());
        assertEquals(ProcoreDemoCases.LINKED_PROJECT_JOB, linked.getString("origin_id"));
        assertEquals("P-1001", linked.getString("project_number"));
        assertEquals("P-1001 - Harbor View Medical Office", linked.getString("display_name"));
        assertEquals(ProjectStages.COURSE_OF_CONSTRUCTION, linked.getString("stage"));
        assertEquals(ProcoreDemoCases.COMPANY_ID, linked.getJsonObject("company").getLong("id"));
        assertTrue(Instant.parse(linked.getString("created_at")).isBefore(ProcoreDemoCases.CONNECTION_INSTANT));

        Set<Long> inProgress = all.stream().map(p -> (JsonObject) p)
                .filter(p -> ProjectStages.COURSE_OF_CONSTRUCTION.equals(p.getString("stage")))
                .map(p -> p.getLong("id")).collect(Collectors.toSet());
        assertEquals(Set.copyOf(ProcoreDemoCases.IN_PROGRESS_PROJECTS), inProgress);
        Set<Long> withoutNumber = all.stream().map(p -> (JsonObject) p).filter(p -> p.getValue("project_number") == null)
                .map(p -> p.getLong("id")).collect(Collectors.toSet());
        assertEquals(Set.copyOf(ProcoreDemoCases.PROJECTS_WITHOUT_NUMBER), withoutNumber);
        Set<Long> before = all.stream().map(p -> (JsonObject) p)
                .filter(p -> Instant.parse(p.getString("created_at")).isBefore(ProcoreDemoCases.CONNECTION_INSTANT))
                .map(p -> p.getLong("id")).collect(Collectors.toSet());
        assertEquals(Set.copyOf(ProcoreDemoCases.PROJECTS_CREATED_BEFORE_CONNECTION), before);
    }

    @Test
    void projectSyncUpsertsByOriginIdAndRefusesATakenProjectNumber() {
        JsonObject created = procore.sync("projects", new JsonArray().add(new JsonObject().put("origin_id", "3004")
                .put("name", "Warehouse Racking Retrofit").put("project_number", "NS-2002").put("start_date", "2025-10-01")
                .put("stage", ProjectStages.PRE_CONSTRUCTION)));
        assertEquals(0, created.getJsonArray("errors").size(), created.encode());
        long id = created.getJsonArray("entities").getJsonObject(0).getLong("id");
        JsonObject again = procore.sync("projects", new JsonArray().add(new JsonObject().put("origin_id", "3004")
                .put("active", false)));
        assertEquals(id, again.getJsonArray("entities").getJsonObject(0).getLong("id"));
        assertFalse(sandbox().projects().get(id).orElseThrow().active());
        assertEquals(13, sandbox().projects().count());

        JsonObject refused = procore.sync("projects", new JsonArray()
                .add(new JsonObject().put("origin_id", "3099").put("name", "Copy").put("project_number", "p-1001 "))
                .add(new JsonObject().put("origin_id", "3098").put("name", "Bad stage").put("stage", "Demolished")));
        assertEquals(2, refused.getJsonArray("errors").size());
        assertTrue(refused.getJsonArray("errors").getJsonObject(0).getJsonObject("errors").containsKey("project_number"));
        assertTrue(refused.getJsonArray("errors").getJsonObject(1).getJsonObject("errors").containsKey("stage"));
        assertEquals(13, sandbox().projects().count());
    }

    // ---- cost codes, cost types, WBS -------------------------------------------------------------------------

    @Test
    void costCodesCarryTheirCostTypes() {
        long project = ProcoreDemoCases.LINKED_PROJECT;
        JsonArray codes = new JsonArray(procore.get("/rest/v1.0/cost_codes?project_id=" + project).body());
        assertEquals(6, codes.size());
        JsonObject concrete = codes.getJsonObject(1);
        assertEquals("300", concrete.getString("code"));
        assertEquals("03-300", concrete.getString("full_code"));
        assertEquals("Cast-in-Place Concrete", concrete.getString("name"));
        assertEquals("cc-03-300", concrete.getString("origin_id"));
        assertEquals(List.of("L", "M", "S", "E"), concrete.getJsonArray("line_item_types").stream()
                .map(t -> ((JsonObject) t).getString("code")).toList());

        JsonArray types = new JsonArray(procore.get("/rest/v1.0/line_item_types?project_id=" + project).body());
        assertEquals(5, types.size());
        JsonObject labor = types.getJsonObject(0);
        assertEquals("Labor", labor.getString("name"));
        assertEquals("L", labor.getString("code"));
        assertEquals("labor", labor.getString("base_type"));
        assertTrue(labor.containsKey("origin_id"));
        assertEquals(0, new JsonArray(procore.get("/rest/v1.0/cost_codes?project_id="
                + ProcoreDemoCases.PROJECT_WITHOUT_COST_CODES).body()).size());
        assertEquals(404, procore.get("/rest/v1.0/cost_codes?project_id=1").statusCode());
        assertEquals(400, procore.get("/rest/v1.0/cost_codes").statusCode());
    }

    @Test
    void wbsSegmentsAndCodesCombineCostCodeCostTypeAndCustomSegments() {
        long plain = ProcoreDemoCases.LINKED_PROJECT;
        JsonArray segments = new JsonArray(procore.get("/rest/v1.0/projects/" + plain
                + "/work_breakdown_structure/segments").body());
        assertEquals(List.of("cost_code", "line_item_type"), segments.stream()
                .map(s -> ((JsonObject) s).getString("type")).toList());
        JsonObject costCodeSegment = segments.getJsonObject(0);
        assertEquals(1, costCodeSegment.getInteger("position"));
        assertEquals("tiered", costCodeSegment.getString("structure"));
        assertEquals(".", costCodeSegment.getString("delimiter"));

        JsonArray codes = new JsonArray(procore.get("/rest/v1.0/projects/" + plain
                + "/work_breakdown_structure/wbs_codes?per_page=1000").body());
        assertEquals(6 * 3 + 3, codes.size(), "L, M, S everywhere and E on three cost codes");
        JsonObject first = codes.getJsonObject(0);
        assertEquals("01-100.L", first.getString("flat_code"));
        assertEquals("General Conditions - Labor", first.getString("description"));
        JsonArray items = first.getJsonArray("segment_items");
        assertEquals(costCodeSegment.getLong("id"), items.getJsonObject(0).getLong("segment_id"));
        assertEquals("01-100", items.getJsonObject(0).getString("code"));
        assertEquals("L", items.getJsonObject(1).getString("code"));
        assertEquals("Labor", items.getJsonObject(1).getString("name"));

        long custom = ProcoreDemoCases.CUSTOM_SEGMENT_PROJECT;
        JsonArray customSegments = new JsonArray(procore.get("/rest/v1.0/projects/" + custom
                + "/work_breakdown_structure/segments").body());
        assertEquals("custom", customSegments.getJsonObject(2).getString("type"));
        assertEquals("Phase", customSegments.getJsonObject(2).getString("name"));
        HttpResponse<String> customCodes = procore.get("/rest/v1.0/projects/" + custom
                + "/work_breakdown_structure/wbs_codes");
        assertEquals(String.valueOf((6 * 3 + 3) * 2), customCodes.headers().firstValue("Total").orElseThrow());
        JsonObject phased = new JsonArray(customCodes.body()).getJsonObject(0);
        assertEquals("01-100.L.P1", phased.getString("flat_code"));
        assertEquals(3, phased.getJsonArray("segment_items").size());
        assertEquals("Phase 1 - Shell", phased.getJsonArray("segment_items").getJsonObject(2).getString("name"));
        assertEquals(404, procore.get("/rest/v1.0/projects/1/work_breakdown_structure/wbs_codes").statusCode());
    }
}
