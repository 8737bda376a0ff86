package dev.trestle.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trestle.errors.ErrorCode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpstreamExceptionTest {

    @Test
    void statusesMapToErrorCodes() {
        assertEquals(ErrorCode.UPSTREAM_AUTH_FAILED, forStatus(401).code());
        assertEquals(ErrorCode.UPSTREAM_AUTH_FAILED, forStatus(403).code());
        assertEquals(ErrorCode.UPSTREAM_RATE_LIMITED, forStatus(429).code());
        assertEquals(ErrorCode.UPSTREAM_ERROR, forStatus(500).code());
        assertEquals(ErrorCode.UPSTREAM_ERROR, forStatus(400).code());
        assertEquals(ErrorCode.UPSTREAM_TIMEOUT, forStatus(504).code());
        assertEquals(ErrorCode.UPSTREAM_MALFORMED_RESPONSE,
                UpstreamException.malformed(UpstreamSystem.NETSUITE, 200, "x", null).code());
        assertEquals(ErrorCode.UPSTREAM_UNAVAILABLE, UpstreamException.circuitOpen(UpstreamSystem.PRECORO, null).code());
        assertEquals(ErrorCode.UPSTREAM_TIMEOUT, UpstreamException.transport(UpstreamSystem.PRECORO, true, null).code());
    }

    @Test
    void onlyTransientKindsAreRetried() {
        assertTrue(forStatus(429).kind().isTransient());
        assertTrue(forStatus(503).kind().isTransient());
        assertFalse(forStatus(401).kind().isTransient());
        assertFalse(forStatus(404).kind().isTransient());
    }

    @Test
    void extensionsCarryTheUpstreamsOwnWords() {
        UpstreamException e = UpstreamException.forStatus(UpstreamSystem.NETSUITE, 401, "INVALID_LOGIN",
                "Invalid login attempt.", Duration.ofSeconds(3));
        assertEquals(Map.of("upstream", "NETSUITE", "upstreamStatus", 401, "upstreamCode", "INVALID_LOGIN",
                "upstreamDetail", "Invalid login attempt."), e.extensions());
        assertEquals(Duration.ofSeconds(3), e.retryAfter().orElseThrow());
        assertTrue(e.getMessage().startsWith("NetSuite rejected the hub's credentials (HTTP 401, INVALID_LOGIN)"),
                e.getMessage());
    }

    @Test
    void absentFieldsStayOutOfExtensions() {
        UpstreamException e = UpstreamException.transport(UpstreamSystem.NETSUITE, false, null);
        assertEquals(Map.of("upstream", "NETSUITE"), e.extensions());
        assertTrue(e.httpStatus().isEmpty());
    }

    @Test
    void longDetailsAreShortened() {
        UpstreamException e = UpstreamException.forStatus(UpstreamSystem.PRECORO, 400, null, "x".repeat(2000), null);
        assertTrue(e.upstreamDetail().orElseThrow().length() <= 501);
    }

    @Test
    void unreadableBodiesBecomeMalformedNotNullPointers() {
        ObjectMapper mapper = new ObjectMapper();
        for (String body : new String[] { "", "  ", "{\"items\":[{\"id\":\"1\"", "[1,2]", "null", "<html>" }) {
            UpstreamException e = org.junit.jupiter.api.Assertions.assertThrows(UpstreamException.class,
                    () -> UpstreamJson.object(UpstreamSystem.NETSUITE, 200, body, mapper), body);
            assertEquals(ErrorCode.UPSTREAM_MALFORMED_RESPONSE, e.code());
        }
        assertEquals(null, UpstreamJson.objectOrNull("<html>", mapper));
        assertEquals(null, UpstreamJson.text(null, "x"));
    }

    private static UpstreamException forStatus(int status) {
        return UpstreamException.forStatus(UpstreamSystem.NETSUITE, status, null, null, null);
    }
}
