import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark client: talks to a running hub over HTTP as one GraphQL caller and prints
 * figures. Tokens are signed with the documented dev key, which the benchmark hub trusts.
 *
 * <pre>
 * java -cp 'target/quarkus-app/lib/main/*' bench/src/BenchClient.java http://127.0.0.1:18080 sync 50000 20 5 \
 *   http://127.0.0.1:18089/sandbox
 * java -cp 'target/quarkus-app/lib/main/*' bench/src/BenchClient.java http://127.0.0.1:18080 query 500 20
 * java -cp 'target/quarkus-app/lib/main/*' bench/src/BenchClient.java http://127.0.0.1:18080 exports 1000 100 5 200 \
 *   http://127.0.0.1:18089/sandbox
 * java -cp 'target/quarkus-app/lib/main/*' bench/src/BenchClient.java http://127.0.0.1:18080 bills 1000 100 5 \
 *   http://127.0.0.1:18089/sandbox jdbc:postgresql://localhost:5432/trestle_bench
 * java -cp 'target/quarkus-app/lib/main/*' bench/src/BenchClient.java http://127.0.0.1:18080 payments 10000 100 5 \
 *   http://127.0.0.1:18089/sandbox jdbc:postgresql://localhost:5432/trestle_bench
 * java -cp 'target/quarkus-app/lib/main/*' bench/src/BenchClient.java http://127.0.0.1:18080 purchaseorders 500 100 5 \
 *   http://127.0.0.1:18089/sandbox jdbc:postgresql://localhost:5432/trestle_bench
 * </pre>
 */
