package dev.trestle.sandbox.netsuite;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Server-side check of NetSuite token-based authentication (OAuth 1.0a, RFC 5849, HMAC-SHA256).
 * Written independently of any client signer so that a shared mistake cannot make both sides
 * agree on a wrong signature.
 */
public final class OAuthTbaVerifier {

    /** NetSuite rejects requests whose timestamp is further than this from its clock. */
    static final long MAX_CLOCK_SKEW_SECONDS = 300;
    static final int MAX_REMEMBERED_NONCES = 200_000;

    /** Why a request was refused; NetSuite says only "invalid login", the sandbox logs the reason. */
    public enum Verdict {
        VALID,
        MISSING_HEADER,
        MALFORMED_HEADER,
        WRONG_REALM,
        UNSUPPORTED_SIGNATURE_METHOD,
        UNSUPPORTED_VERSION,
        UNKNOWN_CONSUMER_KEY,
        UNKNOWN_TOKEN,
        TIMESTAMP_OUT_OF_RANGE,
        NONCE_TOO_SHORT,
        NONCE_REUSED,
        BAD_SIGNATURE
    }

    private final String realm;
    private final String consumerKey;
    private final String consumerSecret;
    private final String tokenId;
    private final String tokenSecret;
    private final Clock clock;
    /** Nonces seen, oldest first; bounded, and older than the skew window they cannot be replayed anyway. */
    private final LinkedHashMap<String, Long> seenNonces = new LinkedHashMap<>();

    public OAuthTbaVerifier(String realm, String consumerKey, String consumerSecret, String tokenId,
            String tokenSecret, Clock clock) {
        this.realm = realm;
        this.consumerKey = consumerKey;
        this.consumerSecret = consumerSecret;
        this.tokenId = tokenId;
        this.tokenSecret = tokenSecret;
        this.clock = clock;
    }

