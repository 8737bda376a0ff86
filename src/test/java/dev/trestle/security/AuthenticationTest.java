package dev.trestle.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trestle.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthenticationTest {

    private static final String ISSUER = "https://trestle.dev/issuer";
    private static final String SETTINGS = "{ integrationSettings { employeeSyncEnabled } }";

    @Test
    void operationsWithoutATokenAreRejected() {
        given().contentType(ContentType.JSON).body(Map.of("query", SETTINGS))
                .post("/graphql")
                .then().statusCode(401);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() {
        String token = GraphQL.token("mallory", "admin");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().contentType(ContentType.JSON).auth().oauth2(forged).body(Map.of("query", SETTINGS))
                .post("/graphql")
                .then().statusCode(401);
    }

    @Test
    void tokensFromAnotherKeyIssuerOrAudienceOrExpiredAreRejected() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey otherKey = generator.generateKeyPair().getPrivate();
        long now = Instant.now().getEpochSecond();
        List<String> rejected = List.of(
                Jwt.issuer(ISSUER).upn("eve").groups("admin").audience("trestle").sign(otherKey),
                Jwt.issuer("https://elsewhere.example.com").upn("eve").groups("admin").audience("trestle").sign(),
                Jwt.issuer(ISSUER).upn("eve").groups("admin").audience("another-service").sign(),
                Jwt.issuer(ISSUER).upn("eve").groups("admin").audience("trestle")
                        .issuedAt(now - 7200).expiresAt(now - 3600).sign());
        for (String token : rejected) {
            given().contentType(ContentType.JSON).auth().oauth2(token).body(Map.of("query", SETTINGS))
                    .post("/graphql")
                    .then().statusCode(401);
        }
        String accepted = Jwt.issuer(ISSUER).upn("ann").groups("viewer").audience("trestle").sign();
        given().contentType(ContentType.JSON).auth().oauth2(accepted).body(Map.of("query", SETTINGS))
                .post("/graphql")
                .then().statusCode(200);
    }

    @Test
    void everyRoleMayRead() {
        for (String role : List.of("viewer", "requester", "approver", "admin")) {
            var response = GraphQL.as(role, SETTINGS);
            assertNull(response.get("errors"), role + " should read: " + response.prettify());
            assertNotNull(response.get("data.integrationSettings"));
        }
    }

    @Test
    void aTokenWithoutAnyRoleIsForbidden() {
        var response = GraphQL.as("nobody", List.of(), SETTINGS, Map.of());
        assertEquals("FORBIDDEN", GraphQL.errorCode(response), response.prettify());
    }

    @Test
    void devTokensRefuseUnknownRoles() {
        given().contentType(ContentType.JSON).body(Map.of("user", "ann", "roles", List.of("superuser")))
                .post("/dev/token")
                .then().statusCode(400);
    }
}
