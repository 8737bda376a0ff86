package dev.trestle.connectors.procore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trestle.connectors.RetryAfter;
import dev.trestle.connectors.UpstreamException;
import dev.trestle.connectors.UpstreamJson;
import dev.trestle.connectors.UpstreamSystem;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Turns Procore's error answers (API and OAuth host alike) into {@link UpstreamException}s. */
final class ProcoreErrors {

    static final String RATE_LIMIT_RESET = "X-Rate-Limit-Reset";

    private ProcoreErrors() {
    }

    /**
     * Procore's error bodies come in several shapes: {@code {"errors":"Missing Procore-Company-Id header!"}},
     * {@code {"errors":{"name":["can't be blank"]}}}, {@code {"message":"..."}}, and on the OAuth host
     * {@code {"error":"invalid_client","error_description":"..."}}.
     */
    static UpstreamException failure(int status, Response response, String body, ObjectMapper mapper, Clock clock) {
        JsonNode root = UpstreamJson.objectOrNull(body, mapper);
        String code = UpstreamJson.text(root, "error");
        String detail = UpstreamJson.text(root, "error_description");
        if (detail == null && root != null && root.has("errors")) {
            detail = messages(root.get("errors"));
        }
        if (detail == null) {
            detail = UpstreamJson.text(root, "message");
        }
        if (detail == null) {
            detail = code;
        }
        return UpstreamException.forStatus(UpstreamSystem.PROCORE, status, code, detail,
                waitFor(status, response, clock));
    }

    /**
     * How long Procore asks us to wait. On 429 that is until {@code X-Rate-Limit-Reset} (unix
     * seconds, when the window that ran out refills); under platform load Procore sends 503 with
     * {@code Retry-After} in seconds. Null when neither says anything.
     */
    static Duration waitFor(int status, Response response, Clock clock) {
        if (status == 429) {
            String reset = response.getHeaderString(RATE_LIMIT_RESET);
            if (reset != null && reset.strip().matches("[0-9]{1,12}")) {
                Duration wait = Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(reset.strip())));
                return wait.isNegative() ? Duration.ZERO : wait;
            }
        }
        return RetryAfter.parse(response.getHeaderString("Retry-After"), clock).orElse(null);
    }

    /**
     * Flattens Procore's validation messages into one line, e.g. {@code name: can't be blank; email_address: is invalid}:
     * a string as is, an array element by element, an object as {@code field: message} pairs.
     */
    static String messages(JsonNode errors) {
        if (errors == null || errors.isNull()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        collect(null, errors, parts);
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static void collect(String field, JsonNode node, List<String> parts) {
        if (node.isValueNode()) {
            if (!node.isNull() && !node.asText().isBlank()) {
                parts.add(field == null ? node.asText() : field + ": " + node.asText());
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collect(field, element, parts);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                collect(field == null ? entry.getKey() : field + "." + entry.getKey(), entry.getValue(), parts);
            }
        }
    }
}
