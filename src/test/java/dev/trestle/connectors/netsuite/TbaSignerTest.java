package dev.trestle.connectors.netsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class TbaSignerTest {

    private final TbaSigner signer = new TbaSigner("1234567_SB1", "ck-123", "cs secret/+", "tok~456", "ts&secret");

    /*
     * The expected values were computed independently with Python's standard library:
     *
     *   import hmac, hashlib, base64, urllib.parse
     *   q = lambda s: urllib.parse.quote(s, safe='-._~')
     *   params = [('oauth_consumer_key','ck-123'), ('oauth_nonce','abc123XYZ'),
     *             ('oauth_signature_method','HMAC-SHA256'), ('oauth_timestamp','1700000000'),
     *             ('oauth_token','tok~456'), ('oauth_version','1.0'), ('limit','1000'),
     *             ('offset','2000'), ('q','a b+c'), ('a1','x'), ('a','z'), ('a','y')]
     *   norm = '&'.join(k + '=' + v for k, v in sorted((q(k), q(v)) for k, v in params))
     *   base = 'POST&' + q('https://acme-sb1.suitetalk.api.netsuite.com/services/rest/query/v1/suiteql') \
     *          + '&' + q(norm)
     *   key = q('cs secret/+') + '&' + q('ts&secret')
     *   base64.b64encode(hmac.new(key.encode(), base.encode(), hashlib.sha256).digest())
     *
     * The URL mixes upper case in scheme-insensitive parts, the default port, a percent-encoded
     * space and plus, repeated names and a name that is a prefix of another ("a" < "a1").
     */
    private static final URI VECTOR_URI = URI.create("https://Acme-SB1.SuiteTalk.API.NetSuite.com:443"
            + "/services/rest/query/v1/suiteql?limit=1000&offset=2000&q=a%20b%2Bc&a1=x&a=z&a=y");
    private static final String VECTOR_BASE = "POST&https%3A%2F%2Facme-sb1.suitetalk.api.netsuite.com%2Fservices%2Frest"
            + "%2Fquery%2Fv1%2Fsuiteql&a%3Dy%26a%3Dz%26a1%3Dx%26limit%3D1000%26oauth_consumer_key%3Dck-123"
            + "%26oauth_nonce%3Dabc123XYZ%26oauth_signature_method%3DHMAC-SHA256%26oauth_timestamp%3D1700000000"
            + "%26oauth_token%3Dtok~456%26oauth_version%3D1.0%26offset%3D2000%26q%3Da%2520b%252Bc";
    private static final String VECTOR_SIGNATURE = "ACMR83wMnPvUgM0GzTGNb1xa4KgH526RVtXYEtKdpug=";

    @Test
    void baseStringFollowsRfc5849() {
        assertEquals(VECTOR_BASE, signer.baseString("post", VECTOR_URI, 1_700_000_000L, "abc123XYZ"));
    }

    @Test
    void signatureMatchesIndependentVector() {
        assertEquals(VECTOR_SIGNATURE, signer.signature("POST", VECTOR_URI, 1_700_000_000L, "abc123XYZ"));
    }

    @Test
    void headerCarriesRealmAndPercentEncodedSignature() {
        String header = signer.authorization("POST", VECTOR_URI, 1_700_000_000L, "abc123XYZ");
        assertEquals("OAuth realm=\"1234567_SB1\",oauth_consumer_key=\"ck-123\",oauth_token=\"tok~456\","
                + "oauth_signature_method=\"HMAC-SHA256\",oauth_timestamp=\"1700000000\",oauth_nonce=\"abc123XYZ\","
                + "oauth_version=\"1.0\",oauth_signature=\"ACMR83wMnPvUgM0GzTGNb1xa4KgH526RVtXYEtKdpug%3D\"", header);
    }

    @Test
    void nonDefaultPortIsKeptAndDefaultPortDropped() {
        assertEquals("http://localhost:8092/sandbox/netsuite/x",
                TbaSigner.baseUri(URI.create("HTTP://LOCALHOST:8092/sandbox/netsuite/x?limit=1")));
        assertEquals("http://example.com/", TbaSigner.baseUri(URI.create("http://example.com:80")));
    }

    @Test
    void plusInQueryIsASpaceAndUnicodeIsUtf8Encoded() {
        String base = signer.baseString("GET", URI.create("https://h.example/p?name=J+%C3%BCrgen"), 1L, "nonce12");
        assertTrue(base.contains("name%3DJ%2520%25C3%25BCrgen"), base);
        assertEquals("%E2%82%AC%20%2A~", TbaSigner.encode("€ *~"));
    }
}
