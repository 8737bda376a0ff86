package dev.trestle.sandbox.precoro;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.UnaryOperator;

/**
 * The purchase orders of the simulated Precoro company, by {@code idn}, and what tests and a tenant at work do to
 * them: create, approve, change. Every change moves the PO's {@code updateDate} and tells the listener (the
 * webhooks), as Precoro does; {@link #load} does neither.
 */
public final class PurchaseOrderBook {

    /** Webhook {@code action} codes (the notes: 0 create, 1 update; an approval is an update). */
    public static final int CREATE = 0;
    public static final int UPDATE = 1;
    /** Where the global ids of POs start (a range of their own, so an id mixed up with an idn shows). */
    public static final long FIRST_ID = 8_100_001;

    /** Told of every create and update, after it is stored. */
    @FunctionalInterface
    public interface Listener {
        void changed(PurchaseOrder po, int action);
    }

    private final Clock clock;
    private final ConcurrentSkipListMap<Integer, PurchaseOrder> byIdn = new ConcurrentSkipListMap<>();
    private volatile Listener listener = (po, action) -> { };

    public PurchaseOrderBook(Clock clock) {
        this.clock = clock;
    }

    void listener(Listener newListener) {
        listener = newListener;
    }

    /** Replaces every PO, silently (demo data, reset). */
    public synchronized void load(Collection<PurchaseOrder> orders) {
        byIdn.clear();
        orders.forEach(po -> byIdn.put(po.idn(), po));
    }

    public Optional<PurchaseOrder> get(int idn) {
        return Optional.ofNullable(byIdn.get(idn));
    }

    public int size() {
        return byIdn.size();
    }

    /** Every PO in idn order. */
    public List<PurchaseOrder> all() {
        return new ArrayList<>(byIdn.values());
    }

    /** The next free idn and global id, for a test that creates a PO. */
    public synchronized int nextIdn() {
        return byIdn.isEmpty() ? 1 : byIdn.lastKey() + 1;
    }

    public synchronized long nextId() {
        return byIdn.values().stream().mapToLong(PurchaseOrder::id).max().orElse(FIRST_ID - 1) + 1;
    }

    /** Adds a PO as a Precoro user creating it would (its dates as given); a create webhook fires. */
    public PurchaseOrder create(PurchaseOrder po) {
        synchronized (this) {
            if (byIdn.putIfAbsent(po.idn(), po) != null) {
                throw new IllegalArgumentException("a Precoro purchase order with idn " + po.idn() + " exists");
            }
        }
        listener.changed(po, CREATE);
        return po;
    }

    /** Approves the PO as its last approver would: status 2, {@code approvalDate} and {@code updateDate} now. */
    public PurchaseOrder approve(int idn) {
        return update(idn, po -> po.withStatus(PurchaseOrder.APPROVED, clock.instant()));
    }

    /** Sets the status (denied, canceled, closed, back to revise); {@code updateDate} moves. */
    public PurchaseOrder setStatus(int idn, int status) {
        return update(idn, po -> po.withStatus(status, clock.instant()));
    }

    /**
     * Changes the PO as a Precoro user editing it would: {@code change} returns the new record (same id and idn),
     * whose {@code updateDate} is then set to now; an update webhook fires.
     */
    public PurchaseOrder change(int idn, UnaryOperator<PurchaseOrder> change) {
        return update(idn, po -> {
            PurchaseOrder changed = change.apply(po);
            if (changed.id() != po.id() || changed.idn() != po.idn()) {
                throw new IllegalArgumentException("a change keeps the PO's id and idn");
            }
            return changed.withUpdated(clock.instant());
        });
    }

    /** What {@code PATCH /purchaseorders/{idn}} with {@code externalId} does; {@code null} clears it. */
    public PurchaseOrder setExternalId(int idn, String externalId) {
        return update(idn, po -> po.withExternalId(externalId, clock.instant()));
    }

    private PurchaseOrder update(int idn, UnaryOperator<PurchaseOrder> change) {
        PurchaseOrder updated;
        synchronized (this) {
            PurchaseOrder po = byIdn.get(idn);
            if (po == null) {
                throw new IllegalArgumentException("no sandbox Precoro purchase order with idn " + idn);
            }
            updated = change.apply(po);
            byIdn.put(idn, updated);
        }
        listener.changed(updated, UPDATE);
        return updated;
    }

    /** The POs modified at or after {@code since}, by {@code updateDate} at the second shown (as users are). */
    public List<PurchaseOrder> modifiedSince(Instant since) {
        List<PurchaseOrder> result = new ArrayList<>();
        for (PurchaseOrder po : byIdn.values()) {
            if (modifiedAtOrAfter(po.updated() != null ? po.updated() : po.created(), since)) {
                result.add(po);
            }
        }
        return result;
    }

    static boolean modifiedAtOrAfter(Instant modified, Instant since) {
        return modified != null && !modified.truncatedTo(ChronoUnit.SECONDS).isBefore(since);
    }
}
