package dev.trestle.sandbox;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/** A complete answer of a simulated system, built before it is sent so that faults can alter it. */
public record SandboxResponse(int status, String contentType, Map<String, String> headers, String body) {

    public static SandboxResponse json(int status, String contentType, JsonObject body) {
        return new SandboxResponse(status, contentType, Map.of(), body.encode());
    }

    public SandboxResponse withHeaders(Map<String, String> extra) {
        var merged = new java.util.LinkedHashMap<>(headers);
        merged.putAll(extra);
        return new SandboxResponse(status, contentType, merged, body);
    }
}
