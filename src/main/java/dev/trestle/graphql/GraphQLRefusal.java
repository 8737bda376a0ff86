package dev.trestle.graphql;

import dev.trestle.errors.ErrorCode;
import graphql.GraphQLError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GraphQL request refused before it runs, with the HTTP status it is answered with.
 *
 * <p>{@link Stage#HTTP} refusals (the request is not a readable GraphQL request, too large, rate
 * limited) keep their status whatever the client accepts. {@link Stage#DOCUMENT} refusals (the
 * document does not parse, validate, coerce its variables or fit the cost limits) follow the
 * GraphQL-over-HTTP spec: 400 for clients accepting {@code application/graphql-response+json},
 * 200 for legacy {@code application/json} clients, and never a {@code data} entry.
 */
public final class GraphQLRefusal extends RuntimeException {

    public enum Stage { HTTP, DOCUMENT }

    private final Stage stage;
    private final int status;
    private final ErrorCode code;
    private final Map<String, Object> extensions;
    private final List<GraphQLError> details;

    private GraphQLRefusal(Stage stage, int status, ErrorCode code, String message, Map<String, Object> extensions,
            List<GraphQLError> details) {
        super(message, null, false, false);
        this.stage = stage;
        this.status = status;
        this.code = code;
        this.extensions = Map.copyOf(extensions);
        this.details = List.copyOf(details);
    }

    private GraphQLRefusal(Stage stage, int status, ErrorCode code, String message, Map<String, Object> extensions) {
        this(stage, status, code, message, extensions, List.of());
    }

    /** The document does not fit the schema: one GraphQL error each, with the engine's own classification. */
    public static GraphQLRefusal invalidDocument(List<? extends GraphQLError> errors) {
        return new GraphQLRefusal(Stage.DOCUMENT, 400, ErrorCode.GRAPHQL_VALIDATION_FAILED,
                errors.get(0).getMessage(), Map.of("classification", "ValidationError"), List.copyOf(errors));
    }

    public static GraphQLRefusal request(int status, ErrorCode code, String message) {
        return new GraphQLRefusal(Stage.HTTP, status, code, message, Map.of());
    }

    public static GraphQLRefusal request(int status, ErrorCode code, String message, Map<String, Object> extensions) {
        return new GraphQLRefusal(Stage.HTTP, status, code, message, extensions);
    }

    public static GraphQLRefusal document(ErrorCode code, String message) {
        return new GraphQLRefusal(Stage.DOCUMENT, 400, code, message, Map.of());
    }

    public static GraphQLRefusal document(ErrorCode code, String message, Map<String, Object> extensions) {
        return new GraphQLRefusal(Stage.DOCUMENT, 400, code, message, extensions);
    }

    public Stage stage() {
        return stage;
    }

    public ErrorCode code() {
        return code;
    }

    /** When to come back, for refusals of load (RATE_LIMITED, OVERLOADED): the {@code Retry-After} header. */
    public Long retryAfterSeconds() {
        return extensions.get("retryAfterSeconds") instanceof Long seconds ? seconds : null;
    }

    /** The status for a client that accepts {@code application/graphql-response+json} (or not). */
    public int status(boolean graphqlResponseJson) {
        return stage == Stage.DOCUMENT && !graphqlResponseJson ? 200 : status;
    }

    /** The {@code errors} entry of the answer: each with {@code extensions.code} first, then the refusal's own. */
    public List<Map<String, Object>> errors() {
        if (details.isEmpty()) {
            return List.of(Map.of("message", getMessage(), "extensions", extensions(Map.of())));
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        for (GraphQLError detail : details) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", detail.getMessage());
            if (detail.getLocations() != null && !detail.getLocations().isEmpty()) {
                error.put("locations", detail.getLocations().stream()
                        .map(location -> Map.of("line", location.getLine(), "column", location.getColumn())).toList());
            }
            error.put("extensions", extensions(detail.getExtensions() == null ? Map.of() : detail.getExtensions()));
            errors.add(error);
        }
        return errors;
    }

    private Map<String, Object> extensions(Map<String, Object> own) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("code", code.name());
        all.putAll(extensions);
        all.putAll(own);
        all.put("code", code.name());
        return all;
    }
}