public class BenchClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            // Plain HTTP/1.1, as the connectors speak; the default h2c upgrade attempt only adds noise.
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private static final int NETSUITE_PAGE = 1000;
    private static final int PRECORO_PAGE = 200;

    private final String hub;
    private final String token;

    BenchClient(String hub) throws Exception {
        this.hub = hub;
        this.token = sign("bench", List.of("admin"));
    }

    public static void main(String[] args) throws Exception {
        BenchClient client = new BenchClient(args[0]);
        switch (args[1]) {
            case "sync" -> client.sync(Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    args[5]);
            case "query" -> client.query(Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "exports" -> client.exports(Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), args[6]);
            case "limits" -> client.limits(Integer.parseInt(args[2]), args[3]);
            case "bills" -> client.bills(Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    args[5], args[6]);
            case "day" -> client.day(Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), args[6]);
            case "paced" -> client.paced(Integer.parseInt(args[2]), args[3]);
            case "payments" -> client.payments(Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), args[5], args[6]);
            case "purchaseorders" -> client.purchaseOrders(Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), args[5], args[6]);
            default -> throw new IllegalArgumentException(
                    "mode is sync, query, exports, bills, limits, day, paced, payments or purchaseorders");
        }
    }

    /**
     * Three runs of the employee sync: the initial FULL run (every mapping written) against the
     * upstream bound; an INCREMENTAL run with nothing changed, in seconds and in the requests it sent
     * each system (the sandbox's request log) against one page per system; and a FULL reconcile with
     * nothing changed against the bound.
     */
    void sync(int users, int latencyMs, int concurrency, String sandbox) throws Exception {
        HeapSampler heap = new HeapSampler();
        Thread sampler = new Thread(heap, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        int netsuitePages = (users + NETSUITE_PAGE - 1) / NETSUITE_PAGE;
        int precoroPages = (users + PRECORO_PAGE - 1) / PRECORO_PAGE;
        double netsuiteBound = netsuitePages * latencyMs / 1000.0 / concurrency;
        double precoroBound = precoroPages * latencyMs / 1000.0 / concurrency;
        double bound = Math.max(netsuiteBound, precoroBound);
        System.out.printf("upstream bound: max(NetSuite %d pages x %d ms / %d = %.2f s, Precoro %d pages x %d ms / %d = %.2f s) = %.2f s%n",
                netsuitePages, latencyMs, concurrency, netsuiteBound, precoroPages, latencyMs, concurrency, precoroBound, bound);

        RequestCounts requests = new RequestCounts(sandbox);
        long start = System.nanoTime();
        JsonNode enabled = gql("mutation { enableEmployeeSync(confirm: true) { initialRun { id } } }");
        JsonNode first = await(enabled.at("/data/enableEmployeeSync/initialRun/id").asLong());
        report("initial sync (FULL, writes every mapping)", first, (System.nanoTime() - start) / 1e9, bound);
        requests.report();

        start = System.nanoTime();
        JsonNode again = gql("mutation { runEmployeeSync { id } }");
        JsonNode second = await(again.at("/data/runEmployeeSync/id").asLong());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("incremental sync (nothing changed): %s, mode %s, scanned %d, unchanged %d%n",
                second.get("status").asText(), second.get("mode").asText(), second.get("scanned").asInt(),
                second.get("unchanged").asInt());
        System.out.printf("  wall time %.2f s as the client saw it (run %.2f s)%n", seconds, runSeconds(second));
        requests.report("against one page per system");

        start = System.nanoTime();
        JsonNode full = gql("mutation { runEmployeeSync(full: true) { id } }");
        JsonNode third = await(full.at("/data/runEmployeeSync/id").asLong());
        report("full reconcile (FULL, nothing changed)", third, (System.nanoTime() - start) / 1e9, bound);
        requests.report();

        heap.stop = true;
        sampler.join();
        System.out.printf("peak heap used by the hub: %.0f MB (heap capped at 256 MB with -Xmx256m)%n",
                heap.peak.get() / 1024.0 / 1024.0);
    }

    private static double runSeconds(JsonNode run) {
        return Duration.between(Instant.parse(run.get("startedAt").asText()),
                Instant.parse(run.get("finishedAt").asText())).toMillis() / 1000.0;
    }

    private static void report(String what, JsonNode run, double clientSeconds, double bound) {
        System.out.printf("%s: %s, mode %s, scanned %d, mapped %d, not mapped %d, conflicts %d, unchanged %d%n", what,
                run.get("status").asText(), run.get("mode").asText(), run.get("scanned").asInt(), run.get("mapped").asInt(),
                run.get("notMapped").asInt(), run.get("conflicts").asInt(), run.get("unchanged").asInt());
        System.out.printf("  wall time %.2f s as the client saw it (run %.2f s); %.2fx the upstream bound%n",
                clientSeconds, runSeconds(run), clientSeconds / bound);
    }

    /** The requests Precoro and NetSuite received since the last report (the sandbox's request logs). */
    private static final class RequestCounts {
        private final String sandbox;
        private final Map<String, Integer> seen = new java.util.HashMap<>();

        RequestCounts(String sandbox) throws Exception {
            this.sandbox = sandbox;
            for (String system : List.of("precoro", "netsuite")) {
                seen.put(system, log(system).size());
            }
        }

        void report() throws Exception {
            report(null);
        }

        /** One line: each system's requests since the last report, and when they arrived. */
        void report(String against) throws Exception {
            StringBuilder line = new StringBuilder("  requests sent:");
            for (String system : List.of("precoro", "netsuite")) {
                List<JsonNode> entries = log(system);
                List<JsonNode> fresh = entries.subList(Math.min(seen.get(system), entries.size()), entries.size());
                seen.put(system, entries.size());
                line.append(String.format(" %s %d", system.equals("precoro") ? "Precoro" : "NetSuite", fresh.size()));
                if (fresh.size() > 1) {
                    double span = Duration.between(Instant.parse(fresh.get(0).get("time").asText()),
                            Instant.parse(fresh.get(fresh.size() - 1).get("time").asText())).toNanos() / 1e9;
                    line.append(String.format(" (first to last %.2f s)", span));
                }
                line.append(system.equals("precoro") ? "," : "");
            }
            if (against != null) {
                line.append("; ").append(against);
            }
            System.out.println(line);
        }

        private List<JsonNode> log(String system) throws Exception {
            // The sandbox keeps the last 100,000 requests of each system, far more than a sync run sends.
            HttpResponse<String> log = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox + "/requests/" + system)).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<JsonNode> entries = new ArrayList<>();
            JSON.readTree(log.body()).forEach(entries::add);
            return entries;
        }
    }

    void query(int requests, int latencyMs) throws Exception {
        JsonNode enabled = gql("mutation { enableEmployeeSync(confirm: true) { initialRun { id } } }");
        await(enabled.at("/data/enableEmployeeSync/initialRun/id").asLong());
        String query = """
                { employees(first: 100) { edges { node { precoroUserId email mappingStatus
                    precoroUser { id email firstName lastName }
                    netsuiteEmployee { id email entityId } } } } }""";
        for (int i = 0; i < 50; i++) {
            check(gql(query));
        }
        List<Double> millis = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            JsonNode response = gql(query);
            millis.add((System.nanoTime() - start) / 1e6);
            check(response);
        }
        Collections.sort(millis);
        double p50 = percentile(millis, 50);
        System.out.printf("employees(first: 100) with precoroUser and netsuiteEmployee, %d requests, one client%n", requests);
        System.out.printf("  p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", p50, percentile(millis, 90),
                percentile(millis, 99), millis.get(millis.size() - 1));
        System.out.printf("  one upstream round trip: %d ms; p50 exceeds it by %.1f ms%n", latencyMs, p50 - latencyMs);
    }

    /**
     * Throughput: {@code exports} vendor exports requested, then approved all at once by eight
     * approving clients; wall time from the first approval to the last export EXPORTED, against
     * the NetSuite bound (one write each: exports x latency / concurrency). Then pick-up latency:
     * {@code samples} exports approved one at a time on an idle hub, each timed from the moment
     * the approval was sent to the moment the sandbox's NetSuite received its write.
     */
    void exports(int exports, int latencyMs, int concurrency, int samples, String sandbox) throws Exception {
        gql("mutation { designateAccountingApprover(user: \"bench-approver\") { user } }");
        List<String> vendors = generatedVendors(exports + samples);
        String requester = sign("bench-requester", List.of("requester"));
        String approver = sign("bench-approver", List.of("approver"));
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            long setup = System.nanoTime();
            List<String> requests = parallel(clients, vendors.subList(0, exports), vendor -> gql(requester,
                    "mutation { requestExport(input: {kind: VENDOR, sourceId: \"" + vendor + "\"}) { id } }")
                    .at("/data/requestExport/id").asText());
            System.out.printf("%d vendor exports requested in %.1f s (setup, not timed)%n", exports,
                    (System.nanoTime() - setup) / 1e9);

            double bound = exports * latencyMs / 1000.0 / concurrency;
            System.out.printf("upstream bound: %d writes x %d ms / NetSuite concurrency %d = %.2f s%n", exports, latencyMs,
                    concurrency, bound);
            long start = System.nanoTime();
            Instant started = Instant.now();
            parallel(clients, requests, id -> gql(approver, "mutation { approveExport(id: \"" + id + "\") { id } }"));
            double approving = (System.nanoTime() - start) / 1e9;
            while (count("EXPORTED") < exports) {
                if (count("FAILED") > 0) {
                    throw new IllegalStateException("an export failed: " + gql("{ exportRequests(filter: {status: [FAILED]}, first: 1) "
                            + "{ edges { node { id errorCode errorDetail } } } }"));
                }
                // Polls are GraphQL queries the hub answers from the database: kept rare, so that
                // they do not take the CPU the deliveries they observe need.
                Thread.sleep(250);
            }
            double observed = (System.nanoTime() - start) / 1e9;
            // The hub's own finish times (same machine, same clock) make the figure independent of the poll interval.
            double wall = Duration.between(started, lastFinished()).toNanos() / 1e9;
            System.out.printf("%d approved exports: all EXPORTED %.2f s after the first approval (approving took %.2f s; "
                    + "the client's polls saw it after %.2f s); %.2fx the bound%n", exports, wall, approving, observed,
                    wall / bound);
            List<JsonNode> writes = netsuiteWrites(sandbox);
            Instant firstWrite = Instant.parse(writes.get(0).get("time").asText());
            Instant lastWrite = Instant.parse(writes.get(writes.size() - 1).get("time").asText());
            double busy = Duration.between(firstWrite, lastWrite).toNanos() / 1e9 + latencyMs / 1000.0;
            System.out.printf("  NetSuite writes received: %d (one per export); NetSuite busy from the first write to the "
                    + "last answer %.2f s = %.2fx the bound%n", writes.size(), busy, busy / bound);

            List<Double> millis = new ArrayList<>();
            for (String vendor : vendors.subList(exports, exports + samples)) {
                String id = gql(requester, "mutation { requestExport(input: {kind: VENDOR, sourceId: \"" + vendor
                        + "\"}) { id } }").at("/data/requestExport/id").asText();
                Instant sent = Instant.now();
                gql(approver, "mutation { approveExport(id: \"" + id + "\") { id } }");
                // Let the delivery finish before reading the sandbox's log, so that reading it (the whole
                // log, every time) takes no CPU from the delivery being timed, and the next sample
                // starts on an idle hub.
                Thread.sleep(3L * latencyMs);
                Instant received = awaitWrite(sandbox, "eid:procore-vendor-" + vendor);
                millis.add(Duration.between(sent, received).toNanos() / 1e6);
            }
            Collections.sort(millis);
            System.out.printf("approval sent -> NetSuite received the write, %d exports one at a time on an idle hub:%n", samples);
            System.out.printf("  p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", percentile(millis, 50),
                    percentile(millis, 90), percentile(millis, 99), millis.get(millis.size() - 1));
        } finally {
            clients.shutdownNow();
        }
    }

    // What the sandbox's invoice generator (--procore-invoices) bills: every generated invoice is on a commitment of
    // its own with Procore vendor 5000000019 (NetSuite vendor 2020) on project 5100000001, which NetSuite has as job
    // 3001 and whose WBS codes NetSuite has as items with the hub's external ids (ProcoreDemoCases in the sandbox).
    private static final String BILL_PROJECT = "5100000001";
    private static final String BILL_PROJECT_JOB = "3001";
    private static final String BILL_VENDOR = "5000000019";
    private static final String BILL_VENDOR_NETSUITE = "2020";

    /**
     * Subcontractor invoices as vendor bills: the links a bill needs are made first (the vendor with
     * linkVendor; the project, from before the connection, and its exported WBS codes as the rows an
     * earlier link or export left, since no API links those), then {@code invoices} generated invoices
     * are requested by a requester and approved all at once by eight clients of an approver. Reports
     * the wall time from the first approval to the last bill delivered and to the last close-out
     * recorded, against the NetSuite bound (one bill each: invoices x latency / concurrency); the
     * NetSuite bill writes, the Procore close-out requests and 429s; and checks every invoice against
     * its bill (origin_id, total = current payment due).
     */
    void bills(int invoices, int latencyMs, int concurrency, String sandbox, String database) throws Exception {
        Upstream upstream = new Upstream(sandbox);
        gql("mutation { designateAccountingApprover(user: \"bench-approver\") { user } }");
        String requester = sign("bench-requester", List.of("requester"));
        String approver = sign("bench-approver", List.of("approver"));
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            long setup = System.nanoTime();
            int items = linkBillRecords(upstream, database);
            List<String> ids = upstream.generatedInvoices(invoices);
            List<String> requests = parallel(clients, ids, invoice -> gql(requester,
                    "mutation { requestExport(input: {kind: SUBCONTRACTOR_INVOICE, sourceId: \"" + invoice
                            + "\", projectId: \"" + BILL_PROJECT + "\"}) { id } }").at("/data/requestExport/id").asText());
            System.out.printf("links made (vendor by linkVendor; project and %d WBS code -> item rows inserted into "
                    + "record_link), %d invoice exports requested in %.1f s (setup, not timed)%n", items, invoices,
                    (System.nanoTime() - setup) / 1e9);
            long closeOutsBefore = upstream.log("procore").stream().filter(BenchClient::isCloseOut).count();

            double bound = invoices * latencyMs / 1000.0 / concurrency;
            System.out.printf("upstream bound: %d bills x %d ms / NetSuite concurrency %d = %.2f s%n", invoices, latencyMs,
                    concurrency, bound);
            long start = System.nanoTime();
            Instant started = Instant.now();
            parallel(clients, requests, id -> gql(approver, "mutation { approveExport(id: \"" + id + "\") { id } }"));
            double approving = (System.nanoTime() - start) / 1e9;
            while (count("EXPORTED") < invoices) {
                if (count("FAILED") > 0) {
                    throw new IllegalStateException("an export failed: " + gql("{ exportRequests(filter: {status: [FAILED]}, first: 1) "
                            + "{ edges { node { id errorCode errorDetail } } } }"));
                }
                // Rare polls, as in exports: each costs the hub CPU the deliveries need.
                Thread.sleep(250);
            }
            List<JsonNode> deliveries = deliveries();
            while (deliveries.stream().anyMatch(d -> !"RECORDED".equals(d.get("originStatus").asText()))) {
                if (deliveries.stream().anyMatch(d -> "FAILED".equals(d.get("originStatus").asText()))) {
                    throw new IllegalStateException("a close-out failed: " + deliveries.stream()
                            .filter(d -> "FAILED".equals(d.get("originStatus").asText())).findFirst().orElseThrow());
                }
                Thread.sleep(500);
                deliveries = deliveries();
            }
            double observed = (System.nanoTime() - start) / 1e9;
            // The hub's own times (same machine, same clock) make the figures independent of the poll interval.
            Instant lastDelivered = Instant.EPOCH;
            Instant lastRecorded = Instant.EPOCH;
            Map<String, String> billOf = new java.util.HashMap<>();
            for (JsonNode d : deliveries) {
                lastDelivered = later(lastDelivered, Instant.parse(d.get("deliveredAt").asText()));
                lastRecorded = later(lastRecorded, Instant.parse(d.get("originRecordedAt").asText()));
                billOf.put(d.at("/source/id").asText(), d.get("destinationId").asText());
            }
            double delivered = Duration.between(started, lastDelivered).toNanos() / 1e9;
            double recorded = Duration.between(started, lastRecorded).toNanos() / 1e9;
            System.out.printf("%d approved invoices (approving took %.2f s; the client's polls saw the last close-out after "
                    + "%.2f s):%n", invoices, approving, observed);
            System.out.printf("  last bill delivered %.2f s after the first approval: %.2fx the bound%n", delivered,
                    delivered / bound);
            System.out.printf("  last close-out recorded %.2f s after the first approval: %.2fx the bound%n", recorded,
                    recorded / bound);

            List<JsonNode> billWrites = upstream.log("netsuite").stream()
                    .filter(w -> w.get("write").asBoolean() && w.get("path").asText().contains("/vendorBill/")).toList();
            long distinct = billWrites.stream().map(w -> w.get("path").asText()).distinct().count();
            boolean allUpserts = billWrites.stream().allMatch(w -> w.get("method").asText().equals("PUT")
                    && w.get("path").asText().contains("/vendorBill/eid:procore-requisition-"));
            System.out.printf("  NetSuite vendorBill writes: %d, to %d distinct external ids (%d duplicates)%s%n",
                    billWrites.size(), distinct, billWrites.size() - distinct,
                    allUpserts ? ", each an upsert by external id" : ", NOT ALL UPSERTS BY EXTERNAL ID");
            Instant firstWrite = Instant.parse(billWrites.get(0).get("time").asText());
            Instant lastWrite = Instant.parse(billWrites.get(billWrites.size() - 1).get("time").asText());
            double busy = Duration.between(firstWrite, lastWrite).toNanos() / 1e9 + latencyMs / 1000.0;
            System.out.printf("  NetSuite busy from the first bill write (%.0f ms after the first approval) to the last "
                    + "answer %.2f s = %.2fx the bound%n", Duration.between(started, firstWrite).toNanos() / 1e6, busy,
                    busy / bound);
            // With NetSuite's permits always taken, write k + concurrency arrives one round trip after write k:
            // longer cycles show where the time beyond the bound went (gaps between answer and next request).
            List<Double> cycles = new ArrayList<>();
            for (int k = 0; k + concurrency < billWrites.size(); k++) {
                cycles.add(Duration.between(Instant.parse(billWrites.get(k).get("time").asText()),
                        Instant.parse(billWrites.get(k + concurrency).get("time").asText())).toNanos() / 1e6);
            }
            Collections.sort(cycles);
            System.out.printf("  NetSuite cycle (write k to write k + %d): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms "
                    + "(latency %d ms); NetSuite 429s the hub got: %d%n", concurrency, percentile(cycles, 50),
                    percentile(cycles, 90), percentile(cycles, 99), cycles.get(cycles.size() - 1), latencyMs,
                    throttled("netsuite"));
            List<JsonNode> procoreLog = upstream.log("procore");
            long closeOuts = procoreLog.stream().filter(BenchClient::isCloseOut).count() - closeOutsBefore;
            System.out.printf("  Procore close-out requests (PATCH external_data/sync): %d for %d invoices; Procore 429s "
                    + "the hub got: %d; Procore requests in all (planning included): %d%n", closeOuts, invoices,
                    throttled("procore"), procoreLog.size());

            // Checked after the run, off the clock: every invoice, not a sample.
            Map<String, JsonNode> invoiceById = upstream.invoices();
            List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService readers = Executors.newFixedThreadPool(concurrency);
            try {
                parallel(readers, ids, invoice -> {
                    JsonNode procoreInvoice = invoiceById.get(invoice);
                    String billId = billOf.get(invoice);
                    JsonNode bill = upstream.netsuite("GET", "/services/rest/record/v1/vendorBill/" + billId
                            + "?expandSubResources=true");
                    BigDecimal total = BigDecimal.ZERO;
                    for (String sublist : List.of("item", "expense")) {
                        for (JsonNode line : bill.path(sublist).path("items")) {
                            total = total.add(new BigDecimal(line.get("amount").asText()));
                        }
                    }
                    BigDecimal due = new BigDecimal(procoreInvoice.at("/summary/current_payment_due").asText());
                    if (!billId.equals(procoreInvoice.path("origin_id").asText()) || total.compareTo(due) != 0
                            || !("procore-requisition-" + invoice).equals(bill.path("externalId").asText())) {
                        wrong.add(invoice + " (origin_id " + procoreInvoice.path("origin_id").asText() + ", bill " + billId
                                + " totalling " + total + ", payment due " + due + ")");
                    }
                    return null;
                });
            } finally {
                readers.shutdownNow();
            }
            System.out.printf("  checked all %d invoices against NetSuite: %d carry their bill's id as origin_id with the "
                    + "bill totalling their current payment due; wrong: %s%n", invoices, invoices - wrong.size(),
                    wrong.isEmpty() ? "none" : wrong.subList(0, Math.min(5, wrong.size())));
            if (!wrong.isEmpty() || distinct != invoices || billWrites.size() != invoices) {
                throw new IllegalStateException("the bills are not one per invoice, or do not match their invoices");
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * Precoro purchase orders to NetSuite purchase orders under Precoro's real limits. Part 1: the sandbox approves
     * {@code orders} generated POs in one burst (each approval fires its webhook); timed from the last approval to the
     * last PURCHASE_ORDER export request PENDING in the hub's database, against the paced bound (one request a second
     * for every PO's detail read and each supplier's one read), with the Precoro requests by kind (the sandbox's log),
     * the webhook deliveries and the 429s. Part 2: eight clients of a designated approver approve all the requests at
     * once; timed from the first approval to the last EXPORTED against the NetSuite bound (one write each, at
     * NetSuite's latency and concurrency); then the externalId write-backs to Precoro (one PATCH each, Precoro-paced),
     * timed on their own, with every Precoro request they caused, and whether the hub took their webhooks as its own.
     */
    void purchaseOrders(int orders, int latencyMs, int concurrency, String sandbox, String database) throws Exception {
        Upstream upstream = new Upstream(sandbox);
        gql("mutation { designateAccountingApprover(user: \"bench-approver\") { user } }");
        String approver = sign("bench-approver", List.of("approver"));
        // The generated POs' suppliers (301, 302, 303 in turn): each is read once, to link it by the NetSuite id
        // Precoro carries for it.
        int suppliers = Math.min(orders, 3);
        int precoroBefore = upstream.log("precoro").size();

        // ---- Part 1: the burst of approvals in Precoro -> PENDING export requests ----
        int minimum = orders + suppliers;
        System.out.printf("Part 1: %d POs approved in Precoro at once, under Precoro's real limits (1 request/s, 1,500 an "
                + "hour, the duplicate minute)%n", orders);
        System.out.printf("  paced bound: %d PO detail reads + %d supplier reads = %d Precoro requests at 1/s = %d s%n",
                orders, suppliers, minimum, minimum);
        HttpResponse<String> burst = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox
                + "/records/precoro/purchaseorders/approve-pending")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (burst.statusCode() != 200) {
            throw new IllegalStateException("the sandbox did not approve: HTTP " + burst.statusCode() + " " + burst.body());
        }
        JsonNode approved = JSON.readTree(burst.body());
        if (approved.get("approved").asInt() != orders) {
            throw new IllegalStateException("the sandbox approved " + approved.get("approved") + " POs, not " + orders);
        }
        Instant firstApproval = Instant.parse(approved.get("firstApprovedAt").asText());
        Instant lastApproval = Instant.parse(approved.get("lastApprovedAt").asText());
        Instant[] pending = awaitPurchaseOrdersPending(database, orders, Duration.ofSeconds(3L * orders + 300));
        double part1 = Duration.between(lastApproval, pending[1]).toNanos() / 1e9;
        List<JsonNode> precoroLog = upstream.log("precoro");
        List<JsonNode> part1Log = precoroLog.subList(precoroBefore, precoroLog.size());
        System.out.printf("  %d approvals in %.0f ms; first PENDING %.1f s after the first approval; last PENDING %.1f s "
                + "after the last approval = %.3fx the paced bound%n", orders,
                Duration.between(firstApproval, lastApproval).toNanos() / 1e6,
                Duration.between(firstApproval, pending[0]).toNanos() / 1e9, part1, part1 / minimum);
        System.out.printf("  Precoro requests: %d (minimum %d): %s%n", part1Log.size(), minimum, precoroKinds(part1Log));
        System.out.printf("  %s%n", spacing(part1Log));
        if (!part1Log.isEmpty()) {
            System.out.printf("  Precoro busy from the first request (%.1f s after the last approval) to the last: %.1f s%n",
                    seconds(lastApproval, part1Log.get(0)), Duration.between(Instant.parse(part1Log.get(0).get("time")
                            .asText()), Instant.parse(part1Log.get(part1Log.size() - 1).get("time").asText())).toNanos() / 1e9);
        }
        System.out.printf("  webhook deliveries: %s; 429s the hub received: Precoro %d%n", webhookDeliveries(sandbox),
                throttled("precoro"));

        // ---- Part 2: all requests approved at once -> NetSuite purchase orders, then the write-backs ----
        List<String> requests = purchaseOrderRequests(database, "PENDING");
        int precoroPart2 = upstream.log("precoro").size();
        int netsuiteBefore = upstream.log("netsuite").size();
        double bound = orders * latencyMs / 1000.0 / concurrency;
        System.out.printf("Part 2: %d requests approved at once by eight clients of a designated approver%n", requests.size());
        System.out.printf("  NetSuite bound: %d writes x %d ms / NetSuite concurrency %d = %.2f s%n", orders, latencyMs,
                concurrency, bound);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        try {
            parallel(clients, requests, id -> gql(approver, "mutation { approveExport(id: \"" + id + "\") { id } }"));
        } finally {
            clients.shutdownNow();
        }
        double approving = (System.nanoTime() - start) / 1e9;
        Instant[] exported = awaitPurchaseOrdersExported(database, orders, Duration.ofMinutes(10));
        double part2 = Duration.between(exported[0], exported[1]).toNanos() / 1e9;
        List<JsonNode> netsuiteLog = upstream.log("netsuite");
        List<JsonNode> writes = netsuiteLog.subList(netsuiteBefore, netsuiteLog.size()).stream().filter(w -> w.get("write").asBoolean() && w.get("path").asText().contains("/purchaseOrder")).toList();
        long distinct = writes.stream().map(w -> w.get("path").asText()).distinct().count();
        System.out.printf("  approving took %.2f s; last EXPORTED %.2f s after the first approval = %.2fx the NetSuite "
                + "bound%n", approving, part2, part2 / bound);
        System.out.printf("  NetSuite purchaseOrder writes: %d to %d distinct external ids; NetSuite 429s the hub got: %d%n",
                writes.size(), distinct, throttled("netsuite"));
        if (writes.size() > concurrency) {
            // With NetSuite's permits always taken, write k + concurrency arrives one round trip after write k. Split
            // at the last approval: while approvals still arrive they share the hub with the deliveries.
            Instant lastApproved = exported[3];
            List<Double> during = new ArrayList<>();
            List<Double> after = new ArrayList<>();
            for (int k = 0; k + concurrency < writes.size(); k++) {
                Instant at = Instant.parse(writes.get(k).get("time").asText());
                Instant next = Instant.parse(writes.get(k + concurrency).get("time").asText());
                (next.isAfter(lastApproved) ? after : during).add(Duration.between(at, next).toNanos() / 1e6);
            }
            Instant firstWrite = Instant.parse(writes.get(0).get("time").asText());
            Instant lastWrite = Instant.parse(writes.get(writes.size() - 1).get("time").asText());
            System.out.printf("  NetSuite busy from the first write (%.0f ms after the first approval) to the last answer "
                    + "%.2f s; the last approval came %.2f s after the first%n  %s%n",
                    Duration.between(exported[0], firstWrite).toNanos() / 1e6,
                    Duration.between(firstWrite, lastWrite).toNanos() / 1e9 + latencyMs / 1000.0,
                    Duration.between(exported[0], lastApproved).toNanos() / 1e9, cycles(during, after, concurrency, latencyMs));
        }

        Instant[] recorded = awaitWriteBacks(database, orders, Duration.ofSeconds(4L * orders + 600));
        // The write-backs' own webhooks are read (or checked) after two quiet seconds: let the last of them settle.
        awaitNothingDue(database, Duration.ofMinutes(5));
        Thread.sleep(3000);
        precoroLog = upstream.log("precoro");
        List<JsonNode> part2Log = precoroLog.subList(precoroPart2, precoroLog.size());
        long patches = part2Log.stream().filter(r -> r.get("method").asText().equals("PATCH")).count();
        System.out.printf("  externalId write-backs (Precoro-paced, not counted against the NetSuite bound): %s%n",
                recorded == null ? "NOT ALL RECORDED in time" : String.format(java.util.Locale.ROOT,
                        "last recorded %.1f s after the first EXPORTED (%.1f s after the last) = %.3fx their paced bound "
                                + "(%d PATCHes at 1/s = %d s)", Duration.between(exported[2], recorded[1]).toNanos() / 1e9,
                        Duration.between(exported[1], recorded[1]).toNanos() / 1e9,
                        Duration.between(exported[2], recorded[1]).toNanos() / 1e9 / orders, orders, orders));
        System.out.printf("  Precoro requests in Part 2: %d (minimum %d PATCHes): %s; PATCHes %d%n", part2Log.size(),
                orders, precoroKinds(part2Log), patches);
        System.out.printf("  %s%n", spacing(part2Log));
        System.out.printf("  webhook deliveries so far: %s%n", webhookDeliveries(sandbox));
        System.out.printf("  after the write-backs' webhooks: %s%n", purchaseOrderStates(database));
        List<JsonNode> all = upstream.log("precoro");
        System.out.printf("Precoro requests in all: %d (%s); 429s the hub received: Precoro %d, NetSuite %d%n", all.size(),
                precoroKinds(all), throttled("precoro"), throttled("netsuite"));
        Map<String, Long> hubCounts = upstreamCounts();
        hubCounts.keySet().removeIf(key -> !key.startsWith("precoro:"));
        System.out.printf("  the hub's Precoro requests by operation and outcome: %s%n", hubCounts);
        if (recorded == null) {
            throw new IllegalStateException("the externalId write-backs were not all recorded in time");
        }
    }

    /** The NetSuite cycle (write k to write k + concurrency) while approvals arrived and after the last one. */
    private static String cycles(List<Double> during, List<Double> after, int concurrency, int latencyMs) {
        StringBuilder out = new StringBuilder("NetSuite cycle (write k to k + " + concurrency + ", one round trip = "
                + latencyMs + " ms when its permits never idle)");
        Map<String, List<Double>> parts = new java.util.LinkedHashMap<>();
        parts.put("while approvals arrived", during);
        parts.put("after the last approval", after);
        for (Map.Entry<String, List<Double>> part : parts.entrySet()) {
            List<Double> sorted = new ArrayList<>(part.getValue());
            Collections.sort(sorted);
            out.append(sorted.isEmpty() ? String.format(java.util.Locale.ROOT, " %s: none", part.getKey())
                    : String.format(java.util.Locale.ROOT, " %s (%d writes): p50 %.0f ms, p90 %.0f ms;", part.getKey(),
                            sorted.size(), percentile(sorted, 50), percentile(sorted, 90)));
        }
        return out.toString();
    }

    /**
     * How close the Precoro requests came as they arrived: Precoro counts each calendar second (the sandbox does as it),
     * so two arrivals in one second are a 429 however the sender spaced them.
     */
    private static String spacing(List<JsonNode> log) {
        double closest = Double.MAX_VALUE;
        int sameSecond = 0;
        for (int k = 1; k < log.size(); k++) {
            Instant before = Instant.parse(log.get(k - 1).get("time").asText());
            Instant at = Instant.parse(log.get(k).get("time").asText());
            closest = Math.min(closest, Duration.between(before, at).toNanos() / 1e6);
            if (before.getEpochSecond() == at.getEpochSecond()) {
                sameSecond++;
            }
        }
        return log.size() < 2 ? "fewer than two Precoro requests" : String.format(java.util.Locale.ROOT,
                "Precoro arrivals: closest two %.0f ms apart; %d arrived in the same calendar second as the one before",
                closest, sameSecond);
    }

    /** Requests of the sandbox's Precoro log by kind: PO detail reads, PO list reads, supplier reads, PATCHes. */
    private static String precoroKinds(List<JsonNode> log) {
        Map<String, Long> kinds = new java.util.TreeMap<>();
        for (JsonNode r : log) {
            String path = r.get("path").asText().replaceFirst("^.*/precoro", "");
            String kind = r.get("method").asText() + " " + (path.matches("/purchaseorders/[0-9]+") ? "/purchaseorders/{idn}"
                    : path.matches("/suppliers/[0-9]+") ? "/suppliers/{id}" : path);
            kinds.merge(kind, 1L, Long::sum);
        }
        return kinds.toString();
    }

    /** The sandbox's Precoro webhook deliveries: first attempts and retries, by outcome. */
    private static String webhookDeliveries(String sandbox) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox
                + "/records/precoro/webhook-deliveries")).build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Long> outcomes = new java.util.TreeMap<>();
        for (JsonNode d : JSON.readTree(answer.body())) {
            String outcome = (d.get("attempt").asInt() == 1 ? "first attempt " : "retry ")
                    + (d.get("status").asInt() > 0 ? "HTTP " + d.get("status").asInt() : d.get("failure").asText());
            outcomes.merge(outcome, 1L, Long::sum);
        }
        return outcomes.toString();
    }

    /** Waits until {@code orders} PURCHASE_ORDER requests are PENDING; answers the first and last requested_at. */
    private static Instant[] awaitPurchaseOrdersPending(String database, int orders, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(database, "trestle", "trestle");
                java.sql.PreparedStatement query = db.prepareStatement("SELECT count(*), min(requested_at), max(requested_at) "
                        + "FROM export_request WHERE kind = 'PURCHASE_ORDER' AND status = 'PENDING'")) {
            while (System.nanoTime() < deadline) {
                try (java.sql.ResultSet row = query.executeQuery()) {
                    row.next();
                    if (row.getLong(1) >= orders) {
                        return new Instant[] {row.getTimestamp(2).toInstant(), row.getTimestamp(3).toInstant()};
                    }
                }
                refusedPurchaseOrders(db);
                // Rare polls: the hub's reads are paced at one a second, so a second's poll costs nothing measurable.
                Thread.sleep(1000);
            }
            throw new IllegalStateException("not all " + orders + " POs PENDING in time: " + purchaseOrderStates(database));
        }
    }

    /** Fails at once when the hub recorded a PO as not exportable: nothing would become PENDING for it. */
    private static void refusedPurchaseOrders(java.sql.Connection db) throws Exception {
        try (java.sql.Statement statement = db.createStatement();
                java.sql.ResultSet row = statement.executeQuery("SELECT idn, state, reason FROM purchase_order "
                        + "WHERE state IN ('NOT_EXPORTABLE', 'NOT_APPROVED') LIMIT 1")) {
            if (row.next()) {
                throw new IllegalStateException("PO " + row.getLong(1) + " is " + row.getString(2) + ": " + row.getString(3));
            }
        }
    }

    /** The PURCHASE_ORDER requests of this status, by id. */
    private static List<String> purchaseOrderRequests(String database, String status) throws Exception {
        List<String> ids = new ArrayList<>();
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(database, "trestle", "trestle");
                java.sql.PreparedStatement query = db.prepareStatement("SELECT id FROM export_request "
                        + "WHERE kind = 'PURCHASE_ORDER' AND status = ? ORDER BY id")) {
            query.setString(1, status);
            try (java.sql.ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(String.valueOf(rows.getLong(1)));
                }
            }
        }
        return ids;
    }

    /** Waits until {@code orders} are EXPORTED: the first approval, the last and the first finishedAt, the last approval. */
    private static Instant[] awaitPurchaseOrdersExported(String database, int orders, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(database, "trestle", "trestle");
                java.sql.PreparedStatement query = db.prepareStatement("SELECT count(*) FILTER (WHERE status = 'EXPORTED'), "
                        + "count(*) FILTER (WHERE status = 'FAILED'), min(decided_at), max(finished_at), min(finished_at), "
                        + "max(decided_at) FROM export_request WHERE kind = 'PURCHASE_ORDER'")) {
            while (System.nanoTime() < deadline) {
                try (java.sql.ResultSet row = query.executeQuery()) {
                    row.next();
                    if (row.getLong(2) > 0) {
                        throw new IllegalStateException(row.getLong(2) + " PO exports FAILED");
                    }
                    if (row.getLong(1) >= orders) {
                        return new Instant[] {row.getTimestamp(3).toInstant(), row.getTimestamp(4).toInstant(),
                                row.getTimestamp(5).toInstant(), row.getTimestamp(6).toInstant()};
                    }
                }
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("not all " + orders + " PO exports EXPORTED in time");
    }

    /**
     * Waits until every PO delivery's externalId write-back is RECORDED: the first and last originRecordedAt, or null
     * when not all are within {@code patience} (then what is left is printed).
     */
    private static Instant[] awaitWriteBacks(String database, int orders, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(database, "trestle", "trestle");
                java.sql.PreparedStatement query = db.prepareStatement("SELECT count(*) FILTER (WHERE d.origin_status = "
                        + "'RECORDED'), count(*) FILTER (WHERE d.origin_status = 'FAILED'), min(d.origin_recorded_at), "
                        + "max(d.origin_recorded_at), max(d.origin_error_detail) FROM export_delivery d JOIN export_request r "
                        + "ON r.id = d.export_request_id WHERE r.kind = 'PURCHASE_ORDER'")) {
            long recorded = 0;
            String error = null;
            while (System.nanoTime() < deadline) {
                try (java.sql.ResultSet row = query.executeQuery()) {
                    row.next();
                    recorded = row.getLong(1);
                    error = row.getString(5);
                    if (row.getLong(2) > 0) {
                        throw new IllegalStateException(row.getLong(2) + " write-backs FAILED: " + error);
                    }
                    if (recorded >= orders) {
                        return new Instant[] {row.getTimestamp(3).toInstant(), row.getTimestamp(4).toInstant()};
                    }
                }
                Thread.sleep(1000);
            }
            System.out.printf("  write-backs: only %d of %d recorded within %d s (last error: %s)%n", recorded, orders,
                    patience.toSeconds(), error);
            return null;
        }
    }

    /** Waits until no PO is due in the hub (the write-backs' webhooks handled). */
    private static void awaitNothingDue(String database, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(database, "trestle", "trestle");
                java.sql.PreparedStatement query = db.prepareStatement(
                        "SELECT count(*) FROM purchase_order WHERE due_at IS NOT NULL")) {
            while (System.nanoTime() < deadline) {
                try (java.sql.ResultSet row = query.executeQuery()) {
                    row.next();
                    if (row.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(1000);
            }
        }
        System.out.printf("  POs still due after %d s: %s%n", patience.toSeconds(), purchaseOrderStates(database));
    }

    /** The hub's POs by state, with how many are due, and its PURCHASE_ORDER requests by status. */
    private static String purchaseOrderStates(String database) throws Exception {
        StringBuilder out = new StringBuilder();
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(database, "trestle", "trestle");
                java.sql.Statement statement = db.createStatement()) {
            try (java.sql.ResultSet rows = statement.executeQuery("SELECT COALESCE(state, 'WAITING'), count(*), "
                    + "count(*) FILTER (WHERE due_at IS NOT NULL), sum(events) FROM purchase_order GROUP BY 1 ORDER BY 1")) {
                out.append("POs in the hub");
                while (rows.next()) {
                    out.append(' ').append(rows.getString(1)).append(' ').append(rows.getLong(2)).append(" (due ")
                            .append(rows.getLong(3)).append(", webhook events ").append(rows.getLong(4)).append(')');
                }
            }
            try (java.sql.ResultSet rows = statement.executeQuery("SELECT status, count(*) FROM export_request "
                    + "WHERE kind = 'PURCHASE_ORDER' GROUP BY 1 ORDER BY 1")) {
                out.append("; PURCHASE_ORDER requests");
                while (rows.next()) {
                    out.append(' ').append(rows.getString(1)).append(' ').append(rows.getLong(2));
                }
            }
        }
        return out.toString();
    }

    /** Rows of one SuiteQL page (the largest NetSuite serves), and ids per IN list (NetSuite's most). */
    private static final int SUITEQL_PAGE = 1000;
    private static final int PROCORE_SYNC_ENTRIES = 1000;
    /** Procore's documented spike limit: requests per 10-second window (the sandbox's default). */
    private static final int PROCORE_SPIKE = 25;

    /**
     * NetSuite bill payments imported as Procore commitment payments. Setup (not timed): the BILL links of the
     * generated bills, inserted into record_link as the export of each invoice would have left them. Then one
     * {@code requestImport(input: {kind: BILL_PAYMENTS})}, timed from the request to the import's finishedAt
     * (polled in the database until EXPORTED), against the upstream bound; the Procore and NetSuite requests the hub
     * sent meanwhile (the sandbox's request logs, and the hub's own counts per operation) against the minimum; and
     * every commitment payment Procore holds afterwards checked against the bills (exactly one per payment).
     */
    void payments(int payments, int latencyMs, int concurrency, String sandbox, String database) throws Exception {
        Upstream upstream = new Upstream(sandbox);
        long setup = System.nanoTime();
        // The generated bills as NetSuite has them: the hub's external id names the Procore invoice each came from.
        Map<String, String[]> bills = upstream.procoreBills();
        if (bills.size() < payments) {
            throw new IllegalStateException("NetSuite has " + bills.size() + " bills from Procore invoices, " + payments
                    + " needed");
        }
        insertBillLinks(database, bills);
        System.out.printf("setup (not timed): %d BILL links (Procore invoice -> NetSuite bill) inserted into record_link "
                + "as their exports left them, in %.1f s%n", bills.size(), (System.nanoTime() - setup) / 1e9);

        // The bound: what the upstreams need at their documented limits for the requests the import cannot do without.
        int paymentPages = ceil(payments, SUITEQL_PAGE);
        int applicationQueries = ceil(payments, SUITEQL_PAGE);
        int syncs = ceil(payments, PROCORE_SYNC_ENTRIES);
        // The first page tells how many there are; the others go side by side, as many as NetSuite's permits allow;
        // then the bills each payment applies to, 1,000 payments per IN list, side by side as well.
        int netsuiteRounds = 1 + ceil(paymentPages - 1, concurrency) + ceil(applicationQueries, concurrency);
        double netsuiteBound = netsuiteRounds * latencyMs / 1000.0;
        // Procore: the company's country (US only) once, read while NetSuite is; then the sync actions of one kind one
        // after another, at Procore's pace: 25 requests per 10 s window (and 3,600 an hour) admit these at once.
        int procoreRequests = syncs + 1;
        double paceWait = Math.max(0, ceil(procoreRequests, PROCORE_SPIKE) - 1) * 10.0;
        double readsBound = Math.max(netsuiteBound, latencyMs / 1000.0);
        double bound = readsBound + syncs * latencyMs / 1000.0 + paceWait;
        System.out.printf("upstream bound: reads max(NetSuite (1 + ceil(%d / %d) payment page rounds + ceil(%d / %d) "
                + "application rounds) x %d ms = %.2f s, Procore 1 companies read x %d ms) + %d sync actions x %d ms one "
                + "after another + %.0f s waiting for Procore's spike window = %.2f s%n", paymentPages - 1, concurrency,
                applicationQueries, concurrency, latencyMs, netsuiteBound, latencyMs, syncs, latencyMs, paceWait, bound);

        Map<String, Long> countsBefore = upstreamCounts();
        long logBefore = upstream.log("procore").size();
        long netsuiteBefore = upstream.log("netsuite").size();
        Instant started = Instant.now();
        long start = System.nanoTime();
        HttpResponse<String> response = post(sign("bench-requester", List.of("requester")), "mutation { requestImport("
                + "input: {kind: BILL_PAYMENTS}) { requestId status created skipped failed pending notes } }");
        double answered = (System.nanoTime() - start) / 1e9;
        JsonNode body = JSON.readTree(response.body());
        JsonNode answer = body.at("/data/requestImport");
        String said;
        long requestId;
        if (answer.isObject()) {
            requestId = answer.get("requestId").asLong();
            said = String.format("%s, %d created, %d pending, %d notes", answer.get("status").asText(),
                    answer.get("created").asInt(), answer.get("pending").asInt(), answer.get("notes").size());
        } else {
            // The outbox goes on without the answer (e.g. the operation's deadline passed): the import's request
            // is in the database all the same, or it never started.
            said = "HTTP " + response.statusCode() + " " + body.at("/errors/0/extensions/code").asText() + ": "
                    + body.at("/errors/0/message").asText();
            requestId = latestImport(database, started);
        }
        Instant finished = awaitImported(database, requestId);
        double observed = (System.nanoTime() - start) / 1e9;
        double wall = Duration.between(started, finished).toNanos() / 1e9;
        System.out.printf("import %d: the mutation answered after %.2f s (%s); EXPORTED %.2f s after it was requested "
                + "(the client's polls saw it after %.2f s): %.2fx the bound%n", requestId, answered, said, wall, observed,
                wall / bound);

        // Requests the hub sent during the import, from the sandbox's logs (what the upstreams received).
        List<JsonNode> procoreLog = upstream.log("procore");
        List<JsonNode> procore = procoreLog.subList((int) Math.min(logBefore, procoreLog.size()), procoreLog.size());
        List<JsonNode> syncActions = procore.stream().filter(r -> r.get("method").asText().equals("PATCH")
                && r.get("path").asText().endsWith("/invoice_payments/sync")).toList();
        List<JsonNode> tokens = procore.stream().filter(r -> r.get("path").asText().endsWith("/oauth/token")).toList();
        List<JsonNode> reads = procore.stream().filter(r -> r.get("method").asText().equals("GET")).toList();
        long other = procore.size() - syncActions.size() - tokens.size() - reads.size();
        Map<String, Long> readPaths = new java.util.TreeMap<>();
        reads.forEach(r -> readPaths.merge(r.get("path").asText().replaceAll("[0-9]{4,}", "{id}"), 1L, Long::sum));
        int minimum = syncs + 1 + 1;
        System.out.printf("Procore requests during the import: %d = %d sync actions (PATCH invoice_payments/sync) + %d "
                + "reads %s + %d token requests + %d other; minimum %d = %d sync actions (ceil(%d / %d)) + 1 read (GET "
                + "companies: the company's country, as commitment payments are imported for US companies only) + 1 "
                + "token (the hub's first Procore call since it started); %.2fx the minimum; Procore 429s the hub got: %d%n",
                procore.size(), syncActions.size(), reads.size(), readPaths, tokens.size(), other, minimum, syncs,
                payments, PROCORE_SYNC_ENTRIES, procore.size() / (double) minimum, throttled("procore"));
        if (syncActions.size() > 1) {
            List<Double> gaps = new ArrayList<>();
            for (int k = 1; k < syncActions.size(); k++) {
                gaps.add(Duration.between(Instant.parse(syncActions.get(k - 1).get("time").asText()),
                        Instant.parse(syncActions.get(k).get("time").asText())).toNanos() / 1e6);
            }
            Collections.sort(gaps);
            System.out.printf("  sync actions: first %.2f s, last %.2f s after the request; from one to the next p50 %.0f "
                    + "ms, max %.0f ms (latency %d ms)%n", seconds(started, syncActions.get(0)),
                    seconds(started, syncActions.get(syncActions.size() - 1)), percentile(gaps, 50),
                    gaps.get(gaps.size() - 1), latencyMs);
        }
        List<JsonNode> netsuiteLog = upstream.log("netsuite");
        List<JsonNode> netsuite = netsuiteLog.subList((int) Math.min(netsuiteBefore, netsuiteLog.size()),
                netsuiteLog.size());
        System.out.printf("NetSuite requests during the import: %d (minimum %d = %d payment pages + %d application "
                + "queries of %d payments); first %.2f s, last %.2f s after the request%n", netsuite.size(),
                paymentPages + applicationQueries, paymentPages, applicationQueries, SUITEQL_PAGE,
                netsuite.isEmpty() ? 0 : seconds(started, netsuite.get(0)),
                netsuite.isEmpty() ? 0 : seconds(started, netsuite.get(netsuite.size() - 1)));
        // And as the hub counts them, per operation (which of its reads and writes they were).
        Map<String, Long> countsAfter = upstreamCounts();
        StringBuilder perOperation = new StringBuilder("  the hub's own count per operation:");
        countsAfter.forEach((key, count) -> {
            long sent = count - countsBefore.getOrDefault(key, 0L);
            if (sent > 0) {
                perOperation.append(' ').append(key).append('=').append(sent);
            }
        });
        System.out.println(perOperation);

        // Checked after the run, off the clock: every commitment payment Procore holds.
        Map<String, String> invoiceOfBill = new java.util.HashMap<>();
        bills.forEach((bill, invoiceAndTotal) -> invoiceOfBill.put(bill, invoiceAndTotal[0]));
        List<JsonNode> held = upstream.contractPayments();
        java.util.Set<String> origins = new java.util.HashSet<>();
        List<String> wrong = new ArrayList<>();
        java.util.regex.Pattern origin = java.util.regex.Pattern.compile("netsuite-payment-([0-9]+)-bill-([0-9]+)");
        for (JsonNode p : held) {
            String originId = p.path("origin_id").asText();
            origins.add(originId);
            java.util.regex.Matcher m = origin.matcher(originId);
            String[] bill = m.matches() ? bills.get(m.group(2)) : null;
            if (bill == null || !bill[0].equals(p.get("requisition_id").asText())
                    || new BigDecimal(bill[1]).abs().compareTo(new BigDecimal(p.get("amount").asText())) != 0) {
                wrong.add(p.toString());
            }
        }
        System.out.printf("Procore holds %d commitment payments (%d distinct origin ids); expected exactly %d, each on "
                + "the invoice its bill came from for the bill's total; wrong: %s%n", held.size(), origins.size(),
                payments, wrong.isEmpty() ? "none" : wrong.subList(0, Math.min(3, wrong.size())));
        if (held.size() != payments || origins.size() != payments || !wrong.isEmpty()) {
            throw new IllegalStateException("Procore does not hold exactly " + payments + " commitment payments, one per "
                    + "NetSuite payment on its invoice");
        }
    }

    private static int ceil(int count, int per) {
        return count <= 0 ? 0 : (count + per - 1) / per;
    }

    private static double seconds(Instant from, JsonNode logged) {
        return Duration.between(from, Instant.parse(logged.get("time").asText())).toNanos() / 1e9;
    }

    /**
     * The BILL links the generated bills need, as the hub's export of each invoice left them when the bill landed
     * (ExportStore.delivered): the Procore requisition on the left, the NetSuite vendor bill on the right, method
     * EXPORT by the export worker. Exporting 10,000 invoices through requests and approvals first would take several
     * minutes of the hub's CPU on a shared machine (the bills benchmark: 1,000 in about 20 s at its bound) for links
     * the sandbox already has on both sides (the invoice's origin_id, the bill's external id).
     */
    private static void insertBillLinks(String database, Map<String, String[]> bills) throws Exception {
        String insert = "INSERT INTO record_link (kind, left_system, left_type, left_id, right_system, right_type, right_id, "
                + "method, linked_by, linked_at) VALUES ('BILL', 'PROCORE', 'requisition', ?, 'NETSUITE', 'vendorBill', ?, "
                + "'EXPORT', 'export-worker', now()) ON CONFLICT DO NOTHING";
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(database, "trestle", "trestle")) {
            db.setAutoCommit(false);
            try (java.sql.PreparedStatement row = db.prepareStatement(insert)) {
                for (Map.Entry<String, String[]> bill : bills.entrySet()) {
                    row.setString(1, bill.getValue()[0]);
                    row.setString(2, bill.getKey());
                    row.addBatch();
                }
                row.executeBatch();
            }
            db.commit();
        }
    }

    /**
     * The BILL_PAYMENTS import requested since {@code since}, once the hub recorded it (its planning may outlast the
     * mutation's answer); fails when there is none after five minutes.
     */
    private static long latestImport(String database, Instant since) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(database, "trestle", "trestle");
                java.sql.PreparedStatement query = db.prepareStatement("SELECT max(id) FROM export_request "
                        + "WHERE kind = 'BILL_PAYMENTS' AND requested_at >= ?")) {
            query.setTimestamp(1, java.sql.Timestamp.from(since.minusSeconds(1)));
            while (System.nanoTime() < deadline) {
                try (java.sql.ResultSet row = query.executeQuery()) {
                    if (row.next() && row.getLong(1) > 0) {
                        return row.getLong(1);
                    }
                }
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("requestImport failed and recorded no import within five minutes");
    }

    /** Waits until the import's request is EXPORTED and returns its finishedAt; fails loudly otherwise. */
    private static Instant awaitImported(String database, long requestId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(database, "trestle", "trestle");
                java.sql.PreparedStatement query = db.prepareStatement(
                        "SELECT status, finished_at, last_error_code, last_error_detail FROM export_request WHERE id = ?")) {
            query.setLong(1, requestId);
            while (System.nanoTime() < deadline) {
                try (java.sql.ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("no export request " + requestId);
                    }
                    String status = row.getString(1);
                    if ("EXPORTED".equals(status)) {
                        return row.getTimestamp(2).toInstant();
                    }
                    if ("FAILED".equals(status) || "REJECTED".equals(status)) {
                        throw new IllegalStateException("the import ended " + status + ": " + row.getString(3) + " "
                                + row.getString(4));
                    }
                }
                // Rare polls: each is a query the database also serves the deliveries.
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("the import was not EXPORTED within 30 minutes");
    }

    /** The hub's requests per upstream system, operation and outcome so far (its trestle_upstream_requests timer). */
    private Map<String, Long> upstreamCounts() throws Exception {
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(hub + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        Map<String, Long> counts = new java.util.TreeMap<>();
        java.util.regex.Pattern tag = java.util.regex.Pattern.compile("(system|operation|outcome)=\"([^\"]*)\"");
        for (String line : metrics.body().split("\n")) {
            if (line.startsWith("trestle_upstream_requests_seconds_count{")) {
                Map<String, String> tags = new java.util.HashMap<>();
                java.util.regex.Matcher m = tag.matcher(line.substring(0, line.lastIndexOf('}')));
                while (m.find()) {
                    tags.put(m.group(1), m.group(2));
                }
                counts.merge(tags.get("system") + ":" + tags.get("operation") + ":" + tags.get("outcome"),
                        (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Long::sum);
            }
        }
        return counts;
    }

    private static boolean isCloseOut(JsonNode request) {
        return request.get("method").asText().equals("PATCH") && request.get("path").asText().endsWith("/external_data/sync");
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * The links the generated invoices' bills need. The vendor through the API, as a person links it.
     * The project was created before the connection and is in progress, so the hub may not export it
     * (nor, therefore, its cost codes): its link, and those of the WBS codes NetSuite has as items
     * with the hub's external ids, are inserted as a person's link and the earlier export left them.
     * Returns how many WBS codes were linked.
     */
    private int linkBillRecords(Upstream upstream, String database) throws Exception {
        gql("mutation { linkVendor(netsuiteVendorId: \"" + BILL_VENDOR_NETSUITE + "\", procoreVendorId: \"" + BILL_VENDOR
                + "\") { linkStatus } }");
        Map<String, String> items = new java.util.LinkedHashMap<>();
        String after = null;
        while (true) {
            JsonNode page = gql("{ costCodes(projectId: \"" + BILL_PROJECT + "\", first: 100"
                    + (after == null ? "" : ", after: \"" + after + "\"")
                    + ") { edges { node { wbsCodeId } } pageInfo { hasNextPage endCursor } } }");
            for (JsonNode edge : page.at("/data/costCodes/edges")) {
                String wbs = edge.at("/node/wbsCodeId").asText();
                JsonNode item = upstream.netsuiteOrNull("/services/rest/record/v1/otherChargePurchaseItem/eid:procore-wbs-"
                        + BILL_PROJECT + "-" + wbs);
                if (item != null) {
                    items.put(wbs, item.get("id").asText());
                }
            }
            if (!page.at("/data/costCodes/pageInfo/hasNextPage").asBoolean()) {
                break;
            }
            after = page.at("/data/costCodes/pageInfo/endCursor").asText();
        }
        String insert = "INSERT INTO record_link (kind, left_system, left_type, left_id, right_system, right_type, right_id, "
                + "method, linked_by, linked_at) VALUES (?, 'PROCORE', ?, ?, 'NETSUITE', ?, ?, ?, 'bench', now())";
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(database, "trestle", "trestle");
                java.sql.PreparedStatement row = db.prepareStatement(insert)) {
            link(row, "PROJECT", "project", BILL_PROJECT, "job", BILL_PROJECT_JOB, "MANUAL");
            for (Map.Entry<String, String> item : items.entrySet()) {
                link(row, "COST_CODE", "wbs_code", item.getKey(), "otherChargePurchaseItem", item.getValue(), "EXPORT");
            }
        }
        return items.size();
    }

    private static void link(java.sql.PreparedStatement row, String kind, String leftType, String leftId, String rightType,
            String rightId, String method) throws java.sql.SQLException {
        row.setString(1, kind);
        row.setString(2, leftType);
        row.setString(3, leftId);
        row.setString(4, rightType);
        row.setString(5, rightId);
        row.setString(6, method);
        row.executeUpdate();
    }

    /** Every delivery of every export request, with its times and origin status. */
    private List<JsonNode> deliveries() throws Exception {
        List<JsonNode> all = new ArrayList<>();
        String after = null;
        while (true) {
            JsonNode page = gql("{ exportRequests(first: 100" + (after == null ? "" : ", after: \"" + after + "\"")
                    + ") { edges { node { deliveries { source { id } destinationId deliveredAt originStatus "
                    + "originRecordedAt } } } pageInfo { hasNextPage endCursor } } }");
            for (JsonNode edge : page.at("/data/exportRequests/edges")) {
                edge.at("/node/deliveries").forEach(all::add);
            }
            if (!page.at("/data/exportRequests/pageInfo/hasNextPage").asBoolean()) {
                return all;
            }
            after = page.at("/data/exportRequests/pageInfo/endCursor").asText();
        }
    }

    /** Requests the hub made to {@code system} that were answered 429, from its own metrics. */
    private long throttled(String system) throws Exception {
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(hub + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        long count = 0;
        for (String line : metrics.body().split("\n")) {
            if (line.startsWith("trestle_upstream_requests_seconds_count{") && line.contains("outcome=\"throttled\"")
                    && line.contains("system=\"" + system + "\"")) {
                count += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return count;
    }

    /**
     * The sandbox's upstream APIs as a client sees them, with the sandbox's documented credentials (lib.sh
     * gives the hub the same ones): Procore with a client-credentials token, NetSuite signed with TBA.
     */
    private static final class Upstream {
        private final String sandbox;
        private final String procoreToken;

        Upstream(String sandbox) throws Exception {
            this.sandbox = sandbox;
            HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox + "/procore/oauth/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=sandbox-procore-client-id"
                            + "&client_secret=sandbox-procore-client-secret")).build(), HttpResponse.BodyHandlers.ofString());
            this.procoreToken = JSON.readTree(token.body()).get("access_token").asText();
        }

        /** What the sandbox's {@code system} received, oldest first. */
        List<JsonNode> log(String system) throws Exception {
            HttpResponse<String> log = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox + "/requests/" + system)).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<JsonNode> entries = new ArrayList<>();
            JSON.readTree(log.body()).forEach(entries::add);
            return entries;
        }

        /** The project's subcontractor invoices as Procore has them now, by id. */
        Map<String, JsonNode> invoices() throws Exception {
            Map<String, JsonNode> byId = new java.util.LinkedHashMap<>();
            for (int page = 1; ; page++) {
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox
                                + "/procore/rest/v1.0/requisitions?project_id=" + BILL_PROJECT + "&per_page=1000&page=" + page))
                        .header("Authorization", "Bearer " + procoreToken)
                        .header("Procore-Company-Id", "4264807").build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("Procore answered HTTP " + answer.statusCode() + ": " + answer.body());
                }
                JsonNode rows = JSON.readTree(answer.body());
                rows.forEach(row -> byId.put(row.get("id").asText(), row));
                if (rows.size() < 1000) {
                    return byId;
                }
            }
        }

        /** The ids of the generated invoices (invoice numbers GEN-INV-...), all approved. */
        List<String> generatedInvoices(int needed) throws Exception {
            List<String> ids = invoices().values().stream()
                    .filter(r -> r.get("invoice_number").asText().startsWith("GEN-INV-"))
                    .map(r -> r.get("id").asText()).toList();
            if (ids.size() < needed) {
                throw new IllegalStateException("the sandbox has " + ids.size() + " generated invoices, " + needed + " needed");
            }
            return ids.subList(0, needed);
        }

        /**
         * NetSuite's vendor bills that came from Procore invoices (the hub's external id
         * {@code procore-requisition-<id>}): bill id -> {requisition id, total}, read with SuiteQL page by page.
         */
        Map<String, String[]> procoreBills() throws Exception {
            Map<String, String[]> bills = new java.util.LinkedHashMap<>();
            String query = JSON.writeValueAsString(Map.of("q", "SELECT id, externalid, foreigntotal FROM transaction "
                    + "WHERE type = 'VendBill' ORDER BY id"));
            for (int offset = 0; ; offset += SUITEQL_PAGE) {
                URI uri = URI.create(sandbox + "/netsuite/services/rest/query/v1/suiteql?limit=" + SUITEQL_PAGE
                        + "&offset=" + offset);
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", tba("POST", uri))
                        .header("Prefer", "transient").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(query)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("NetSuite answered HTTP " + answer.statusCode() + " at offset " + offset
                            + " after " + log("netsuite").size() + " requests: " + answer.body());
                }
                JsonNode page = JSON.readTree(answer.body());
                for (JsonNode row : page.path("items")) {
                    String external = row.path("externalid").asText("");
                    if (external.startsWith("procore-requisition-")) {
                        bills.put(row.get("id").asText(), new String[] {
                            external.substring("procore-requisition-".length()), row.get("foreigntotal").asText()});
                    }
                }
                if (!page.path("hasMore").asBoolean(false)) {
                    return bills;
                }
            }
        }

        /** Every commitment payment the sandbox's Procore holds, shown outside Procore's API (no limit spent). */
        List<JsonNode> contractPayments() throws Exception {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox
                    + "/records/procore/contract_payments")).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("the sandbox answered HTTP " + answer.statusCode() + ": " + answer.body());
            }
            List<JsonNode> all = new ArrayList<>();
            JSON.readTree(answer.body()).forEach(all::add);
            return all;
        }

        JsonNode netsuite(String method, String pathAndQuery) throws Exception {
            HttpResponse<String> answer = netsuiteCall(method, pathAndQuery);
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("NetSuite answered HTTP " + answer.statusCode() + ": " + answer.body());
            }
            return JSON.readTree(answer.body());
        }

        JsonNode netsuiteOrNull(String path) throws Exception {
            HttpResponse<String> answer = netsuiteCall("GET", path);
            if (answer.statusCode() == 404) {
                return null;
            }
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("NetSuite answered HTTP " + answer.statusCode() + ": " + answer.body());
            }
            return JSON.readTree(answer.body());
        }

        private HttpResponse<String> netsuiteCall(String method, String pathAndQuery) throws Exception {
            URI uri = URI.create(sandbox + "/netsuite" + pathAndQuery);
            return HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", tba(method, uri))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** OAuth 1.0a HMAC-SHA256 (NetSuite TBA) for the sandbox's account and token, RFC 5849. */
        private static String tba(String method, URI uri) throws Exception {
            String nonce = java.util.UUID.randomUUID().toString().replace("-", "");
            String timestamp = String.valueOf(Instant.now().getEpochSecond());
            List<String[]> params = new ArrayList<>(List.of(new String[] {"oauth_consumer_key", "sandbox-consumer-key"},
                    new String[] {"oauth_nonce", nonce}, new String[] {"oauth_signature_method", "HMAC-SHA256"},
                    new String[] {"oauth_timestamp", timestamp}, new String[] {"oauth_token", "sandbox-token-id"},
                    new String[] {"oauth_version", "1.0"}));
            if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    String[] nameValue = pair.split("=", 2);
                    params.add(new String[] {java.net.URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                        nameValue.length > 1 ? java.net.URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : ""});
                }
            }
            String normalized = params.stream().map(p -> oauthEncode(p[0]) + "=" + oauthEncode(p[1])).sorted()
                    .collect(java.util.stream.Collectors.joining("&"));
            String base = method + "&" + oauthEncode(uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort()
                    + uri.getRawPath()) + "&" + oauthEncode(normalized);
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec("sandbox-consumer-secret&sandbox-token-secret"
                    .getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
            return "OAuth realm=\"TSTDRV1234567\",oauth_consumer_key=\"sandbox-consumer-key\",oauth_token=\"sandbox-token-id\","
                    + "oauth_signature_method=\"HMAC-SHA256\",oauth_timestamp=\"" + timestamp + "\",oauth_nonce=\"" + nonce
                    + "\",oauth_version=\"1.0\",oauth_signature=\"" + oauthEncode(signature) + "\"";
        }

        private static String oauthEncode(String value) {
            return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                    .replace("%7E", "~");
        }
    }

    /** The latest finishedAt of all EXPORTED requests. */
    private Instant lastFinished() throws Exception {
        Instant last = Instant.EPOCH;
        String after = null;
        while (true) {
            JsonNode page = gql("{ exportRequests(filter: {status: [EXPORTED]}, first: 100"
                    + (after == null ? "" : ", after: \"" + after + "\"")
                    + ") { edges { node { finishedAt } } pageInfo { hasNextPage endCursor } } }");
            for (JsonNode edge : page.at("/data/exportRequests/edges")) {
                Instant finished = Instant.parse(edge.at("/node/finishedAt").asText());
                if (finished.isAfter(last)) {
                    last = finished;
                }
            }
            if (!page.at("/data/exportRequests/pageInfo/hasNextPage").asBoolean()) {
                return last;
            }
            after = page.at("/data/exportRequests/pageInfo/endCursor").asText();
        }
    }

    private long count(String status) throws Exception {
        return gql("{ exportRequests(filter: {status: [" + status + "]}, first: 1) { totalCount } }")
                .at("/data/exportRequests/totalCount").asLong();
    }

    /** Procore ids of the sandbox's generated vendors (the bench runs start it with enough of them). */
    private List<String> generatedVendors(int needed) throws Exception {
        List<String> ids = new ArrayList<>();
        String after = null;
        while (ids.size() < needed) {
            JsonNode page = gql("{ vendors(filter: {linkStatus: [PROCORE_ONLY], search: \"Generated Supplier\"}, first: 100"
                    + (after == null ? "" : ", after: \"" + after + "\"")
                    + ") { edges { node { procoreVendor { id } } } pageInfo { hasNextPage endCursor } } }");
            for (JsonNode edge : page.at("/data/vendors/edges")) {
                ids.add(edge.at("/node/procoreVendor/id").asText());
            }
            if (!page.at("/data/vendors/pageInfo/hasNextPage").asBoolean()) {
                break;
            }
            after = page.at("/data/vendors/pageInfo/endCursor").asText();
        }
        if (ids.size() < needed) {
            throw new IllegalStateException("the sandbox has " + ids.size() + " generated vendors, " + needed + " needed");
        }
        return ids.subList(0, needed);
    }

    private static List<JsonNode> netsuiteWrites(String sandbox) throws Exception {
        HttpResponse<String> log = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox + "/requests/netsuite")).build(),
                HttpResponse.BodyHandlers.ofString());
        List<JsonNode> writes = new ArrayList<>();
        for (JsonNode entry : JSON.readTree(log.body())) {
            if (entry.get("write").asBoolean()) {
                writes.add(entry);
            }
        }
        return writes;
    }

    /** When the sandbox's NetSuite first received a write whose path ends with {@code suffix}. */
    private static Instant awaitWrite(String sandbox, String suffix) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode write : netsuiteWrites(sandbox)) {
                if (write.get("path").asText().endsWith(suffix)) {
                    return Instant.parse(write.get("time").asText());
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("NetSuite received no write for " + suffix);
    }

    private interface Call<T> {
        T run(String item) throws Exception;
    }

    private static <T> List<T> parallel(ExecutorService pool, List<String> items, Call<T> call) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (String item : items) {
            futures.add(pool.submit(() -> call.run(item)));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    /**
     * The request limits under attack: a normal dashboard query's latency while four callers send
     * refused bombs (300 aliases of a full employees page; fragments spreading the next one twice,
     * 22 levels deep) in a loop; the largest query the limits allow and the hub's peak heap while
     * it runs; and the upstream requests of the "quota" request (1,300 aliases of vendors) and of
     * the most aliases allowed.
     */
    void limits(int samples, String sandbox) throws Exception {
        JsonNode enabled = gql("mutation { enableEmployeeSync(confirm: true) { initialRun { id } } }");
        // The hub runs with production's per-caller limits (5 a second): poll below them.
        await(enabled.at("/data/enableEmployeeSync/initialRun/id").asLong(), 300);
        // Twenty people at their dashboards, each well within their own share.
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            people.add(sign("viewer-" + i, List.of("viewer")));
        }
        String normal = "{ employees(first: 100) { edges { node { precoroUserId email mappingStatus "
                + "precoroUser { id email firstName lastName } netsuiteEmployee { id email entityId } } } } }";
        latencies(people, normal, 40);  // warm-up
        List<Double> quiet = latencies(people, normal, samples);
        System.out.printf("normal query (employees(first: 100) with both live sub-records), %d requests by 20 callers in turn, quiet:%n", samples);
        System.out.printf("  p50 %.1f ms, p90 %.1f ms, p99 %.1f ms%n", percentile(quiet, 50), percentile(quiet, 90),
                percentile(quiet, 99));

        StringBuilder aliases = new StringBuilder("{");
        for (int i = 0; i < 300; i++) {
            aliases.append(" e").append(i)
                    .append(": employees(first: 100) { edges { node { precoroUser { email } netsuiteEmployee { email } } } }");
        }
        String aliasBomb = aliases.append(" }").toString();
        StringBuilder fragments = new StringBuilder("{ ...F0 } ");
        for (int i = 0; i < 22; i++) {
            fragments.append("fragment F").append(i).append(" on Query { ...F").append(i + 1).append(" ...F")
                    .append(i + 1).append(" } ");
        }
        String fragmentBomb = fragments.append("fragment F22 on Query { employeeMappingSummary { total } }").toString();
        AtomicBoolean bombing = new AtomicBoolean(true);
        Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
        ExecutorService bombers = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            String bomber = sign("mallory-" + b, List.of("viewer"));
            String bomb = b % 2 == 0 ? aliasBomb : fragmentBomb;
            String kind = b % 2 == 0 ? "alias bomb (" + aliasBomb.length() + " bytes)"
                    : "fragment bomb (" + fragmentBomb.length() + " bytes)";
            running.add(bombers.submit(() -> {
                while (bombing.get()) {
                    HttpResponse<String> answer = post(bomber, bomb);
                    String code = JSON.readTree(answer.body()).at("/errors/0/extensions/code").asText();
                    outcomes.computeIfAbsent(kind + " -> HTTP " + answer.statusCode() + " " + code,
                            key -> new AtomicLong()).incrementAndGet();
                }
                return null;
            }));
        }
        List<Double> underBombs;
        try {
            underBombs = latencies(people, normal, samples);
        } finally {
            bombing.set(false);
            for (Future<?> bomber : running) {
                bomber.get();
            }
            bombers.shutdown();
        }
        System.out.printf("the same query while four callers send refused bombs in a loop:%n");
        System.out.printf("  p50 %.1f ms, p90 %.1f ms, p99 %.1f ms%n", percentile(underBombs, 50),
                percentile(underBombs, 90), percentile(underBombs, 99));
        outcomes.forEach((outcome, count) -> System.out.printf("  %s: %d%n", outcome, count.get()));

        // The largest the limits allow: 28 distinct full pages, 19,600 of the 20,000 result objects.
        StringBuilder largest = new StringBuilder("{");
        for (int i = 0; i < 28; i++) {
            largest.append(" p").append(i).append(": employees(first: ").append(100 - i).append(") { edges { node { ")
                    .append("email precoroUser { email } netsuiteEmployee { email } } } }");
        }
        String largestQuery = largest.append(" }").toString();
        HeapSampler heap = new HeapSampler();
        Thread sampler = new Thread(heap, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        List<Double> largestMillis = new ArrayList<>();
        int bytes = 0;
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            HttpResponse<String> answer = post(token, largestQuery);
            largestMillis.add((System.nanoTime() - start) / 1e6);
            if (answer.statusCode() != 200 || JSON.readTree(answer.body()).has("errors")) {
                throw new IllegalStateException("the largest allowed query failed: " + answer.body());
            }
            bytes = answer.body().length();
        }
        heap.stop = true;
        sampler.join();
        Collections.sort(largestMillis);
        System.out.printf("largest query the limits allow (28 distinct employee pages with both live sub-records, "
                + "%d bytes in, %d KB out):%n", largestQuery.length(), bytes / 1024);
        System.out.printf("  p50 %.1f ms over 20 runs; peak heap %.0f MB (heap capped at 256 MB)%n",
                percentile(largestMillis, 50), heap.peak.get() / 1024.0 / 1024.0);

        // The same query by twelve callers at once, three times each: the replica's result budget
        // lets five run together and refuses the rest with OVERLOADED until they have answered.
        HeapSampler crowdHeap = new HeapSampler();
        Thread crowdSampler = new Thread(crowdHeap, "heap-sampler");
        crowdSampler.setDaemon(true);
        crowdSampler.start();
        Map<String, AtomicLong> crowd = new ConcurrentHashMap<>();
        ExecutorService callers = Executors.newFixedThreadPool(12);
        List<Future<?>> sent = new ArrayList<>();
        for (int c = 0; c < 12; c++) {
            String caller = sign("crowd-" + c, List.of("viewer"));
            sent.add(callers.submit(() -> {
                for (int round = 0; round < 3; round++) {
                    HttpResponse<String> reply = post(caller, largestQuery);
                    String code = JSON.readTree(reply.body()).at("/errors/0/extensions/code").asText();
                    crowd.computeIfAbsent("HTTP " + reply.statusCode() + (code.isEmpty() ? "" : " " + code),
                            key -> new AtomicLong()).incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> one : sent) {
            one.get();
        }
        callers.shutdown();
        crowdHeap.stop = true;
        crowdSampler.join();
        System.out.printf("  the same query by 12 callers at once, 3 each: peak heap %.0f MB;", crowdHeap.peak.get() / 1024.0 / 1024.0);
        crowd.forEach((outcome, count) -> System.out.printf(" %s: %d;", outcome, count.get()));
        System.out.println();

        StringBuilder quota = new StringBuilder("{");
        for (int i = 0; i < 1300; i++) {
            quota.append(" v").append(i).append(": vendors { totalCount }");
        }
        String quotaQuery = quota.append(" }").toString();
        long procore = upstreamRequests(sandbox, "procore");
        long netsuite = upstreamRequests(sandbox, "netsuite");
        HttpResponse<String> refused = post(token, quotaQuery);
        System.out.printf("quota request (1,300 aliases of vendors, %d bytes): HTTP %d %s; upstream requests: "
                + "Procore %d, NetSuite %d%n", quotaQuery.length(), refused.statusCode(),
                JSON.readTree(refused.body()).at("/errors/0/extensions/code").asText(),
                upstreamRequests(sandbox, "procore") - procore, upstreamRequests(sandbox, "netsuite") - netsuite);
        StringBuilder allowed = new StringBuilder("{");
        for (int i = 0; i < 30; i++) {
            allowed.append(" v").append(i).append(": vendors(first: 10) { totalCount }");
        }
        procore = upstreamRequests(sandbox, "procore");
        netsuite = upstreamRequests(sandbox, "netsuite");
        HttpResponse<String> answer = post(token, allowed.append(" }").toString());
        System.out.printf("30 aliases of vendors (the most allowed): HTTP %d; upstream requests: Procore %d, NetSuite %d%n",
                answer.statusCode(), upstreamRequests(sandbox, "procore") - procore,
                upstreamRequests(sandbox, "netsuite") - netsuite);
    }

    /** Latencies of {@code samples} requests of {@code query}, sent in turn by the people. */
    private List<Double> latencies(List<String> people, String query, int samples) throws Exception {
        List<Double> millis = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            JsonNode response = gql(people.get(i % people.size()), query);
            millis.add((System.nanoTime() - start) / 1e6);
            check(response);
        }
        Collections.sort(millis);
        return millis;
    }

    /**
     * A day of a tenant, time-scaled by {@code scale} (the hub's cron, the sandbox's pace and
     * windows are scaled by the script): after the initial sync, the scheduled incremental runs,
     * one full reconcile at 02:30, the users the sandbox edits, and {@code dashboards} clients each
     * loading a page of {@code employees} (with both sub-records) every 5 simulated seconds.
     * Reports each system's requests during the day, against Precoro's 3,000 a day, and the 429s
     * the hub received (its upstream request timer, outcome throttled).
     */
    void day(int users, int scale, int dashboards, int reconcileAtSecond, String sandbox) throws Exception {
        JsonNode enabled = gql("mutation { enableEmployeeSync(confirm: true) { initialRun { id } } }");
        JsonNode initial = await(enabled.at("/data/enableEmployeeSync/initialRun/id").asLong(), 500);
        long precoroAtStart = upstreamRequests(sandbox, "precoro");
        long netsuiteAtStart = upstreamRequests(sandbox, "netsuite");
        long procoreAtStart = upstreamRequests(sandbox, "procore");
        System.out.printf("initial sync of %d users: %s, Precoro requests %d, NetSuite requests %d%n", users,
                initial.get("status").asText(), precoroAtStart, netsuiteAtStart);

        double dayMillis = 86_400_000.0 / scale;
        long start = System.nanoTime();
        long end = start + (long) (dayMillis * 1_000_000);
        java.util.concurrent.atomic.AtomicLong pages = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong live = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong copy = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong failed = new java.util.concurrent.atomic.AtomicLong();
        long every = Math.max(1, Math.round(5_000.0 / scale));
        int pageCount = (users + 99) / 100;
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < dashboards; c++) {
            int offset = c;
            Thread client = new Thread(() -> {
                String bearer;
                try {
                    bearer = sign("dashboard-" + offset, List.of("viewer"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                String after = null;
                int page = 0;
                while (System.nanoTime() < end) {
                    long next = System.nanoTime() + every * 1_000_000;
                    try {
                        JsonNode body = JSON.readTree(post(bearer, "{ employees(first: 100" + (after == null ? ""
                                : ", after: \"" + after + "\"") + ") { pageInfo { hasNextPage endCursor } edges { node { "
                                + "precoroUser { id readFrom } netsuiteEmployee { id readFrom } } } } }").body());
                        if (body.has("errors")) {
                            failed.incrementAndGet();
                        }
                        pages.incrementAndGet();
                        for (JsonNode edge : body.at("/data/employees/edges")) {
                            String from = edge.at("/node/precoroUser/readFrom").asText();
                            (from.equals("LIVE") ? live : copy).incrementAndGet();
                        }
                        // Each dashboard pages through the list, as a person scrolling would.
                        boolean more = body.at("/data/employees/pageInfo/hasNextPage").asBoolean(false)
                                && ++page < pageCount;
                        after = more ? body.at("/data/employees/pageInfo/endCursor").asText() : null;
                        page = more ? page : 0;
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    long sleep = (next - System.nanoTime()) / 1_000_000;
                    if (sleep > 0) {
                        try {
                            Thread.sleep(sleep);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }, "dashboard-" + c);
            client.start();
            clients.add(client);
        }
        // The nightly reconcile, at its hour of the simulated day.
        long reconcileAt = start + (long) (reconcileAtSecond * 1000.0 / scale * 1_000_000);
        Thread.sleep(Math.max(0, (reconcileAt - System.nanoTime()) / 1_000_000));
        // As the scheduled reconcile does, it waits for a cron run that is going.
        JsonNode reconcile = null;
        while (reconcile == null) {
            JsonNode answer = JSON.readTree(post(token, "mutation { runEmployeeSync(full: true) { id } }").body());
            if (answer.at("/errors/0/extensions/code").asText().equals("SYNC_ALREADY_RUNNING")) {
                Thread.sleep(50);
            } else if (answer.has("errors")) {
                throw new IllegalStateException(answer.toString());
            } else {
                reconcile = answer;
            }
        }
        JsonNode reconciled = await(reconcile.at("/data/runEmployeeSync/id").asLong(), 500);
        for (Thread client : clients) {
            client.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        long precoro = upstreamRequests(sandbox, "precoro") - precoroAtStart;
        long netsuite = upstreamRequests(sandbox, "netsuite") - netsuiteAtStart;
        long procore = upstreamRequests(sandbox, "procore") - procoreAtStart;
        JsonNode runs = gql("{ syncRuns(first: 100) { id mode status trigger scanned } }").at("/data/syncRuns");
        int incremental = 0;
        int full = 0;
        int failedRuns = 0;
        for (JsonNode run : runs) {
            if (run.get("id").asLong() <= initial.get("id").asLong()) {
                continue;
            }
            if (!"SUCCEEDED".equals(run.get("status").asText())) {
                failedRuns++;
            }
            if ("FULL".equals(run.get("mode").asText())) {
                full++;
            } else {
                incremental++;
            }
        }
        System.out.printf("one simulated day (%.0f s at %dx): %d incremental runs, %d full reconcile (%s), %d runs not "
                + "succeeded%n", seconds, scale, incremental, full, reconciled.get("status").asText(), failedRuns);
        System.out.printf("  dashboards: %d clients, %d page loads (%d planned: one per client every 5 simulated s), "
                + "%d failed; Precoro users shown from the hub's copy %d, live %d%n", dashboards, pages.get(),
                (long) dashboards * 86_400 / 5, failed.get(), copy.get(), live.get());
        System.out.printf("  Precoro requests in the day: %d = %.1f%% of its 3,000 a day%n", precoro, precoro / 30.0);
        System.out.printf("  NetSuite requests in the day: %d; Procore requests: %d%n", netsuite, procore);
        System.out.printf("  429s the hub received: Precoro %d, NetSuite %d, Procore %d%n", throttled("precoro"),
                throttled("netsuite"), throttled("procore"));
    }

    /** The initial sync against Precoro's real pace: wall time against pages at one a second. */
    void paced(int users, String sandbox) throws Exception {
        int pages = (users + PRECORO_PAGE - 1) / PRECORO_PAGE;
        System.out.printf("paced bound: %d Precoro pages at 1 request/s = %d s (NetSuite, read at the same time, needs "
                + "%d pages)%n", pages, pages, (users + NETSUITE_PAGE - 1) / NETSUITE_PAGE);
        long start = System.nanoTime();
        JsonNode enabled = gql("mutation { enableEmployeeSync(confirm: true) { initialRun { id } } }");
        JsonNode run = await(enabled.at("/data/enableEmployeeSync/initialRun/id").asLong(), 1000);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("initial sync: %s, scanned %d, mapped %d; wall time %.1f s = %.3fx the paced bound%n",
                run.get("status").asText(), run.get("scanned").asInt(), run.get("mapped").asInt(), seconds,
                seconds / pages);
        System.out.printf("  Precoro requests %d; 429s the hub received from Precoro: %d%n",
                upstreamRequests(sandbox, "precoro"), throttled("precoro"));
    }

    private HttpResponse<String> post(String bearer, String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(hub + "/graphql"))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** How many requests the sandbox's {@code system} has received (its request log). */
    private static long upstreamRequests(String sandbox, String system) throws Exception {
        HttpResponse<String> log = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox + "/sandbox/requests/" + system)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode requests = JSON.readTree(log.body());
        return requests.isArray() ? requests.size() : requests.path("requests").size();
    }

    private static void check(JsonNode response) {
        if (response.has("errors") || response.at("/data/employees/edges").size() != 100
                || response.at("/data/employees/edges/0/node/precoroUser/id").isMissingNode()) {
            throw new IllegalStateException("unexpected response: " + response);
        }
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private JsonNode await(long runId) throws Exception {
        return await(runId, 100);
    }

    private JsonNode await(long runId, long pollMillis) throws Exception {
        while (true) {
            JsonNode runs = gql("{ syncRuns(first: 5) { id status mode startedAt finishedAt scanned mapped notMapped conflicts unchanged error } }");
            for (JsonNode run : runs.at("/data/syncRuns")) {
                if (run.get("id").asLong() == runId && !"RUNNING".equals(run.get("status").asText())) {
                    if (!"SUCCEEDED".equals(run.get("status").asText())) {
                        throw new IllegalStateException("run failed: " + run);
                    }
                    return run;
                }
            }
            // Every poll is a GraphQL query with a database read in the hub; at 50 a second they
            // took a third of the hub's CPU on a two-core machine and slowed the run they observe.
            Thread.sleep(pollMillis);
        }
    }

    private JsonNode gql(String query) throws Exception {
        return gql(token, query);
    }

    private JsonNode gql(String bearer, String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(hub + "/graphql"))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        if (body.has("errors")) {
            throw new IllegalStateException(body.toString());
        }
        return body;
    }

    /** An RS256 JWT signed with the dev key (config/dev-keys), as the dev token endpoint would issue. */
    private static String sign(String user, List<String> roles) throws Exception {
        String pem = Files.readString(Path.of("config/dev-keys/private-key.pem"))
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        long now = Instant.now().getEpochSecond();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(JSON.writeValueAsBytes(Map.of("iss", "https://trestle.dev/issuer", "aud", "trestle",
                "sub", user, "upn", user, "groups", roles, "iat", now, "exp", now + 3600)));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + b64.encodeToString(rsa.sign());
    }

    /** Samples the hub's heap use from its Prometheus metrics. */
    private final class HeapSampler implements Runnable {
        final AtomicLong peak = new AtomicLong();
        volatile boolean stop;

        @Override
        public void run() {
            while (!stop) {
                try {
                    HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(hub + "/q/metrics")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    long used = 0;
                    for (String line : metrics.body().split("\n")) {
                        if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                            used += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                        }
                    }
                    peak.accumulateAndGet(used, Math::max);
                    Thread.sleep(50);
                } catch (Exception e) {
                    return;
                }
            }
        }
    }
}
