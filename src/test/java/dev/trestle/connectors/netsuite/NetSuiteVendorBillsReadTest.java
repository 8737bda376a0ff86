package dev.trestle.connectors.netsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trestle.connectors.ConfigOverride;
import dev.trestle.connectors.Upstream;
import dev.trestle.connectors.UpstreamCaller;
import dev.trestle.connectors.UpstreamSystem;
import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.money.Money;
import dev.trestle.sandbox.ProcoreDemoCases;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.sandbox.netsuite.NetSuiteReferenceData;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Vendor bills written through the connector's upsert and read back through SuiteQL, over real HTTP. */
@QuarkusTest
class NetSuiteVendorBillsReadTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SUITEQL = "/services/rest/query/v1/suiteql";

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

    /** A bill of 12500.10 + 0.10 + 0.20 - 1250.01 = 11250.39 on a demo item, vendor and job. */
    private static Map<String, Object> bill(String tranId) {
        String item = String.valueOf(NetSuiteReferenceData.FIRST_ITEM_ID);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entity", Map.of("id", ProcoreDemoCases.LINKED_VENDOR_A_NETSUITE));
        body.put("tranId", tranId);
        body.put("tranDate", "2025-10-31");
        body.put("dueDate", "2025-11-30");
        body.put("memo", "Procore subcontractor invoice");
        body.put("item", Map.of("items", List.of(
                Map.of("item", Map.of("id", item), "amount", new java.math.BigDecimal("12500.10"),
                        "customer", Map.of("id", ProcoreDemoCases.LINKED_PROJECT_JOB)),
                Map.of("item", Map.of("id", item), "amount", new java.math.BigDecimal("0.10")),
                Map.of("item", Map.of("id", item), "amount", new java.math.BigDecimal("0.20")))));
        body.put("expense", Map.of("items", List.of(Map.of("account",
                Map.of("id", NetSuiteReferenceData.RETAINAGE_ACCOUNT_ID), "amount",
                new java.math.BigDecimal("-1250.01")))));
        return body;
    }

    @Test
    void readsBillsByExternalIdAndByInternalIdWithExactTotals() {
        String first = records.upsert("vendorBill", "procore-requisition-1", bill("INV-1")).await().atMost(WAIT);
        String second = records.upsert("vendorBill", "procore-requisition-2", bill("INV-2")).await().atMost(WAIT);

        Map<String, NetSuiteVendorBill> found = records.vendorBillsByExternalIds(List.of("procore-requisition-2",
                "procore-requisition-1", "procore-requisition-404")).await().atMost(WAIT);

        assertEquals(2, found.size(), found.toString());
        NetSuiteVendorBill bill = found.get("procore-requisition-1");
        assertEquals(first, bill.id());
        assertEquals("INV-1", bill.tranId());
        assertEquals("procore-requisition-1", bill.externalId());
        assertEquals(ProcoreDemoCases.LINKED_VENDOR_A_NETSUITE, bill.entityId());
        assertEquals(Money.parse("11250.39", "USD"), bill.total(), "the sum of the lines, to the cent");
        assertEquals(LocalDate.of(2025, 10, 31), bill.tranDate());
        assertEquals(LocalDate.of(2025, 11, 30), bill.dueDate());
        assertTrue(bill.lastModified() != null);
        assertEquals(second, found.get("procore-requisition-2").id());

        Optional<NetSuiteVendorBill> byId = records.vendorBill(second).await().atMost(WAIT);
        assertEquals(found.get("procore-requisition-2"), byId.orElseThrow());
        assertTrue(records.vendorBill("999999").await().atMost(WAIT).isEmpty());

        TrestleException bad = assertThrows(TrestleException.class,
                () -> records.vendorBillsByExternalIds(List.of("it's")).await().atMost(WAIT));
        assertEquals(ErrorCode.INVALID_ARGUMENT, bad.code(), "a quote never reaches a query");
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(TrestleException.class,
                () -> records.vendorBill("7001 OR 1=1").await().atMost(WAIT)).code());
    }

    @Test
    void manyExternalIdsAreAskedForInChunksAcrossPages() {
        List<String> wanted = new ArrayList<>();
        for (int i = 0; i < 230; i++) {
            wanted.add("procore-requisition-" + (9000 + i));
        }
        for (int i = 0; i < 5; i++) {
            records.upsert("vendorBill", wanted.get(i * 50), bill("INV-" + i)).await().atMost(WAIT);
        }
        NetSuiteConfig paged = ConfigOverride.of(NetSuiteConfig.class, config).with("pageSize", 1).build();
        NetSuiteRecords small = new NetSuiteRecords(paged, caller, clock, mapper);
        long before = sandbox.netsuite().requests().count("POST", SUITEQL);

        Map<String, NetSuiteVendorBill> found = small.vendorBillsByExternalIds(wanted).await().atMost(WAIT);

        assertEquals(List.of(wanted.get(0), wanted.get(50), wanted.get(100), wanted.get(150), wanted.get(200)),
                List.copyOf(found.keySet()));
        // 3 queries of at most 100 ids; one row a page: 2 + 2 + 1 rows, plus nothing more.
        assertEquals(5L, sandbox.netsuite().requests().count("POST", SUITEQL) - before);
    }
}
