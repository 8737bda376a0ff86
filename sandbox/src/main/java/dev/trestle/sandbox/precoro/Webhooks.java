package dev.trestle.sandbox.precoro;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Precoro's webhooks: on a create or an update of a document, Precoro POSTs
 * {@code {"id": <document id>, "type": <type code>, "action": <0 create | 1 update>, "idn": <document idn>}}
 * ({@code Content-Type: application/json}) to every registered endpoint, at most {@value #MAX_ENDPOINTS} of them.
 *
 * <p>Registration is a sandbox knob ({@link #register(String)}): in Precoro it is done in the UI only (the notes
 * cite the help page for setting webhooks up and document no API for it).
 *
 * <p>What the notes leave open, chosen here the strict way, each a knob: an answer must come within
 * {@link #answerTimeout()} (5 s; a late answer counts as a failure even if it is a 2xx); an answer other than 2xx, a
 * timeout or a refused connection is retried after each delay of {@link #retrySchedule()} in turn (1 min, 5 min,
 * 30 min, 2 h, 6 h), then the event is given up; and with {@link #duplicateRate(double)} an event delivered
 * successfully is sent once more (default 0: the notes do not say Precoro duplicates, though a retry after a late
 * answer delivers an event twice anyway). Deliveries run on a thread of their own and are recorded
 * ({@link #deliveries()}); a reset forgets the endpoints, drops the pending retries and restores the knobs.
 */
public final class Webhooks {

    public static final int MAX_ENDPOINTS = 5;
    /** Webhook {@code type} codes used here (the notes' list: 2 Purchase Order, 7 Supplier). */
    public static final int PURCHASE_ORDER = 2;
    public static final int SUPPLIER = 7;
    static final Duration DEFAULT_ANSWER_TIMEOUT = Duration.ofSeconds(5);
    static final List<Duration> DEFAULT_RETRY_SCHEDULE = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6));

    /**
     * One POST made (or tried): the event, which attempt it was (1 = the first), whether it is a duplicate, and
     * how it ended: the HTTP status, or 0 with {@code failure} ("timeout", or the connection error).
     */
    public record Delivery(String url, JsonObject event, int attempt, boolean duplicate, int status, String failure,
            Instant at) {
        public boolean succeeded() {
            return status >= 200 && status < 300 && failure == null;
        }
    }

    private final Clock clock;
    private final long seed;
    private final List<String> endpoints = new CopyOnWriteArrayList<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger pending = new AtomicInteger();
    /** Bumped by a reset, so that retries scheduled before it are dropped. */
    private final AtomicLong generation = new AtomicLong();
    // Made on the first delivery: most sandboxes (one per test class) never register an endpoint, and each of
    // these holds a thread.
    private ScheduledExecutorService timer;
    private HttpClient client;
    private volatile Duration answerTimeout = DEFAULT_ANSWER_TIMEOUT;
    private volatile List<Duration> retrySchedule = DEFAULT_RETRY_SCHEDULE;
    private volatile double duplicateRate;
    private Random random;

    public Webhooks(Clock clock, long seed) {
        this.clock = clock;
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** Adds an endpoint, as a Precoro admin does in the UI; a sixth is refused as Precoro allows five. */
    public synchronized Webhooks register(String url) {
        URI uri = URI.create(url);
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
            throw new IllegalArgumentException("a webhook endpoint is an http(s) URL, not " + url);
        }
        if (endpoints.size() >= MAX_ENDPOINTS) {
            throw new IllegalStateException("Precoro allows at most " + MAX_ENDPOINTS + " webhook endpoints");
        }
        endpoints.add(url);
        return this;
    }

    public synchronized Webhooks unregister(String url) {
        endpoints.remove(url);
        return this;
    }

    public List<String> endpoints() {
        return List.copyOf(endpoints);
    }

    /** How long an endpoint has to answer before the attempt counts as failed. */
    public Webhooks answerTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("an answer timeout is positive");
        }
        answerTimeout = timeout;
        return this;
    }

    public Duration answerTimeout() {
        return answerTimeout;
    }

    /** The delays before the second, third, ... attempt; an empty list means no retries. */
    public Webhooks retrySchedule(List<Duration> delays) {
        retrySchedule = List.copyOf(delays);
        return this;
    }

    public List<Duration> retrySchedule() {
        return retrySchedule;
    }

    /** The share (0..1) of successfully delivered events that are delivered a second time. */
    public synchronized Webhooks duplicateRate(double rate) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("a rate is between 0 and 1");
        }
        duplicateRate = rate;
        return this;
    }

    /** Every attempt so far, oldest first. */
    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Attempts under way or waiting for their retry. */
    public int pending() {
        return pending.get();
    }

    /** Forgets endpoints and deliveries, drops pending retries, restores the knobs. */
    public synchronized void reset() {
        generation.incrementAndGet();
        endpoints.clear();
        deliveries.clear();
        pending.set(0);
        answerTimeout = DEFAULT_ANSWER_TIMEOUT;
        retrySchedule = DEFAULT_RETRY_SCHEDULE;
        duplicateRate = 0;
        random = new Random(seed);
    }

    /** Sends the event {@code {id, type, action, idn}} to every endpoint. */
    public void notify(int type, int action, long id, long idn) {
        JsonObject event = new JsonObject().put("id", id).put("type", type).put("action", action).put("idn", idn);
        for (String url : endpoints) {
            send(url, event, 1, false, generation.get());
        }
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                    .build();
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "precoro-sandbox-webhooks");
                t.setDaemon(true);
                return t;
            });
        }
        return client;
    }

    private synchronized ScheduledExecutorService timer() {
        client();
        return timer;
    }

    private void send(String url, JsonObject event, int attempt, boolean duplicate, long gen) {
        pending.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(answerTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event.encode())).build();
        client().sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) ->
                completed(url, event, attempt, duplicate, gen, response, error));
    }

    /**
     * Records an attempt and plans what follows. Under the monitor {@link #reset()} takes, so that an attempt of
     * before a reset can never land in the records of after it.
     */
    private synchronized void completed(String url, JsonObject event, int attempt, boolean duplicate, long gen,
            HttpResponse<Void> response, Throwable error) {
        if (gen != generation.get()) {
            return;  // reset since: the sandbox's state is the next test's
        }
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        String failure = cause == null ? null
                : cause instanceof java.net.http.HttpTimeoutException ? "timeout" : String.valueOf(cause);
        Delivery delivery = new Delivery(url, event, attempt, duplicate, response == null ? 0 : response.statusCode(),
                failure, clock.instant());
        deliveries.add(delivery);
        if (delivery.succeeded()) {
            if (!duplicate && chance()) {
                send(url, event, 1, true, gen);
            }
        } else {
            List<Duration> schedule = retrySchedule;
            if (attempt - 1 < schedule.size()) {
                pending.incrementAndGet();
                timer().schedule(() -> {
                    synchronized (this) {
                        if (gen == generation.get()) {
                            pending.decrementAndGet();
                            send(url, event, attempt + 1, duplicate, gen);
                        }
                    }
                }, schedule.get(attempt - 1).toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        pending.decrementAndGet();
    }

    private synchronized boolean chance() {
        return duplicateRate > 0 && random.nextDouble() < duplicateRate;
    }

    /** Every delivery to {@code url}, in order (a convenience for tests and benchmarks). */
    public List<Delivery> deliveriesTo(String url) {
        List<Delivery> result = new ArrayList<>();
        deliveries.forEach(d -> {
            if (d.url().equals(url)) {
                result.add(d);
            }
        });
        return result;
    }
}
