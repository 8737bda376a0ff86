package dev.trestle.graphql;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * {@code trestle.graphql.*}: what one GraphQL request may cost the hub and its upstream systems.
 * Every limit is checked before the operation runs (see {@link GraphQLGate}); the defaults leave
 * room for every query the dashboards and the GraphQL UI send (introspection included) and refuse
 * the alias and fragment bombs that would otherwise exhaust the heap or an upstream budget.
 */
@ConfigMapping(prefix = "trestle.graphql")
public interface GraphQLLimitsConfig {

    /** Largest request body (or GET query string) in bytes. */
    @WithDefault("65536")
    int maxRequestBytes();

    /**
     * Most tokens in a document (names, punctuation, values): parsing stops there. The largest
     * document the other limits allow has about 30 tokens per alias; the GraphQL UI's
     * introspection query about 300.
     */
    @WithDefault("3000")
    int maxTokens();

    /** Deepest selection, counted in nested fields (the GraphQL UI's introspection query needs 13). */
    @WithDefault("15")
    int maxDepth();

    /** Most aliased fields in one document, after fragment expansion. */
    @WithDefault("30")
    int maxAliases();

    /** Most field selections after fragment expansion: a fragment spread twice counts twice. */
    @WithDefault("1000")
    int maxFields();

    /**
     * Most result objects the operation may produce, estimated before it runs: each field counts
     * once per item of the lists around it, a list counting as its {@code first} argument (or
     * {@link #assumedListSize()} when it has none). Bounds the response size and the heap it takes.
     */
    @WithDefault("20000")
    int maxNodes();

    /**
     * Size assumed for a list field without a {@code first} argument, for {@link #maxNodes()}: such
     * lists are a record's own parts (an export's writes and deliveries, an employee's conflict
     * candidates), short next to the pages (at most 100) that multiply them.
     */
    @WithDefault("10")
    int assumedListSize();

    /**
     * Result objects (as for {@link #maxNodes()}) that the operations running on one replica may
     * produce together; an operation that would exceed it is refused with OVERLOADED (HTTP 503) until
     * others have answered: two of the largest queries allowed at once, or fifty full dashboard pages.
     * (bench/api-limits.sh: five of the largest at once took the 256 MB heap to 250 MB used.)
     */
    @WithDefault("50000")
    long maxNodesInFlight();

    /** Most JSON nesting in a request (variables are shallow; deep nesting is an attack). */
    @WithDefault("32")
    int maxJsonDepth();

    /** An operation still running after this long is answered with DEADLINE_EXCEEDED. */
    @WithDefault("PT30S")
    Duration deadline();

    Callers callers();

    /**
     * Per-caller fairness, per replica: each caller (issuer and subject of the token) gets a
     * bucket of operations that refills steadily, and a cap on operations running at once, so
     * one caller can neither starve the others nor spend an upstream budget for everyone.
     */
    interface Callers {
        /** Operations a caller may start per second, on average. */
        @WithDefault("5")
        double operationsPerSecond();

        /** Operations a caller may start at once after a quiet spell (the bucket's size). */
        @WithDefault("30")
        int burst();

        /** Operations of one caller running at the same time. */
        @WithDefault("4")
        int concurrent();
    }
}
