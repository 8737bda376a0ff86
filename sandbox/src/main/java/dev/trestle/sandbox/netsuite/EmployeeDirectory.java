package dev.trestle.sandbox.netsuite;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The employees of the simulated NetSuite account, indexed by internal and external id. Reads are
 * lock-free: each record is immutable and replaced atomically, and the sorted id index is an
 * array that is swapped only when ids are added.
 */
public final class EmployeeDirectory {

    private final Clock clock;
    private final Map<Long, SandboxEmployee> byId = new ConcurrentHashMap<>();
    private final Map<String, Long> idByExternalId = new ConcurrentHashMap<>();
    private volatile long[] sortedIds = new long[0];

    public EmployeeDirectory(Clock clock) {
        this.clock = clock;
    }

    /** Replaces the whole directory (demo data, reset). */
    public synchronized void load(Collection<SandboxEmployee> employees) {
        byId.clear();
        idByExternalId.clear();
        for (SandboxEmployee e : employees) {
            byId.put(e.id(), e);
            if (e.externalId() != null) {
                idByExternalId.put(e.externalId(), e.id());
            }
        }
        sortedIds = byId.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** Adds an employee or replaces the one with the same id. */
    public synchronized void put(SandboxEmployee employee) {
        SandboxEmployee previous = byId.put(employee.id(), employee);
        if (previous != null && previous.externalId() != null) {
            idByExternalId.remove(previous.externalId());
        }
        if (employee.externalId() != null) {
            idByExternalId.put(employee.externalId(), employee.id());
        }
        if (previous == null) {
            long[] ids = Arrays.copyOf(sortedIds, sortedIds.length + 1);
            ids[ids.length - 1] = employee.id();
            Arrays.sort(ids);
            sortedIds = ids;
        }
    }

    /** Changes the email, as a NetSuite user editing the record would; bumps lastModifiedDate. */
    public synchronized SandboxEmployee changeEmail(long id, String email) {
        SandboxEmployee updated = require(id).withEmail(email, clock.instant());
        byId.put(id, updated);
        return updated;
    }

    /** Marks the employee inactive or active again; bumps lastModifiedDate. */
    public synchronized SandboxEmployee setInactive(long id, boolean inactive) {
        SandboxEmployee updated = require(id).withInactive(inactive, clock.instant());
        byId.put(id, updated);
        return updated;
    }

    public Optional<SandboxEmployee> get(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<SandboxEmployee> byExternalId(String externalId) {
        Long id = idByExternalId.get(externalId);
        return id == null ? Optional.empty() : get(id);
    }

    public int size() {
        return sortedIds.length;
    }

    /** Highest internal id in use, for tests that add employees. */
    public long maxId() {
        long[] ids = sortedIds;
        return ids.length == 0 ? 0 : ids[ids.length - 1];
    }

    /** All employees matching {@code filter}, in id order. */
    public List<SandboxEmployee> matching(Predicate<SandboxEmployee> filter) {
        List<SandboxEmployee> result = new ArrayList<>();
        for (long id : sortedIds) {
            SandboxEmployee e = byId.get(id);
            if (e != null && filter.test(e)) {
                result.add(e);
            }
        }
        return result;
    }

    /** Employees with an id above {@code afterId}, in id order (binary search, for keyset paging). */
    public List<SandboxEmployee> after(long afterId) {
        long[] ids = sortedIds;
        int from = Arrays.binarySearch(ids, afterId);
        from = from >= 0 ? from + 1 : -from - 1;
        List<SandboxEmployee> result = new ArrayList<>(ids.length - from);
        for (int i = from; i < ids.length; i++) {
            SandboxEmployee e = byId.get(ids[i]);
            if (e != null) {
                result.add(e);
            }
        }
        return result;
    }

    /** One page of the employees with an id above some id: its rows, and how many such employees there are. */
    public record Slice(List<SandboxEmployee> rows, int total) {
    }

    /**
     * The rows {@code [offset, offset + limit)} of {@link #after(long)}, without building the
     * whole list: a client paging through all employees would otherwise cost a full copy per page.
     */
    public Slice after(long afterId, int offset, int limit) {
        long[] ids = sortedIds;
        int from = Arrays.binarySearch(ids, afterId);
        from = from >= 0 ? from + 1 : -from - 1;
        int total = ids.length - from;
        int start = (int) Math.min((long) from + offset, ids.length);
        int end = (int) Math.min((long) start + limit, ids.length);
        List<SandboxEmployee> rows = new ArrayList<>(end - start);
        for (int i = start; i < end; i++) {
            SandboxEmployee e = byId.get(ids[i]);
            if (e != null) {
                rows.add(e);
            }
        }
        return new Slice(rows, total);
    }

    private SandboxEmployee require(long id) {
        SandboxEmployee e = byId.get(id);
        if (e == null) {
            throw new IllegalArgumentException("no sandbox NetSuite employee with id " + id);
        }
        return e;
    }
}
