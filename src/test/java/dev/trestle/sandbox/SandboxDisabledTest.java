package dev.trestle.sandbox;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** As in production: unless it is configured on, the sandbox serves nothing. */
@QuarkusTest
@TestProfile(SandboxDisabledTest.SandboxOff.class)
class SandboxDisabledTest {

    public static class SandboxOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trestle.sandbox.enabled", "false");
        }
    }

    @Test
    void noSandboxEndpointAnswers() {
        given().header("X-AUTH-TOKEN", "sandbox-precoro-token").header("email", "integration@trestle.dev")
                .get("/sandbox/precoro/users").then().statusCode(404);
        given().post("/sandbox/netsuite/services/rest/query/v1/suiteql").then().statusCode(404);
    }
}
