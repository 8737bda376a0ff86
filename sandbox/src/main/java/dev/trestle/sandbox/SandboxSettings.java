package dev.trestle.sandbox;

import dev.trestle.sandbox.procore.ProcoreSandbox;

import java.time.Clock;
import java.time.Duration;

/**
 * Everything a {@link Sandbox} is built from. {@link #defaults()} holds the documented demo
 * credentials (the same as the dev and test configuration of the hub's connectors) and the
 * defaults of {@link SandboxConfig}, the real services' rules, with two exceptions that keep unit
 * tests fast: Precoro's per-second, hourly and daily limits are raised (20/s, 1,000,000) and
 * NetSuite answers without latency. Every refusal rule (Precoro's duplicate GETs, Procore's spike
 * window and overload, NetSuite's concurrency) is on, with the real figures; a test that needs one
 * off or changed says so through the system's knobs.
 */
public record SandboxSettings(
        long seed,
        int precoroUsers,
        int netsuiteEmployees,
        String netsuiteAccountId,
        String netsuiteConsumerKey,
        String netsuiteConsumerSecret,
        String netsuiteTokenId,
        String netsuiteTokenSecret,
        int netsuiteConcurrencyLimit,
        Duration netsuiteLatency,
        String precoroApiToken,
        String precoroEmail,
        int precoroRequestsPerSecond,
        int precoroHourlyBudget,
        int precoroDailyBudget,
        Duration precoroLatency,
        Duration precoroDuplicateWindow,
        String procoreClientId,
        String procoreClientSecret,
        long procoreCompanyId,
        Duration procoreTokenLifetime,
        int procoreRequestsPerWindow,
        Duration procoreRateWindow,
        int procoreSpikeLimit,
        Duration procoreSpikeWindow,
        int procoreOverloadConcurrency,
        Duration procoreOverloadRetryAfter,
        Duration procoreLatency,
        int procoreGeneratedVendors,
        int procoreGeneratedInvoices,
        int procoreGeneratedInvoiceLines,
        boolean moneyBackDemo,
        int netsuiteGeneratedBillPayments,
        String procoreCompanyCountry,
        int precoroGeneratedPurchaseOrders,
        boolean precoroGeneratedPurchaseOrdersPending,
        Clock clock) {

    public static SandboxSettings defaults() {
        return new SandboxSettings(42, 300, 300, "TSTDRV1234567", "sandbox-consumer-key", "sandbox-consumer-secret",
                "sandbox-token-id", "sandbox-token-secret", 5, Duration.ZERO, "sandbox-precoro-token",
                "integration@trestle.dev", 20, 1_000_000, 1_000_000, Duration.ZERO, Duration.ofMinutes(1),
                "sandbox-procore-client-id", "sandbox-procore-client-secret", ProcoreDemoCases.COMPANY_ID,
                Duration.ofSeconds(5400), 3600, Duration.ofHours(1), 25, Duration.ofSeconds(10), 20,
                Duration.ofSeconds(1), Duration.ZERO, 0, 0, 10, false, 0, ProcoreSandbox.DEFAULT_COUNTRY, 0,
                false, Clock.systemUTC());
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes single settings of an existing set. */
    public static final class Builder {
        private long seed;
        private int precoroUsers;
        private int netsuiteEmployees;
        private String netsuiteAccountId;
        private String netsuiteConsumerKey;
        private String netsuiteConsumerSecret;
        private String netsuiteTokenId;
        private String netsuiteTokenSecret;
        private int netsuiteConcurrencyLimit;
        private Duration netsuiteLatency;
        private String precoroApiToken;
        private String precoroEmail;
        private int precoroRequestsPerSecond;
        private int precoroHourlyBudget;
        private int precoroDailyBudget;
        private Duration precoroLatency;
        private Duration precoroDuplicateWindow;
        private String procoreClientId;
        private String procoreClientSecret;
        private long procoreCompanyId;
        private Duration procoreTokenLifetime;
        private int procoreRequestsPerWindow;
        private Duration procoreRateWindow;
        private int procoreSpikeLimit;
        private Duration procoreSpikeWindow;
        private int procoreOverloadConcurrency;
        private Duration procoreOverloadRetryAfter;
        private Duration procoreLatency;
        private int procoreGeneratedVendors;
        private int procoreGeneratedInvoices;
        private int procoreGeneratedInvoiceLines;
        private boolean moneyBackDemo;
        private int netsuiteGeneratedBillPayments;
        private String procoreCompanyCountry;
        private int precoroGeneratedPurchaseOrders;
        private boolean precoroGeneratedPurchaseOrdersPending;
        private Clock clock;

        private Builder(SandboxSettings s) {
            seed = s.seed;
            precoroUsers = s.precoroUsers;
            netsuiteEmployees = s.netsuiteEmployees;
            netsuiteAccountId = s.netsuiteAccountId;
            netsuiteConsumerKey = s.netsuiteConsumerKey;
            netsuiteConsumerSecret = s.netsuiteConsumerSecret;
            netsuiteTokenId = s.netsuiteTokenId;
            netsuiteTokenSecret = s.netsuiteTokenSecret;
            netsuiteConcurrencyLimit = s.netsuiteConcurrencyLimit;
            netsuiteLatency = s.netsuiteLatency;
            precoroApiToken = s.precoroApiToken;
            precoroEmail = s.precoroEmail;
            precoroRequestsPerSecond = s.precoroRequestsPerSecond;
            precoroHourlyBudget = s.precoroHourlyBudget;
            precoroDailyBudget = s.precoroDailyBudget;
            precoroLatency = s.precoroLatency;
            precoroDuplicateWindow = s.precoroDuplicateWindow;
            procoreClientId = s.procoreClientId;
            procoreClientSecret = s.procoreClientSecret;
            procoreCompanyId = s.procoreCompanyId;
            procoreTokenLifetime = s.procoreTokenLifetime;
            procoreRequestsPerWindow = s.procoreRequestsPerWindow;
            procoreRateWindow = s.procoreRateWindow;
            procoreSpikeLimit = s.procoreSpikeLimit;
            procoreSpikeWindow = s.procoreSpikeWindow;
            procoreOverloadConcurrency = s.procoreOverloadConcurrency;
            procoreOverloadRetryAfter = s.procoreOverloadRetryAfter;
            procoreLatency = s.procoreLatency;
            procoreGeneratedVendors = s.procoreGeneratedVendors;
            procoreGeneratedInvoices = s.procoreGeneratedInvoices;
            procoreGeneratedInvoiceLines = s.procoreGeneratedInvoiceLines;
            moneyBackDemo = s.moneyBackDemo;
            netsuiteGeneratedBillPayments = s.netsuiteGeneratedBillPayments;
            procoreCompanyCountry = s.procoreCompanyCountry;
            precoroGeneratedPurchaseOrders = s.precoroGeneratedPurchaseOrders;
            precoroGeneratedPurchaseOrdersPending = s.precoroGeneratedPurchaseOrdersPending;
            clock = s.clock;
        }

        public Builder seed(long value) { seed = value; return this; }
        public Builder precoroUsers(int value) { precoroUsers = value; return this; }
        public Builder netsuiteEmployees(int value) { netsuiteEmployees = value; return this; }
        public Builder netsuiteAccountId(String value) { netsuiteAccountId = value; return this; }
        public Builder netsuiteConsumerKey(String value) { netsuiteConsumerKey = value; return this; }
        public Builder netsuiteConsumerSecret(String value) { netsuiteConsumerSecret = value; return this; }
        public Builder netsuiteTokenId(String value) { netsuiteTokenId = value; return this; }
        public Builder netsuiteTokenSecret(String value) { netsuiteTokenSecret = value; return this; }
        public Builder netsuiteConcurrencyLimit(int value) { netsuiteConcurrencyLimit = value; return this; }
        public Builder netsuiteLatency(Duration value) { netsuiteLatency = value; return this; }
        public Builder precoroApiToken(String value) { precoroApiToken = value; return this; }
        public Builder precoroEmail(String value) { precoroEmail = value; return this; }
        public Builder precoroRequestsPerSecond(int value) { precoroRequestsPerSecond = value; return this; }
        public Builder precoroHourlyBudget(int value) { precoroHourlyBudget = value; return this; }
        public Builder precoroDailyBudget(int value) { precoroDailyBudget = value; return this; }
        public Builder precoroLatency(Duration value) { precoroLatency = value; return this; }
        /** How long an identical GET stays refused after the first one; {@link Duration#ZERO} turns the rule off. */
        public Builder precoroDuplicateWindow(Duration value) { precoroDuplicateWindow = value; return this; }
        public Builder procoreClientId(String value) { procoreClientId = value; return this; }
        public Builder procoreClientSecret(String value) { procoreClientSecret = value; return this; }
        public Builder procoreCompanyId(long value) { procoreCompanyId = value; return this; }
        public Builder procoreTokenLifetime(Duration value) { procoreTokenLifetime = value; return this; }
        public Builder procoreRequestsPerWindow(int value) { procoreRequestsPerWindow = value; return this; }
        public Builder procoreRateWindow(Duration value) { procoreRateWindow = value; return this; }
        /** Requests per spike window, on top of the hourly limit. */
        public Builder procoreSpikeLimit(int value) { procoreSpikeLimit = value; return this; }
        public Builder procoreSpikeWindow(Duration value) { procoreSpikeWindow = value; return this; }
        /** Requests in flight at once beyond which Procore answers 503; 0 turns the rule off. */
        public Builder procoreOverloadConcurrency(int value) { procoreOverloadConcurrency = value; return this; }
        public Builder procoreOverloadRetryAfter(Duration value) { procoreOverloadRetryAfter = value; return this; }
        public Builder procoreLatency(Duration value) { procoreLatency = value; return this; }
        /** Procore-only vendors added after the demo cases, for benchmarks that export many. */
        public Builder procoreGeneratedVendors(int value) { procoreGeneratedVendors = value; return this; }
        /** Approved subcontractor invoices added after the demo ones, each on a commitment of its own, for benchmarks. */
        public Builder procoreGeneratedInvoices(int value) { procoreGeneratedInvoices = value; return this; }
        /** Contract items of each generated invoice. */
        public Builder procoreGeneratedInvoiceLines(int value) { procoreGeneratedInvoiceLines = value; return this; }
        /** Adds the money-back demo (payments, bills and journals for the way back to Procore; {@link MoneyBackDemoData}). */
        public Builder moneyBackDemo(boolean value) { moneyBackDemo = value; return this; }
        /** Generated bill payments, each applied to one generated Procore-originated bill ({@link MoneyBackDemoData}). */
        public Builder netsuiteGeneratedBillPayments(int value) { netsuiteGeneratedBillPayments = value; return this; }
        /** The Procore company's {@code country_code} after a reset. */
        public Builder procoreCompanyCountry(String value) { procoreCompanyCountry = value; return this; }
        /** Approved Precoro purchase orders added after the purchasing demo's, for benchmarks ({@link PurchasingDemoData}). */
        public Builder precoroGeneratedPurchaseOrders(int value) { precoroGeneratedPurchaseOrders = value; return this; }
        /**
         * The generated POs start pending approval instead of approved, for a benchmark that approves them all at once
         * ({@code POST /sandbox/records/precoro/purchaseorders/approve-pending}, {@link Sandbox#router}).
         */
        public Builder precoroGeneratedPurchaseOrdersPending(boolean value) {
            precoroGeneratedPurchaseOrdersPending = value;
            return this;
        }
        public Builder clock(Clock value) { clock = value; return this; }

        public SandboxSettings build() {
            return new SandboxSettings(seed, precoroUsers, netsuiteEmployees, netsuiteAccountId, netsuiteConsumerKey,
                    netsuiteConsumerSecret, netsuiteTokenId, netsuiteTokenSecret, netsuiteConcurrencyLimit,
                    netsuiteLatency, precoroApiToken, precoroEmail, precoroRequestsPerSecond, precoroHourlyBudget,
                    precoroDailyBudget, precoroLatency, precoroDuplicateWindow, procoreClientId, procoreClientSecret,
                    procoreCompanyId, procoreTokenLifetime, procoreRequestsPerWindow, procoreRateWindow, procoreSpikeLimit,
                    procoreSpikeWindow, procoreOverloadConcurrency, procoreOverloadRetryAfter, procoreLatency,
                    procoreGeneratedVendors, procoreGeneratedInvoices, procoreGeneratedInvoiceLines, moneyBackDemo,
                    netsuiteGeneratedBillPayments, procoreCompanyCountry, precoroGeneratedPurchaseOrders,
                    precoroGeneratedPurchaseOrdersPending, clock);
        }
    }
}
