import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * java -cp 'target/quarkus-app/lib/main/*' bench/src/BenchClient.java http://127.0.0.1:18080 sync 50000 20 5
 * java -cp 'target/quarkus-app/lib/main/*' bench/src/BenchClient.java http://127.0.0.1:18080 query 500 20
 * java -cp 'target/quarkus-app/lib/main/*' bench/src/BenchClient.java http://127.0.0.1:18080 exports 1000 100 5 200 \
 *   http://127.0.0.1:18089/sandbox
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
            case "sync" -> client.sync(Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "query" -> client.query(Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "exports" -> client.exports(Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), args[6]);
            case "limits" -> client.limits(Integer.parseInt(args[2]), args[3]);
            default -> throw new IllegalArgumentException("mode is sync, query, exports or limits");
        }
    }

    void sync(int users, int latencyMs, int concurrency) throws Exception {
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

        long start = System.nanoTime();
        JsonNode enabled = gql("mutation { enableEmployeeSync(confirm: true) { initialRun { id } } }");
        JsonNode first = await(enabled.at("/data/enableEmployeeSync/initialRun/id").asLong());
        report("initial sync (writes every mapping)", first, (System.nanoTime() - start) / 1e9, bound);

        start = System.nanoTime();
        JsonNode again = gql("mutation { runEmployeeSync { id } }");
        JsonNode second = await(again.at("/data/runEmployeeSync/id").asLong());
        report("second sync (nothing changed)", second, (System.nanoTime() - start) / 1e9, bound);

        heap.stop = true;
        sampler.join();
        System.out.printf("peak heap used by the hub: %.0f MB (heap capped at 256 MB with -Xmx256m)%n",
                heap.peak.get() / 1024.0 / 1024.0);
    }

    private static void report(String what, JsonNode run, double clientSeconds, double bound) {
        double server = Duration.between(Instant.parse(run.get("startedAt").asText()),
                Instant.parse(run.get("finishedAt").asText())).toMillis() / 1000.0;
        System.out.printf("%s: %s, scanned %d, mapped %d, not mapped %d, conflicts %d, unchanged %d%n", what,
                run.get("status").asText(), run.get("scanned").asInt(), run.get("mapped").asInt(),
                run.get("notMapped").asInt(), run.get("conflicts").asInt(), run.get("unchanged").asInt());
        System.out.printf("  wall time %.2f s as the client saw it (run %.2f s); %.2fx the upstream bound%n",
                clientSeconds, server, clientSeconds / bound);
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
            JsonNode runs = gql("{ syncRuns(first: 5) { id status startedAt finishedAt scanned mapped notMapped conflicts unchanged error } }");
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
