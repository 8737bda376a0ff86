package dev.trestle.graphql;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trestle.errors.ErrorCode;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Per-caller rate and concurrency, on a clock the test moves. */
class CallerLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final CallerLimiter limiter = new CallerLimiter(2, 3, 2, now::get);

    @Test
    void aBurstThenTheSteadyRate() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("ann").close();
        }
        GraphQLRefusal refused = assertThrows(GraphQLRefusal.class, () -> limiter.acquire("ann"));
        assertEquals(ErrorCode.RATE_LIMITED, refused.code());
        assertEquals(429, refused.status(false));
        assertEquals(1L, refused.errors().get(0).get("extensions") instanceof java.util.Map<?, ?> extensions
                ? extensions.get("retryAfterSeconds") : null);
        now.addAndGet(500_000_000L);  // half a second at two a second: one token
        assertDoesNotThrow(() -> limiter.acquire("ann").close());
        assertThrows(GraphQLRefusal.class, () -> limiter.acquire("ann"));
    }

    @Test
    void callersDoNotShareABucket() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("ann").close();
        }
        assertThrows(GraphQLRefusal.class, () -> limiter.acquire("ann"));
        assertDoesNotThrow(() -> limiter.acquire("bob").close());
    }

    @Test
    void atMostSoManyRunningAtOnceAndAPermitFreesItsSlotOnce() {
        CallerLimiter.Permit first = limiter.acquire("ann");
        CallerLimiter.Permit second = limiter.acquire("ann");
        GraphQLRefusal refused = assertThrows(GraphQLRefusal.class, () -> limiter.acquire("ann"));
        assertEquals(ErrorCode.RATE_LIMITED, refused.code());
        first.close();
        first.close();  // a second close must not free a slot that another operation holds
        CallerLimiter.Permit third = limiter.acquire("ann");
        now.addAndGet(10_000_000_000L);
        assertThrows(GraphQLRefusal.class, () -> limiter.acquire("ann"));
        second.close();
        third.close();
    }
}
