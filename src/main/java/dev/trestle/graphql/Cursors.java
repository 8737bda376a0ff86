package dev.trestle.graphql;

import dev.trestle.errors.TrestleException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque Relay cursors over a numeric key ("{@code <type>:<key>}" in URL-safe base64), and the
 * one rule for page sizes.
 */
public final class Cursors {

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 100;

    private Cursors() {
    }

    public static String encode(String type, long key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((type + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The key after which the next page starts, or null for the first page. */
    public static Long decode(String type, String cursor) {
        if (cursor == null) {
            return null;
        }
        if (cursor.length() > ArgumentRules.MAX_CURSOR_LENGTH) {
            throw TrestleException.invalidArgument("\"after\" is not a cursor of this list (too long).");
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(type + ":")) {
                return Long.parseLong(text.substring(type.length() + 1));
            }
        } catch (IllegalArgumentException malformed) {
            // falls through to the error below
        }
        // Never echoed: the caller sent it, and it is not ours.
        throw TrestleException.invalidArgument("\"after\" is not a cursor of this list; pass a cursor it returned.");
    }

    public static int pageSize(Integer first) {
        if (first == null) {
            return DEFAULT_PAGE_SIZE;
        }
        if (first < 1 || first > MAX_PAGE_SIZE) {
            throw TrestleException.invalidArgument("\"first\" must be between 1 and " + MAX_PAGE_SIZE + ".");
        }
        return first;
    }
}
