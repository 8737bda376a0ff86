package dev.trestle.common;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs work on the current event loop's next turn, so that what the current turn hands over
 * (a claim's writes, a sync action's outcomes) is gathered first and handled together.
 */
public final class NextTurn {

    private NextTurn() {
    }

    /** On the next turn of the current Vert.x context; at once when called off any context. */
    public static void run(Runnable work) {
        Context context = Vertx.currentContext();
        if (context == null) {
            work.run();
        } else {
            context.runOnContext(ignored -> work.run());
        }
    }
}
