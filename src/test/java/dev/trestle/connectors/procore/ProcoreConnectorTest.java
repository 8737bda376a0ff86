package dev.trestle.connectors.procore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import dev.trestle.sandbox.ProcoreDemoCases;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.sandbox.procore.WbsCode;
import dev.trestle.sandbox.procore.WbsSegment;
import dev.trestle.support.Hub;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Procore connector over real HTTP against the in-process Procore sandbox. */
@QuarkusTest
class ProcoreConnectorTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String VENDORS = "/rest/v1.0/vendors";
    private static final String TOKEN = "/oauth/token";

    @Inject
    ProcoreConnector connector;
    @Inject
    Sandbox sandbox;
    @Inject
    ProcoreConfig config;
    @Inject
    @Upstream(UpstreamSystem.PROCORE)
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

    /** A connector of its own, so the token cache starts empty whatever other tests did. */
    private ProcoreConnector fresh(UnaryOperator<ConfigOverride<ProcoreConfig>> change) {
        return new ProcoreConnector(change.apply(ConfigOverride.of(ProcoreConfig.class, config)).build(), caller, clock,
                mapper);
    }

    @Test
    void readsEveryVendorPageAndSendsTheCompanyHeader() {
        int total = sandbox.procore().vendors().count();
        ProcoreConnector small = fresh(c -> c.with("pageSize", 7));

        List<ProcoreVendor> vendors = small.vendors().await().atMost(WAIT);

        assertEquals(total, vendors.size());
        int pages = (total + 6) / 7;
        assertTrue(pages >= 3, "the demo company has several pages of 7 vendors");
        assertEquals(pages, sandbox.procore().requests().count("GET", VENDORS), "each page once");
        assertEquals(vendors.stream().map(ProcoreVendor::id).sorted().toList(),
                vendors.stream().map(ProcoreVendor::id).toList(), "ordered by id");
        dev.trestle.sandbox.procore.ProcoreVendor first = sandbox.procore().vendors().all().stream()
                .min(Comparator.comparingLong(dev.trestle.sandbox.procore.ProcoreVendor::id)).orElseThrow();
        ProcoreVendor read = vendors.get(0);
        assertEquals(first.id(), read.id());
        assertEquals(first.name(), read.name());
        assertEquals(first.emailAddress(), read.emailAddress());
        assertEquals(first.businessPhone(), read.businessPhone());
        assertEquals(first.active(), read.active());
        assertEquals(first.originId(), read.originId());
        // The sandbox refuses calls without Procore-Company-Id (400) or for another company (403):
        // the reads above succeeded, and a connector configured for another company is refused.
        UpstreamException other = assertThrows(UpstreamException.class,
                () -> fresh(c -> c.with("companyId", 999L)).vendors().await().atMost(WAIT));
        assertEquals(403, other.httpStatus().getAsInt());
    }

    @Test
    void readsEveryProjectActiveOrNot() {
        List<ProcoreProject> projects = fresh(c -> c.with("pageSize", 4)).projects().await().atMost(WAIT);

        assertEquals(sandbox.procore().projects().count(), projects.size());
        for (Long inactive : ProcoreDemoCases.INACTIVE_PROJECTS) {
            assertFalse(projects.stream().filter(p -> p.id() == inactive).findFirst().orElseThrow().active());
        }
        ProcoreProject linked = connector.project(ProcoreDemoCases.LINKED_PROJECT).await().atMost(WAIT);
        dev.trestle.sandbox.procore.ProcoreProject expected = sandbox.procore().projects()
                .get(ProcoreDemoCases.LINKED_PROJECT).orElseThrow();
        assertEquals(expected.name(), linked.name());
        assertEquals(expected.projectNumber(), linked.projectNumber());
        assertEquals(expected.stage(), linked.stage());
        assertEquals(expected.startDate(), linked.startDate());
        assertEquals(expected.originId(), linked.originId());
        assertEquals(linked, projects.stream().filter(p -> p.id() == linked.id()).findFirst().orElseThrow());
    }

    @Test
    void unknownVendorOrProjectIsNotFound() {
        TrestleException vendor = assertThrows(TrestleException.class,
                () -> connector.vendor(1L).await().atMost(WAIT));
        assertEquals(ErrorCode.NOT_FOUND, vendor.code());
        TrestleException project = assertThrows(TrestleException.class,
                () -> connector.project(2L).await().atMost(WAIT));
        assertEquals(ErrorCode.NOT_FOUND, project.code());
        assertEquals(ProcoreDemoCases.AMBIGUOUS_NAME_PROCORE_VENDOR,
                connector.vendor(ProcoreDemoCases.AMBIGUOUS_NAME_PROCORE_VENDOR).await().atMost(WAIT).id());
    }

    @Test
    void fetchesTheTokenOnceAndSharesIt() {
        ProcoreConnector client = fresh(c -> c);
        List<Uni<ProcoreProject>> parallel = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            parallel.add(client.project(ProcoreDemoCases.LINKED_PROJECT));
        }

        Uni.join().all(parallel).andFailFast().await().atMost(WAIT);
        client.vendors().await().atMost(WAIT);

        assertEquals(1, sandbox.procore().tokens().issuedCount(), "concurrent callers share one grant");
        assertEquals(1, sandbox.procore().requests().count("POST", TOKEN));
    }

    @Test
    void renewsTheTokenBeforeItExpires() throws InterruptedException {
        sandbox.procore().tokens().lifetime(Duration.ofSeconds(2));
        ProcoreConnector client = fresh(c -> c);

        client.project(ProcoreDemoCases.LINKED_PROJECT).await().atMost(WAIT);
        client.project(ProcoreDemoCases.LINKED_PROJECT).await().atMost(WAIT);
        assertEquals(1, sandbox.procore().requests().count("POST", TOKEN));
        // The token lives 2 s and is replaced once half of that is left.
        Thread.sleep(1_200);
        client.project(ProcoreDemoCases.LINKED_PROJECT).await().atMost(WAIT);

        assertEquals(2, sandbox.procore().requests().count("POST", TOKEN));
        assertEquals(3, sandbox.procore().requests().count("GET", "/rest/v1.0/projects/"),
                "no request was sent with an expired token");
    }

    @Test
    void renewsTheTokenOnceWhenTheApiRejectsIt() {
        ProcoreConnector client = fresh(c -> c);
        client.project(ProcoreDemoCases.LINKED_PROJECT).await().atMost(WAIT);
        sandbox.procore().tokens().revokeAll();

        ProcoreProject project = client.project(ProcoreDemoCases.LINKED_PROJECT).await().atMost(WAIT);

        assertEquals(ProcoreDemoCases.LINKED_PROJECT, project.id());
        assertEquals(2, sandbox.procore().requests().count("POST", TOKEN));
        assertEquals(3, sandbox.procore().requests().count("GET", "/rest/v1.0/projects/"), "401, then the repeat");
    }

    @Test
    void wrongSecretFailsAsAuthFailedWithoutRetrying() {
        ProcoreConnector wrong = fresh(c -> c.with("clientSecret", "not-the-secret"));

        UpstreamException e = assertThrows(UpstreamException.class, () -> wrong.vendors().await().atMost(WAIT));

        assertEquals(ErrorCode.UPSTREAM_AUTH_FAILED, e.code());
        assertEquals("invalid_client", e.upstreamCode().orElseThrow());
        assertEquals("PROCORE", e.extensions().get("upstream"));
        assertFalse(e.getMessage().contains("not-the-secret"));
        assertEquals(1, sandbox.procore().requests().count("POST", TOKEN), "a 401 is not retried");
        assertEquals(0, sandbox.procore().requests().count("GET", VENDORS));
    }

    @Test
    void waitsForTheRateLimitResetAndCarriesOn() {
        int total = sandbox.procore().vendors().count();
        ProcoreConnector small = fresh(c -> c.with("pageSize", 2));
        int pages = (total + 1) / 2;
        // More pages than one window admits, but no more than two windows: the pages beyond the
        // window must wait for X-Rate-Limit-Reset. The budget reads Procore's count from every
        // answer and holds them back until the reset; only pages already on their way before an
        // answer told (at most the connector's concurrency) may meet a 429, and those wait for the
        // reset too. Had they retried after the test's 20 ms back-off instead, they would have been
        // refused again until the retries ran out.
        int limit = pages / 2 + 1;
        sandbox.procore().rateLimit().limit(limit).window(Duration.ofSeconds(2));

        List<ProcoreVendor> vendors = small.vendors().await().atMost(WAIT);

        assertEquals(total, vendors.size());
        long sent = sandbox.procore().requests().count("GET", VENDORS);
        assertTrue(sent >= pages && sent <= pages + 4, "each page once, but for a few already on their way: " + sent);
    }

    @Test
    void serverErrorsAreRetried() {
        ProcoreConnector client = fresh(c -> c);
        client.project(ProcoreDemoCases.LINKED_PROJECT).await().atMost(WAIT);
        sandbox.procore().knobs().failNext(2, Fault.SERVER_ERROR);

        assertEquals(ProcoreDemoCases.LINKED_PROJECT,
                client.project(ProcoreDemoCases.LINKED_PROJECT).await().atMost(WAIT).id());
        assertEquals(4, sandbox.procore().requests().count("GET", "/rest/v1.0/projects/"));
    }

    @Test
    void syncCreatesThenUpdatesAVendorByOriginId() {
        int before = sandbox.procore().vendors().count();

        ProcoreVendor created = connector.syncVendor(
                ProcoreVendorUpdate.byOriginId("ns-vendor-9001", "Harbor Steel", "ap@harbor.example.com", "555-0100"))
                .await().atMost(WAIT);
        ProcoreVendor updated = connector.syncVendor(new ProcoreVendorUpdate(null, "ns-vendor-9001", "rev 2", "HS-1",
                "Harbor Steel Inc.", null, null)).await().atMost(WAIT);

        assertEquals(before + 1, sandbox.procore().vendors().count(), "one vendor, created once");
        assertEquals(created.id(), updated.id());
        assertEquals("ns-vendor-9001", created.originId());
        assertEquals("Harbor Steel", created.name());
        assertEquals("Harbor Steel Inc.", updated.name());
        assertEquals("ap@harbor.example.com", updated.emailAddress(), "fields left out keep their value");
        assertEquals("HS-1", updated.originCode());
        assertEquals(updated, connector.vendor(created.id()).await().atMost(WAIT));
    }

    @Test
    void syncRejectionFailsAsUpstreamErrorWithTheFieldMessages() {
        ProcoreConnector client = fresh(c -> c);

        UpstreamException e = assertThrows(UpstreamException.class, () -> client.syncVendor(
                ProcoreVendorUpdate.byOriginId("ns-vendor-9002", " ", null, null)).await().atMost(WAIT));

        assertEquals(ErrorCode.UPSTREAM_ERROR, e.code());
        assertEquals("name: can't be blank", e.upstreamDetail().orElseThrow());
        assertTrue(sandbox.procore().vendors().byOriginId("ns-vendor-9002").isEmpty());
        assertEquals(1, sandbox.procore().requests().count("PATCH", VENDORS + "/sync"), "a rejection is not retried");
        assertEquals(2, sandbox.procore().requests().count(), "the token grant and the sync");
    }

    @Test
    void oneSyncSetsManyOriginIdsAndNamesTheEntriesProcoreRefused() {
        List<Long> vendors = sandbox.procoreDemoCases().procoreOnlyVendors().subList(0, 3);
        List<ProcoreVendorUpdate> updates = new ArrayList<>();
        for (long id : vendors) {
            updates.add(new ProcoreVendorUpdate(id, "ns-" + id, null, null, null, null, null));
        }
        updates.add(new ProcoreVendorUpdate(1L, "ns-1", null, null, null, null, null));

        ProcoreSyncResult result = fresh(c -> c).syncVendors(updates).await().atMost(WAIT);

        assertEquals(java.util.Set.copyOf(vendors), result.synced());
        assertEquals(Map.of(1L, "id: not found"), result.rejected());
        for (long id : vendors) {
            assertEquals("ns-" + id, sandbox.procore().vendors().get(id).orElseThrow().originId());
        }
        assertEquals(1, sandbox.procore().requests().count("PATCH", VENDORS + "/sync"), "one request for all four");
        assertEquals(2, sandbox.procore().requests().count(), "the token grant and the sync");
        assertThrows(IllegalArgumentException.class, () -> connector.syncVendors(List.of()));
    }

    @Test
    void syncCreatesThenUpdatesAProjectByOriginId() {
        ProcoreProject created = connector.syncProject(ProcoreProjectUpdate.byOriginId("ns-job-7001", "Pier 9 Retrofit",
                "P-9001", true, LocalDate.of(2026, 3, 2))).await().atMost(WAIT);
        ProcoreProject updated = connector.syncProject(ProcoreProjectUpdate.byOriginId("ns-job-7001", null, null, false,
                null)).await().atMost(WAIT);

        assertEquals(created.id(), updated.id());
        assertEquals("Pier 9 Retrofit", updated.name());
        assertEquals("P-9001", updated.projectNumber());
        assertEquals(LocalDate.of(2026, 3, 2), updated.startDate());
        assertTrue(created.active());
        assertFalse(updated.active());
        assertEquals("ns-job-7001", updated.originId());

        UpstreamException duplicate = assertThrows(UpstreamException.class, () -> connector.syncProject(
                ProcoreProjectUpdate.byOriginId("ns-job-7002", "Another", "P-9001", true, null)).await().atMost(WAIT));
        assertEquals(ErrorCode.UPSTREAM_ERROR, duplicate.code());
        assertEquals("project_number: has already been taken", duplicate.upstreamDetail().orElseThrow());
    }

    @Test
    void readsWbsCodesWithTheirSegmentValues() {
        long projectId = ProcoreDemoCases.CUSTOM_SEGMENT_PROJECT;
        Map<Long, String> typeBySegment = sandbox.procore().costStructure().segments(projectId).stream()
                .collect(Collectors.toMap(WbsSegment::id, WbsSegment::type));
        List<WbsCode> expected = sandbox.procore().costStructure().wbsCodes(projectId);
        assertFalse(expected.isEmpty());

        List<ProcoreWbsCode> codes = fresh(c -> c.with("pageSize", 3)).wbsCodes(projectId).await().atMost(WAIT);

        assertEquals(expected.size(), codes.size());
        for (WbsCode code : expected) {
            ProcoreWbsCode read = codes.stream().filter(c -> c.id() == code.id()).findFirst().orElseThrow();
            assertEquals(code.flatCode(), read.flatCode());
            assertEquals(code.description(), read.description());
            List<String> custom = new ArrayList<>();
            String costCode = null;
            String costType = null;
            for (WbsCode.SegmentItem item : code.segmentItems()) {
                switch (typeBySegment.get(item.segmentId())) {
                    case "cost_code" -> costCode = item.code();
                    case "line_item_type" -> costType = item.code();
                    default -> custom.add(item.code());
                }
            }
            assertEquals(costCode, read.costCode());
            assertEquals(costType, read.costType());
            assertEquals(custom, read.customSegments());
        }
        assertTrue(codes.stream().anyMatch(c -> !c.customSegments().isEmpty()), "the project has a custom segment");
        assertNotNull(codes.get(0).costCode());

        List<ProcoreWbsCode> none = connector.wbsCodes(ProcoreDemoCases.PROJECT_WITHOUT_COST_CODES).await()
                .atMost(WAIT);
        assertEquals(List.of(), none);
        TrestleException missing = assertThrows(TrestleException.class,
                () -> connector.wbsCodes(3L).await().atMost(WAIT));
        assertEquals(ErrorCode.NOT_FOUND, missing.code());
    }
}
