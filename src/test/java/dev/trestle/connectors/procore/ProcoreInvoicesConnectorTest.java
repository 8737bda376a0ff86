package dev.trestle.connectors.procore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Commitments, subcontractor invoices and the ERP close-out through the Procore connector, over
 * real HTTP against the sandbox's demo invoices: every figure is compared with what the sandbox
 * holds, to the cent.
 */
@QuarkusTest
class ProcoreInvoicesConnectorTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long PROJECT = ProcoreDemoCases.LINKED_PROJECT;

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

    @BeforeEach
    void reset() {
        Hub.freshSystems(sandbox);
    }

    private static Money usd(BigDecimal amount) {
        return Money.of(amount, "USD");
    }

    private dev.trestle.sandbox.procore.ProcoreRequisition held(long id) {
        return sandbox.procore().requisitions().get(id).orElseThrow();
    }

    @Test
    void readsEveryDemoInvoiceWithItsContractItemsExactly() {
        for (long id : ProcoreDemoCases.INVOICES) {
            dev.trestle.sandbox.procore.ProcoreRequisition expected = held(id);
            ProcoreRequisition read = connector.requisition(expected.projectId(), id).await().atMost(WAIT);

            assertEquals(id, read.id());
            assertEquals(expected.number(), read.number());
            assertEquals(expected.invoiceNumber(), read.invoiceNumber());
            assertEquals(expected.projectId(), read.projectId());
            assertEquals(expected.commitmentId(), read.commitmentId());
            assertEquals(expected.status(), read.status());
            assertEquals(expected.billingDate(), read.billingDate());
            assertEquals(expected.periodStart(), read.periodStart());
            assertEquals(expected.periodEnd(), read.periodEnd());
            assertNull(read.originId());
            dev.trestle.sandbox.procore.ProcoreCommitment commitment = sandbox.procore().commitments()
                    .get(expected.commitmentId()).orElseThrow();
            assertEquals(commitment.vendorId(), read.vendorId(), "v1.1 names the commitment's vendor");
            assertEquals(commitment.typeName(), read.commitmentType());
            assertEquals(usd(expected.currentPaymentDue()), read.currentPaymentDue(), "invoice " + id);
            assertEquals(expected.items().size(), read.items().size());
            for (int i = 0; i < expected.items().size(); i++) {
                dev.trestle.sandbox.procore.ProcoreRequisition.Item e = expected.items().get(i);
                ProcoreContractItem r = read.items().get(i);
                assertEquals(e.id(), r.id());
                assertEquals(e.costCodeId(), r.costCodeId());
                assertEquals(e.wbsCodeId(), r.wbsCode().id());
                assertTrue(r.wbsCode().flatCode() != null && !r.wbsCode().flatCode().isBlank());
                assertEquals(e.description(), r.descriptionOfWork());
                assertEquals(usd(e.scheduledValue()), r.scheduledValue());
                assertEquals(usd(e.workCompletedThisPeriod()), r.workCompletedThisPeriod());
                assertEquals(usd(e.materialsPresentlyStored()), r.materialsPresentlyStored());
                assertEquals(usd(e.retainageThisPeriod()), r.retainageThisPeriod());
            }
        }
        assertEquals(20, connector.requisition(PROJECT, ProcoreDemoCases.INVOICE_WITH_MANY_LINES).await().atMost(WAIT)
                .items().size());
    }

    @Test
    void contractItemsAreReadAcrossPages() {
        ProcoreConnector small = new ProcoreConnector(ConfigOverride.of(ProcoreConfig.class, config)
                .with("pageSize", 3).build(), caller, clock, mapper);
        ProcoreRequisition read = small.requisition(PROJECT, ProcoreDemoCases.INVOICE_WITH_MANY_LINES).await()
                .atMost(WAIT);
        assertEquals(held(ProcoreDemoCases.INVOICE_WITH_MANY_LINES).items().stream().map(i -> i.id()).toList(),
                read.items().stream().map(ProcoreContractItem::id).toList(), "all 20 lines, 7 pages of 3");
    }

    @Test
    void listsAProjectsInvoicesAcrossPages() {
        ProcoreConnector small = new ProcoreConnector(ConfigOverride.of(ProcoreConfig.class, config)
                .with("pageSize", 4).build(), caller, clock, mapper);
        List<ProcoreRequisition> listed = small.requisitions(PROJECT).await().atMost(WAIT);
        List<Long> expected = sandbox.procore().requisitions().matching(r -> r.projectId() == PROJECT).stream()
                .map(r -> r.id()).sorted().toList();
        assertEquals(expected, listed.stream().map(ProcoreRequisition::id).toList());
        ProcoreRequisition approved = listed.stream().filter(r -> r.id() == ProcoreDemoCases.APPROVED_INVOICE)
                .findFirst().orElseThrow();
        assertEquals(usd(held(ProcoreDemoCases.APPROVED_INVOICE).currentPaymentDue()), approved.currentPaymentDue());
        assertTrue(approved.items().isEmpty(), "lists carry no contract items");

        TrestleException missing = assertThrows(TrestleException.class,
                () -> connector.requisitions(999L).await().atMost(WAIT));
        assertEquals(ErrorCode.NOT_FOUND, missing.code());
    }

    @Test
    void readsBothKindsOfCommitmentAndRefusesUnknownOnes() {
        for (long id : ProcoreDemoCases.COMMITMENTS) {
            dev.trestle.sandbox.procore.ProcoreCommitment expected = sandbox.procore().commitments().get(id)
                    .orElseThrow();
            ProcoreCommitment read = connector.commitment(expected.projectId(), id).await().atMost(WAIT);
            ProcoreCommitment.Kind kind = ProcoreDemoCases.PURCHASE_ORDER_CONTRACTS.contains(id)
                    ? ProcoreCommitment.Kind.PURCHASE_ORDER_CONTRACT : ProcoreCommitment.Kind.WORK_ORDER_CONTRACT;
            assertEquals(kind, read.kind(), "commitment " + id);
            assertEquals(expected.number(), read.number());
            assertEquals(expected.title(), read.title());
            assertEquals(expected.status(), read.status());
            assertEquals(expected.vendorId(), read.vendorId());
            assertEquals(expected.projectId(), read.projectId());
            assertNull(read.currency(), "the sandbox company is single-currency");
        }
        TrestleException missing = assertThrows(TrestleException.class,
                () -> connector.commitment(PROJECT, 5_600_999_999L).await().atMost(WAIT));
        assertEquals(ErrorCode.NOT_FOUND, missing.code());
        assertTrue(missing.getMessage().contains("5600999999"), missing.getMessage());
        TrestleException noInvoice = assertThrows(TrestleException.class,
                () -> connector.requisition(PROJECT, 5_700_999_999L).await().atMost(WAIT));
        assertEquals(ErrorCode.NOT_FOUND, noInvoice.code());
        TrestleException otherProject = assertThrows(TrestleException.class, () -> connector.requisition(
                ProcoreDemoCases.INVOICE_PROJECT_NOT_EXPORTED, ProcoreDemoCases.APPROVED_INVOICE).await().atMost(WAIT));
        assertEquals(ErrorCode.NOT_FOUND, otherProject.code(), "an invoice is found only on its own project");
    }

    @Test
    void closeOutSetsOriginIdsAndReportsRefusalsWithProcoresMessage() {
        long approved = ProcoreDemoCases.APPROVED_INVOICE;
        long pending = ProcoreDemoCases.PENDING_OWNER_APPROVAL_INVOICE;
        long draft = ProcoreDemoCases.DRAFT_INVOICES.get(0);

        ProcoreSyncResult result = connector.closeOutInvoices(Map.of(approved, "7001", pending, "7002", draft, "7003"))
                .await().atMost(WAIT);

        assertEquals(Set.of(approved, pending), result.synced());
        assertEquals(Set.of(draft), result.rejected().keySet());
        assertTrue(result.rejected().get(draft).contains("draft"), result.rejected().get(draft));
        assertEquals("7001", held(approved).originId());
        assertEquals("7002", held(pending).originId());
        assertNull(held(draft).originId());
        assertEquals("7001", connector.requisition(PROJECT, approved).await().atMost(WAIT).originId());

        // The same close-out again (a retry after a lost answer) changes nothing and succeeds.
        ProcoreSyncResult again = connector.closeOutInvoices(Map.of(approved, "7001")).await().atMost(WAIT);
        assertEquals(Set.of(approved), again.synced());
        assertTrue(again.rejected().isEmpty());
        assertEquals("7001", held(approved).originId());
        assertTrue(held(approved).synced(), "synced invoices are read-only in Procore");

        // An origin id another invoice holds is refused, and the invoice keeps what it had.
        long other = ProcoreDemoCases.APPROVED_AS_NOTED_INVOICE;
        ProcoreSyncResult taken = connector.closeOutInvoices(Map.of(other, "7001")).await().atMost(WAIT);
        assertTrue(taken.synced().isEmpty());
        assertTrue(taken.rejected().get(other).contains("has already been taken"), taken.rejected().toString());
        assertNull(held(other).originId());

        assertThrows(IllegalArgumentException.class, () -> connector.closeOutInvoices(Map.of()));
    }
}
