package dev.trestle.sandbox.procore;

import dev.trestle.sandbox.SandboxHarness;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Talks to the Procore sandbox of a {@link SandboxHarness} the way a connector does: token first, then bearer calls. */
final class ProcoreTestClient {

    private static final Pattern LINK = Pattern.compile("<([^>]+)>;\\s*rel=\"(\\w+)\"");

    final SandboxHarness harness;
    private String token;

    ProcoreTestClient(SandboxHarness harness) {
        this.harness = harness;
    }

    String url(String pathAndQuery) {
        return harness.base + "/procore" + pathAndQuery;
    }

    HttpResponse<String> tokenRequest(String formBody) {
        return harness.send(HttpRequest.newBuilder(URI.create(url("/oauth/token"))).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody)).build());
    }

    String freshToken() {
        ProcoreSandbox.ProcoreCredentials c = harness.sandbox.procore().credentials();
        HttpResponse<String> response = tokenRequest("grant_type=client_credentials&client_id=" + c.clientId()
                + "&client_secret=" + c.clientSecret());
        token = new JsonObject(response.body()).getString("access_token");
        return token;
    }

    HttpRequest.Builder api(String pathAndQuery) {
        if (token == null) {
            freshToken();
        }
        return HttpRequest.newBuilder(URI.create(url(pathAndQuery))).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .header("Procore-Company-Id", String.valueOf(harness.sandbox.procore().credentials().companyId()));
    }

    HttpResponse<String> get(String pathAndQuery) {
        return harness.send(api(pathAndQuery).GET().build());
    }

    HttpResponse<String> patch(String pathAndQuery, JsonObject body) {
        return harness.send(api(pathAndQuery).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body.encode())).build());
    }

    HttpResponse<String> delete(String pathAndQuery) {
        return harness.send(api(pathAndQuery).DELETE().build());
    }

    JsonObject sync(String resource, JsonArray updates) {
        HttpResponse<String> response = patch("/rest/v1.0/" + resource + "/sync", new JsonObject()
                .put("company_id", harness.sandbox.procore().credentials().companyId()).put("updates", updates));
        if (response.statusCode() != 200) {
            throw new AssertionError("sync answered " + response.statusCode() + ": " + response.body());
        }
        return new JsonObject(response.body());
    }

    static Map<String, String> links(HttpResponse<String> response) {
        Map<String, String> links = new LinkedHashMap<>();
        response.headers().firstValue("Link").ifPresent(header -> {
            Matcher m = LINK.matcher(header);
            while (m.find()) {
                links.put(m.group(2), m.group(1));
            }
        });
        return links;
    }
}
