package dev.trestle.errors;

import java.util.Map;

/**
 * A failure that the hub explains to its caller: a stable {@link ErrorCode}, a message written
 * for people, and optional extra extensions (for example the upstream system's own error code).
 */
public class TrestleException extends RuntimeException {

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

    public static TrestleException invalidArgument(String message) {
        return new TrestleException(ErrorCode.INVALID_ARGUMENT, message);
    }

    public static TrestleException notFound(String message) {
        return new TrestleException(ErrorCode.NOT_FOUND, message);
    }
}
