package dev.trestle.graphql;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Upstream reads shared by everything one GraphQL request resolves: however many aliases (or
 * sibling fields) ask for the same upstream list, it is read once per request and every asker gets
 * the same answer (or the same failure). Without it, one request with a thousand aliases of
 * {@code vendors} spent a thousand Procore requests of the company's hourly budget.
 *
 * <p>Only for reads that a query shows; a mutation reads afresh what it changes. Outside a request
 * (scheduled syncs, the export worker) every call reads.
 */
@ApplicationScoped
public class RequestReads {

    private final Memo memo;

    public RequestReads(Memo memo) {
        this.memo = memo;
    }

    /** The read of {@code key} in this request: made by the first asker, shared with the others. */
    @SuppressWarnings("unchecked")
    public <T> Uni<T> once(String key, Supplier<Uni<T>> read) {
        ManagedContext requests = Arc.container().requestContext();
        if (!requests.isActive()) {
            return read.get();
        }
        return (Uni<T>) memo.reads.computeIfAbsent(key, ignored -> read.get().memoize().indefinitely());
    }

    /** The reads of the current request. */
    @RequestScoped
    public static class Memo {
        final Map<String, Uni<?>> reads = new ConcurrentHashMap<>();
    }
}
