package dev.trestle.sandbox.netsuite;

import dev.trestle.sandbox.SandboxResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** NetSuite's RFC 7807-style error bodies, with the media type NetSuite sends them with. */
final class NetSuiteErrors {

    static final String ERROR_TYPE = "application/vnd.oracle.resource+json; type=error";
    static final String INVALID_LOGIN_DETAIL = "Invalid login attempt. For more details, see the Login Audit Trail in "
            + "the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.";

    private NetSuiteErrors() {
    }

    static SandboxResponse error(int status, String code, String detail) {
        JsonObject body = new JsonObject()
                .put("type", typeUri(status))
                .put("title", title(status))
                .put("status", status)
                .put("o:errorDetails", new JsonArray().add(new JsonObject()
                        .put("detail", detail)
                        .put("o:errorCode", code)));
        return SandboxResponse.json(status, ERROR_TYPE, body);
    }

    /** An error about one field of the request body; {@code path} is its JSONPath, e.g. {@code subsidiary}. */
    static SandboxResponse errorAt(int status, String code, String detail, String path) {
        JsonObject body = new JsonObject(error(status, code, detail).body());
        body.getJsonArray("o:errorDetails").getJsonObject(0).put("o:errorPath", path);
        return SandboxResponse.json(status, ERROR_TYPE, body);
    }

    /**
     * SuiteQL without {@code Prefer: transient}. Oracle documents the header as required and shows no
     * body for its absence; the sandbox answers 400 {@code USER_ERROR} (the code NetSuite uses for a
     * request a client must correct, in the field notes' list) with {@code o:errorHeader: "Prefer"},
     * the documented detail key naming a request header, so a client sees which header to fix.
     */
    static SandboxResponse transientPreferenceRequired() {
        JsonObject body = new JsonObject(error(400, "USER_ERROR", "Invalid request: SuiteQL queries must be "
                + "sent with the header 'Prefer: transient'.").body());
        body.getJsonArray("o:errorDetails").getJsonObject(0).put("o:errorHeader", "Prefer");
        return SandboxResponse.json(400, ERROR_TYPE, body);
    }

    static SandboxResponse invalidLogin() {
        return error(401, "INVALID_LOGIN", INVALID_LOGIN_DETAIL);
    }

    static SandboxResponse invalidParameter(String detail) {
        return error(400, "INVALID_PARAMETER", detail);
    }

    static SandboxResponse concurrencyLimitExceeded(int limit) {
        return error(429, "CONCURRENCY_LIMIT_EXCEEDED", "Concurrent request limit exceeded. The account allows "
                + limit + " concurrent requests. Request blocked.");
    }

    static SandboxResponse unexpectedError() {
        return error(500, "UNEXPECTED_ERROR", "An unexpected error occurred. Error ID: sandbox-"
                + Long.toHexString(System.nanoTime()));
    }

    private static String typeUri(int status) {
        String rfc2616 = "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#";
        return switch (status) {
            case 400 -> rfc2616 + "sec10.4.1";
            case 401 -> rfc2616 + "sec10.4.2";
            case 403 -> rfc2616 + "sec10.4.4";
            case 404 -> rfc2616 + "sec10.4.5";
            case 405 -> rfc2616 + "sec10.4.6";
            case 429 -> "https://tools.ietf.org/html/rfc6585#section-4";
            default -> rfc2616 + "sec10.5.1";
        };
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 429 -> "Too Many Requests";
            default -> "Internal Server Error";
        };
    }
}
