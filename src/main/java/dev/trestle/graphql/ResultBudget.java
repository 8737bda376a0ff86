package dev.trestle.graphql;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The result objects that the operations running on this replica may produce together, as
 * {@link QueryCost} estimates them: a request's heap grows with its results, so this bounds what
 * all callers together can make the hub hold at once, which per-request and per-caller limits
 * alone do not (many callers, each within their share, each sending the largest allowed query).
 */
public final class ResultBudget {

    private final long capacity;
    private final AtomicLong reserved = new AtomicLong();

    public ResultBudget(long capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the result budget must be positive");
        }
        this.capacity = capacity;
    }

    /** A share of the budget, given back once by {@link #close()}. */
    public interface Reservation extends AutoCloseable {
        @Override
        void close();
    }

    /** Reserves {@code nodes}, or returns null when the running operations hold too much of it. */
    public Reservation reserve(long nodes) {
        long wanted = Math.max(1, nodes);
        if (reserved.addAndGet(wanted) > capacity) {
            reserved.addAndGet(-wanted);
            return null;
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                reserved.addAndGet(-wanted);
            }
        };
    }

    public long reserved() {
        return reserved.get();
    }
}
