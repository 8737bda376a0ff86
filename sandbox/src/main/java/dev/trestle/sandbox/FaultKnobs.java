package dev.trestle.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;

/**
 * The behaviour knobs of one simulated system: latency, random fault rates and a deterministic
 * fault script. Randomness comes from a seeded {@link Random} so a run with the same seed and the
 * same request order injects the same faults.
 *
 * <p>Thread-safe: the knobs are read on Vert.x event loops and set from test threads.
 */
public final class FaultKnobs {

    /** Long enough that every client timeout in the hub fires first. */
    public static final Duration DEFAULT_HANG = Duration.ofSeconds(30);

    private final long seed;
    private final Duration defaultLatency;
    private Random random;
    private final Deque<Fault> script = new ArrayDeque<>();
    private final Deque<Fault> writeScript = new ArrayDeque<>();
    private volatile Duration latency;
    private volatile Duration hangDuration = DEFAULT_HANG;
    private double errorRate;
    private double throttleRate;
    private double dropRate;
    private double malformedRate;
    private double hangRate;

    public FaultKnobs(long seed, Duration defaultLatency) {
        this.seed = seed;
        this.defaultLatency = defaultLatency;
        reset();
    }

    /** Back to the configured latency, no faults, an empty script and a fresh seeded random. */
    public synchronized FaultKnobs reset() {
        random = new Random(seed);
        script.clear();
        writeScript.clear();
        latency = defaultLatency;
        hangDuration = DEFAULT_HANG;
        errorRate = throttleRate = dropRate = malformedRate = hangRate = 0;
        return this;
    }

    public FaultKnobs latency(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        this.latency = latency;
        return this;
    }

    public Duration latency() {
        return latency;
    }

    public FaultKnobs hangDuration(Duration hangDuration) {
        this.hangDuration = hangDuration;
        return this;
    }

    public Duration hangDuration() {
        return hangDuration;
    }

    /** Fraction of requests answered with HTTP 500. */
    public synchronized FaultKnobs errorRate(double rate) {
        errorRate = checkRate(rate);
        return this;
    }

    /** Fraction of requests answered with HTTP 429. */
    public synchronized FaultKnobs throttleRate(double rate) {
        throttleRate = checkRate(rate);
        return this;
    }

    /** Fraction of requests whose connection is closed without a response. */
    public synchronized FaultKnobs dropRate(double rate) {
        dropRate = checkRate(rate);
        return this;
    }

    /** Fraction of requests answered 200 with a truncated JSON body. */
    public synchronized FaultKnobs malformedRate(double rate) {
        malformedRate = checkRate(rate);
        return this;
    }

    /** Fraction of requests that hang for {@link #hangDuration()}. */
    public synchronized FaultKnobs hangRate(double rate) {
        hangRate = checkRate(rate);
        return this;
    }

    /** The next {@code n} requests (after authentication) fail with {@code fault}, before any random fault. */
    public synchronized FaultKnobs failNext(int n, Fault fault) {
        for (int i = 0; i < n; i++) {
            script.addLast(fault);
        }
        return this;
    }

    /**
     * The next {@code n} writes (after authentication; reads pass) fail with {@code fault}, before any random fault:
     * to fail a write whose reads come first, say the syncs of an import after its planning reads.
     */
    public synchronized FaultKnobs failNextWrites(int n, Fault fault) {
        for (int i = 0; i < n; i++) {
            writeScript.addLast(fault);
        }
        return this;
    }

    public synchronized int scriptedFaultsLeft() {
        return script.size() + writeScript.size();
    }

    /** Decides the fate of one request, a write or not: a fault, or {@code null} for a normal answer. */
    public synchronized Fault nextFault(boolean write) {
        if (!script.isEmpty()) {
            return script.removeFirst();
        }
        if (write && !writeScript.isEmpty()) {
            return writeScript.removeFirst();
        }
        double total = errorRate + throttleRate + dropRate + malformedRate + hangRate;
        if (total == 0) {
            return null;  // keep the random sequence untouched while no rate is set
        }
        double r = random.nextDouble();
        if ((r -= errorRate) < 0) {
            return Fault.SERVER_ERROR;
        }
        if ((r -= throttleRate) < 0) {
            return Fault.THROTTLE;
        }
        if ((r -= dropRate) < 0) {
            return Fault.DROP_CONNECTION;
        }
        if ((r -= malformedRate) < 0) {
            return Fault.MALFORMED_BODY;
        }
        if ((r -= hangRate) < 0) {
            return Fault.HANG;
        }
        return null;
    }

    private static double checkRate(double rate) {
        if (rate < 0 || rate > 1 || Double.isNaN(rate)) {
            throw new IllegalArgumentException("a rate is a fraction between 0 and 1, got " + rate);
        }
        return rate;
    }
}
