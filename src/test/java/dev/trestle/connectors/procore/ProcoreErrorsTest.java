package dev.trestle.connectors.procore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trestle.connectors.UpstreamException;
import dev.trestle.errors.ErrorCode;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Reading Procore's error answers, rate-limit headers and paging links, without HTTP. */
class ProcoreErrorsTest {

    private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void throttlingWaitsUntilTheRateLimitReset() {
        Response response = Response.status(429)
                .header(ProcoreErrors.RATE_LIMIT_RESET, String.valueOf(NOW.getEpochSecond() + 7)).build();

        UpstreamException e = ProcoreErrors.failure(429, response, "", mapper, CLOCK);

        assertEquals(ErrorCode.UPSTREAM_RATE_LIMITED, e.code());
        assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
        Response past = Response.status(429)
                .header(ProcoreErrors.RATE_LIMIT_RESET, String.valueOf(NOW.getEpochSecond() - 3)).build();
        assertEquals(Duration.ZERO, ProcoreErrors.waitFor(429, past, CLOCK), "a reset in the past means now");
    }

    @Test
    void overloadWaitsForRetryAfter() {
        Response response = Response.status(503).header("Retry-After", "12").build();

        UpstreamException e = ProcoreErrors.failure(503, response, "", mapper, CLOCK);

        assertEquals(ErrorCode.UPSTREAM_ERROR, e.code());
        assertTrue(e.kind().isTransient());
        assertEquals(Duration.ofSeconds(12), e.retryAfter().orElseThrow());
        assertNull(ProcoreErrors.waitFor(500, Response.status(500).build(), CLOCK));
    }

    @Test
    void readsEachErrorBodyShape() {
        Response plain = Response.status(400).build();
        assertEquals("Missing Procore-Company-Id header!", ProcoreErrors.failure(400, plain,
                "{\"errors\":\"Missing Procore-Company-Id header!\"}", mapper, CLOCK).upstreamDetail().orElseThrow());
        UpstreamException oauth = ProcoreErrors.failure(401, Response.status(401).build(),
                "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}", mapper, CLOCK);
        assertEquals(ErrorCode.UPSTREAM_AUTH_FAILED, oauth.code());
        assertEquals("invalid_client", oauth.upstreamCode().orElseThrow());
        assertEquals("Client authentication failed", oauth.upstreamDetail().orElseThrow());
        assertEquals("name: can't be blank; email_address: is invalid; email_address: is too long",
                ProcoreErrors.failure(422, plain, "{\"errors\":{\"name\":[\"can't be blank\"],"
                        + "\"email_address\":[\"is invalid\",\"is too long\"]}}", mapper, CLOCK)
                        .upstreamDetail().orElseThrow());
        assertFalse(ProcoreErrors.failure(502, plain, "<html>bad gateway</html>", mapper, CLOCK).upstreamDetail()
                .isPresent());
    }

    @Test
    void followsOnlyANextLink() {
        assertTrue(ProcoreConnector.hasNext("<https://api.procore.com/rest/v1.0/vendors?page=2&per_page=100>; "
                + "rel=\"next\", <https://api.procore.com/rest/v1.0/vendors?page=9&per_page=100>; rel=\"last\""));
        assertFalse(ProcoreConnector.hasNext("<https://api.procore.com/rest/v1.0/vendors?page=1&per_page=100>; "
                + "rel=\"first\", <https://api.procore.com/rest/v1.0/vendors?page=8&per_page=100>; rel=\"prev\""));
        assertFalse(ProcoreConnector.hasNext(null));
    }
}
