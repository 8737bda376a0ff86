package dev.trestle.connectors.netsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trestle.connectors.ConfigOverride;
import dev.trestle.connectors.Upstream;
import dev.trestle.connectors.UpstreamCaller;
import dev.trestle.connectors.UpstreamException;
import dev.trestle.connectors.UpstreamSystem;
import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.sandbox.Fault;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.sandbox.netsuite.SandboxEmployee;
import dev.trestle.support.Hub;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The NetSuite connector over real HTTP against the in-process NetSuite sandbox. */
@QuarkusTest
class NetSuiteConnectorTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    NetSuiteConnector connector;
    @Inject
    Sandbox sandbox;
    @Inject
    NetSuiteConfig config;
    @Inject
    @Upstream(UpstreamSystem.NETSUITE)
    UpstreamCaller caller;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper mapper;
    @Inject
    MeterRegistry registry;

    @BeforeEach
    void reset() {
        Hub.freshSystems(sandbox);
    }

    @Test
    void readsEveryPageOfEmployees() {
        long next = sandbox.netsuite().employees().maxId() + 1;
        for (int i = 0; i < 2_050; i++) {
            long id = next + i;
            sandbox.netsuite().employees().put(new SandboxEmployee(id, null, "E" + id, "First" + id, null,
                    "e" + id + "@example.com", i % 7 == 0, Instant.now(), 1, "Parent"));
        }
        int expected = sandbox.netsuite().employees().size();

        List<NetSuiteEmployee> all = connector.allEmployees().await().atMost(WAIT);

        assertEquals(expected, all.size());
        assertEquals(3, sandbox.netsuite().requests().count(), "1000 rows per page");
        assertEquals(expected, all.stream().map(NetSuiteEmployee::id).distinct().count());
        for (int i = 1; i < all.size(); i++) {
            assertTrue(Long.parseLong(all.get(i - 1).id()) < Long.parseLong(all.get(i).id()), "ordered by id");
        }
        NetSuiteEmployee added = all.stream().filter(e -> e.id().equals(String.valueOf(next))).findFirst()
                .orElseThrow();
        assertEquals(new NetSuiteEmployee(String.valueOf(next), "E" + next, "First" + next, null,
                "e" + next + "@example.com", true, sandbox.netsuite().employees().get(next).orElseThrow().lastModified()
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)),
                added, "null columns are absent, booleans are T/F, lastmodifieddate to the second");
        assertTrue(registry.get("trestle.upstream.requests").tags("system", "netsuite", "operation", "employees.all",
                "outcome", "success").timer().count() >= 3);
    }

    @Test
    void looksUpIdsInOneRequest() {
        List<SandboxEmployee> demo = sandbox.netsuite().employees().after(Long.MIN_VALUE);
        List<String> ids = List.of(String.valueOf(demo.get(5).id()), String.valueOf(demo.get(0).id()),
                String.valueOf(demo.get(9).id()), "999999999", " " + demo.get(5).id() + " ");

        List<NetSuiteEmployee> found = connector.employeesByIds(ids).await().atMost(WAIT);

        assertEquals(List.of(String.valueOf(demo.get(0).id()), String.valueOf(demo.get(5).id()),
                String.valueOf(demo.get(9).id())), found.stream().map(NetSuiteEmployee::id).toList());
        assertEquals(1, sandbox.netsuite().requests().count());
        assertEquals(demo.get(0).email(), found.get(0).email());
    }

    @Test
    void rejectsIdsThatAreNotNumbersWithoutAnyRequest() {
        for (List<String> bad : List.of(List.of("1", "2) OR (1=1"), List.of("abc"), List.of("-3"), List.of(""))) {
            TrestleException e = assertThrows(TrestleException.class,
                    () -> connector.employeesByIds(bad).await().atMost(WAIT));
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        }
        assertEquals(List.of(), connector.employeesByIds(List.of()).await().atMost(WAIT));
        assertEquals(0, sandbox.netsuite().requests().count());
    }

    @Test
    void wrongCredentialsFailAsAuthFailedWithNetSuitesCode() {
        NetSuiteConnector wrong = new NetSuiteConnector(wrongTokenSecret(), caller, clock, mapper);

        UpstreamException e = assertThrows(UpstreamException.class, () -> wrong.allEmployees().await().atMost(WAIT));

        assertEquals(ErrorCode.UPSTREAM_AUTH_FAILED, e.code());
        assertEquals("INVALID_LOGIN", e.upstreamCode().orElseThrow());
        assertEquals(401, e.extensions().get("upstreamStatus"));
        assertEquals("NETSUITE", e.extensions().get("upstream"));
        assertFalse(e.getMessage().contains("wrong-secret"));
        assertEquals(1, sandbox.netsuite().requests().count(), "a 401 is not retried");
    }

    @Test
    void throttlingThenSuccess() {
        sandbox.netsuite().knobs().failNext(2, Fault.THROTTLE);
        assertEquals(sandbox.netsuite().employees().size(), connector.allEmployees().await().atMost(WAIT).size());
        assertEquals(3, sandbox.netsuite().requests().count());
    }

    @Test
    void serverErrorThenSuccess() {
        sandbox.netsuite().knobs().failNext(1, Fault.SERVER_ERROR);
        assertEquals(sandbox.netsuite().employees().size(), connector.allEmployees().await().atMost(WAIT).size());
        assertEquals(2, sandbox.netsuite().requests().count());
    }

    @Test
    void droppedConnectionThenSuccess() {
        sandbox.netsuite().knobs().failNext(1, Fault.DROP_CONNECTION);
        assertEquals(sandbox.netsuite().employees().size(), connector.allEmployees().await().atMost(WAIT).size());
        assertEquals(2, sandbox.netsuite().requests().count());
    }

    @Test
    void persistentThrottlingFailsAsRateLimited() {
        sandbox.netsuite().knobs().throttleRate(1.0);
        UpstreamException e = assertThrows(UpstreamException.class,
                () -> connector.allEmployees().await().atMost(WAIT));
        assertEquals(ErrorCode.UPSTREAM_RATE_LIMITED, e.code());
        assertEquals(1 + config.retry().maxRetries(), sandbox.netsuite().requests().count());
    }

    @Test
    void hangingRequestsFailAsTimeout() {
        sandbox.netsuite().knobs().hangDuration(Duration.ofSeconds(5)).failNext(10, Fault.HANG);
        UpstreamException e = assertThrows(UpstreamException.class,
                () -> connector.employeesByIds(List.of("101")).await().atMost(WAIT));
        assertEquals(ErrorCode.UPSTREAM_TIMEOUT, e.code());
        assertEquals(1 + config.retry().maxRetries(), sandbox.netsuite().requests().count());
    }

    @Test
    void malformedBodyFailsAsMalformedAfterOneRetry() {
        sandbox.netsuite().knobs().failNext(10, Fault.MALFORMED_BODY);
        UpstreamException e = assertThrows(UpstreamException.class,
                () -> connector.allEmployees().await().atMost(WAIT));
        assertEquals(ErrorCode.UPSTREAM_MALFORMED_RESPONSE, e.code());
        assertEquals(1 + config.retry().malformedRetries(), sandbox.netsuite().requests().count());
    }

    @Test
    void malformedOnceThenSuccess() {
        sandbox.netsuite().knobs().failNext(1, Fault.MALFORMED_BODY);
        assertEquals(sandbox.netsuite().employees().size(), connector.allEmployees().await().atMost(WAIT).size());
    }

    @Test
    void circuitOpensAfterRepeatedFailures() {
        sandbox.netsuite().knobs().errorRate(1.0);
        ErrorCode last = null;
        for (int call = 0; call < 20 && last != ErrorCode.UPSTREAM_UNAVAILABLE; call++) {
            last = assertThrows(UpstreamException.class,
                    () -> connector.employeesByIds(List.of("101")).await().atMost(WAIT)).code();
        }
        assertEquals(ErrorCode.UPSTREAM_UNAVAILABLE, last);
        long sent = sandbox.netsuite().requests().count();
        UpstreamException open = assertThrows(UpstreamException.class,
                () -> connector.employeesByIds(List.of("101")).await().atMost(WAIT));
        assertEquals(ErrorCode.UPSTREAM_UNAVAILABLE, open.code());
        assertEquals(sent, sandbox.netsuite().requests().count(), "an open circuit sends nothing");

        CircuitBreakerMaintenance.get().resetAll();
        sandbox.netsuite().knobs().errorRate(0);
        assertEquals(1, connector.employeesByIds(List.of("101")).await().atMost(WAIT).size());
    }

    @Test
    void authFailuresDoNotOpenTheCircuit() {
        NetSuiteConnector wrong = new NetSuiteConnector(wrongTokenSecret(), caller, clock, mapper);
        for (int i = 0; i < 30; i++) {
            assertEquals(ErrorCode.UPSTREAM_AUTH_FAILED, assertThrows(UpstreamException.class,
                    () -> wrong.employeesByIds(List.of("101")).await().atMost(WAIT)).code());
        }
        assertEquals(1, connector.employeesByIds(List.of("101")).await().atMost(WAIT).size());
    }

    @Test
    void governorKeepsWithinTheAccountsConcurrencyLimit() {
        assertEquals(5, sandbox.netsuite().concurrency().limit());
        sandbox.netsuite().knobs().latency(Duration.ofMillis(40));
        List<SandboxEmployee> demo = sandbox.netsuite().employees().after(Long.MIN_VALUE);
        List<Uni<List<NetSuiteEmployee>>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            calls.add(connector.employeesByIds(List.of(String.valueOf(demo.get(i).id()))));
        }
        calls.add(connector.allEmployees());

        List<List<NetSuiteEmployee>> results = Uni.join().all(calls).andFailFast().await().atMost(WAIT);

        assertEquals(41, results.size());
        assertTrue(sandbox.netsuite().inFlight().maxSeen() <= 5, "max in flight " + sandbox.netsuite().inFlight().maxSeen());
        assertTrue(sandbox.netsuite().inFlight().maxSeen() >= 2, "the calls did run in parallel");
        assertEquals(41, sandbox.netsuite().requests().count(), "no request was refused and retried");
    }

    /** The sandbox's configuration with a token secret the sandbox does not know. */
    private NetSuiteConfig wrongTokenSecret() {
        return ConfigOverride.of(NetSuiteConfig.class, config).with("tokenSecret", "wrong-secret").build();
    }
}
