package dev.trestle.connectors.precoro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trestle.connectors.ConfigOverride;
import dev.trestle.connectors.Upstream;
import dev.trestle.connectors.UpstreamCaller;
import dev.trestle.connectors.UpstreamException;
import dev.trestle.connectors.UpstreamSystem;
import dev.trestle.errors.ErrorCode;
import dev.trestle.sandbox.Fault;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Precoro connector over real HTTP against the in-process Precoro sandbox. */
@QuarkusTest
class PrecoroConnectorTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    PrecoroConnector connector;
    @Inject
    Sandbox sandbox;
    @Inject
    PrecoroConfig config;
    @Inject
    @Upstream(UpstreamSystem.PRECORO)
    UpstreamCaller caller;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void reset() {
        Hub.freshSystems(sandbox);
    }

    @Test
    void readsEveryPageOfUsers() {
        int expected = sandbox.precoro().users().size();
        assertTrue(expected > 200, "the demo data spans more than one page");

        List<PrecoroUser> all = connector.allUsers().await().atMost(WAIT);

        assertEquals(expected, all.size());
        assertEquals((expected + 199) / 200, sandbox.precoro().requests().count());
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).id() < all.get(i).id());
        }
        var demo = sandbox.precoro().users().get(all.get(20).id()).orElseThrow();
        assertEquals(demo.email(), all.get(20).email());
        assertEquals(demo.enabled(), all.get(20).enabled());
        assertEquals(demo.updated().getEpochSecond(), all.get(20).updated().getEpochSecond());
    }

    @Test
    void looksUpIdsInOneRequest() {
        List<PrecoroUser> found = connector.usersByIds(List.of(12L, 3L, 7L, 99_999L, 3L)).await().atMost(WAIT);
        assertEquals(List.of(3L, 7L, 12L), found.stream().map(PrecoroUser::id).toList());
        assertEquals(1, sandbox.precoro().requests().count());
        String query = sandbox.precoro().requests().all().get(0).query();
        assertTrue(query.contains("per_page=200"), query);
    }

    @Test
    void wrongTokenFailsAsAuthFailed() {
        PrecoroConnector wrong = new PrecoroConnector(wrongToken(), caller, clock, mapper);
        UpstreamException e = assertThrows(UpstreamException.class, () -> wrong.allUsers().await().atMost(WAIT));
        assertEquals(ErrorCode.UPSTREAM_AUTH_FAILED, e.code());
        assertEquals(401, e.extensions().get("upstreamStatus"));
        assertEquals("PRECORO", e.extensions().get("upstream"));
        assertEquals(1, sandbox.precoro().requests().count());
    }

    /**
     * A connector and a sandbox without Precoro's duplicate window: the tests of retries after a
     * failure retry at once, where Precoro would refuse the same GET for a minute (the tests
     * below with the window keep to it).
     */
    private PrecoroConnector withoutDuplicateWindow() {
        sandbox.precoro().rateLimits().duplicateWindow(Duration.ZERO);
        return new PrecoroConnector(ConfigOverride.of(PrecoroConfig.class, config)
                .with("duplicateWindow", Duration.ZERO).build(), caller, clock, mapper);
    }

    @Test
    void aRetryWaitsOutTheDuplicateWindowInsteadOfDrawingA429() {
        // A window of 1 s on both sides (the hub keeps it a second longer), so that the wait fits
        // the test's 3 s retry.max-delay.
        sandbox.precoro().rateLimits().duplicateWindow(Duration.ofSeconds(1));
        PrecoroConnector connector = new PrecoroConnector(ConfigOverride.of(PrecoroConfig.class, config)
                .with("duplicateWindow", Duration.ofSeconds(1)).build(), caller, clock, mapper);
        sandbox.precoro().knobs().failNext(1, Fault.SERVER_ERROR);
        long start = System.nanoTime();

        assertEquals(1, connector.usersByIds(List.of(5L)).await().atMost(WAIT).size());

        assertTrue((System.nanoTime() - start) / 1_000_000 >= 1_900, "the retry waited for the window");
        assertEquals(2, sandbox.precoro().requests().count(), "one failure, one answer, no 429 between");
    }

    @Test
    void aRetryThatWouldHaveToWaitLongerThanMaxDelayGivesUpWithTheFailureItHad() {
        // The real minute is beyond the test's 3 s max-delay.
        sandbox.precoro().knobs().failNext(1, Fault.SERVER_ERROR);
        UpstreamException e = assertThrows(UpstreamException.class,
                () -> connector.usersByIds(List.of(5L)).await().atMost(WAIT));
        assertEquals(ErrorCode.UPSTREAM_ERROR, e.code());
        assertEquals(500, e.extensions().get("upstreamStatus"));
        assertEquals(1, sandbox.precoro().requests().count(), "not asked again within the window");
    }

    @Test
    void throttlingHonoursRateLimitRetryAfter() {
        PrecoroConnector connector = withoutDuplicateWindow();
        // Start early in a second: Precoro's RateLimit-Retry-After names the next whole second,
        // so an honoured wait lasts most of a second while a plain back-off would be ~20 ms.
        while (System.currentTimeMillis() % 1000 > 100) {
            Thread.onSpinWait();
        }
        sandbox.precoro().knobs().failNext(1, Fault.THROTTLE);
        long start = System.nanoTime();

        assertEquals(1, connector.usersByIds(List.of(5L)).await().atMost(WAIT).size());

        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMillis >= 700, "waited only " + elapsedMillis + " ms");
        assertEquals(2, sandbox.precoro().requests().count());
    }

    @Test
    void serverErrorAndDroppedConnectionThenSuccess() {
        PrecoroConnector connector = withoutDuplicateWindow();
        sandbox.precoro().knobs().failNext(1, Fault.SERVER_ERROR).failNext(1, Fault.DROP_CONNECTION);
        assertEquals(1, connector.usersByIds(List.of(5L)).await().atMost(WAIT).size());
        assertEquals(3, sandbox.precoro().requests().count());
    }

    @Test
    void hangingRequestsFailAsTimeout() {
        PrecoroConnector connector = withoutDuplicateWindow();
        sandbox.precoro().knobs().hangDuration(Duration.ofSeconds(5)).failNext(10, Fault.HANG);
        UpstreamException e = assertThrows(UpstreamException.class,
                () -> connector.usersByIds(List.of(5L)).await().atMost(WAIT));
        assertEquals(ErrorCode.UPSTREAM_TIMEOUT, e.code());
    }

    @Test
    void malformedBodyFailsAsMalformed() {
        PrecoroConnector connector = withoutDuplicateWindow();
        sandbox.precoro().knobs().failNext(10, Fault.MALFORMED_BODY);
        UpstreamException e = assertThrows(UpstreamException.class,
                () -> connector.allUsers().await().atMost(WAIT));
        assertEquals(ErrorCode.UPSTREAM_MALFORMED_RESPONSE, e.code());
    }

    @Test
    void circuitOpensAfterRepeatedFailures() {
        PrecoroConnector connector = withoutDuplicateWindow();
        sandbox.precoro().knobs().errorRate(1.0);
        ErrorCode last = null;
        for (int call = 0; call < 20 && last != ErrorCode.UPSTREAM_UNAVAILABLE; call++) {
            last = assertThrows(UpstreamException.class,
                    () -> connector.usersByIds(List.of(5L)).await().atMost(WAIT)).code();
        }
        assertEquals(ErrorCode.UPSTREAM_UNAVAILABLE, last);
    }

    @Test
    void governorKeepsToOneRequestAtATimeAndThePace() {
        List<Uni<List<PrecoroUser>>> calls = new ArrayList<>();
        for (long id = 1; id <= 4; id++) {
            calls.add(connector.usersByIds(List.of(id)));
        }
        long start = System.nanoTime();

        try {
            Uni.join().all(calls).andFailFast().await().atMost(WAIT);
        } catch (RuntimeException e) {
            throw new AssertionError("requests at " + sandbox.precoro().requests().all().stream()
                    .map(r -> r.time() + " " + r.query()).toList(), e);
        }

        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(1, sandbox.precoro().inFlight().maxSeen());
        assertEquals(4, sandbox.precoro().requests().count(), "nothing was refused and retried");
        // Precoro's pace, a little under one request a second: 4 starts take over 3 s.
        assertTrue(elapsedMillis >= 3_000, "4 requests in " + elapsedMillis + " ms");
    }

    @Test
    void aRepeatedIncrementalReadAsksAWiderQuestionInsteadOfTheSameOne() {
        java.time.Instant since = java.time.Instant.parse("2026-11-30T08:00:00Z");
        connector.usersModifiedSince(since).await().atMost(WAIT);
        connector.usersModifiedSince(since).await().atMost(WAIT);

        List<String> queries = sandbox.precoro().requests().all().stream().map(r -> r.query()).toList();
        assertEquals(2, queries.size(), queries.toString());
        assertTrue(queries.get(0).contains("modifiedSince=2026-11-30T08%3A00%3A00")
                || queries.get(0).contains("modifiedSince=2026-11-30T08:00:00"), queries.get(0));
        assertTrue(queries.get(1).contains("modifiedSince=2026-11-30T07%3A59%3A59")
                || queries.get(1).contains("modifiedSince=2026-11-30T07:59:59"), "one second earlier: " + queries.get(1));
    }

    @Test
    void aRepeatedFullReadPagesDifferentlyInsteadOfWaitingTheMinuteOut() {
        int users = sandbox.precoro().users().size();
        connector.allUsers().await().atMost(WAIT);
        long start = System.nanoTime();
        List<PrecoroUser> again = connector.allUsers().await().atMost(WAIT);

        assertEquals(users, again.size(), "the same answer");
        List<String> queries = sandbox.precoro().requests().all().stream().map(r -> r.query()).toList();
        assertEquals(queries.size(), queries.stream().distinct().count(), "no question asked twice: " + queries);
        assertTrue(queries.get(queries.size() - 1).contains("per_page=100"), queries.toString());
        assertTrue((System.nanoTime() - start) / 1_000_000_000 < 30, "it did not wait for the window");
    }

    @Test
    void aPersonsRepeatedLookupIsRefusedWithoutARequest() throws Exception {
        connector.usersByIds(List.of(5L, 6L)).await().atMost(WAIT);
        // A GraphQL request's context: a person is waiting, so the hub does not wait the minute out.
        io.vertx.core.Vertx vertx = io.quarkus.arc.Arc.container().instance(io.vertx.core.Vertx.class).get();
        java.util.concurrent.CompletableFuture<Throwable> refused = new java.util.concurrent.CompletableFuture<>();
        io.vertx.core.Context context = io.smallrye.common.vertx.VertxContext.getOrCreateDuplicatedContext(vertx);
        context.runOnContext(ignored -> {
            dev.trestle.connectors.UpstreamPriority.markInteractive();
            connector.usersByIds(List.of(6L, 5L)).subscribe().with(users -> refused.complete(null), refused::complete);
        });
        Throwable failure = refused.get(10, java.util.concurrent.TimeUnit.SECONDS);

        UpstreamException e = assertInstanceOf(UpstreamException.class, failure);
        assertEquals(ErrorCode.UPSTREAM_RATE_LIMITED, e.code());
        assertTrue(e.getMessage().contains("duplicate window"), e.getMessage());
        assertEquals(1, sandbox.precoro().requests().count(), "the same ids in another order are the same question");
    }

    @Test
    void aSpentDayStopsEveryCallerUntilPrecoroSaysWithoutFurtherRequests() {
        // Another integration on the same key spent the tenant's day but one request.
        sandbox.precoro().rateLimits().dailyBudget(1);
        connector.usersByIds(List.of(5L)).await().atMost(WAIT);

        UpstreamException refused = assertThrows(UpstreamException.class,
                () -> connector.usersByIds(List.of(6L)).await().atMost(WAIT));
        assertEquals(ErrorCode.UPSTREAM_RATE_LIMITED, refused.code());
        assertEquals("Daily limiter", refused.extensions().get("upstreamCode"));
        assertFalse(caller.budget().hasRoom(dev.trestle.connectors.UpstreamPriority.BACKGROUND),
                "the budget learnt that the day is spent");

        UpstreamException paused = assertThrows(UpstreamException.class,
                () -> connector.usersByIds(List.of(7L)).await().atMost(WAIT));
        assertEquals(UpstreamException.Kind.BUDGET_SPENT, paused.kind());
        assertEquals(2, sandbox.precoro().requests().count(), "the third call sent nothing");
    }

    /** The sandbox's configuration with an API token the sandbox does not know. */
    private PrecoroConfig wrongToken() {
        return ConfigOverride.of(PrecoroConfig.class, config).with("apiToken", "wrong-token").build();
    }
}
