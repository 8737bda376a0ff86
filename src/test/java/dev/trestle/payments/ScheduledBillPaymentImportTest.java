package dev.trestle.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.MoneyBackDemoCases;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.support.Database;
import dev.trestle.support.Hub;
import dev.trestle.support.MoneyBack;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scheduled bill payments import, with a cron of every second and a full read every five seconds: the one test
 * that turns it on.
 */
@QuarkusTest
@TestProfile(ScheduledBillPaymentImportTest.EverySecond.class)
class ScheduledBillPaymentImportTest {

    public static class EverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trestle.bill-payments.cron", "*/1 * * * * ?", "trestle.imports.full-every", "PT5S");
        }
    }

    @Inject
    Sandbox sandbox;
    @Inject
    Database database;

    @Test
    void theScheduleImportsThePaymentsOnceAndIdleRunsLeaveNoRequestBehind() throws InterruptedException {
        Hub.freshInstallation(sandbox, database);
        Thread.sleep(2_500); // a few ticks with nothing to import (the plain demo has no payments of Procore bills)
        assertEquals(0, database.count("SELECT count(*) FROM export_request WHERE kind = 'BILL_PAYMENTS'"),
                "an idle run opens no import");

        sandbox.resetWithMoneyBackDemo();
        MoneyBackDemoCases cases = sandbox.moneyBackCases();
        MoneyBack.linkExportedBills(cases);
        // The demo's payments are dated before the hub's first run; these are made now, as NetSuite users do.
        for (Long payment : List.of(cases.paymentOverSeveralBills(), cases.partialPayment(), cases.paymentToVoid(),
                cases.paymentToDelete())) {
            sandbox.netsuite().edit("vendorPayment", payment, fields -> { });
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        // Until the first scheduled import has landed all its writes (they go in several sync requests).
        while (System.nanoTime() < deadline && database.count("SELECT count(*) FROM export_request "
                + "WHERE kind = 'BILL_PAYMENTS' AND status = 'EXPORTED'") == 0) {
            Thread.sleep(200);
        }
        int written = sandbox.procore().contractPayments().count();
        assertTrue(written > 0, "the schedule imported the payments");
        Thread.sleep(2_500); // later ticks update, never add
        assertEquals(written, sandbox.procore().contractPayments().count());
        assertEquals("schedule", database.text(
                "SELECT requested_by FROM export_request WHERE kind = 'BILL_PAYMENTS' ORDER BY id LIMIT 1"));
        // A payment deleted in NetSuite is in no incremental answer: the next full read reports it.
        sandbox.netsuite().records("vendorPayment").remove(cases.paymentToDelete());
        long noticed = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < noticed && database.count("SELECT count(*) FROM import_run WHERE kind = 'BILL_PAYMENTS'"
                + " AND mode = 'FULL' AND notes LIKE '%" + cases.paymentToDelete() + "%deleted%'") == 0) {
            Thread.sleep(200);
        }
        assertTrue(database.count("SELECT count(*) FROM import_run WHERE kind = 'BILL_PAYMENTS' AND mode = 'FULL'"
                + " AND trigger = 'SCHEDULED' AND notes LIKE '%" + cases.paymentToDelete() + "%deleted%'") > 0,
                "a scheduled full read shows the deletion to a person");
        assertEquals(written, sandbox.procore().contractPayments().count(), "and deletes nothing in Procore");
        // Every tick is a run: the first read everything, the later ones what changed since.
        assertEquals("FULL", database.text("SELECT mode FROM import_run WHERE kind = 'BILL_PAYMENTS' ORDER BY id LIMIT 1"));
        assertTrue(database.count("SELECT count(*) FROM import_run WHERE kind = 'BILL_PAYMENTS' AND trigger = 'SCHEDULED'"
                + " AND mode = 'INCREMENTAL' AND status = 'SUCCEEDED' AND read_from IS NOT NULL") > 0);
    }
}
