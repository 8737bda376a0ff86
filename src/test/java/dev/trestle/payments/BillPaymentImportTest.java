package dev.trestle.payments;

import static dev.trestle.support.GraphQL.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.links.Links;
import dev.trestle.sandbox.Fault;
import dev.trestle.sandbox.MoneyBackDemoCases;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.sandbox.procore.ProcoreContractPayment;
import dev.trestle.support.Database;
import dev.trestle.support.Exports;
import dev.trestle.support.GraphQL;
import dev.trestle.support.MoneyBack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * NetSuite bill payments imported as Procore commitment payments, through the outbox, against the
 * sandbox's money-back demo: bills exported from Procore invoices and the payments NetSuite made.
 */
@QuarkusTest
class BillPaymentImportTest {

    private static final String IMPORT = """
            mutation { requestImport(input: {kind: BILL_PAYMENTS}) { requestId status created skipped failed pending notes } }""";
    private static final String RUN_IMPORT = """
            mutation { requestImport(input: {kind: BILL_PAYMENTS}) { requestId status notes run { mode readFrom scanned } } }""";
    /** Reads every payment NetSuite has: the only way to see one deleted there. */
    private static final String FULL_IMPORT = """
            mutation { requestImport(input: {kind: BILL_PAYMENTS, full: true}) {
              requestId status created skipped failed pending notes run { mode readFrom scanned } } }""";

    @Inject
    Sandbox sandbox;
    @Inject
    Database database;
    @Inject
    Links links;

    private MoneyBackDemoCases cases;

    @BeforeEach
    void demo() {
        // The bills were exported from the Procore invoices: the hub holds their links.
        cases = MoneyBack.demo(sandbox, database);
    }

    private Map<String, BigDecimal> commitmentPayments() {
        return sandbox.procore().contractPayments().all().stream()
                .collect(Collectors.toMap(ProcoreContractPayment::originId, ProcoreContractPayment::amount));
    }

    /** What NetSuite applied to each Procore bill, by the origin id the hub derives. */
    private Map<String, BigDecimal> appliedInNetSuite(Long... paymentIds) {
        Map<String, BigDecimal> applied = new java.util.HashMap<>();
        for (Long paymentId : paymentIds) {
            var payment = sandbox.netsuite().records("vendorPayment").get(paymentId).orElseThrow();
            for (Object line : payment.fields().getJsonObject("apply").getJsonArray("items")) {
                var application = (io.vertx.core.json.JsonObject) line;
                String bill = application.getJsonObject("doc").getValue("id").toString();
                if (cases.procoreBills().contains(Long.parseLong(bill)) && application.getBoolean("apply", true)) {
                    applied.put(CommitmentPaymentPlanner.originId(Long.toString(paymentId), bill),
                            new BigDecimal(application.getValue("amount").toString()).setScale(2));
                }
            }
        }
        return applied;
    }

    @Test
    void eachPaymentOfAProcoreBillBecomesOneCommitmentPaymentForTheAmountAppliedAndARepeatAddsNothing() {
        JsonPath first = GraphQL.as("requester", IMPORT);

        assertNull(first.get("errors"), first.prettify());
        assertEquals("EXPORTED", first.getString("data.requestImport.status"), first.prettify());
        Map<String, BigDecimal> expected = appliedInNetSuite(cases.paymentOverSeveralBills(), cases.partialPayment(),
                cases.paymentToVoid(), cases.paymentToDelete());
        assertEquals(expected.keySet().size(), first.getInt("data.requestImport.created"));
        Map<String, BigDecimal> written = commitmentPayments();
        assertEquals(expected.keySet(), written.keySet(), "one per (payment, bill); none for the payment voided before");
        expected.forEach((origin, amount) -> assertEquals(0, amount.compareTo(written.get(origin)), origin));

        JsonPath again = GraphQL.as("requester", IMPORT);
        assertNull(again.get("errors"), again.prettify());
        assertEquals(written.keySet(), commitmentPayments().keySet(), "upserts by origin id: nothing twice");
        assertEquals(written.size(), sandbox.procore().contractPayments().count());
    }

