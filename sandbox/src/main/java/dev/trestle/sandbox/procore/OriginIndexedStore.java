package dev.trestle.sandbox.procore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;

/**
 * The records of one Procore resource type within the company, indexed by id and by
 * {@code origin_id}, which Procore keeps unique per resource type within a company. Reads are
 * lock-free (records are immutable and replaced whole); writes are serialized so the uniqueness
 * check and the write cannot interleave.
 *
 * @param <T> the resource record
 */
public final class OriginIndexedStore<T extends OriginIndexedStore.Entry> {

    /** What the store needs to know about a record. */
    public interface Entry {
        long id();

        /** The external system's id, or {@code null} while the record is not linked. */
        String originId();
    }

    private final NavigableMap<Long, T> byId = new ConcurrentSkipListMap<>();
    private final Map<String, Long> idByOriginId = new ConcurrentHashMap<>();
    private final long firstId;
    private long nextId;

    /** @param firstId the id the first record of an empty store gets */
    OriginIndexedStore(long firstId) {
        this.firstId = firstId;
        this.nextId = firstId;
    }

    /** Replaces every record (demo data, reset). */
    synchronized void load(Collection<T> records) {
        byId.clear();
        idByOriginId.clear();
        nextId = firstId;
        records.forEach(this::put);
    }

    /** Adds or replaces a record; refuses an {@code origin_id} another record of this type already holds. */
    synchronized void put(T record) {
        if (record.originId() != null) {
            Long holder = idByOriginId.get(record.originId());
            if (holder != null && holder != record.id()) {
                throw new IllegalStateException("origin_id " + record.originId() + " is held by " + holder);
            }
        }
        T previous = byId.put(record.id(), record);
        if (previous != null && previous.originId() != null && !previous.originId().equals(record.originId())) {
            idByOriginId.remove(previous.originId());
        }
        if (record.originId() != null) {
            idByOriginId.put(record.originId(), record.id());
        }
        nextId = Math.max(nextId, record.id() + 1);
    }

    /** Removes a record; false when there was none. */
    synchronized boolean remove(long id) {
        T removed = byId.remove(id);
        if (removed != null && removed.originId() != null) {
            idByOriginId.remove(removed.originId());
        }
        return removed != null;
    }

    synchronized long nextId() {
        return nextId++;
    }

    /** Whether another record than {@code exceptId} holds {@code originId}. */
    boolean originIdTaken(String originId, long exceptId) {
        Long holder = originId == null ? null : idByOriginId.get(originId);
        return holder != null && holder != exceptId;
    }

    public Optional<T> get(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<T> byOriginId(String originId) {
        Long id = originId == null ? null : idByOriginId.get(originId);
        return id == null ? Optional.empty() : get(id);
    }

    public int count() {
        return byId.size();
    }

    /** All records in id order. */
    public List<T> all() {
        return new ArrayList<>(byId.values());
    }

    public List<T> matching(Predicate<T> filter) {
        return byId.values().stream().filter(filter).toList();
    }
}
