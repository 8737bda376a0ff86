package dev.trestle.sandbox.procore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Procore's REST v1 paging: {@code page} (1-based) and {@code per_page} (default 100, capped at
 * {@value #MAX_PER_PAGE} here; Procore recommends at most 2000), answered with the {@code Total},
 * {@code Per-Page} and {@code Link} headers. {@code Link} carries full URLs for rel first, prev,
 * next and last; page 1 has no first/prev, the last page no next/last, and a single page no Link.
 *
 * @param page    1-based
 * @param perPage the size actually applied
 */
record ProcorePage(int page, int perPage) {

    static final int DEFAULT_PER_PAGE = 100;
    static final int MAX_PER_PAGE = 1000;

    /** Reads the paging parameters; a value that is not a positive integer is refused. */
    static ProcorePage of(String page, String perPage) {
        int p = parse("page", page, 1);
        int size = Math.min(MAX_PER_PAGE, parse("per_page", perPage, DEFAULT_PER_PAGE));
        return new ProcorePage(p, size);
    }

    private static int parse(String name, String raw, int defaultValue) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(name + " must be a positive integer, got '" + raw + "'");
    }

    <T> List<T> slice(List<T> all) {
        long from = (long) (page - 1) * perPage;
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + perPage));
    }

    /**
     * The paging headers for a collection of {@code total} items.
     *
     * @param url      scheme, host and path of the request
     * @param rawQuery the request's query string, or {@code null}; its other parameters are kept in the links
     */
    Map<String, String> headers(int total, String url, String rawQuery) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Total", String.valueOf(total));
        headers.put("Per-Page", String.valueOf(perPage));
        int last = Math.max(1, (total + perPage - 1) / perPage);
        List<String> links = new ArrayList<>();
        String base = url + "?" + keptParameters(rawQuery);
        if (page > 1) {
            links.add(link(base, 1, "first"));
            links.add(link(base, Math.min(page - 1, last), "prev"));
        }
        if (page < last) {
            links.add(link(base, page + 1, "next"));
            links.add(link(base, last, "last"));
        }
        if (!links.isEmpty()) {
            headers.put("Link", String.join(", ", links));
        }
        return headers;
    }

    private String link(String base, int target, String rel) {
        return "<" + base + "page=" + target + "&per_page=" + perPage + ">; rel=\"" + rel + "\"";
    }

    private static String keptParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        for (String pair : rawQuery.split("&")) {
            String name = pair.split("=", 2)[0];
            if (!pair.isEmpty() && !name.equals("page") && !name.equals("per_page")) {
                kept.append(pair).append('&');
            }
        }
        return kept.toString();
    }
}
