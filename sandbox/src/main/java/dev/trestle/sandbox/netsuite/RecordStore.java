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
    private final long firstId;
    private final NavigableMap<Long, NetSuiteRecord> byId = new ConcurrentSkipListMap<>();
    private final Map<String, Long> idByExternalId = new ConcurrentHashMap<>();
    private final AtomicLong creates = new AtomicLong();
    private final AtomicLong updates = new AtomicLong();
    private long nextId;

    RecordStore(String type, long firstId) {
        this.type = type;
        this.firstId = firstId;
        this.nextId = firstId;
    }

    public String type() {
        return type;
    }

    /** Records that exist now. */
    public int count() {
        return byId.size();
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
        NetSuiteRecord record = new NetSuiteRecord(type, nextId++, externalId, fields, now, now);
        put(record);
        return record;
    }

    synchronized void load(Collection<NetSuiteRecord> records) {
        byId.clear();
        idByExternalId.clear();
        creates.set(0);
        updates.set(0);
        nextId = firstId;
        records.forEach(this::put);
    }

    synchronized long nextId() {
        return nextId++;
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
        nextId = Math.max(nextId, record.id() + 1);
    }
}
