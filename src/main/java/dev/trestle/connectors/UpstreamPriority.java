package dev.trestle.connectors;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Whose request an upstream call serves: a person's (a GraphQL request, marked by the request
 * gate on its own Vert.x context) or the hub's own work (the export worker, scheduled syncs).
 * The request budgets keep a reserve that only the hub's own work may spend.
 */
public enum UpstreamPriority {
    /** A person is waiting: reads for a GraphQL request. */
    INTERACTIVE,
    /** The hub's own work: exports, imports, syncs. */
    BACKGROUND;

    private static final String KEY = UpstreamPriority.class.getName();

    /** Marks the current (duplicated) context as a person's request. */
    public static void markInteractive() {
        if (onDuplicatedContext()) {
            ContextLocals.put(KEY, INTERACTIVE);
        }
    }

    /** The priority of the work running on the current context. */
    public static UpstreamPriority current() {
        if (!onDuplicatedContext()) {
            return BACKGROUND;
        }
        return ContextLocals.<UpstreamPriority>get(KEY).orElse(BACKGROUND);
    }

    private static boolean onDuplicatedContext() {
        Context context = Vertx.currentContext();
        return context != null && VertxContext.isDuplicatedContext(context);
    }
}
