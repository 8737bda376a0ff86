package dev.trestle.sandbox.netsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trestle.sandbox.netsuite.OAuthTbaVerifier.Verdict;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class OAuthTbaVerifierTest {

    /*
     * Vector computed independently with Python 3:
     *
     *   import hmac, hashlib, base64, urllib.parse as up
     *   enc = lambda s: up.quote(s, safe='-._~')
     *   base = 'http://localhost:8089/sandbox/netsuite/services/rest/record/v1/employee'
     *   query = [('q', 'email IS "ann.lee@example.com"'), ('limit', '2'), ('offset', '0')]
     *   oauth = [('oauth_consumer_key', 'sandbox-consumer-key'), ('oauth_token', 'sandbox-token-id'),
     *            ('oauth_signature_method', 'HMAC-SHA256'), ('oauth_timestamp', '1767225600'),
     *            ('oauth_nonce', 'n0nce-4711'), ('oauth_version', '1.0')]
     *   norm = '&'.join(k + '=' + v for k, v in sorted((enc(k), enc(v)) for k, v in oauth + query))
     *   bs = 'GET&' + enc(base) + '&' + enc(norm)
     *   key = enc('sandbox-consumer-secret') + '&' + enc('sandbox-token-secret')
     *   base64.b64encode(hmac.new(key.encode(), bs.encode(), hashlib.sha256).digest())
     *   # -> EBGZS1ZNu6zPjwbPE2h0kpjTgnnkp4b1gEs/nCfACKk=
     */
    static final String SIGNATURE = "EBGZS1ZNu6zPjwbPE2h0kpjTgnnkp4b1gEs%2FnCfACKk%3D";
    static final long TIMESTAMP = 1767225600L;
    static final URI URI_AS_SENT = URI.create("http://localhost:8089/sandbox/netsuite/services/rest/record/v1/employee"
            + "?q=email%20IS%20%22ann.lee%40example.com%22&limit=2&offset=0");

    static String header(String signature, String nonce, long timestamp) {
        return "OAuth realm=\"TSTDRV1234567\",oauth_consumer_key=\"sandbox-consumer-key\",oauth_token=\"sandbox-token-id\","
                + "oauth_signature_method=\"HMAC-SHA256\",oauth_timestamp=\"" + timestamp + "\",oauth_nonce=\"" + nonce
                + "\",oauth_version=\"1.0\",oauth_signature=\"" + signature + "\"";
    }

    static OAuthTbaVerifier verifier(String consumerSecret, long nowEpochSecond) {
        return new OAuthTbaVerifier("TSTDRV1234567", "sandbox-consumer-key", consumerSecret, "sandbox-token-id",
                "sandbox-token-secret", Clock.fixed(Instant.ofEpochSecond(nowEpochSecond), ZoneOffset.UTC));
    }

    @Test
    void acceptsTheIndependentlyComputedVector() {
        assertEquals(Verdict.VALID, verifier("sandbox-consumer-secret", TIMESTAMP + 10)
                .verify("GET", URI_AS_SENT, header(SIGNATURE, "n0nce-4711", TIMESTAMP)));
    }

    @Test
    void baseUriDropsDefaultPortAndLowercasesHost() {
        assertEquals("https://acme.suitetalk.api.netsuite.com/services/rest/x",
                OAuthTbaVerifier.baseUri(URI.create("HTTPS://ACME.SuiteTalk.api.netsuite.com:443/services/rest/x?a=1")));
        assertEquals("http://localhost:8089/p", OAuthTbaVerifier.baseUri(URI.create("http://localhost:8089/p")));
    }

    @Test
    void rejectsAWrongSecret() {
        assertEquals(Verdict.BAD_SIGNATURE, verifier("another-secret", TIMESTAMP)
                .verify("GET", URI_AS_SENT, header(SIGNATURE, "n0nce-4711", TIMESTAMP)));
    }

    @Test
    void rejectsATamperedQueryParameter() {
        URI tampered = URI.create(URI_AS_SENT.toString().replace("limit=2", "limit=3"));
        assertEquals(Verdict.BAD_SIGNATURE, verifier("sandbox-consumer-secret", TIMESTAMP)
                .verify("GET", tampered, header(SIGNATURE, "n0nce-4711", TIMESTAMP)));
    }

    @Test
    void rejectsAnotherMethod() {
        assertEquals(Verdict.BAD_SIGNATURE, verifier("sandbox-consumer-secret", TIMESTAMP)
                .verify("POST", URI_AS_SENT, header(SIGNATURE, "n0nce-4711", TIMESTAMP)));
    }

    @Test
    void rejectsAReplayedNonce() {
        OAuthTbaVerifier verifier = verifier("sandbox-consumer-secret", TIMESTAMP);
        assertEquals(Verdict.VALID, verifier.verify("GET", URI_AS_SENT, header(SIGNATURE, "n0nce-4711", TIMESTAMP)));
        assertEquals(Verdict.NONCE_REUSED, verifier.verify("GET", URI_AS_SENT, header(SIGNATURE, "n0nce-4711", TIMESTAMP)));
    }

    @Test
    void rejectsATimestampMoreThanFiveMinutesOff() {
        assertEquals(Verdict.TIMESTAMP_OUT_OF_RANGE, verifier("sandbox-consumer-secret", TIMESTAMP + 301)
                .verify("GET", URI_AS_SENT, header(SIGNATURE, "n0nce-4711", TIMESTAMP)));
        assertEquals(Verdict.TIMESTAMP_OUT_OF_RANGE, verifier("sandbox-consumer-secret", TIMESTAMP - 301)
                .verify("GET", URI_AS_SENT, header(SIGNATURE, "n0nce-4711", TIMESTAMP)));
    }

    @Test
    void rejectsSha1AndUnknownCredentialsAndGarbage() {
        OAuthTbaVerifier verifier = verifier("sandbox-consumer-secret", TIMESTAMP);
        assertEquals(Verdict.UNSUPPORTED_SIGNATURE_METHOD, verifier.verify("GET", URI_AS_SENT,
                header(SIGNATURE, "n0nce-4711", TIMESTAMP).replace("HMAC-SHA256", "HMAC-SHA1")));
        assertEquals(Verdict.UNKNOWN_CONSUMER_KEY, verifier.verify("GET", URI_AS_SENT,
                header(SIGNATURE, "n0nce-4711", TIMESTAMP).replace("sandbox-consumer-key", "other-key")));
        assertEquals(Verdict.UNKNOWN_TOKEN, verifier.verify("GET", URI_AS_SENT,
                header(SIGNATURE, "n0nce-4711", TIMESTAMP).replace("sandbox-token-id", "other-token")));
        assertEquals(Verdict.WRONG_REALM, verifier.verify("GET", URI_AS_SENT,
                header(SIGNATURE, "n0nce-4711", TIMESTAMP).replace("TSTDRV1234567", "OTHER")));
        assertEquals(Verdict.MISSING_HEADER, verifier.verify("GET", URI_AS_SENT, null));
        assertEquals(Verdict.MALFORMED_HEADER, verifier.verify("GET", URI_AS_SENT, "Bearer abc"));
    }

    @Test
    void percentEncodesPerRfc5849() {
        assertEquals("a%20b%2Bc~d.e_f-g%2A%C3%A9", OAuthTbaVerifier.percentEncode("a b+c~d.e_f-g*é"));
    }
}
