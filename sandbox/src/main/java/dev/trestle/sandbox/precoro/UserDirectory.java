package dev.trestle.sandbox.precoro;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The users of the simulated Precoro company, indexed by id. Reads are lock-free: records are
 * immutable and replaced atomically; the sorted id array is swapped only when ids are added.
 */
public final class UserDirectory {

    private final Clock clock;
    private final Map<Long, SandboxUser> byId = new ConcurrentHashMap<>();
    private volatile long[] sortedIds = new long[0];

    public UserDirectory(Clock clock) {
        this.clock = clock;
    }

    public synchronized void load(Collection<SandboxUser> users) {
        byId.clear();
        users.forEach(u -> byId.put(u.id(), u));
        sortedIds = byId.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** Adds a user or replaces the one with the same id. */
    public synchronized void put(SandboxUser user) {
        if (byId.put(user.id(), user) == null) {
            long[] ids = Arrays.copyOf(sortedIds, sortedIds.length + 1);
            ids[ids.length - 1] = user.id();
            Arrays.sort(ids);
            sortedIds = ids;
        }
    }

    /** Deletes the user, as when a Precoro admin removes someone. */
    public synchronized void remove(long id) {
        if (byId.remove(id) != null) {
            sortedIds = Arrays.stream(sortedIds).filter(existing -> existing != id).toArray();
        }
    }

    /** Changes the email as a Precoro admin would; bumps updateDate. */
    public synchronized SandboxUser changeEmail(long id, String email) {
        SandboxUser updated = require(id).withEmail(email, clock.instant());
        byId.put(id, updated);
        return updated;
    }

    /** Enables or disables the user; bumps updateDate. */
    public synchronized SandboxUser setEnabled(long id, boolean enabled) {
        SandboxUser updated = require(id).withEnabled(enabled, clock.instant());
        byId.put(id, updated);
        return updated;
    }

    public Optional<SandboxUser> get(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    public int size() {
        return sortedIds.length;
    }

    public long maxId() {
        long[] ids = sortedIds;
        return ids.length == 0 ? 0 : ids[ids.length - 1];
    }

    /** The page {@code [offset, offset + count)} of all users in id order. */
    public List<SandboxUser> slice(int offset, int count) {
        long[] ids = sortedIds;
        List<SandboxUser> result = new ArrayList<>(Math.max(0, Math.min(count, ids.length - offset)));
        for (int i = offset; i < ids.length && i < offset + count; i++) {
            SandboxUser u = byId.get(ids[i]);
            if (u != null) {
                result.add(u);
            }
        }
        return result;
    }

    /**
     * The users modified at or after {@code since}, in id order, as {@code GET /users?modifiedSince=}
     * selects them: by {@code updateDate} (the creation time for a user never edited), compared at
     * the second the API shows, so a user edited within the second {@code since} names is included.
     */
    public List<SandboxUser> modifiedSince(Instant since) {
        long[] ids = sortedIds;
        List<SandboxUser> result = new ArrayList<>();
        for (long id : ids) {
            SandboxUser u = byId.get(id);
            if (u == null) {
                continue;
            }
            if (modifiedAtOrAfter(u, since)) {
                result.add(u);
            }
        }
        return result;
    }

    /** Whether {@code modifiedSince=since} lists the user (see {@link #modifiedSince(Instant)}). */
    static boolean modifiedAtOrAfter(SandboxUser u, Instant since) {
        Instant modified = u.updated() != null ? u.updated() : u.created();
        return modified != null && !modified.truncatedTo(ChronoUnit.SECONDS).isBefore(since);
    }

    private SandboxUser require(long id) {
        SandboxUser u = byId.get(id);
        if (u == null) {
            throw new IllegalArgumentException("no sandbox Precoro user with id " + id);
        }
        return u;
    }
}
