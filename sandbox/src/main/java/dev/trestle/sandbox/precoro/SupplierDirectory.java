package dev.trestle.sandbox.precoro;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** The suppliers of the simulated Precoro company, by id. */
public final class SupplierDirectory {

    private final Clock clock;
    private final ConcurrentSkipListMap<Long, PrecoroSupplier> byId = new ConcurrentSkipListMap<>();

    public SupplierDirectory(Clock clock) {
        this.clock = clock;
    }

    public synchronized void load(Collection<PrecoroSupplier> suppliers) {
        byId.clear();
        suppliers.forEach(s -> byId.put(s.id(), s));
    }

    /** Adds a supplier or replaces the one with the same id. */
    public void put(PrecoroSupplier supplier) {
        byId.put(supplier.id(), supplier);
    }

    public Optional<PrecoroSupplier> get(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    public int size() {
        return byId.size();
    }

    /** Every supplier in id order. */
    public List<PrecoroSupplier> all() {
        return new ArrayList<>(byId.values());
    }

    /** What {@code PATCH /suppliers/{id}} with {@code externalId} does; {@code updateDate} moves. */
    public synchronized PrecoroSupplier setExternalId(long id, String externalId) {
        PrecoroSupplier s = byId.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no sandbox Precoro supplier with id " + id);
        }
        PrecoroSupplier updated = s.withExternalId(externalId, clock.instant());
        byId.put(id, updated);
        return updated;
    }

    /** Integrates the supplier with a NetSuite vendor (or undoes it with {@code null}), as the integration page does. */
    public synchronized PrecoroSupplier setNetSuiteId(long id, String netSuiteId) {
        PrecoroSupplier s = byId.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no sandbox Precoro supplier with id " + id);
        }
        PrecoroSupplier updated = s.withNetSuiteId(netSuiteId, clock.instant());
        byId.put(id, updated);
        return updated;
    }
}
