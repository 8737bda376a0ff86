package dev.trestle.sandbox;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;

/**
 * The sandbox as a process of its own, for benchmarks that must not share a JVM with the hub
 * (the hub's production build does not contain the sandbox; {@code ./mvnw -f sandbox/pom.xml install}
 * builds this module's jar and copies its dependencies to {@code sandbox/target/lib}):
 * <pre>
 * java -cp 'sandbox/target/trestle-sandbox-0.1.0-SNAPSHOT.jar:sandbox/target/lib/*' \
 *   dev.trestle.sandbox.SandboxServer --port 8089 --precoro-users 50000 --netsuite-employees 50000 \
 *   --latency-ms 20 --netsuite-concurrency 5 --precoro-rps 1000
 * </pre>
 * Prints one line starting with {@code SANDBOX READY} once it listens.
 */
public final class SandboxServer {

    private SandboxServer() {
    }

    public static void main(String[] args) {
        int port = 8089;
        String host = "0.0.0.0";
        // The real services' figures unless a flag says otherwise (SandboxSettings.defaults() is for
        // unit tests, which need Precoro faster).
        SandboxSettings.Builder settings = SandboxSettings.defaults().toBuilder()
                .precoroRequestsPerSecond(1).precoroHourlyBudget(1500).precoroDailyBudget(3000);
        double userChangesPerSecond = 0;
        double errorRate = 0;
        double throttleRate = 0;
        double dropRate = 0;
        double malformedRate = 0;
        double hangRate = 0;
        java.util.List<String> webhookUrls = new java.util.ArrayList<>();
        Iterator<String> it = Arrays.asList(args).iterator();
        while (it.hasNext()) {
            String flag = it.next();
            if (flag.equals("--help") || flag.equals("-h")) {
                usage();
                return;
            }
            if (!it.hasNext()) {
                fail("missing value after " + flag);
            }
            String value = it.next();
            try {
                switch (flag) {
                    case "--port" -> port = Integer.parseInt(value);
                    case "--host" -> host = value;
                    case "--seed" -> settings.seed(Long.parseLong(value));
                    case "--precoro-users" -> settings.precoroUsers(Integer.parseInt(value));
                    case "--netsuite-employees" -> settings.netsuiteEmployees(Integer.parseInt(value));
                    case "--latency-ms" -> settings.netsuiteLatency(Duration.ofMillis(Long.parseLong(value)))
                            .precoroLatency(Duration.ofMillis(Long.parseLong(value)))
                            .procoreLatency(Duration.ofMillis(Long.parseLong(value)));
                    case "--netsuite-latency-ms" -> settings.netsuiteLatency(Duration.ofMillis(Long.parseLong(value)));
                    case "--precoro-latency-ms" -> settings.precoroLatency(Duration.ofMillis(Long.parseLong(value)));
                    case "--procore-latency-ms" -> settings.procoreLatency(Duration.ofMillis(Long.parseLong(value)));
                    case "--procore-vendors" -> settings.procoreGeneratedVendors(Integer.parseInt(value));
                    case "--procore-invoices" -> settings.procoreGeneratedInvoices(Integer.parseInt(value));
                    case "--procore-invoice-lines" -> settings.procoreGeneratedInvoiceLines(Integer.parseInt(value));
                    case "--netsuite-bill-payments" -> settings.netsuiteGeneratedBillPayments(Integer.parseInt(value));
                    case "--precoro-purchase-orders" -> settings.precoroGeneratedPurchaseOrders(Integer.parseInt(value));
                    case "--precoro-purchase-orders-pending" -> settings.precoroGeneratedPurchaseOrdersPending(bool(flag, value));
                    case "--precoro-webhook-url" -> webhookUrls.add(value);
                    case "--money-back-demo" -> settings.moneyBackDemo(Boolean.parseBoolean(value));
                    case "--procore-company-country" -> settings.procoreCompanyCountry(value);
                    case "--procore-hourly" -> settings.procoreRequestsPerWindow(Integer.parseInt(value))
                            .procoreRateWindow(Duration.ofHours(1));
                    case "--netsuite-concurrency" -> settings.netsuiteConcurrencyLimit(Integer.parseInt(value));
                    case "--precoro-rps" -> settings.precoroRequestsPerSecond(Integer.parseInt(value));
                    case "--precoro-hourly" -> settings.precoroHourlyBudget(Integer.parseInt(value));
                    case "--precoro-daily" -> settings.precoroDailyBudget(Integer.parseInt(value));
                    case "--precoro-duplicate-window-ms" ->
                            settings.precoroDuplicateWindow(Duration.ofMillis(Long.parseLong(value)));
                    case "--procore-spike" -> settings.procoreSpikeLimit(Integer.parseInt(value));
                    case "--procore-spike-window-ms" -> settings.procoreSpikeWindow(Duration.ofMillis(Long.parseLong(value)));
                    case "--procore-overload-concurrency" -> settings.procoreOverloadConcurrency(Integer.parseInt(value));
                    case "--precoro-user-changes-per-second" -> userChangesPerSecond = Double.parseDouble(value);
                    case "--error-rate" -> errorRate = Double.parseDouble(value);
                    case "--throttle-rate" -> throttleRate = Double.parseDouble(value);
                    case "--drop-rate" -> dropRate = Double.parseDouble(value);
                    case "--malformed-rate" -> malformedRate = Double.parseDouble(value);
                    case "--hang-rate" -> hangRate = Double.parseDouble(value);
                    default -> fail("unknown flag " + flag);
                }
            } catch (NumberFormatException e) {
                fail("not a number after " + flag + ": " + value);
            }
        }

        Sandbox sandbox = new Sandbox(settings.build());
        for (FaultKnobs knobs : new FaultKnobs[] {sandbox.netsuite().knobs(), sandbox.precoro().knobs(),
            sandbox.procore().knobs()}) {
            knobs.errorRate(errorRate).throttleRate(throttleRate).dropRate(dropRate).malformedRate(malformedRate)
                    .hangRate(hangRate);
        }

        // Registered once: the server never resets its sandbox (in Precoro a webhook is set up in the UI).
        webhookUrls.forEach(url -> sandbox.precoro().webhooks().register(url));

        Vertx vertx = Vertx.vertx();
        if (userChangesPerSecond > 0) {
            // A tenant at work: users edited in Precoro (re-saved, so their updateDate moves) at random.
            java.util.Random random = new java.util.Random(settings.build().seed());
            long every = Math.max(1, Math.round(1000 / userChangesPerSecond));
            vertx.setPeriodic(every, ignored -> {
                var users = sandbox.precoro().users();
                var user = users.slice(random.nextInt(users.size()), 1).get(0);
                users.changeEmail(user.id(), user.email());
            });
        }
        Router root = Router.router(vertx);
        root.route("/sandbox*").subRouter(sandbox.router(vertx));
        int listenPort = port;
        String listenHost = host;
        // One server per core: Vert.x spreads connections over them on the shared port.
        int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
        vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start(Promise<Void> started) {
                vertx.createHttpServer().requestHandler(root).listen(listenPort, listenHost)
                        .<Void>mapEmpty().onComplete(started);
            }
        }, new DeploymentOptions().setInstances(instances)).onComplete(result -> {
            if (result.failed()) {
                System.err.println("Sandbox failed to start: " + result.cause());
                vertx.close();
                System.exit(1);
            }
            System.out.printf("SANDBOX READY http://localhost:%d/sandbox netsuite-employees=%d precoro-users=%d "
                    + "netsuite-concurrency=%d precoro-rps=%d latency-ms=%d%n", listenPort,
                    sandbox.netsuite().employees().size(), sandbox.precoro().users().size(),
                    sandbox.netsuite().concurrency().limit(), sandbox.precoro().rateLimits().requestsPerSecond(),
                    sandbox.netsuite().knobs().latency().toMillis());
            System.out.flush();
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().toCompletionStage().toCompletableFuture().join()));
    }

    private static void usage() {
        System.out.println("""
                Usage: SandboxServer [--port 8089] [--host 0.0.0.0] [--seed 42]
                  [--precoro-users 300] [--netsuite-employees 300]
                  [--latency-ms 0 | --netsuite-latency-ms N --precoro-latency-ms N --procore-latency-ms N]
                  [--procore-vendors 0 (generated, beyond the demo ones)] [--procore-hourly 3600]
                  [--procore-invoices 0 (generated approved invoices) --procore-invoice-lines 10 (lines each)]
                  [--netsuite-bill-payments 0 (generated NetSuite bill payments, each applied in full to one
                   generated bill exported from a generated approved Procore invoice on its own commitment)]
                  [--money-back-demo false (bills paid in NetSuite, bills and journals for direct costs)]
                  [--precoro-purchase-orders 0 (generated approved Precoro POs after the purchasing demo's)]
                  [--precoro-purchase-orders-pending false (true: the generated POs start pending approval, and
                   POST /sandbox/records/precoro/purchaseorders/approve-pending approves them all at once)]
                  [--precoro-webhook-url URL (repeatable, at most 5: where PO create/update webhooks go)]
                  [--procore-company-country US]
                  [--netsuite-concurrency 5] [--precoro-rps 1] [--precoro-hourly 1500] [--precoro-daily 3000]
                  [--precoro-duplicate-window-ms 60000 (0: off)]
                  [--procore-spike 25 (0: no spike window) --procore-spike-window-ms 10000]
                  [--procore-overload-concurrency 20 (0: off)]
                  [--precoro-user-changes-per-second 0 (users re-saved at random, as a tenant at work)]
                  [--error-rate 0] [--throttle-rate 0] [--drop-rate 0] [--malformed-rate 0] [--hang-rate 0]""");
    }

    /** Exactly true or false: a typo must not silently mean false. */
    private static boolean bool(String flag, String value) {
        if (!value.equals("true") && !value.equals("false")) {
            fail("true or false after " + flag + ", not " + value);
        }
        return Boolean.parseBoolean(value);
    }

    private static void fail(String problem) {
        System.err.println(problem);
        usage();
        System.exit(2);
    }
}
