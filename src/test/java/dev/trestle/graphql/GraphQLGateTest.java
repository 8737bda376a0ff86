package dev.trestle.graphql;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.Sandbox;
import dev.trestle.support.Database;
import dev.trestle.support.GraphQL;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a request must pass before it runs, over HTTP: the envelope, the document, the cost
 * limits, the status codes of GraphQL over HTTP, and coded errors for all of it.
 */
@QuarkusTest
class GraphQLGateTest {

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

    @Inject
    Sandbox sandbox;

    @Inject
    Database database;

    private String token;

    @BeforeEach
    void fresh() {
        Hub.freshInstallation(sandbox, database);
        token = GraphQL.token("gina", "viewer");
    }

    private RequestSpecification as(String accept) {
        return given().auth().oauth2(token).contentType("application/json").accept(accept);
    }

    private Response post(String accept, Object body) {
        return as(accept).body(body).post("/graphql");
    }

    @Test
    void aRequestWithoutAValidTokenGetsAGraphQLBodyWithItsCode() {
        given().contentType("application/json").body(Map.of("query", "{ __typename }"))
                .post("/graphql")
                .then().log().ifValidationFails().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .contentType(containsString("application/json"))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("$", not(hasKey("data")));
        given().contentType("application/json").auth().oauth2("not-a-jwt").accept(GRAPHQL_RESPONSE)
                .body(Map.of("query", "{ __typename }"))
                .post("/graphql")
                .then().log().ifValidationFails().statusCode(401)
                .contentType(containsString(GRAPHQL_RESPONSE))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void theSchemaDocumentNeedsATokenToo() {
        given().get("/graphql/schema.graphql")
                .then().statusCode(401)
                .contentType(containsString("application/json"))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2(token).get("/graphql/schema.graphql")
                .then().statusCode(200)
                .body(containsString("type Query"));
    }

    @Test
    void malformedEnvelopesGet400WithACode() {
        for (String body : new String[] {
            "{\"query\":\"{ __typename }\",\"variables\":\"{}\"}",
            "{\"query\":\"{ __typename }\",\"variables\":42}",
            "{\"query\":\"{ __typename }\",\"operationName\":42}",
            "{\"variables\":{}}",
            "{ \"not JSON",
            "{\"query\":\"{ __typename }\",\"variables\":{\"x\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}}"}) {
            for (String accept : new String[] {GRAPHQL_RESPONSE, "application/json"}) {
                post(accept, body).then().log().ifValidationFails().statusCode(400)
                        .body("errors[0].extensions.code", equalTo("INVALID_REQUEST"))
                        .body("$", not(hasKey("data")));
            }
        }
        given().auth().oauth2(token).contentType("text/plain").body("{\"query\":\"{ __typename }\"}")
                .post("/graphql").then().statusCode(415)
                .body("errors[0].extensions.code", equalTo("INVALID_REQUEST"));
    }

    @Test
    void documentErrorsAre400ForGraphQLResponseClientsAnd200ForLegacyOnesAlwaysCoded() {
        Map<String, String> documents = Map.of(
                "{", "GRAPHQL_PARSE_FAILED",
                "{ noSuchField }", "GRAPHQL_VALIDATION_FAILED",
                "query($id: ID!) { __typename }", "GRAPHQL_VALIDATION_FAILED");
        documents.forEach((document, code) -> {
            post(GRAPHQL_RESPONSE, Map.of("query", document)).then().statusCode(400)
                    .contentType(containsString(GRAPHQL_RESPONSE))
                    .body("errors[0].extensions.code", equalTo(code))
                    .body("$", not(hasKey("data")));
            post("application/json", Map.of("query", document)).then().statusCode(200)
                    .contentType(containsString("application/json"))
                    .body("errors[0].extensions.code", equalTo(code));
        });
        post(GRAPHQL_RESPONSE, Map.of("query", "{ noSuchField }")).then()
                .body("errors[0].extensions.classification", equalTo("ValidationError"));
    }

    @Test
    void variablesThatDoNotFitTheirTypeAreInvalidArgumentsWithoutEchoingThem() {
        Map<String, Object> body = new HashMap<>();
        body.put("query", "query($n: Int) { employees(first: $n) { totalCount } }");
        body.put("variables", Map.of("n", 98765432109L));
        String answer = post(GRAPHQL_RESPONSE, body).then().log().ifValidationFails().statusCode(400)
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"))
                .extract().asString();
        assertFalse(answer.contains("98765432109"), answer);
        Map<String, Object> missing = new HashMap<>();
        missing.put("query", "query($id: ID!) { vendorMatchSuggestions(procoreVendorId: $id) { score } }");
        missing.put("variables", java.util.Collections.singletonMap("id", null));
        post("application/json", missing).then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"));
    }

    @Test
    void aDocumentOverTheLimitsIsRefusedBeforeItRuns() {
        sandbox.precoro().requests().clear();
        sandbox.netsuite().requests().clear();
        // 300 aliases of a full page: the parser stops at its token limit before building the tree.
        post(GRAPHQL_RESPONSE, Map.of("query", employeePages(300))).then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"))
                .body("errors[0].extensions.limit", equalTo("tokens"))
                .body("$", not(hasKey("data")));
        post(GRAPHQL_RESPONSE, Map.of("query", employeePages(31))).then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"))
                .body("errors[0].extensions.limit", equalTo("aliases"));
        post(GRAPHQL_RESPONSE, Map.of("query", fragmentBomb(22))).then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"))
                .body("errors[0].extensions.limit", equalTo("fields"));
        String deep = "{ __schema { types { fields { type { fields { type { fields { type { fields { type { fields "
                + "{ type { fields { type { fields { name } } } } } } } } } } } } } } } }";
        post(GRAPHQL_RESPONSE, Map.of("query", deep)).then().statusCode(400)
                .body("errors[0].extensions.limit", equalTo("depth"));
        // Twenty pages of a hundred, each with both live sub-records: too many result objects.
        StringBuilder pages = new StringBuilder("{");
        for (int i = 0; i < 20; i++) {
            pages.append(" p").append(i).append(": employees(first: 100) { edges { cursor node { email reason "
                    + "precoroUser { email firstName lastName } netsuiteEmployee { email entityId } } } }");
        }
        post("application/json", Map.of("query", pages.append(" }").toString())).then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"))
                .body("errors[0].extensions.limit", equalTo("nodes"))
                .body("data", nullValue());
        assertEquals(0, sandbox.precoro().requests().count(), "a refused document reads nothing upstream");
        assertEquals(0, sandbox.netsuite().requests().count(), "a refused document reads nothing upstream");
    }

    static String employeePages(int aliases) {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < aliases; i++) {
            query.append(" e").append(i).append(": employees(first: ").append(100 - i % 10)
                    .append(") { edges { node { precoroUser { email } } } }");
        }
        return query.append(" }").toString();
    }

