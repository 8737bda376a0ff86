package dev.trestle.connectors.netsuite;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes NetSuite token-based authentication headers: OAuth 1.0a (RFC 5849) with HMAC-SHA256,
 * the only method NetSuite accepts since 2023.1. Pure and deterministic given the timestamp and
 * nonce, so it can be checked against independently computed vectors.
 */
final class TbaSigner {

    static final String SIGNATURE_METHOD = "HMAC-SHA256";

    private final String realm;
    private final String consumerKey;
    private final String consumerSecret;
    private final String tokenId;
    private final String tokenSecret;

    TbaSigner(String realm, String consumerKey, String consumerSecret, String tokenId, String tokenSecret) {
        this.realm = realm;
        this.consumerKey = consumerKey;
        this.consumerSecret = consumerSecret;
        this.tokenId = tokenId;
        this.tokenSecret = tokenSecret;
    }

    /** The {@code Authorization} header value for one request to exactly {@code uri}. */
    String authorization(String method, URI uri, long timestamp, String nonce) {
        String signature = signature(method, uri, timestamp, nonce);
        // The realm is sent as is and is not part of the signature (RFC 5849 3.4.1.3.1).
        return "OAuth realm=\"" + realm + "\","
                + "oauth_consumer_key=\"" + encode(consumerKey) + "\","
                + "oauth_token=\"" + encode(tokenId) + "\","
                + "oauth_signature_method=\"" + SIGNATURE_METHOD + "\","
                + "oauth_timestamp=\"" + timestamp + "\","
                + "oauth_nonce=\"" + encode(nonce) + "\","
                + "oauth_version=\"1.0\","
                + "oauth_signature=\"" + encode(signature) + "\"";
    }

    /** The base64 signature (not yet percent-encoded). */
    String signature(String method, URI uri, long timestamp, String nonce) {
        String key = encode(consumerSecret) + "&" + encode(tokenSecret);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] raw = mac.doFinal(baseString(method, uri, timestamp, nonce).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(raw);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** RFC 5849 3.4.1: METHOD & enc(base URI) & enc(normalized parameters). */
    String baseString(String method, URI uri, long timestamp, String nonce) {
        List<String[]> params = new ArrayList<>();
        params.add(new String[] { "oauth_consumer_key", consumerKey });
        params.add(new String[] { "oauth_nonce", nonce });
        params.add(new String[] { "oauth_signature_method", SIGNATURE_METHOD });
        params.add(new String[] { "oauth_timestamp", Long.toString(timestamp) });
        params.add(new String[] { "oauth_token", tokenId });
        params.add(new String[] { "oauth_version", "1.0" });
        String rawQuery = uri.getRawQuery();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                params.add(new String[] { decode(name), decode(value) });
            }
        }
        List<String[]> encoded = new ArrayList<>(params.size());
        for (String[] p : params) {
            encoded.add(new String[] { encode(p[0]), encode(p[1]) });
        }
        // By encoded name, then encoded value; both are ASCII, so String order is byte order.
        encoded.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        StringBuilder normalized = new StringBuilder();
        for (String[] p : encoded) {
            if (normalized.length() > 0) {
                normalized.append('&');
            }
            normalized.append(p[0]).append('=').append(p[1]);
        }
        return method.toUpperCase(Locale.ROOT) + "&" + encode(baseUri(uri)) + "&" + encode(normalized.toString());
    }

    /** RFC 5849 3.4.1.2: lower-case scheme and host, the port only when not the default, no query. */
    static String baseUri(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80)
                || ("https".equals(scheme) && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path;
    }

    /** RFC 5849 3.6: UTF-8, every byte but ALPHA / DIGIT / "-" / "." / "_" / "~" as upper-case %XX. */
    static String encode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** The query is form-decoded (RFC 5849 3.4.1.3.1), so '+' is a space. */
    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
