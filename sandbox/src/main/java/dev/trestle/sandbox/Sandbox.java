package dev.trestle.sandbox;

import dev.trestle.sandbox.netsuite.NetSuiteSandbox;
import dev.trestle.sandbox.precoro.PrecoroSandbox;
import dev.trestle.sandbox.precoro.PurchaseOrder;
import dev.trestle.sandbox.precoro.RateLimiter;
import dev.trestle.sandbox.precoro.Webhooks;
import dev.trestle.sandbox.procore.ProcoreContractPayment;
import dev.trestle.sandbox.procore.ProcoreSandbox;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Instant;
import java.util.Set;

/**
 * The simulated upstream systems of the hub, with their demo data. Plain Vert.x Web, no CDI, so
 * the same object serves the dev-mode hub, the tests and the standalone benchmark server.
 * {@link #router(Vertx)} answers {@code /netsuite/*}, {@code /precoro/*} and {@code /procore/*}; mount it where the
 * connectors expect it ({@code /sandbox}).
 */
public final class Sandbox {

    private final SandboxSettings settings;
    private final NetSuiteSandbox netsuite;
    private final PrecoroSandbox precoro;
    private final ProcoreSandbox procore;
    private volatile DemoCases demoCases;
    private volatile ProcoreDemoCases procoreDemoCases;
    private volatile MoneyBackDemoCases moneyBackCases = MoneyBackDemoCases.none();
    private volatile PurchasingDemoCases purchasingCases;

    public Sandbox(SandboxSettings settings) {
        this.settings = settings;
        this.netsuite = new NetSuiteSandbox(new NetSuiteSandbox.NetSuiteCredentials(settings.netsuiteAccountId(),
                settings.netsuiteConsumerKey(), settings.netsuiteConsumerSecret(), settings.netsuiteTokenId(),
                settings.netsuiteTokenSecret()), settings.netsuiteConcurrencyLimit(), settings.netsuiteLatency(),
                settings.seed(), settings.clock());
        RateLimiter precoroLimits = new RateLimiter(settings.clock(), settings.precoroRequestsPerSecond(),
                settings.precoroHourlyBudget(), settings.precoroDailyBudget(), settings.precoroDuplicateWindow());
        // A different stream of chance per system, so that knobs on one do not shift the other's faults.
        this.precoro = new PrecoroSandbox(settings.precoroApiToken(), settings.precoroEmail(), precoroLimits,
                settings.precoroLatency(), settings.seed() + 1, settings.clock());
        this.procore = new ProcoreSandbox(new ProcoreSandbox.ProcoreCredentials(settings.procoreClientId(),
                settings.procoreClientSecret(), settings.procoreCompanyId(), ProcoreDemoCases.COMPANY_NAME),
                settings.procoreTokenLifetime(), new ProcoreSandbox.Limits(settings.procoreRequestsPerWindow(),
                settings.procoreRateWindow(), settings.procoreSpikeLimit(), settings.procoreSpikeWindow(),
                settings.procoreOverloadConcurrency(), settings.procoreOverloadRetryAfter()),
                settings.procoreLatency(), settings.seed() + 2, settings.clock());
        reset();
    }

    public SandboxSettings settings() {
        return settings;
    }

    public NetSuiteSandbox netsuite() {
        return netsuite;
    }

    public PrecoroSandbox precoro() {
        return precoro;
    }

    public ProcoreSandbox procore() {
        return procore;
    }

    /** Which Procore and NetSuite vendor/project demo ids are which matching case. */
    public ProcoreDemoCases procoreDemoCases() {
        return procoreDemoCases;
    }

    /** Which records of the money-back demo are which case (empty lists and nulls when it is off). */
    public MoneyBackDemoCases moneyBackCases() {
        return moneyBackCases;
    }

    /** Which Precoro suppliers and purchase orders are which case of sending POs to NetSuite ({@link PurchasingDemoData}). */
    public PurchasingDemoCases purchasingDemoCases() {
        return purchasingCases;
    }

    /** Which demo ids are which matcher case; describes the data as of the last {@link #reset()}. */
    public DemoCases demoCases() {
        return demoCases;
    }

    /** Demo data as generated, default knobs and limits, empty request logs. */
    public synchronized void reset() {
        reset(settings.moneyBackDemo());
    }

    /**
     * As {@link #reset()}, with the money-back demo ({@link MoneyBackDemoData}) added whatever the settings say, until
     * the next reset: tests of the way back turn it on per test in a hub whose sandbox was started without it, since
     * it adds NetSuite transactions and synced invoices that the other tests' figures do not expect.
     */
    public synchronized void resetWithMoneyBackDemo() {
        reset(true);
    }

    private void reset(boolean moneyBackDemo) {
        DemoData data = DemoData.generate(settings.seed(), settings.precoroUsers(), settings.netsuiteEmployees());
        netsuite.restore(data.netsuiteEmployees());
        PurchasingDemoData purchasing = PurchasingDemoData.generate(settings.precoroGeneratedPurchaseOrders(),
                settings.precoroGeneratedPurchaseOrdersPending(), data.cases().exactMatches());
        precoro.restore(data.precoroUsers(), purchasing.suppliers(), purchasing.purchaseOrders());
        purchasingCases = purchasing.cases();
        demoCases = data.cases();
        ProcoreDemoData procoreData = ProcoreDemoData.generate(settings.seed(), settings.procoreGeneratedVendors(),
                settings.procoreGeneratedInvoices(), settings.procoreGeneratedInvoiceLines());
        MoneyBackDemoData.Result moneyBack = MoneyBackDemoData.extend(procoreData, moneyBackDemo,
                settings.netsuiteGeneratedBillPayments());
        procoreData = moneyBack.data();
        netsuite.loadRecords(procoreData.netsuiteRecords());
        procore.restore(procoreData.procore());
        procore.companyCountry(settings.procoreCompanyCountry());
        procoreDemoCases = procoreData.cases();
        moneyBackCases = moneyBack.cases();
    }

