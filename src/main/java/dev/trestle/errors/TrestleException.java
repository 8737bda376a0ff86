package dev.trestle.errors;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure that the hub explains to its caller: a stable {@link ErrorCode}, a message written
 * for people, and optional extra extensions (for example the upstream system's own error code).
 *
 * <p>It is a {@link GraphQLError} so that its extensions ({@code code} first) are what GraphQL
 * clients see, in place of SmallRye's default code derived from the Java class name.
 */
public class TrestleException extends RuntimeException implements GraphQLError {

    private final ErrorCode code;
    private final Map<String, Object> extensions;

    public TrestleException(ErrorCode code, String message) {
        this(code, message, Map.of(), null);
    }

    public TrestleException(ErrorCode code, String message, Map<String, Object> extensions, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.extensions = Map.copyOf(extensions);
    }

    public ErrorCode code() {
        return code;
    }

    /** Extra fields for the GraphQL error's {@code extensions}, besides {@code code}. */
    public Map<String, Object> extensions() {
        return extensions;
    }

    @Override
    public Map<String, Object> getExtensions() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("code", code.name());
        all.putAll(extensions);
        return all;
    }

    @Override
    public List<SourceLocation> getLocations() {
        return null;
    }

    @Override
    public ErrorClassification getErrorType() {
        return ErrorClassification.errorClassification(code.name());
    }

    public static TrestleException invalidArgument(String message) {
        return new TrestleException(ErrorCode.INVALID_ARGUMENT, message);
    }

    public static TrestleException notFound(String message) {
        return new TrestleException(ErrorCode.NOT_FOUND, message);
    }
}
