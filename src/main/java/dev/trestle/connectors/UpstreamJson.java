package dev.trestle.connectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * Reading upstream answers defensively: a body that is not what the API documents becomes an
 * {@link UpstreamException} of kind {@code MALFORMED}, never a NullPointerException deep inside
 * a mapper.
 */
public final class UpstreamJson {

    private UpstreamJson() {
    }

    /** The body as text; empty when there is none or it cannot be read. */
    public static String body(Response response) {
        try {
            String body = response.readEntity(String.class);
            return body == null ? "" : body;
        } catch (RuntimeException e) {
            return "";
        }
    }

    /**
     * The body as bytes; empty when there is none or it cannot be read. Parsing from the bytes
     * spares decoding a page of thousands of records into a String first.
     */
    public static byte[] bytes(Response response) {
        try {
            byte[] body = response.readEntity(byte[].class);
            return body == null ? new byte[0] : body;
        } catch (RuntimeException e) {
            return new byte[0];
        }
    }

    /** Parses a successful answer's body (UTF-8 bytes), which must be a JSON object. */
    public static JsonNode object(UpstreamSystem system, int status, byte[] body, ObjectMapper mapper) {
        if (isBlank(body)) {
            throw UpstreamException.malformed(system, status, "the body is empty", null);
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            // The exception message quotes the body; keep it out of the hub's own message.
            throw UpstreamException.malformed(system, status, "the body is not JSON", null);
        }
        if (root == null || !root.isObject()) {
            throw UpstreamException.malformed(system, status, "the body is not a JSON object", null);
        }
        return root;
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Parses a successful answer's body, which must be a JSON object. */
    public static JsonNode object(UpstreamSystem system, int status, String body, ObjectMapper mapper) {
        if (body == null || body.isBlank()) {
            throw UpstreamException.malformed(system, status, "the body is empty", null);
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            // The exception message quotes the body; keep it out of the hub's own message.
            throw UpstreamException.malformed(system, status, "the body is not JSON", null);
        }
        if (root == null || !root.isObject()) {
            throw UpstreamException.malformed(system, status, "the body is not a JSON object", null);
        }
        return root;
    }

    /** Parses an error answer's body if it is a JSON object; null otherwise (error bodies are best effort). */
    public static JsonNode objectOrNull(String body, ObjectMapper mapper) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode root = mapper.readTree(body);
            return root != null && root.isObject() ? root : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The field as text when it is a scalar (string, number, boolean); null when missing, null or structured. */
    public static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
    }
}
