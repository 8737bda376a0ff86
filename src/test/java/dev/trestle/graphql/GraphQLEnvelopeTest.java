package dev.trestle.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trestle.errors.ErrorCode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The request envelope is read strictly; what is wrong is said without echoing the input. */
class GraphQLEnvelopeTest {

    private static final ObjectMapper JSON = GraphQLEnvelope.reader(32);

    private static GraphQLRefusal refused(String body) {
        return assertThrows(GraphQLRefusal.class, () -> GraphQLEnvelope.fromBody("application/json", body, JSON));
    }

    @Test
    void readsAWellFormedRequest() {
        GraphQLEnvelope envelope = GraphQLEnvelope.fromBody("application/json; charset=utf-8",
                "{\"query\":\"{ a }\",\"operationName\":null,\"variables\":{\"x\":1},\"extensions\":null}", JSON);
        assertEquals("{ a }", envelope.query());
        assertNull(envelope.operationName());
        assertEquals(1, envelope.variables().get("x").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"query\":\"{ a }\",\"variables\":\"x\"}",
        "{\"query\":\"{ a }\",\"variables\":42}",
        "{\"query\":\"{ a }\",\"variables\":[1]}",
        "{\"query\":\"{ a }\",\"operationName\":42}",
        "{\"query\":\"{ a }\",\"extensions\":\"x\"}",
        "{\"query\":{\"a\":1}}",
        "{\"qeury\":\"{ a }\"}",
        "[\"{ a }\"]",
        "{ \"not JSON",
        ""
    })
    void malformedEnvelopesAreInvalidRequests(String body) {
        GraphQLRefusal refusal = refused(body);
        assertEquals(ErrorCode.INVALID_REQUEST, refusal.code());
        assertEquals(400, refusal.status(true));
        assertEquals(400, refusal.status(false));
    }

    @Test
    void deepJsonIsRefusedWithoutRecursingIntoIt() {
        String deep = "{\"query\":\"{ a }\",\"variables\":{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}}";
        GraphQLRefusal refusal = refused(deep);
        assertEquals(ErrorCode.INVALID_REQUEST, refusal.code());
        assertEquals("The request body is nested deeper than 32 levels.", refusal.getMessage());
    }

    @Test
    void theInputIsNotEchoed() {
        GraphQLRefusal refusal = refused("{\"query\": secret-token-like-input }");
        assertFalse(refusal.getMessage().contains("secret"), refusal.getMessage());
    }

    @Test
    void onlyJsonContentIsAccepted() {
        GraphQLRefusal plain = assertThrows(GraphQLRefusal.class,
                () -> GraphQLEnvelope.fromBody("text/plain;charset=UTF-8", "{\"query\":\"{ a }\"}", JSON));
        assertEquals(415, plain.status(false));
        GraphQLRefusal none = assertThrows(GraphQLRefusal.class,
                () -> GraphQLEnvelope.fromBody(null, "{\"query\":\"{ a }\"}", JSON));
        assertEquals(415, none.status(true));
        GraphQLRefusal latin = assertThrows(GraphQLRefusal.class,
                () -> GraphQLEnvelope.fromBody("application/json; charset=iso-8859-1", "{\"query\":\"{ a }\"}", JSON));
        assertEquals(415, latin.status(true));
    }

    @Test
    void getParametersCarryVariablesAsJsonText() {
        GraphQLEnvelope envelope = GraphQLEnvelope.fromParameters(
                Map.of("query", "{ a }", "variables", "{\"name\":\"x\"}"), JSON);
        assertEquals("x", envelope.variables().get("name").asText());
        assertEquals(ErrorCode.INVALID_REQUEST, assertThrows(GraphQLRefusal.class,
                () -> GraphQLEnvelope.fromParameters(Map.of("query", "{ a }", "variables", "[1]"), JSON)).code());
        assertEquals(ErrorCode.INVALID_REQUEST, assertThrows(GraphQLRefusal.class,
                () -> GraphQLEnvelope.fromParameters(Map.of(), JSON)).code());
    }
}
