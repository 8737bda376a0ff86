package dev.trestle.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.connectors.netsuite.NetSuiteConnector;
import dev.trestle.connectors.netsuite.NetSuiteEmployee;
import dev.trestle.connectors.precoro.PrecoroConnector;
import dev.trestle.connectors.precoro.PrecoroUser;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connectors' reads of what changed since an instant, over real HTTP against the sandbox. */
@QuarkusTest
class ModifiedSinceReadsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    PrecoroConnector precoro;
    @Inject
    NetSuiteConnector netsuite;
    @Inject
    Sandbox sandbox;

    @BeforeEach
    void reset() {
        Hub.freshSystems(sandbox);
    }

    @Test
    void precoroUsersModifiedSinceArePagedAndTheBoundIsRoundedDownToTheSecond() {
        // A bound with a fraction: Precoro takes whole seconds, and rounding up would miss edits.
        Instant since = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusMillis(900);
        // 250 edited users: two pages of 200.
        LongStream.rangeClosed(1, 250).forEach(id -> sandbox.precoro().users().changeEmail(id, "moved" + id + "@example.com"));

        List<PrecoroUser> changed = precoro.usersModifiedSince(since).await().atMost(WAIT);

        assertEquals(LongStream.rangeClosed(1, 250).boxed().toList(), changed.stream().map(PrecoroUser::id).toList());
        assertEquals("moved250@example.com", changed.get(249).email());
        var requests = sandbox.precoro().requests().all();
        assertEquals(2, requests.size());
        String query = URLDecoder.decode(requests.get(0).query(), StandardCharsets.UTF_8);
        assertTrue(query.contains("modifiedSince=" + since.truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", "")),
                query);
    }

    @Test
    void netsuiteEmployeesModifiedSinceCarryTheirModificationTime() {
        Instant since = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        sandbox.netsuite().employees().changeEmail(150, "moved@example.com");
        sandbox.netsuite().employees().setInactive(140, true);

        List<NetSuiteEmployee> changed = netsuite.employeesModifiedSince(since).await().atMost(WAIT);

        assertEquals(List.of("140", "150"), changed.stream().map(NetSuiteEmployee::id).toList());
        assertTrue(changed.get(0).inactive());
        assertEquals("moved@example.com", changed.get(1).email());
        assertEquals(sandbox.netsuite().employees().get(150).orElseThrow().lastModified().truncatedTo(ChronoUnit.SECONDS),
                changed.get(1).lastModified());
        assertEquals(List.of(), netsuite.employeesModifiedSince(since.plusSeconds(60)).await().atMost(WAIT));
    }
}
