package dev.trestle.directcosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.connectors.UpstreamSystem;
import dev.trestle.connectors.procore.ProcoreDirectCost;
import dev.trestle.links.RecordRef;
import dev.trestle.money.Money;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Origin ids of direct costs read back as the NetSuite documents they came from; pure, without Quarkus. */
class DirectCostOriginTest {

    @Test
    void theOriginIdsThePlannerWritesReadBackAsTheirDocumentAndProject() {
        CostDocument bill = new CostDocument(CostDocument.Type.BILL, "4000123", "INV-1", null, "77", List.of());
        CostDocument journal = new CostDocument(CostDocument.Type.JOURNAL, "4000456", "JE-1", null, null, List.of());

        assertEquals(Optional.of(new DirectCostOrigin(CostDocument.Type.BILL, "4000123", 5100000001L)),
                DirectCostOrigin.parse(DirectCostPlanner.originId(bill, 5100000001L)));
        DirectCostOrigin fromJournal = DirectCostOrigin.parse(DirectCostPlanner.originId(journal, 5100000008L))
                .orElseThrow();
        assertEquals(new DirectCostOrigin(CostDocument.Type.JOURNAL, "4000456", 5100000008L), fromJournal);
        assertEquals("journalEntry", fromJournal.netsuiteRecordType());
        assertEquals("vendorBill", DirectCostOrigin.parse("netsuite-bill-1-project-2").orElseThrow()
                .netsuiteRecordType());
    }

    @Test
    void anythingElseIsNotTheHubs() {
        for (String other : List.of("", "netsuite-bill-", "netsuite-bill-12", "netsuite-bill-12-project-",
                "netsuite-invoice-12-project-3", "netsuite-bill-12-project-3-line-1", "ns-bill-12",
                "netsuite-payment-1-bill-2", "NETSUITE-BILL-12-PROJECT-3", "netsuite-bill-1x-project-3",
                "netsuite-bill-1234567890123456789-project-3", " netsuite-bill-12-project-3")) {
            assertTrue(DirectCostOrigin.parse(other).isEmpty(), other);
        }
        assertTrue(DirectCostOrigin.parse(null).isEmpty());
    }

    @Test
    void aDirectCostNamesItsDocumentOnlyOnTheProjectItsOriginIdNames() {
        ProcoreDirectCost ours = cost("netsuite-journal-4000456-project-5100000001", "expense");
        assertEquals(new RecordRef(UpstreamSystem.NETSUITE, "journalEntry", "4000456"),
                DirectCostCatalog.directCost(5100000001L, ours).netsuiteDocument());
        assertNull(DirectCostCatalog.directCost(5100000002L, ours).netsuiteDocument());
        DirectCost foreign = DirectCostCatalog.directCost(5100000001L, cost("qb-77", "payroll"));
        assertNull(foreign.netsuiteDocument());
        assertEquals(DirectCostType.PAYROLL, foreign.type());
        assertNull(DirectCostCatalog.directCost(5100000001L, cost(null, "rent")).type(), "a type the hub does not know");
        assertEquals(Money.parse("10.05", "USD"), foreign.amount());
    }

    private static ProcoreDirectCost cost(String originId, String type) {
        return new ProcoreDirectCost(5900000001L, type, null, null, "approved", null, null, null,
                Money.parse("10.05", "USD"), null, null, null, originId, null, null);
    }
}
