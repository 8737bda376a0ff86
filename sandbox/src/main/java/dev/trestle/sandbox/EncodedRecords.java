package dev.trestle.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Each record's JSON text, encoded once per version of the record instead of on every request:
 * a benchmark reads the same 50,000 records page after page, and encoding them is what costs
 * the sandbox its time. Records are immutable and replaced whole when they change, so a cached
 * text is current exactly when it was made from the record the directory holds now; a changed
 * record is encoded again on its next read.
 *
 * @param <R> the record type, e.g. a sandbox user
 */
public final class EncodedRecords<R> {

    /** {@code shape} tells apart encodings of one record that differ by request, e.g. the SuiteQL columns. */
    private record Entry<R>(R record, Object shape, String json) {
    }

    private final Map<Long, Entry<R>> byId = new ConcurrentHashMap<>();

    /** The JSON text of {@code record} (stored under {@code id}) in the given shape. */
    public String get(long id, R record, Object shape, Function<R, String> encode) {
        Entry<R> cached = byId.get(id);
        if (cached != null && (cached.record() == record || cached.record().equals(record))
                && cached.shape().equals(shape)) {
            return cached.json();
        }
        String json = encode.apply(record);
        byId.put(id, new Entry<>(record, shape, json));
        return json;
    }

    /** Forgets every text; for when the whole directory is replaced. */
    public void clear() {
        byId.clear();
    }
}
