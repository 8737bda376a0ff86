package dev.trestle.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

/** Waiting for something the hub does by itself, for the tests that run it as a process. */
public final class Await {

    /** A count read from the sandbox or the database. */
    public interface Count {
        long get() throws Exception;
    }

    private Await() {
    }

    /** Polls {@code count} until it reaches {@code expected}; fails with what it saw after {@code within}. */
    public static void atLeast(Count count, long expected, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        long seen = count.get();
        while (seen < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
            seen = count.get();
        }
        assertTrue(seen >= expected, "expected at least " + expected + ", saw " + seen);
    }

    /** A condition read from the sandbox or the database. */
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls {@code condition} until it holds; fails naming {@code what} after {@code within}. */
    public static void until(Condition condition, Duration within, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            while (!condition.holds()) {
                if (System.nanoTime() > deadline) {
                    org.junit.jupiter.api.Assertions.fail("not within " + within + ": " + what);
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
