package dev.trestle.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/** Calls the hub's GraphQL endpoint over HTTP as a caller with the given roles. */
public final class GraphQL {

    private GraphQL() {
    }

    public static String token(String user, String... roles) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("user", user, "roles", List.of(roles)))
                .post("/dev/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /** Runs a query as {@code user} with {@code roles}; the response must be HTTP 200. */
    public static JsonPath as(String user, List<String> roles, String query, Map<String, Object> variables) {
        return withToken(token(user, roles.toArray(String[]::new)), query, variables);
    }

    /** Runs a query with a bearer token made by the test (see {@link Tokens}); the response must be HTTP 200. */
    public static JsonPath withToken(String token, String query, Map<String, Object> variables) {
        return given().contentType(ContentType.JSON)
                .auth().oauth2(token)
                .body(Map.of("query", query, "variables", variables))
                .post("/graphql")
                .then().statusCode(200)
                .extract().jsonPath();
    }

    /** The HTTP status of a query sent with {@code token}, whatever the body. */
    public static int status(String token, String query) {
        return given().contentType(ContentType.JSON)
                .auth().oauth2(token)
                .body(Map.of("query", query))
                .post("/graphql")
                .then().extract().statusCode();
    }

    public static JsonPath as(String role, String query) {
        return as(role + "-user", List.of(role), query, Map.of());
    }

    public static JsonPath as(String role, String query, Map<String, Object> variables) {
        return as(role + "-user", List.of(role), query, variables);
    }

    /** The {@code extensions.code} of the first error, or null when there is none. */
    public static String errorCode(JsonPath response) {
        return response.getString("errors[0].extensions.code");
    }
}
