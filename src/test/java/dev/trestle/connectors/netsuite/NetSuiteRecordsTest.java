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
import dev.trestle.sandbox.netsuite.NetSuiteRecord;
import dev.trestle.sandbox.netsuite.NetSuiteReferenceData;
import dev.trestle.sandbox.netsuite.RecordStore;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** NetSuite record writes and vendor/job reads over real HTTP against the in-process NetSuite sandbox. */
@QuarkusTest
class NetSuiteRecordsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String VENDOR_PATH = "/services/rest/record/v1/vendor/";

    @Inject
    NetSuiteRecords records;
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

    @BeforeEach
    void reset() {
        Hub.freshSystems(sandbox);
    }

    private RecordStore vendors() {
        return sandbox.netsuite().records("vendor");
    }

    private static Map<String, Object> vendor(String companyName, String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("companyName", companyName);
        body.put("email", email);
        body.put("subsidiary", Map.of("id", NetSuiteReferenceData.SUBSIDIARY_ID));
        return body;
    }

    @Test
    void upsertCreatesThenUpdatesTheSameRecord() {
        int before = vendors().count();

        String created = records.upsert("vendor", "procore-vendor-9001", vendor("Harbor Steel", "ap@harbor.example.com"))
                .await().atMost(WAIT);
        String updated = records.upsert("vendor", "procore-vendor-9001", Map.of("companyName", "Harbor Steel Inc."))
                .await().atMost(WAIT);

        assertEquals(created, updated);
        assertEquals(before + 1, vendors().count());
        assertEquals(1, vendors().creates());
        assertEquals(1, vendors().updates());
        NetSuiteRecord stored = vendors().byExternalId("procore-vendor-9001").orElseThrow();
        assertEquals(created, String.valueOf(stored.id()));
        assertEquals("Harbor Steel Inc.", stored.text("companyName"));
        assertEquals("ap@harbor.example.com", stored.text("email"), "fields left out keep their value");

        Map<String, Object> read = records.findByExternalId("vendor", "procore-vendor-9001").await().atMost(WAIT)
                .orElseThrow();
        assertEquals(created, read.get("id"));
        assertEquals("Harbor Steel Inc.", read.get("companyName"));
        assertEquals(Optional.empty(), records.findByExternalId("vendor", "no-such-vendor").await().atMost(WAIT));
    }

    @Test
    void aWriteWhoseAnswerIsLostIsRepeatedAndLeavesOneRecord() {
        int before = vendors().count();
        sandbox.netsuite().knobs().failNext(1, Fault.COMMIT_THEN_DROP);

        String id = records.upsert("vendor", "procore-vendor-9002", vendor("Pier Nine Electric", null))
                .await().atMost(WAIT);

        assertEquals(before + 1, vendors().count(), "exactly one record");
        assertEquals(1, vendors().creates(), "the first attempt created it");
        assertEquals(1, vendors().updates(), "the repeat found it by its external id");
        assertEquals(id, String.valueOf(vendors().byExternalId("procore-vendor-9002").orElseThrow().id()));
        assertEquals(2, sandbox.netsuite().requests().count("PUT", VENDOR_PATH));
    }

    @Test
    void validationErrorsFailAsUpstreamErrorWithNetSuitesCodeAndDetail() {
        UpstreamException e = assertThrows(UpstreamException.class, () -> records.upsert("vendor",
                "procore-vendor-9003", Map.of("email", "x@example.com")).await().atMost(WAIT));

        assertEquals(ErrorCode.UPSTREAM_ERROR, e.code());
        assertEquals(400, e.httpStatus().getAsInt());
        assertEquals("USER_ERROR", e.upstreamCode().orElseThrow());
        assertTrue(e.upstreamDetail().orElseThrow().contains("Company Name"), e.upstreamDetail().orElseThrow());
        assertEquals(1, sandbox.netsuite().requests().count(), "a refused write is not repeated");
        assertTrue(vendors().byExternalId("procore-vendor-9003").isEmpty());

        UpstreamException misspelt = assertThrows(UpstreamException.class, () -> records.upsert("vendor",
                "procore-vendor-9003", Map.of("companyNmae", "Typo Ltd")).await().atMost(WAIT));
        assertEquals("NONEXISTENT_FIELD", misspelt.upstreamCode().orElseThrow(), "unknown fields are errors");
    }

    @Test
    void throttlingAndServerErrorsAreRetried() {
        sandbox.netsuite().knobs().failNext(1, Fault.THROTTLE).failNext(1, Fault.SERVER_ERROR);

        String id = records.upsert("job", "procore-project-5100009", Map.of("entityId", "P-9009",
                "companyName", "Pier 9 Retrofit", "parent", Map.of("id", NetSuiteReferenceData.PARENT_CUSTOMER_ID),
                "subsidiary", Map.of("id", NetSuiteReferenceData.SUBSIDIARY_ID))).await().atMost(WAIT);

        assertEquals(3, sandbox.netsuite().requests().count());
        assertEquals(id, String.valueOf(sandbox.netsuite().records("job").byExternalId("procore-project-5100009")
                .orElseThrow().id()));
        assertEquals(1, sandbox.netsuite().records("job").creates());
    }

    @Test
    void refusesBadRecordTypesAndExternalIdsWithoutAnyRequest() {
        for (String[] bad : new String[][] { { "vendor", "a b" }, { "vendor", "a|b" }, { "vendor", "../employee/1" },
                { "vendor", "" }, { "Vendor", "ok-1" }, { "vendor/eid:x", "ok-1" }, { "other_charge", "ok-1" },
                { null, "ok-1" }, { "vendor", null } }) {
            TrestleException e = assertThrows(TrestleException.class,
                    () -> records.upsert(bad[0], bad[1], Map.of("companyName", "X")).await().atMost(WAIT));
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
            TrestleException lookup = assertThrows(TrestleException.class,
                    () -> records.findByExternalId(bad[0], bad[1]).await().atMost(WAIT));
            assertEquals(ErrorCode.INVALID_ARGUMENT, lookup.code());
        }
        TrestleException mismatch = assertThrows(TrestleException.class, () -> records.upsert("vendor", "ok-1",
                Map.of("externalId", "ok-2")).await().atMost(WAIT));
        assertEquals(ErrorCode.INVALID_ARGUMENT, mismatch.code());
        assertEquals(0, sandbox.netsuite().requests().count());
    }

    @Test
    void readsEveryVendorAndJobAcrossPages() {
        for (int i = 0; i < 23; i++) {
            vendors().add("bulk-vendor-" + i, new JsonObject().put("companyName", "Bulk Vendor " + i)
                    .put("email", "bulk" + i + "@example.com").put("isInactive", i % 5 == 0)
                    .put("subsidiary", new JsonObject().put("id", NetSuiteReferenceData.SUBSIDIARY_ID)), Instant.now());
        }
        // 7 rows a page and a new query after 21 rows: offset paging and key paging both run.
        NetSuiteConfig paged = ConfigOverride.of(NetSuiteConfig.class, config)
                .with("pageSize", 7).with("maxRowsPerQuery", 21).build();
        NetSuiteRecords small = new NetSuiteRecords(paged, caller, clock, mapper);

        List<NetSuiteVendor> all = small.vendors().await().atMost(WAIT);
        List<NetSuiteJob> jobs = small.jobs().await().atMost(WAIT);

        assertEquals(vendors().count(), all.size());
        assertEquals(vendors().all().stream().map(r -> String.valueOf(r.id())).toList(),
                all.stream().map(NetSuiteVendor::id).toList(), "every vendor, ordered by id");
        NetSuiteRecord sample = vendors().byExternalId("bulk-vendor-5").orElseThrow();
        assertEquals(new NetSuiteVendor(String.valueOf(sample.id()), sample.text("entityId"), "Bulk Vendor 5",
                "bulk5@example.com", sample.text("phone"), true, "bulk-vendor-5"),
                all.stream().filter(v -> v.id().equals(String.valueOf(sample.id()))).findFirst().orElseThrow());
        assertTrue(sandbox.netsuite().requests().count("POST", "/services/rest/query/v1/suiteql")
                >= (vendors().count() + 6) / 7);

        RecordStore jobStore = sandbox.netsuite().records("job");
        assertEquals(jobStore.all().stream().map(r -> String.valueOf(r.id())).toList(),
                jobs.stream().map(NetSuiteJob::id).toList());
        NetSuiteRecord job = jobStore.all().get(0);
        NetSuiteJob firstJob = jobs.get(0);
        assertEquals(job.text("companyName"), firstJob.companyName());
        assertEquals(job.externalId(), firstJob.externalId());
        assertEquals(job.flag("isInactive"), firstJob.inactive());
        assertFalse(jobs.isEmpty());
    }
}
