package dev.trestle.purchasing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How Precoro purchase orders become NetSuite purchase orders ({@code trestle.purchasing.*}). The NetSuite ids
 * differ per account, so they are configured, never assumed.
 */
@ConfigMapping(prefix = "trestle.purchasing")
public interface PurchasingConfig {

    /**
     * NetSuite currency internal ids by ISO 4217 code ({@code trestle.purchasing.currencies."USD"=1}). A PO in a
     * currency missing here is not exportable, and says so.
     */
    Map<String, String> currencies();

    /**
     * Internal id of the expense account of PO lines on Precoro items that were never integrated with NetSuite
     * (only integrated items can be NetSuite item lines). Unset: such POs are not exportable, and say so.
     */
    Optional<String> expenseAccountId();

    /** The Precoro web app, for the NetSuite memo's link back to the PO. */
    @WithDefault("https://app.precoro.com")
    String precoroAppUrl();

    /**
     * The secret in the webhook URL registered in Precoro ({@code /webhooks/precoro/<token>}): Precoro signs nothing
     * and sends no header of the hub's choosing, so the URL is the only secret it can carry: use 24 or more random
     * characters.
     */
    String webhookToken();

    /** When the safety-net poll of Precoro's approved POs runs (a cron, or {@code off}). */
    String pollCron();

    /**
     * How often each replica looks for POs whose back-off ended or whose reading replica died (a webhook wakes the
     * intake at once; this is only for what waits).
     */
    @WithDefault("15s")
    String intakeEvery();

    /** How far back of the last poll's start each poll asks ({@code modifiedSince}), for clocks and late commits. */
    @WithDefault("PT10M")
    Duration pollOverlap();

    /** How long a purchase order read is held by one replica before another may take it. */
    @WithDefault("PT2M")
    Duration claimFor();

    /** The first wait after a failed read of a PO (doubling, up to {@link #maxRetryAfter()}). */
    @WithDefault("PT30S")
    Duration firstRetryAfter();

    @WithDefault("PT30M")
    Duration maxRetryAfter();
}