    /**
     * A router answering {@code /netsuite/*}, {@code /precoro/*} and {@code /procore/*}, and
     * {@code GET /requests/{system}}: the requests that system received, oldest first, with the
     * instant each arrived (benchmarks time the hub against them); and {@code GET /records/procore/contract_payments}:
     * every commitment payment Procore holds, as a read shows its fields; {@code POST
     * /records/precoro/purchaseorders/approve-pending}: approves every generated Precoro PO still pending, at once
     * (benchmarks); and {@code GET /records/precoro/webhook-deliveries}: every webhook delivery Precoro tried.
     */
    public Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        router.get("/requests/:system").handler(ctx -> {
            RequestLog log = switch (ctx.pathParam("system")) {
                case "netsuite" -> netsuite.requests();
                case "precoro" -> precoro.requests();
                case "procore" -> procore.requests();
                default -> null;
            };
            if (log == null) {
                ctx.response().setStatusCode(404).end();
                return;
            }
            JsonArray entries = new JsonArray();
            for (RequestLog.LoggedRequest entry : log.all()) {
                entries.add(new JsonObject().put("method", entry.method()).put("path", entry.path())
                        .put("query", entry.query()).put("time", entry.time().toString()).put("write", entry.write()));
            }
            ctx.response().putHeader("Content-Type", "application/json").end(entries.encode());
        });
        // Procore lists commitment payments one commitment at a time and counts every request against its hourly
        // budget, so a benchmark could not check thousands of them through Procore's API within the limits it
        // measures: the sandbox shows them all at once, outside Procore's API (no token, no rate limit, not logged).
        router.get("/records/procore/contract_payments").handler(ctx -> {
            JsonArray payments = new JsonArray();
            for (ProcoreContractPayment p : procore.contractPayments().all()) {
                payments.add(new JsonObject().put("id", p.id()).put("project_id", p.projectId())
                        .put("contract_id", p.contractId()).put("requisition_id", p.requisitionId())
                        .put("amount", p.amount().toPlainString()).put("date", p.date() == null ? null : p.date().toString())
                        .put("check_number", p.checkNumber()).put("origin_id", p.originId()));
            }
            ctx.response().putHeader("Content-Type", "application/json").end(payments.encode());
        });
        // A burst of approvals in Precoro, for benchmarks: people approve POs in Precoro's UI, which its API cannot do.
        // Every generated PO still pending approval (--precoro-purchase-orders-pending) is approved now, in idn
        // order, as its last approver would (status 2, approvalDate and updateDate now), each firing its update
        // webhook. Outside Precoro's API like the route above (no token, no rate limit, not in the request log).
        // Strict: 409 when no generated PO is pending, so that a run set up wrongly fails instead of measuring
        // nothing; a PO that is not pending (the demo's own pending PO included) is left alone.
        router.post("/records/precoro/purchaseorders/approve-pending").handler(ctx -> {
            Set<Integer> generated = Set.copyOf(purchasingCases.generated());
            JsonArray approved = new JsonArray();
            Instant first = null;
            Instant last = null;
            for (PurchaseOrder po : precoro.purchaseOrders().all()) {
                if (generated.contains(po.idn()) && po.status() == PurchaseOrder.PENDING) {
                    PurchaseOrder done = precoro.purchaseOrders().approve(po.idn());
                    approved.add(done.idn());
                    first = first == null ? done.approved() : first;
                    last = done.approved();
                }
            }
            if (approved.isEmpty()) {
                ctx.response().setStatusCode(409).putHeader("Content-Type", "application/json").end(new JsonObject()
                        .put("message", "no generated purchase order is pending approval (start the sandbox with "
                                + "--precoro-purchase-orders N --precoro-purchase-orders-pending true)").encode());
                return;
            }
            ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                    .put("approved", approved.size()).put("idns", approved)
                    .put("firstApprovedAt", first.toString()).put("lastApprovedAt", last.toString()).encode());
        });
        // Every webhook delivery Precoro tried so far, oldest first: the event, the attempt, how it ended.
        router.get("/records/precoro/webhook-deliveries").handler(ctx -> {
            JsonArray deliveries = new JsonArray();
            for (Webhooks.Delivery d : precoro.webhooks().deliveries()) {
                deliveries.add(new JsonObject().put("url", d.url()).put("event", d.event()).put("attempt", d.attempt())
                        .put("duplicate", d.duplicate()).put("status", d.status()).put("failure", d.failure())
                        .put("at", d.at().toString()));
            }
            ctx.response().putHeader("Content-Type", "application/json").end(deliveries.encode());
        });
        router.route("/netsuite*").subRouter(netsuite.router(vertx));
        router.route("/precoro*").subRouter(precoro.router(vertx));
        router.route("/procore*").subRouter(procore.router(vertx));
        return router;
    }
}
