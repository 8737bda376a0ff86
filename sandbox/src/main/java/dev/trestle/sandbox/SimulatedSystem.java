package dev.trestle.sandbox;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The request pipeline shared by the simulated systems: log, count in flight, authenticate,
 * inject faults, admit against the system's limits, wait the latency, answer. Nothing in it
 * blocks: latency and hangs are Vert.x timers.
 */
public abstract class SimulatedSystem {

    private static final Logger LOG = Logger.getLogger(SimulatedSystem.class);

    /** What admission control decided: either a rejection to send now, or a permit to release at the end. */
    protected record Admission(SandboxResponse rejection, Runnable release) {
        public static Admission granted(Runnable release) {
            return new Admission(null, release);
        }

        public static Admission rejected(SandboxResponse rejection) {
            return new Admission(rejection, null);
        }
    }

    protected final Clock clock;
    private final String name;
    private final FaultKnobs knobs;
    private final RequestLog requests;
    private final InFlightGauge inFlight = new InFlightGauge();
    private final Set<RoutingContext> hanging = ConcurrentHashMap.newKeySet();

    protected SimulatedSystem(String name, FaultKnobs knobs, RequestLog requests, Clock clock) {
        this.name = name;
        this.knobs = knobs;
        this.requests = requests;
        this.clock = clock;
    }

    public FaultKnobs knobs() {
        return knobs;
    }

    public RequestLog requests() {
        return requests;
    }

    public InFlightGauge inFlight() {
        return inFlight;
    }

    /** Null when the request carries valid credentials, else the system's 401 answer. */
    protected abstract SandboxResponse authenticate(RoutingContext ctx);

    /** Applies the system's own limits (concurrency pool, rate limits) to an authenticated request. */
    protected abstract Admission admit(RoutingContext ctx);

    protected abstract SandboxResponse serverError();

    protected abstract SandboxResponse throttled();

    /** Restores knobs, limits and logs; subclasses add their data. */
    protected void resetBehaviour() {
        knobs.reset();
        requests.clear();
        // Hung requests would otherwise keep holding permits into the next test.
        for (RoutingContext ctx : hanging) {
            ctx.request().connection().close();
        }
        hanging.clear();
        inFlight.resetMax();
    }

    /** Runs one request through the pipeline; {@code endpoint} computes the normal answer. */
    protected final void serve(RoutingContext ctx, Function<RoutingContext, SandboxResponse> endpoint) {
        RequestLog.LoggedRequest logged = requests.record(ctx.request().method().name(), relativePath(ctx),
                ctx.request().query(), clock.instant());
        inFlight.enter();
        Exchange exchange = new Exchange();
        ctx.addEndHandler(ignored -> exchange.finish());

        SandboxResponse unauthorized = authenticate(ctx);
        if (unauthorized != null) {
            send(ctx, unauthorized);
            return;
        }
        Fault fault = knobs.nextFault(logged.write());
        if (fault == Fault.THROTTLE) {
            // Throttling happens at the door: no latency, no permit held.
            send(ctx, throttled());
            return;
        }
        Admission admission = admit(ctx);
        if (admission.rejection() != null) {
            send(ctx, admission.rejection());
            return;
        }
        exchange.hold(admission.release());
        long latencyMs = knobs.latency().toMillis();
        if (latencyMs > 0) {
            ctx.vertx().setTimer(latencyMs, id -> answer(ctx, fault, endpoint));
        } else {
            answer(ctx, fault, endpoint);
        }
    }

    private void answer(RoutingContext ctx, Fault fault, Function<RoutingContext, SandboxResponse> endpoint) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        if (fault == null) {
            send(ctx, compute(ctx, endpoint));
            return;
        }
        switch (fault) {
            case SERVER_ERROR, THROTTLE -> send(ctx, fault == Fault.THROTTLE ? throttled() : serverError());
            case DROP_CONNECTION -> ctx.request().connection().close();
            case COMMIT_THEN_DROP -> {
                compute(ctx, endpoint);
                ctx.request().connection().close();
            }
            case MALFORMED_BODY -> send(ctx, truncated(compute(ctx, endpoint)));
            case HANG -> hang(ctx);
            case COMMIT_THEN_HANG -> {
                compute(ctx, endpoint);
                hang(ctx);
            }
        }
    }

    /** No answer until the hang duration has passed, then the connection closes. */
    private void hang(RoutingContext ctx) {
        hanging.add(ctx);
        ctx.vertx().setTimer(Math.max(1, knobs.hangDuration().toMillis()), id -> {
            if (hanging.remove(ctx)) {
                ctx.request().connection().close();
            }
        });
    }

    private SandboxResponse compute(RoutingContext ctx, Function<RoutingContext, SandboxResponse> endpoint) {
        try {
            return endpoint.apply(ctx);
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s sandbox failed on %s %s", name, ctx.request().method(), ctx.request().uri());
            return serverError();
        }
    }

    /** A 200 whose body stops half way, the way a proxy cut-off or a crashed server leaves it. */
    private static SandboxResponse truncated(SandboxResponse real) {
        String body = real.body() == null || real.body().length() < 4 ? "{\"items\":[{\"id\":\"1\"" : real.body();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String cut = new String(bytes, 0, Math.max(1, bytes.length / 2), StandardCharsets.UTF_8);
        return new SandboxResponse(200, real.contentType(), Map.of(), cut);
    }

    protected static void send(RoutingContext ctx, SandboxResponse answer) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(answer.status());
        if (answer.contentType() != null) {
            response.putHeader("Content-Type", answer.contentType());
        }
        answer.headers().forEach(response::putHeader);
        if (answer.body() == null) {
            response.end();
        } else {
            response.end(answer.body());
        }
    }

    /** The path below the system's mount point, e.g. {@code /users/5}, wherever the sandbox is mounted. */
    protected static String relativePath(RoutingContext ctx) {
        String path = ctx.request().path();
        String mount = ctx.mountPoint();
        if (mount != null && !mount.isEmpty() && path.startsWith(mount)) {
            String rest = path.substring(mount.length());
            return rest.isEmpty() ? "/" : rest;
        }
        return path;
    }

    /**
     * Scheme and authority as the client addressed us (the Host header), which is what links in
     * responses and OAuth signatures are built from.
     */
    protected static String origin(RoutingContext ctx) {
        String host = ctx.request().getHeader("Host");
        if (host == null) {
            host = ctx.request().authority() != null ? ctx.request().authority().toString() : "localhost";
        }
        return ctx.request().scheme() + "://" + host;
    }

    /** Releases the admission permit and the in-flight count exactly once, however the exchange ends. */
    private final class Exchange {
        private boolean finished;
        private Runnable release;

        synchronized void hold(Runnable permitRelease) {
            if (finished) {
                permitRelease.run();  // the client went away before the permit was taken
            } else {
                release = permitRelease;
            }
        }

        synchronized void finish() {
            if (finished) {
                return;
            }
            finished = true;
            inFlight.exit();
            if (release != null) {
                release.run();
            }
        }
    }
}
