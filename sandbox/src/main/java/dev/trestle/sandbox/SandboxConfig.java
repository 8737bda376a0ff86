package dev.trestle.sandbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * {@code trestle.sandbox.*}: the demo data and behaviour of the simulated systems that the hub
 * serves under {@code /sandbox} in dev mode and tests. There is no switch: the sandbox is served
 * exactly when this module is on the classpath, which the production build never has. The
 * credential defaults are the documented sandbox demo credentials, never real ones.
 */
@ConfigMapping(prefix = "trestle.sandbox")
public interface SandboxConfig {

    /** Seed of the demo data generator and of the fault dice. */
    @WithDefault("42")
    long seed();

    Demo demo();

    NetSuite netsuite();

    Precoro precoro();

    Procore procore();

    interface Demo {
        @WithDefault("300")
        int precoroUsers();

        @WithDefault("300")
        int netsuiteEmployees();

        /**
         * Adds the demo of the way back, NetSuite to Procore ({@link MoneyBackDemoData}): bills exported from
         * Procore invoices and paid in NetSuite, bills entered in NetSuite and journals on the exported project.
         * Off by default, because it adds NetSuite transactions and synced Procore invoices that tests of the
         * export counting on the plain demo would see; dev mode turns it on with
         * {@code TRESTLE_SANDBOX_DEMO_MONEY_BACK=true}.
         */
        @WithDefault("false")
        boolean moneyBack();

        /** Generated bill payments for benchmarks, each applied in full to one generated Procore-originated bill. */
        @WithDefault("0")
        int netsuiteBillPayments();
    }

    interface NetSuite {
        @WithDefault("TSTDRV1234567")
        String accountId();

        @WithDefault("sandbox-consumer-key")
        String consumerKey();

        @WithDefault("sandbox-consumer-secret")
        String consumerSecret();

        @WithDefault("sandbox-token-id")
        String tokenId();

        @WithDefault("sandbox-token-secret")
        String tokenSecret();

        /** A NetSuite developer account's limit. */
        @WithDefault("5")
        int concurrencyLimit();

        /**
         * How long every NetSuite answer takes. Real REST record and SuiteQL calls answer in hundreds of
         * milliseconds; 150 ms is at the quick end of that, and enough that a hub sending many requests at
         * once meets the concurrency limit in dev mode as it would in production (without latency no
         * request is ever in flight long enough for a sixth to be refused).
         */
        @WithDefault("PT0.15S")
        Duration latency();
    }

    interface Precoro {
        @WithDefault("sandbox-precoro-token")
        String apiToken();

        @WithDefault("integration@trestle.dev")
        String email();

        /** Real Precoro allows about one request per second. */
        @WithDefault("1")
        int requestsPerSecond();

        @WithDefault("1500")
        int hourlyBudget();

        @WithDefault("3000")
        int dailyBudget();

        /**
         * Precoro refuses an identical GET (same path, same query parameters in any order, same API key)
         * within a minute of the first one it served ("Route based limiter by minute"); {@code PT0S} turns
         * the rule off.
         */
        @WithDefault("PT1M")
        Duration duplicateWindow();

        @WithDefault("PT0S")
        Duration latency();
    }

    interface Procore {
        @WithDefault("sandbox-procore-client-id")
        String clientId();

        @WithDefault("sandbox-procore-client-secret")
        String clientSecret();

        /** The demo company the credentials are installed in. */
        @WithDefault("4264807")
        long companyId();

        /** Procore's access tokens live 90 minutes. */
        @WithDefault("PT5400S")
        Duration tokenLifetime();

        /** Procore's documented historical default: 3600 requests an hour. */
        @WithDefault("3600")
        int requestsPerWindow();

        @WithDefault("PT1H")
        Duration rateWindow();

        /**
         * Requests per spike window, counted besides the hourly limit: Procore's documented example is 25
         * per 10 seconds. Each answer's {@code X-Rate-Limit-*} headers describe whichever of the two windows
         * has the smaller share left (see {@code ProcoreRateLimit}). 0: no spike window.
         */
        @WithDefault("25")
        int spikeLimit();

        /** Procore's spike window: 10 seconds. */
        @WithDefault("PT10S")
        Duration spikeWindow();

        /**
         * Requests in flight at once beyond which Procore answers 503 with {@code Retry-After}, as it does
         * under heavy platform load. Procore publishes no figure; 20 at once is well above what a client
         * pacing itself to the spike window (25 per 10 s) needs, so only a burst of parallel requests or slow
         * answers meet it. 0 turns the rule off.
         */
        @WithDefault("20")
        int overloadConcurrency();

        /** The {@code Retry-After} of an overload answer, in whole seconds. */
        @WithDefault("PT1S")
        Duration overloadRetryAfter();

        @WithDefault("PT0S")
        Duration latency();

        /** The company's {@code country_code}; outside the US Procore's ERP imports no commitment payments. */
        @WithDefault("US")
        String companyCountry();
    }

    default SandboxSettings toSettings() {
        return SandboxSettings.defaults().toBuilder()
                .seed(seed())
                .precoroUsers(demo().precoroUsers())
                .netsuiteEmployees(demo().netsuiteEmployees())
                .netsuiteAccountId(netsuite().accountId())
                .netsuiteConsumerKey(netsuite().consumerKey())
                .netsuiteConsumerSecret(netsuite().consumerSecret())
                .netsuiteTokenId(netsuite().tokenId())
                .netsuiteTokenSecret(netsuite().tokenSecret())
                .netsuiteConcurrencyLimit(netsuite().concurrencyLimit())
                .netsuiteLatency(netsuite().latency())
                .precoroApiToken(precoro().apiToken())
                .precoroEmail(precoro().email())
                .precoroRequestsPerSecond(precoro().requestsPerSecond())
                .precoroHourlyBudget(precoro().hourlyBudget())
                .precoroDailyBudget(precoro().dailyBudget())
                .precoroLatency(precoro().latency())
                .precoroDuplicateWindow(precoro().duplicateWindow())
                .procoreClientId(procore().clientId())
                .procoreClientSecret(procore().clientSecret())
                .procoreCompanyId(procore().companyId())
                .procoreTokenLifetime(procore().tokenLifetime())
                .procoreRequestsPerWindow(procore().requestsPerWindow())
                .procoreRateWindow(procore().rateWindow())
                .procoreSpikeLimit(procore().spikeLimit())
                .procoreSpikeWindow(procore().spikeWindow())
                .procoreOverloadConcurrency(procore().overloadConcurrency())
                .procoreOverloadRetryAfter(procore().overloadRetryAfter())
                .procoreLatency(procore().latency())
                .moneyBackDemo(demo().moneyBack())
                .netsuiteGeneratedBillPayments(demo().netsuiteBillPayments())
                .procoreCompanyCountry(procore().companyCountry())
                .build();
    }
}
