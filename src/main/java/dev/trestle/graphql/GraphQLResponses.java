package dev.trestle.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** GraphQL responses that the hub writes itself (refusals before execution): {@code errors} and no {@code data}. */
final class GraphQLResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphQLResponses() {
    }

    static String errors(List<Map<String, Object>> errors) {
        try {
            return JSON.writeValueAsString(Map.of("errors", errors));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
