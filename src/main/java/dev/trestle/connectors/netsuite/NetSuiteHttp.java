package dev.trestle.connectors.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trestle.connectors.RetryAfter;
import dev.trestle.connectors.UpstreamException;
import dev.trestle.connectors.UpstreamJson;
import dev.trestle.connectors.UpstreamSystem;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * What every NetSuite client of the hub shares besides the governor and caller: the REST client
 * with token-based authentication and the configured timeouts, and the reading of NetSuite's
 * error answers. {@link NetSuiteConnector} (SuiteQL employees) and {@link NetSuiteRecords}
 * (record writes, vendors, jobs) both use these, so a request is signed and a failure
 * classified the same way whichever of them sent it.
 */
final class NetSuiteHttp {

    private NetSuiteHttp() {
    }

    /**
     * A SuiteTalk REST client that signs every request (OAuth 1.0a TBA, HMAC-SHA256) over its final
     * URL. Built rather than injected so the signing filter gets the injected clock and the
     * timeouts come from the typed configuration.
     */
    static NetSuiteApi client(NetSuiteConfig config, Clock clock) {
        TbaSigner signer = new TbaSigner(config.accountId(), config.consumerKey(), config.consumerSecret(),
                config.tokenId(), config.tokenSecret());
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(config.baseUrl()))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .register(new TbaAuthFilter(signer, clock))
                .disableDefaultMapper(true)
                .build(NetSuiteApi.class);
    }

    /**
     * An answer outside 2xx as an {@link UpstreamException}. NetSuite's body is RFC 7807-like:
     * {@code {"title":..,"status":..,"o:errorDetails":[{"detail":..,"o:errorCode":..,"o:errorPath":..}]}};
     * its back-off hint, if any, is {@code Retry-After}.
     */
    static UpstreamException failure(int status, Response response, String body, ObjectMapper mapper, Clock clock) {
        JsonNode root = UpstreamJson.objectOrNull(body, mapper);
        String code = null;
        String detail = null;
        if (root != null) {
            JsonNode details = root.get("o:errorDetails");
            JsonNode first = details != null && details.isArray() && !details.isEmpty() ? details.get(0) : null;
            code = UpstreamJson.text(first, "o:errorCode");
            detail = UpstreamJson.text(first, "detail");
            if (detail == null) {
                detail = UpstreamJson.text(root, "title");
            }
        }
        return UpstreamException.forStatus(UpstreamSystem.NETSUITE, status, code, detail,
                RetryAfter.parse(response.getHeaderString("Retry-After"), clock).orElse(null));
    }
}
