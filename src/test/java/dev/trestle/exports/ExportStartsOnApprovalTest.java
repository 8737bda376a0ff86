package dev.trestle.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trestle.sandbox.Sandbox;
import dev.trestle.support.Database;
import dev.trestle.support.Exports;
import dev.trestle.support.FreshDatabaseBeforeStart;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An approval starts delivery itself: with the poll an hour apart, only the wake-up on approval
 * can deliver the export within the test's deadline.
 */
@QuarkusTest
@TestProfile(ExportStartsOnApprovalTest.HourlyPoll.class)
class ExportStartsOnApprovalTest {

    public static class HourlyPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trestle.exports.poll-every", "1h");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            // The poll at start must find no outbox rows that an earlier test run left behind.
            return List.of(new TestResourceEntry(FreshDatabaseBeforeStart.class));
        }
    }

    @Inject
    Sandbox sandbox;

    @Inject
    Database database;

    @Test
    void anApprovalDeliversWithoutWaitingForThePoll() {
        Hub.freshInstallation(sandbox, database);
        Exports.designate("approver-user");
        String vendor = Long.toString(sandbox.procoreDemoCases().procoreOnlyVendors().get(0));
        String id = Exports.request("VENDOR", vendor).getString("data.requestExport.id");

        Exports.approve(id);

        Exports.awaitStatus(id, "EXPORTED");
        assertEquals(1, sandbox.netsuite().records("vendor").creates());
    }
}
