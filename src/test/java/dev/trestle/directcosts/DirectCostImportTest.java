package dev.trestle.directcosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.projects.ProjectTestData;
import dev.trestle.sandbox.Fault;
import dev.trestle.sandbox.MoneyBackDemoCases;
import dev.trestle.sandbox.ProcoreDemoCases;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.sandbox.procore.ProcoreDirectCost;
import dev.trestle.sandbox.procore.ProcoreDirectCostLine;
import dev.trestle.support.Database;
import dev.trestle.support.Exports;
import dev.trestle.support.GraphQL;
import dev.trestle.support.MoneyBack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * NetSuite vendor bills entered in NetSuite and journal entries imported as Procore direct costs, through the
 * outbox, against the sandbox's money-back demo: one bill and one journal map entirely, one bill and one journal
 * have a line on the travel account that nothing maps, one bill is costed to a job that is no exported project.
 */
@QuarkusTest
class DirectCostImportTest {

    private static final String IMPORT = """
            mutation($full: Boolean) { requestImport(input: {kind: DIRECT_COSTS, full: $full}) {
              requestId status created skipped failed pending notes
              run { id kind mode trigger requestedBy status readFrom scanned queued skipped notes exportRequestId } } }""";
    private static final long PROJECT = ProcoreDemoCases.LINKED_PROJECT;

    @Inject
    Sandbox sandbox;
    @Inject
    Database database;

    private MoneyBackDemoCases cases;

    @BeforeEach
    void demo() {
        cases = MoneyBack.demo(sandbox, database);
        ProjectTestData.linkDemoRecords(sandbox, database);
    }

    private static JsonPath importDirectCosts(boolean full) {
        JsonPath answer = GraphQL.as("requester", IMPORT, Map.of("full", full));
        assertNull(answer.get("errors"), answer.prettify());
        return answer;
    }

    private long wbs(String flatCode) {
        return sandbox.procore().costStructure().wbsCodes(PROJECT).stream()
                .filter(code -> flatCode.equals(code.flatCode())).findFirst().orElseThrow().id();
    }

    private ProcoreDirectCost directCost(String kind, long documentId) {
        return sandbox.procore().directCosts().byOriginId("netsuite-" + kind + "-" + documentId + "-project-" + PROJECT)
                .orElseThrow(() -> new AssertionError("no direct cost of " + kind + " " + documentId));
    }

    /** The lines of a direct cost: amount by WBS code id. */
    private Map<Long, BigDecimal> lines(ProcoreDirectCost cost) {
        return sandbox.procore().directCostLines().matching(line -> line.directCostId() == cost.id()).stream()
                .collect(Collectors.toMap(ProcoreDirectCostLine::wbsCodeId, ProcoreDirectCostLine::amount));
    }

    @Test
    void billsAndJournalsOnTheExportedProjectBecomeDirectCostsToTheCentAndARepeatAddsNothing() {
        JsonPath first = importDirectCosts(false);

        assertEquals("EXPORTED", first.getString("data.requestImport.status"), first.prettify());
        assertEquals(2, first.getInt("data.requestImport.created"), first.prettify());
        ProcoreDirectCost bill = directCost("bill", cases.billsNotFromProcore().get(0));
        assertEquals("invoice", bill.type());
        assertEquals(ProcoreDemoCases.LINKED_VENDOR_A, bill.vendorId(), "the linked Procore vendor");
        assertEquals("ACME-EQ-311", bill.invoiceNumber());
        assertEquals(Map.of(wbs("03-300.M"), new BigDecimal("1250.00"), wbs("01-100.E"), new BigDecimal("640.00")),
                lines(bill), "the item line on its exported cost code, the expense line on its mapped account");
        ProcoreDirectCost journal = directCost("journal", cases.journals().get(0));
        assertEquals("expense", journal.type());
        assertNull(journal.vendorId());
        assertEquals(Map.of(wbs("01-100.E"), new BigDecimal("1200.00"), wbs("01-100.M"), new BigDecimal("310.45")),
                lines(journal), "the accrual credit is costed to no project and stays in NetSuite");
        assertEquals(2, sandbox.procore().directCosts().count(), "the held ones and the other job's are not written");

        List<String> notes = first.getList("data.requestImport.notes");
        assertTrue(notes.stream().anyMatch(n -> n.contains("Bill BRE-7781") && n.contains("account 63")
                && n.contains("held")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("Journal JE-1102") && n.contains("account 63")),
                notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("ACME-EQ-312") && n.contains("no exported project")),
                notes.toString());
        assertEquals(notes, first.getList("data.requestImport.run.notes"), "the run keeps the notes");

