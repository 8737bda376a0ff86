package dev.trestle.connectors;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * A tenant's request budget at an upstream system ({@code trestle.<system>.budget.*}): what the
 * service allows per hour and per day, shared by every caller of every replica. See {@link RequestBudget}.
 */
public interface BudgetConfig {

    /** Requests per hour the service allows the tenant, all replicas together; 0: no hourly budget. */
    int perHour();

    /** Requests per day the service allows the tenant, all replicas together; 0: no daily budget. */
    @WithDefault("0")
    int perDay();

    /**
     * Requests the service allows in its short spike window ({@link #spikeWindow()}), all replicas
     * together; 0: none. Procore runs one of 10 seconds besides the hourly window.
     */
    @WithDefault("0")
    int spikeLimit();

    /** The length of the spike window. */
    @WithDefault("10s")
    Duration spikeWindow();

    /**
     * The share of each budget kept for the hub's own work (exports, imports, syncs): reads for
     * people (GraphQL requests) stop while only this much is left, so dashboards never starve them.
     */
    @WithDefault("0.2")
    double reserve();

    /** Replicas of the hub sharing the tenant's budget; each spends its share. */
    @WithDefault("1")
    int replicas();

    /**
     * The longest a call waits in place for budget. A longer wait fails at once as a rate limit
     * (with the time the budget is back), so the work pauses without holding anything. Keep it
     * well below {@code trestle.exports.claim-for}, or a delivery's claim runs out while it waits.
     */
    @WithDefault("10s")
    Duration maxWait();
}
