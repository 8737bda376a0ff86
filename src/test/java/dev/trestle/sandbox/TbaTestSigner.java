package dev.trestle.sandbox;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A minimal OAuth 1.0a signer for the sandbox's own tests, kept apart from the verifier it
 * exercises (the verifier is pinned separately by a vector computed with Python's hmac module).
 */
public record TbaTestSigner(String realm, String consumerKey, String consumerSecret, String tokenId,
        String tokenSecret) {

    public static TbaTestSigner demo() {
        SandboxSettings s = SandboxSettings.defaults();
        return new TbaTestSigner(s.netsuiteAccountId(), s.netsuiteConsumerKey(), s.netsuiteConsumerSecret(),
                s.netsuiteTokenId(), s.netsuiteTokenSecret());
    }

    public TbaTestSigner withConsumerSecret(String secret) {
        return new TbaTestSigner(realm, consumerKey, secret, tokenId, tokenSecret);
    }

    public String authorization(String method, URI uri, String nonce, long timestamp) {
        Map<String, String> oauth = new TreeMap<>();
        oauth.put("oauth_consumer_key", consumerKey);
        oauth.put("oauth_token", tokenId);
        oauth.put("oauth_signature_method", "HMAC-SHA256");
        oauth.put("oauth_timestamp", Long.toString(timestamp));
        oauth.put("oauth_nonce", nonce);
        oauth.put("oauth_version", "1.0");
        List<String> pairs = new ArrayList<>();
        oauth.forEach((k, v) -> pairs.add(enc(k) + "=" + enc(v)));
        if (uri.getRawQuery() != null) {
            for (String p : uri.getRawQuery().split("&")) {
                String[] kv = p.split("=", 2);
                pairs.add(enc(dec(kv[0])) + "=" + enc(kv.length > 1 ? dec(kv[1]) : ""));
            }
        }
        pairs.sort(null);
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        String base = method + "&" + enc(uri.getScheme() + "://" + uri.getHost().toLowerCase() + port + uri.getRawPath())
                + "&" + enc(String.join("&", pairs));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec((enc(consumerSecret) + "&" + enc(tokenSecret)).getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            String signature = Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
            StringBuilder header = new StringBuilder("OAuth realm=\"" + realm + "\"");
            oauth.forEach((k, v) -> header.append(',').append(k).append("=\"").append(enc(v)).append('"'));
            header.append(",oauth_signature=\"").append(enc(signature)).append('"');
            return header.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }
}