        JsonPath again = importDirectCosts(true);
        assertEquals("EXPORTED", again.getString("data.requestImport.status"), again.prettify());
        assertEquals(2, sandbox.procore().directCosts().count(), "upserts by origin id: nothing twice");
        assertEquals(4, sandbox.procore().directCostLines().count());
    }

    @Test
    void aBillChangedInNetSuiteAfterItsImportUpdatesTheSameDirectCost() {
        importDirectCosts(false);
        long billId = cases.billsNotFromProcore().get(0);
        ProcoreDirectCost before = directCost("bill", billId);
        sandbox.netsuite().edit("vendorBill", billId, fields ->
                fields.getJsonObject("expense").getJsonArray("items").getJsonObject(0).put("amount", 702.15));

        JsonPath after = importDirectCosts(false);

        assertEquals("INCREMENTAL", after.getString("data.requestImport.run.mode"), after.prettify());
        assertEquals(1, after.getInt("data.requestImport.created"), after.prettify());
        ProcoreDirectCost updated = directCost("bill", billId);
        assertEquals(before.id(), updated.id(), "the same direct cost");
        assertEquals(new BigDecimal("702.15"), lines(updated).get(wbs("01-100.E")));
        assertEquals(2, sandbox.procore().directCosts().count());
        assertEquals(4, sandbox.procore().directCostLines().count(), "lines are updated, not added");
    }

    @Test
    void aDocumentVoidedAfterItsImportIsShownAsDriftAndNothingIsDeletedInProcore() {
        importDirectCosts(false);
        long journalId = cases.journals().get(0);
        sandbox.netsuite().edit("journalEntry", journalId, fields -> fields.put("voided", true));

        JsonPath after = importDirectCosts(false);

        List<String> notes = after.getList("data.requestImport.notes");
        assertTrue(notes.stream().anyMatch(n -> n.contains("Journal " + journalId) && n.contains("voided")),
                notes.toString());
        assertEquals(2, sandbox.procore().directCosts().count(), "never deleted by the hub");
    }

    @Test
    void aDirectCostProcoreRefusesFailsAloneWithProcoresMessageAndLandsOnceFixedWithoutTheOthersWrittenTwice() {
        // The bill's vendor is linked to a company Procore does not have (deleted in Procore since).
        database.execute("UPDATE record_link SET left_id = '5099999999' WHERE kind = 'VENDOR' AND right_id = '"
                + ProcoreDemoCases.LINKED_VENDOR_A_NETSUITE + "'");

        JsonPath refused = importDirectCosts(false);

        assertEquals("FAILED", refused.getString("data.requestImport.status"), refused.prettify());
        assertEquals(List.of(1, 1), List.of(refused.getInt("data.requestImport.created"),
                refused.getInt("data.requestImport.failed")));
        String requestId = refused.getString("data.requestImport.requestId");
        String detail = database.text("SELECT last_error_detail FROM export_delivery WHERE status = 'FAILED'"
                + " AND export_request_id = " + requestId);
        assertTrue(detail.contains("vendor_id") && detail.contains("is not a vendor of this company"), detail);
        assertEquals(1, sandbox.procore().directCosts().count(), "the journal's direct cost landed");
        long journalLineSyncs = sandbox.procore().requests().count("PATCH",
                "/rest/v1.0/projects/" + PROJECT + "/direct_costs/line_items/sync");

        database.execute("UPDATE record_link SET left_id = '" + ProcoreDemoCases.LINKED_VENDOR_A
                + "' WHERE kind = 'VENDOR' AND right_id = '" + ProcoreDemoCases.LINKED_VENDOR_A_NETSUITE + "'");
        // The bill did not change in NetSuite: a full read (daily by the schedule, or asked for) plans it again.
        JsonPath fixed = importDirectCosts(true);

        assertEquals("EXPORTED", fixed.getString("data.requestImport.status"), fixed.prettify());
        assertEquals(1, fixed.getInt("data.requestImport.created"), "the bill's direct cost alone");
        assertEquals(2, sandbox.procore().directCosts().count());
        assertEquals(4, sandbox.procore().directCostLines().count());
        assertEquals(journalLineSyncs + 1, sandbox.procore().requests().count("PATCH",
                "/rest/v1.0/projects/" + PROJECT + "/direct_costs/line_items/sync"), "one line sync, the bill's");
    }

    @Test
    void aSyncThatLandedButWhoseAnswerWasLostIsWrittenAgainAndEveryDirectCostAndLineExistsOnce() {
        // The first write (the project's direct costs sync) lands in Procore; its answer never comes back.
        sandbox.procore().knobs().failNextWrites(1, Fault.COMMIT_THEN_DROP);

        String requestId = importDirectCosts(false).getString("data.requestImport.requestId");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (database.count("SELECT count(*) FROM export_request WHERE status = 'EXPORTED' AND id = " + requestId) == 0) {
            assertTrue(System.nanoTime() < deadline, "the import did not land: " + Exports.auditActions(requestId));
            Exports.pause(200);
        }

        assertEquals(0, sandbox.procore().knobs().scriptedFaultsLeft());
        assertTrue(sandbox.procore().requests().count("PATCH", "/rest/v1.0/projects/" + PROJECT + "/direct_costs/sync") >= 2,
                "the sync was sent again");
        assertEquals(2, sandbox.procore().directCosts().count());
        assertEquals(4, sandbox.procore().directCostLines().count());
        assertEquals(2, database.count("SELECT count(*) FROM record_link WHERE kind = 'DIRECT_COST' AND unlinked_at IS NULL"));
    }
}