    static String fragmentBomb(int levels) {
        StringBuilder bomb = new StringBuilder("{ ...F0 } ");
        for (int i = 0; i < levels; i++) {
            bomb.append("fragment F").append(i).append(" on Query { ...F").append(i + 1).append(" ...F").append(i + 1)
                    .append(" } ");
        }
        return bomb.append("fragment F").append(levels).append(" on Query { employeeMappingSummary { total } }").toString();
    }

    @Test
    void theGraphQLUisIntrospectionQueryPasses() throws Exception {
        String introspection = Files.readString(Path.of("src/test/resources/graphql/introspection.graphql"));
        post(GRAPHQL_RESPONSE, Map.of("query", introspection)).then().statusCode(200)
                .contentType(containsString(GRAPHQL_RESPONSE))
                .body("errors", nullValue())
                .body("data.__schema.queryType.name", equalTo("Query"));
    }

    @Test
    void aRequestOverTheSizeLimitIs413WithACode() {
        String huge = "{ __typename }" + " ".repeat(70_000);
        post(GRAPHQL_RESPONSE, Map.of("query", huge)).then().statusCode(413)
                .body("errors[0].extensions.code", equalTo("REQUEST_TOO_LARGE"));
    }

    @Test
    void queriesMayBeSentWithGetButMutationsMayNot() {
        given().auth().oauth2(token).accept(GRAPHQL_RESPONSE).queryParam("query", "{ employeeMappingSummary { total } }")
                .get("/graphql").then().statusCode(200)
                .body("data.employeeMappingSummary.total", notNullValue());
        given().auth().oauth2(token).accept(GRAPHQL_RESPONSE).queryParam("query", "mutation { runEmployeeSync { id } }")
                .get("/graphql").then().statusCode(405)
                .header("Allow", containsString("POST"))
                .body("errors[0].extensions.code", equalTo("INVALID_REQUEST"));
    }

    @Test
    void aliasesOfTheSameUpstreamListReadItOnce() {
        // A first read takes a Procore token (the fresh sandbox knows none), so that the count below is of reads only.
        post(GRAPHQL_RESPONSE, Map.of("query", "{ vendors(first: 1) { totalCount } }")).then().statusCode(200);
        sandbox.procore().requests().clear();
        sandbox.netsuite().requests().clear();
        StringBuilder aliases = new StringBuilder("{");
        for (int i = 0; i < 25; i++) {
            aliases.append(" v").append(i).append(": vendors(first: 5) { totalCount edges { node { id } } }");
        }
        aliases.append(" s1: vendorMatchSuggestions(procoreVendorId: \"")
                .append(dev.trestle.sandbox.ProcoreDemoCases.AMBIGUOUS_NAME_PROCORE_VENDOR).append("\") { score }");
        aliases.append(" s2: vendorMatchSuggestions(procoreVendorId: \"")
                .append(dev.trestle.sandbox.ProcoreDemoCases.AMBIGUOUS_NAME_PROCORE_VENDOR).append("\") { score } }");
        Response answer = post(GRAPHQL_RESPONSE, Map.of("query", aliases.toString()));
        answer.then().statusCode(200).body("errors", nullValue()).body("data.v24.totalCount", notNullValue());
        // One list of companies and one company for the suggestions; one page of NetSuite vendors.
        assertEquals(1, sandbox.procore().requests().count("GET", "/rest/v1.0/vendors/"),
                "Procore reads: " + sandbox.procore().requests().all());
        assertEquals(2, sandbox.procore().requests().count(), "Procore reads: " + sandbox.procore().requests().all());
        assertEquals(1, sandbox.netsuite().requests().count(), "NetSuite reads: " + sandbox.netsuite().requests().all());
        // The next request reads afresh: nothing is shared between requests.
        sandbox.procore().requests().clear();
        post(GRAPHQL_RESPONSE, Map.of("query", "{ vendors(first: 1) { totalCount } }")).then().statusCode(200);
        assertEquals(1, sandbox.procore().requests().count(), "Procore reads: " + sandbox.procore().requests().all());
    }
}