    @Test
    void paymentsNetSuiteHasNotChangedSinceTheDayTheyWereWrittenAreNotWrittenAgain() {
        assertEquals("EXPORTED", GraphQL.as("requester", IMPORT).getString("data.requestImport.status"));
        // As if written two days from now: NetSuite's last change (today) is before it.
        database.execute("UPDATE record_link SET linked_at = now() + interval '2 days' WHERE kind = 'COMMITMENT_PAYMENT'");
        long syncs = sandbox.procore().requests().count("PATCH", "/rest/v1.0/companies/" + sandbox.settings().procoreCompanyId()
                + "/invoice_payments/sync");

        JsonPath again = GraphQL.as("requester", FULL_IMPORT);

        assertNull(again.get("errors"), again.prettify());
        assertEquals(0, again.getInt("data.requestImport.created"));
        assertEquals(syncs, sandbox.procore().requests().count("PATCH", "/rest/v1.0/companies/"
                + sandbox.settings().procoreCompanyId() + "/invoice_payments/sync"), "no Procore write");
    }

    @Test
    void anIncrementalRunReadsOnlyWhatNetSuiteChangedSinceTheWatermarkAndMovesItOnlyWhenItSucceeds() throws Exception {
        JsonPath first = GraphQL.as("requester", RUN_IMPORT);
        assertEquals("FULL", first.getString("data.requestImport.run.mode"), "no watermark yet: everything is read");
        int payments = sandbox.netsuite().records("vendorPayment").count();
        assertEquals(payments, first.getInt("data.requestImport.run.scanned"));
        assertTrue(database.count("SELECT count(*) FROM import_watermark WHERE kind = 'BILL_PAYMENTS'"
                + " AND read_from < now() - interval '9 minutes'") == 1, "the moment it asked, minus the overlap");

        // As if the last run had asked after every change NetSuite holds.
        database.execute("UPDATE import_watermark SET read_from = now() + interval '1 second'");
        Thread.sleep(2_000);
        JsonPath idle = GraphQL.as("requester", RUN_IMPORT);
        assertEquals("INCREMENTAL", idle.getString("data.requestImport.run.mode"), idle.prettify());
        assertNotNull(idle.get("data.requestImport.run.readFrom"));
        assertEquals(0, idle.getInt("data.requestImport.run.scanned"), "nothing changed since");

        database.execute("UPDATE import_watermark SET read_from = now()");
        Thread.sleep(1_100);
        sandbox.netsuite().voidPayment(cases.paymentToVoid());
        JsonPath changed = GraphQL.as("requester", RUN_IMPORT);
        assertEquals(1, changed.getInt("data.requestImport.run.scanned"), "the voided payment alone");
        assertTrue(changed.<String>getList("data.requestImport.notes").stream().anyMatch(n -> n.contains("voided")));

        // A run that fails leaves the watermark where it was: the next one reads it all again.
        String watermark = database.text("SELECT read_from::text FROM import_watermark WHERE kind = 'BILL_PAYMENTS'");
        sandbox.netsuite().knobs().errorRate(1.0);
        JsonPath failed = GraphQL.as("requester", RUN_IMPORT);
        sandbox.netsuite().knobs().errorRate(0);
        assertTrue(errorCode(failed).startsWith("UPSTREAM_"), failed.prettify());
        assertEquals(watermark, database.text("SELECT read_from::text FROM import_watermark WHERE kind = 'BILL_PAYMENTS'"));
        JsonPath runs = GraphQL.as("viewer", "{ importRuns(kind: BILL_PAYMENTS, first: 1) { status errorCode error } }");
        assertEquals("FAILED", runs.getString("data.importRuns[0].status"), runs.prettify());
        assertEquals(errorCode(failed), runs.getString("data.importRuns[0].errorCode"));
    }

    @Test
    void aSyncThatLandedButTimedOutIsWrittenAgainAndEveryCommitmentPaymentExistsOnce() {
        // The first invoice payments sync lands in Procore and then answers only after the hub's timeout.
        sandbox.procore().knobs().hangDuration(Duration.ofSeconds(3)).failNextWrites(1, Fault.COMMIT_THEN_HANG);
        Map<String, BigDecimal> expected = appliedInNetSuite(cases.paymentOverSeveralBills(), cases.partialPayment(),
                cases.paymentToVoid(), cases.paymentToDelete());

        String requestId = GraphQL.as("requester", IMPORT).getString("data.requestImport.requestId");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (database.count("SELECT count(*) FROM export_request WHERE status = 'EXPORTED' AND id = " + requestId) == 0) {
            assertTrue(System.nanoTime() < deadline, "the import did not land");
            Exports.pause(200);
        }

        assertEquals(0, sandbox.procore().knobs().scriptedFaultsLeft(), "the sync met the hang");
        assertTrue(sandbox.procore().requests().count("PATCH", "/rest/v1.0/companies/"
                + sandbox.settings().procoreCompanyId() + "/invoice_payments/sync") >= 2, "the sync was sent again");
        assertEquals(expected.keySet(), commitmentPayments().keySet());
        assertEquals(expected.size(), sandbox.procore().contractPayments().count(), "none twice");
    }

