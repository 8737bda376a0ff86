package dev.trestle.graphql;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Upstream reads shared by everything one GraphQL request resolves: however many aliases (or
 * sibling fields) ask for the same upstream list, it is read once per request and every asker gets
 * the same answer (or the same failure). Without it, one request with a thousand aliases of
 * {@code vendors} spent a thousand Procore requests of the company's hourly budget.
 *
 * <p>The reads live in the request's own Vert.x (duplicated) context, which {@link GraphQLGate}
 * opens them in and which ends with the request, so nothing is shared between two requests. Only
 * for reads that a query shows; a mutation reads afresh what it changes. Outside a GraphQL request
 * (scheduled syncs, the export worker) every call reads.
 */
@ApplicationScoped
public class RequestReads {

    private static final String KEY = RequestReads.class.getName();

    /** Opens the reads of the request being handled on the current (duplicated) context. */
    static void begin() {
        if (onRequestContext()) {
            ContextLocals.put(KEY, new ConcurrentHashMap<String, Uni<?>>());
        }
    }

    /** The read of {@code key} in this request: made by the first asker, shared with the others. */
    @SuppressWarnings("unchecked")
    public <T> Uni<T> once(String key, Supplier<Uni<T>> read) {
        Optional<Map<String, Uni<?>>> reads = onRequestContext() ? ContextLocals.get(KEY) : Optional.empty();
        if (reads.isEmpty()) {
            return read.get();
        }
        return (Uni<T>) reads.get().computeIfAbsent(key, ignored -> read.get().memoize().indefinitely());
    }

    private static boolean onRequestContext() {
        Context context = Vertx.currentContext();
        return context != null && VertxContext.isDuplicatedContext(context);
    }
}
