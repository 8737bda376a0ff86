package dev.trestle.graphql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trestle.errors.ErrorCode;
import java.util.Locale;
import java.util.Map;

/**
 * The GraphQL-over-HTTP request envelope, read strictly: {@code query} a string, {@code operationName}
 * a string or null, {@code variables} and {@code extensions} maps or null. Anything else is refused
 * with {@link ErrorCode#INVALID_REQUEST} (HTTP 400) before the document is even parsed, so malformed
 * requests never reach the GraphQL engine (where they used to end as HTTP 500).
 */
public record GraphQLEnvelope(String query, String operationName, ObjectNode variables, ObjectNode extensions) {

    /** Reads a POST body ({@code application/json}, UTF-8). */
    public static GraphQLEnvelope fromBody(String contentType, String body, ObjectMapper json) {
        if (contentType == null || contentType.isBlank()) {
            throw invalid(415, "A POST needs \"Content-Type: application/json\".");
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json")) {
            throw invalid(415, "Only \"application/json\" requests are accepted.");
        }
        int charset = type.indexOf("charset=");
        if (charset >= 0 && !type.substring(charset + 8).trim().replace("\"", "").startsWith("utf-8")) {
            throw invalid(415, "Requests must be UTF-8 encoded.");
        }
        if (body == null || body.isBlank()) {
            throw invalid(400, "The request body is empty; it must be a JSON object with a \"query\".");
        }
        JsonNode root = parse(body, json, "The request body");
        if (!root.isObject()) {
            throw invalid(400, "The request body must be a JSON object with a \"query\".");
        }
        return of(root.get("query"), root.get("operationName"), root.get("variables"), root.get("extensions"));
    }

    /** Reads a GET's query parameters (variables and extensions as JSON text). */
    public static GraphQLEnvelope fromParameters(Map<String, String> parameters, ObjectMapper json) {
        return of(text(parameters.get("query")), text(parameters.get("operationName")),
                json(parameters.get("variables"), json, "\"variables\""),
                json(parameters.get("extensions"), json, "\"extensions\""));
    }

    private static GraphQLEnvelope of(JsonNode query, JsonNode operationName, JsonNode variables, JsonNode extensions) {
        if (query == null || query.isNull()) {
            throw invalid(400, "The request has no \"query\".");
        }
        if (!query.isTextual()) {
            throw invalid(400, "\"query\" must be a string.");
        }
        if (operationName != null && !operationName.isNull() && !operationName.isTextual()) {
            throw invalid(400, "\"operationName\" must be a string or null.");
        }
        if (variables != null && !variables.isNull() && !variables.isObject()) {
            throw invalid(400, "\"variables\" must be a map (a JSON object) or null.");
        }
        if (extensions != null && !extensions.isNull() && !extensions.isObject()) {
            throw invalid(400, "\"extensions\" must be a map (a JSON object) or null.");
        }
        return new GraphQLEnvelope(query.asText(),
                operationName == null || operationName.isNull() ? null : operationName.asText(),
                variables instanceof ObjectNode map ? map : null,
                extensions instanceof ObjectNode map ? map : null);
    }

    private static JsonNode text(String value) {
        return value == null ? null : MAPPER.getNodeFactory().textNode(value);
    }

    private static JsonNode json(String value, ObjectMapper json, String what) {
        return value == null || value.isEmpty() ? null : parse(value, json, what);
    }

    private static JsonNode parse(String text, ObjectMapper json, String what) {
        int maxJsonDepth = json.getFactory().streamReadConstraints().getMaxNestingDepth();
        try {
            return json.readTree(text);
        } catch (JsonProcessingException malformed) {
            // Jackson's message quotes the input: say what is wrong without echoing it.
            boolean tooDeep = malformed.getOriginalMessage() != null
                    && malformed.getOriginalMessage().contains("nesting depth");
            throw invalid(400, tooDeep
                    ? what + " is nested deeper than " + maxJsonDepth + " levels."
                    : what + " is not valid JSON.");
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The JSON reader of request envelopes: at most {@code maxJsonDepth} levels of nesting. */
    public static ObjectMapper reader(int maxJsonDepth) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxJsonDepth).build())
                .build();
        return new ObjectMapper(factory);
    }

    private static GraphQLRefusal invalid(int status, String message) {
        return GraphQLRefusal.request(status, ErrorCode.INVALID_REQUEST, message);
    }
}