    @Test
    void paymentsVoidedOrDeletedAfterTheImportAreShownAsDriftAndNothingIsDeletedInProcore() {
        assertEquals("EXPORTED", GraphQL.as("requester", IMPORT).getString("data.requestImport.status"));
        int written = sandbox.procore().contractPayments().count();
        sandbox.netsuite().voidPayment(cases.paymentToVoid());
        sandbox.netsuite().records("vendorPayment").remove(cases.paymentToDelete());

        // What changed since the last run: the voided payment; the deleted one is in no answer.
        JsonPath changed = GraphQL.as("requester", IMPORT);
        assertNull(changed.get("errors"), changed.prettify());
        List<String> changedNotes = changed.getList("data.requestImport.notes");
        assertTrue(changedNotes.stream().anyMatch(n -> n.contains("voided") && n.contains(cases.paymentToVoid().toString())),
                changedNotes.toString());

        JsonPath after = GraphQL.as("requester", FULL_IMPORT);

        assertNull(after.get("errors"), after.prettify());
        assertEquals("FULL", after.getString("data.requestImport.run.mode"));
        assertNull(after.get("data.requestImport.run.readFrom"));
        List<String> notes = after.getList("data.requestImport.notes");
        assertTrue(notes.stream().anyMatch(n -> n.contains("voided") && n.contains(cases.paymentToVoid().toString())),
                notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("deleted") && n.contains(cases.paymentToDelete().toString())),
                notes.toString());
        assertEquals(written, sandbox.procore().contractPayments().count(), "never deleted nor zeroed by the hub");
    }

    @Test
    void anEntryProcoreRefusesFailsAloneWithProcoresMessageAndTheOthersLand() {
        // The first bill's link points at an invoice Procore does not have (deleted in Procore since).
        String bill = Long.toString(cases.procoreBills().get(0));
        database.execute("UPDATE record_link SET left_id = '5799999999' WHERE kind = 'BILL' AND right_id = '" + bill + "'");
        Map<String, BigDecimal> expected = appliedInNetSuite(cases.paymentOverSeveralBills(), cases.partialPayment(),
                cases.paymentToVoid(), cases.paymentToDelete());
        long refused = expected.keySet().stream().filter(origin -> origin.endsWith("-bill-" + bill)).count();
        assertTrue(refused > 0, "the demo pays the first bill");

        JsonPath result = GraphQL.as("requester", IMPORT);

        assertNull(result.get("errors"), result.prettify());
        assertEquals("FAILED", result.getString("data.requestImport.status"), result.prettify());
        assertEquals(refused, result.getInt("data.requestImport.failed"));
        assertEquals(expected.size() - refused, result.getInt("data.requestImport.created"));
        assertEquals(expected.size() - refused, sandbox.procore().contractPayments().count(), "the others landed");
        String trail = GraphQL.as("viewer", "{ auditTrail(subjectId: \"" + result.getString("data.requestImport.requestId")
                + "\") { action details } }").prettify();
        assertTrue(trail.contains("not found"), "Procore's message is kept: " + trail);
    }

    @Test
    void aCompanyOutsideTheUsIsRefusedWithTheReasonAndNothingIsWritten() {
        sandbox.procore().companyCountry("CA");

        JsonPath refused = GraphQL.as("requester", IMPORT);

        assertEquals("NOT_SUPPORTED", errorCode(refused), refused.prettify());
        assertTrue(refused.getString("errors[0].message").contains("US companies only"), refused.prettify());
        assertEquals(0, sandbox.procore().contractPayments().count());
    }

    @Test
    void viewersMayNotImport() {
        assertEquals("FORBIDDEN", errorCode(GraphQL.as("viewer", IMPORT)));
    }
}
