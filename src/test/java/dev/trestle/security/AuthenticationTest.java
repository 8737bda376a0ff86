package dev.trestle.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trestle.support.Database;
import dev.trestle.support.GraphQL;
import dev.trestle.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
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
    private static final String DESIGNATE_GHOST = "mutation { designateAccountingApprover(user: \"ghost\") { user } }";

    @Inject
    Database database;

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
        String accepted = Jwt.issuer(ISSUER).subject("ann").upn("ann").groups("viewer").audience("trestle").sign();
        given().contentType(ContentType.JSON).auth().oauth2(accepted).body(Map.of("query", SETTINGS))
                .post("/graphql")
                .then().statusCode(200);
    }

    @Test
    void aTokenWithoutASubjectIsRejectedBeforeAnythingRuns() {
        database.execute("DELETE FROM accounting_approver WHERE subject = 'ghost'");
        // The name alone (upn) does not say who the caller is: two people may share it.
        List<String> rejected = List.of(
                Tokens.claims("admin").upn("eve").sign(),
                Tokens.claims("admin").subject("").upn("eve").sign(),
                Tokens.claims("admin").subject("   ").upn("eve").sign(),
                Tokens.claims("admin").subject("").sign());
        for (String token : rejected) {
            assertEquals(401, GraphQL.status(token, DESIGNATE_GHOST));
        }
        assertEquals(0, database.count("SELECT count(*) FROM accounting_approver WHERE subject = 'ghost'"),
                "a refused token's mutation did not run");
        assertEquals(200, GraphQL.status(Tokens.of("u-7", "eve", "admin"), SETTINGS));
    }

    @Test
    void aTokenIssuedInTheFutureIsRejectedBeyondTheClockSkew() {
        long now = Instant.now().getEpochSecond();
        long month = 30L * 24 * 3600;
        String minted = Tokens.claims("admin").subject("eve").issuedAt(now + month).expiresAt(now + month + 3600).sign();
        assertEquals(401, GraphQL.status(minted, DESIGNATE_GHOST));
        assertEquals(0, database.count("SELECT count(*) FROM accounting_approver WHERE subject = 'ghost'"));
        // A provider whose clock is a little ahead (within the default 60 s) is fine.
        String slightlyAhead = Tokens.claims("viewer").subject("ann").issuedAt(now + 30).expiresAt(now + 3600).sign();
        assertEquals(200, GraphQL.status(slightlyAhead, SETTINGS));
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