    /**
     * @param method       HTTP method as sent
     * @param requestUri   absolute URI as the client addressed it, query included
     * @param authorization the {@code Authorization} header, or {@code null}
     */
    public Verdict verify(String method, URI requestUri, String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Verdict.MISSING_HEADER;
        }
        Map<String, String> oauth = parseHeader(authorization);
        if (oauth == null) {
            return Verdict.MALFORMED_HEADER;
        }
        for (String required : List.of("oauth_consumer_key", "oauth_token", "oauth_signature_method",
                "oauth_timestamp", "oauth_nonce", "oauth_signature")) {
            if (!oauth.containsKey(required)) {
                return Verdict.MALFORMED_HEADER;
            }
        }
        if (realm != null && !realm.equalsIgnoreCase(oauth.get("realm"))) {
            return Verdict.WRONG_REALM;
        }
        if (!"HMAC-SHA256".equals(oauth.get("oauth_signature_method"))) {
            return Verdict.UNSUPPORTED_SIGNATURE_METHOD;
        }
        if (oauth.containsKey("oauth_version") && !"1.0".equals(oauth.get("oauth_version"))) {
            return Verdict.UNSUPPORTED_VERSION;
        }
        if (!constantTimeEquals(consumerKey, oauth.get("oauth_consumer_key"))) {
            return Verdict.UNKNOWN_CONSUMER_KEY;
        }
        if (!constantTimeEquals(tokenId, oauth.get("oauth_token"))) {
            return Verdict.UNKNOWN_TOKEN;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(oauth.get("oauth_timestamp"));
        } catch (NumberFormatException e) {
            return Verdict.MALFORMED_HEADER;
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
            return Verdict.TIMESTAMP_OUT_OF_RANGE;
        }
        String nonce = oauth.get("oauth_nonce");
        if (nonce.length() < 6) {
            return Verdict.NONCE_TOO_SHORT;
        }
        List<String[]> queryParams = parseQuery(requestUri.getRawQuery());
        if (queryParams == null) {
            return Verdict.MALFORMED_HEADER;
        }
        String expected = signature(method, requestUri, oauth, queryParams);
        if (!constantTimeEquals(expected, oauth.get("oauth_signature"))) {
            return Verdict.BAD_SIGNATURE;
        }
        // Only a correctly signed request consumes its nonce, so forged requests cannot burn nonces.
        if (!rememberNonce(oauth.get("oauth_consumer_key") + '|' + oauth.get("oauth_token") + '|' + nonce, now)) {
            return Verdict.NONCE_REUSED;
        }
        return Verdict.VALID;
    }

    /** RFC 5849 3.4: the HMAC-SHA256 signature, base64, of the request's signature base string. */
    String signature(String method, URI uri, Map<String, String> oauth, List<String[]> queryParams) {
        String baseString = baseString(method, uri, oauth, queryParams);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            String key = percentEncode(consumerSecret) + '&' + percentEncode(tokenSecret);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    static String baseString(String method, URI uri, Map<String, String> oauth, List<String[]> queryParams) {
        List<String[]> params = new ArrayList<>();
        oauth.forEach((name, value) -> {
            if (!name.equals("realm") && !name.equals("oauth_signature")) {
                params.add(new String[] {percentEncode(name), percentEncode(value)});
            }
        });
        for (String[] p : queryParams) {
            params.add(new String[] {percentEncode(p[0]), percentEncode(p[1])});
        }
        // 3.4.1.3.2: sort by encoded name, then by encoded value (byte order).
        params.sort((a, b) -> {
            int byName = a[0].compareTo(b[0]);
            return byName != 0 ? byName : a[1].compareTo(b[1]);
        });
        StringBuilder normalized = new StringBuilder();
        for (String[] p : params) {
            if (normalized.length() > 0) {
                normalized.append('&');
            }
            normalized.append(p[0]).append('=').append(p[1]);
        }
        return method.toUpperCase(Locale.ROOT) + '&' + percentEncode(baseUri(uri)) + '&'
                + percentEncode(normalized.toString());
    }

    /** 3.4.1.2: lowercase scheme and host, port only when not the scheme's default, path, no query. */
    static String baseUri(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path;
    }

    /** 3.6: unreserved characters stay, every other UTF-8 byte becomes %XX with uppercase hex. */
    static String percentEncode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    /** Parses {@code OAuth realm="x", name="value", ...}; null when it is not such a header. */
    static Map<String, String> parseHeader(String header) {
        String trimmed = header.trim();
        if (trimmed.length() < 6 || !trimmed.substring(0, 6).equalsIgnoreCase("OAuth ")) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String part : trimmed.substring(6).split(",")) {
            String item = part.trim();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq <= 0) {
                return null;
            }
            String name = item.substring(0, eq).trim();
            String value = item.substring(eq + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            String decoded = percentDecode(value, false);
            if (decoded == null || params.put(name, decoded) != null) {
                return null;  // undecodable, or a parameter given twice
            }
        }
        return params;
    }

    /** Query parameters, decoded as application/x-www-form-urlencoded (3.4.1.3.1); null if malformed. */
    static List<String[]> parseQuery(String rawQuery) {
        List<String[]> params = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = percentDecode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = percentDecode(eq < 0 ? "" : pair.substring(eq + 1), true);
            if (name == null || value == null) {
                return null;
            }
            params.add(new String[] {name, value});
        }
        return params;
    }

    private static String percentDecode(String s, boolean plusIsSpace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    return null;
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private synchronized boolean rememberNonce(String key, long now) {
        var oldest = seenNonces.entrySet().iterator();
        while (oldest.hasNext()) {
            var entry = oldest.next();
            if (now - entry.getValue() > 2 * MAX_CLOCK_SKEW_SECONDS || seenNonces.size() >= MAX_REMEMBERED_NONCES) {
                oldest.remove();
            } else {
                break;
            }
        }
        return seenNonces.putIfAbsent(key, now) == null;
    }

    private static boolean constantTimeEquals(String expected, String actual) {
        return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                actual.getBytes(StandardCharsets.UTF_8));
    }
}
