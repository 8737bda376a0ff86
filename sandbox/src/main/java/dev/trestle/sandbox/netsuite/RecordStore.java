package dev.trestle.sandbox.netsuite;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The records of one type in the simulated account, indexed by internal and external id, with
 * counters of the writes that landed, so a test can prove a record was created exactly once
 * even when the client never saw the answer (see {@code Fault.COMMIT_THEN_DROP}).
 */
public final class RecordStore {

    private final String type;
    private final NavigableMap<Long, NetSuiteRecord> byId = new ConcurrentSkipListMap<>();
    private final Map<String, Long> idByExternalId = new ConcurrentHashMap<>();
    private final AtomicLong creates = new AtomicLong();
    private final AtomicLong updates = new AtomicLong();
    private final AtomicLong deletes = new AtomicLong();
    private final IdSequence ids;

    RecordStore(String type, long firstId) {
        this(type, new IdSequence(firstId));
    }

    /** A store drawing internal ids from {@code ids}, which other stores may share (transactions share one range). */
    RecordStore(String type, IdSequence ids) {
        this.type = type;
        this.ids = ids;
    }

    /**
     * Internal ids of one range. NetSuite numbers all transactions (bills, payments, journals) from one
     * sequence, so the transaction stores share one of these and an id names one transaction only.
     */
    static final class IdSequence {
        private final long first;
        private long next;

        IdSequence(long first) {
            this.first = first;
            this.next = first;
        }

        long first() {
            return first;
        }

        synchronized long next() {
            return next++;
        }

        synchronized void atLeast(long id) {
            next = Math.max(next, id + 1);
        }

        synchronized void reset() {
            next = first;
        }
    }

    public String type() {
        return type;
    }

    /** Records that exist now. */
    public int count() {
        return byId.size();
    }

    /** Records deleted (through the API or as a NetSuite user would) since the last reset. */
    public long deletes() {
        return deletes.get();
    }

    /** Records created through the API since the last reset (demo data not counted). */
    public long creates() {
        return creates.get();
    }

    /** Updates applied through the API (PATCH, and PUT upserts of an existing record) since the last reset. */
    public long updates() {
        return updates.get();
    }

    public Optional<NetSuiteRecord> get(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<NetSuiteRecord> byExternalId(String externalId) {
        Long id = externalId == null ? null : idByExternalId.get(externalId);
        return id == null ? Optional.empty() : get(id);
    }

    /** All records in id order. */
    public List<NetSuiteRecord> all() {
        return new ArrayList<>(byId.values());
    }

    /** Records with an id above {@code afterId}, in id order. */
    public List<NetSuiteRecord> after(long afterId) {
        return new ArrayList<>(byId.tailMap(afterId, false).values());
    }

    /** Adds a record as if a NetSuite user had entered it (no counter moves); tests use it to set up cases. */
    public synchronized NetSuiteRecord add(String externalId, io.vertx.core.json.JsonObject fields, java.time.Instant now) {
        NetSuiteRecord record = new NetSuiteRecord(type, ids.next(), externalId, fields, now, now);
        put(record);
        return record;
    }

    /**
     * Replaces the records. The id sequence is not rewound here, since other stores may share it: the
     * caller rewinds every sequence ({@link IdSequence#reset}) before loading the stores.
     */
    synchronized void load(Collection<NetSuiteRecord> records) {
        byId.clear();
        idByExternalId.clear();
        creates.set(0);
        updates.set(0);
        deletes.set(0);
        records.forEach(this::put);
    }

    IdSequence sequence() {
        return ids;
    }

    synchronized long nextId() {
        return ids.next();
    }

    /** Replaces a record as a NetSuite user's edit in the UI would (no API counter moves); tests and demo data use it. */
    public synchronized void replace(NetSuiteRecord record) {
        put(record);
    }

    /** Removes a record; false when there was none. */
    public synchronized boolean remove(long id) {
        NetSuiteRecord removed = byId.remove(id);
        if (removed == null) {
            return false;
        }
        if (removed.externalId() != null) {
            idByExternalId.remove(removed.externalId());
        }
        deletes.incrementAndGet();
        return true;
    }

    synchronized void create(NetSuiteRecord record) {
        put(record);
        creates.incrementAndGet();
    }

    synchronized void update(NetSuiteRecord record) {
        put(record);
        updates.incrementAndGet();
    }

    private void put(NetSuiteRecord record) {
        NetSuiteRecord previous = byId.put(record.id(), record);
        if (previous != null && previous.externalId() != null) {
            idByExternalId.remove(previous.externalId());
        }
        if (record.externalId() != null) {
            idByExternalId.put(record.externalId(), record.id());
        }
        ids.atLeast(record.id());
    }
}
