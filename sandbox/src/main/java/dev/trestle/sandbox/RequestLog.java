package dev.trestle.sandbox;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Every request one simulated system received, so tests can count calls and prove that a
 * dry run sent no write. Keeps the most recent {@value #RETAINED} entries (benchmarks send far
 * more) but counts all of them.
 */
public final class RequestLog {

    static final int RETAINED = 100_000;
    private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    /**
     * One received request.
     *
     * @param path  relative to the system's base, e.g. {@code /services/rest/record/v1/employee/107}
     * @param query the raw query string, or {@code null}
     */
    public record LoggedRequest(String method, String path, String query, Instant time, boolean write) {
    }

    private final Predicate<LoggedRequest> readOnlyPost;
    private final Deque<LoggedRequest> entries = new ArrayDeque<>();
    private long total;
    private long writes;

    /**
     * @param readOnlyPost which write-method requests are reads in truth (NetSuite's SuiteQL
     *                     endpoint is a POST that only queries)
     */
    public RequestLog(Predicate<LoggedRequest> readOnlyPost) {
        this.readOnlyPost = readOnlyPost;
    }

    LoggedRequest record(String method, String path, String query, Instant time) {
        LoggedRequest candidate = new LoggedRequest(method, path, query, time, false);
        boolean write = WRITE_METHODS.contains(method) && !readOnlyPost.test(candidate);
        LoggedRequest entry = write ? new LoggedRequest(method, path, query, time, true) : candidate;
        synchronized (this) {
            entries.addLast(entry);
            if (entries.size() > RETAINED) {
                entries.removeFirst();
            }
            total++;
            if (write) {
                writes++;
            }
        }
        return entry;
    }

    /** All requests received since the last clear, including those beyond the retained window. */
    public synchronized long count() {
        return total;
    }

    /** Number of requests that change data (POST/PUT/PATCH/DELETE other than queries). */
    public synchronized long writeCount() {
        return writes;
    }

    public synchronized List<LoggedRequest> all() {
        return new ArrayList<>(entries);
    }

    public synchronized List<LoggedRequest> writes() {
        return entries.stream().filter(LoggedRequest::write).toList();
    }

    public synchronized List<LoggedRequest> reads() {
        return entries.stream().filter(e -> !e.write()).toList();
    }

    /** Retained requests whose path starts with {@code pathPrefix}. */
    public synchronized long count(String method, String pathPrefix) {
        return entries.stream().filter(e -> e.method().equals(method) && e.path().startsWith(pathPrefix)).count();
    }

    public synchronized void clear() {
        entries.clear();
        total = 0;
        writes = 0;
    }
}
