package dev.trestle.graphql;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trestle.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SchemaTest {

    private static final Path COMMITTED = Path.of("graphql/schema.graphql");

    @Test
    void committedSchemaIsTheServedSchema() throws Exception {
        String served = given().auth().oauth2(GraphQL.token("schema-reader", "viewer"))
                .get("/graphql/schema.graphql")
                .then().statusCode(200)
                .extract().asString();
        if (Boolean.getBoolean("trestle.schema.update")) {
            Files.writeString(COMMITTED, served);
        }
        assertEquals(Files.readString(COMMITTED), served,
                "graphql/schema.graphql differs from the served schema; run the tests with "
                        + "-Dtrestle.schema.update=true to rewrite it, and commit it with the code that changed it");
    }
}
