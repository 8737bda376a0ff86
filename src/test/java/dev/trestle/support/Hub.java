package dev.trestle.support;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.trestle.connectors.Upstream;
import dev.trestle.connectors.UpstreamCaller;
import dev.trestle.connectors.UpstreamSystem;
import dev.trestle.connectors.precoro.PrecoroConnector;
import dev.trestle.employees.EmployeeRecords;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.suppliers.RecentSuppliers;
import io.quarkus.arc.Arc;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.enterprise.util.AnnotationLiteral;
import java.time.Duration;
import java.util.Map;

/** Operations on the running hub that several tests need, through its GraphQL API. */
public final class Hub {

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

    private Hub() {
    }

    /**
     * A fresh installation before each test: demo data and default knobs in the sandbox, an
     * empty hub database, and closed circuit breakers (a previous test may have opened them).
     * Waits first for export deliveries of earlier tests to end: one still running (a retry in
     * back-off, a claim taken over) would otherwise write into the fresh sandbox.
     */
    public static void freshInstallation(Sandbox sandbox, Database database) {
        awaitNoExportDeliveries();
        freshSystems(sandbox);
        database.reset();
    }

    /**
     * The simulated systems as new (demo data, default knobs, their limit windows empty) and the
     * hub's view of them to match: closed circuit breakers, full budgets, and no memory of what it
     * asked Precoro within its duplicate window or of the answers.
     */
    public static void freshSystems(Sandbox sandbox) {
        sandbox.reset();
        CircuitBreakerMaintenance.get().resetAll();
        for (UpstreamSystem system : UpstreamSystem.values()) {
            caller(system).budget().reset();
        }
        Arc.container().instance(PrecoroConnector.class).get().forgetAsked();
        Arc.container().instance(EmployeeRecords.class).get().forgetAnswers();
        Arc.container().instance(RecentSuppliers.class).get().forget();
    }

    /** The hub's caller of one system (its budget, its governor). */
    public static UpstreamCaller caller(UpstreamSystem system) {
        return Arc.container().instance(UpstreamCaller.class, new UpstreamLiteral(system)).get();
    }

    private static final class UpstreamLiteral extends AnnotationLiteral<Upstream> implements Upstream {
        private final UpstreamSystem system;

        UpstreamLiteral(UpstreamSystem system) {
            this.system = system;
        }

        @Override
        public UpstreamSystem value() {
            return system;
        }
    }

    /** Turns Sync Employee on as an admin and waits for the initial run to finish; returns that run. */
    public static Map<String, Object> enableEmployeeSync() {
        JsonPath response = GraphQL.as("admin",
                "mutation { enableEmployeeSync(confirm: true) { initialRun { id status } } }");
        assertNull(response.get("errors"), response.prettify());
        return awaitRun(response.getLong("data.enableEmployeeSync.initialRun.id"));
    }

    /** Asks for an employee sync as an admin and waits for it; returns the finished run. */
    public static Map<String, Object> runEmployeeSync() {
        JsonPath response = GraphQL.as("admin", "mutation { runEmployeeSync { id status } }");
        assertNull(response.get("errors"), response.prettify());
        return awaitRun(response.getLong("data.runEmployeeSync.id"));
    }

    /** Asks for a FULL employee sync (a reconcile) as an admin and waits for it; returns the finished run. */
    public static Map<String, Object> reconcileEmployees() {
        JsonPath response = GraphQL.as("admin", "mutation { runEmployeeSync(full: true) { id status } }");
        assertNull(response.get("errors"), response.prettify());
        return awaitRun(response.getLong("data.runEmployeeSync.id"));
    }

    /** Polls syncRuns until the run has finished. */
    public static Map<String, Object> awaitRun(long runId) {
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath runs = GraphQL.as("viewer", """
                    { syncRuns(first: 20) { id kind mode trigger requestedBy status startedAt finishedAt
                                            scanned mapped notMapped conflicts unchanged error } }""");
            for (Map<String, Object> run : runs.<Map<String, Object>>getList("data.syncRuns")) {
                if (Long.parseLong(run.get("id").toString()) == runId && !"RUNNING".equals(run.get("status"))) {
                    return run;
                }
            }
            pause();
        }
        return fail("sync run " + runId + " did not finish within " + RUN_TIMEOUT);
    }

    private static void awaitNoExportDeliveries() {
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        while (exportDeliveriesInFlight() > 0) {
            if (System.nanoTime() > deadline) {
                fail("export deliveries still running after " + RUN_TIMEOUT);
            }
            pause();
        }
    }

    private static double exportDeliveriesInFlight() {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : metrics.split("\n")) {
            if (line.startsWith("trestle_exports_in_flight")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return fail("no trestle_exports_in_flight gauge on /q/metrics");
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
