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

        @WithDefault("PT0S")
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

        @WithDefault("PT0S")
        Duration latency();
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
                .procoreClientId(procore().clientId())
                .procoreClientSecret(procore().clientSecret())
                .procoreCompanyId(procore().companyId())
                .procoreTokenLifetime(procore().tokenLifetime())
                .procoreRequestsPerWindow(procore().requestsPerWindow())
                .procoreRateWindow(procore().rateWindow())
                .procoreLatency(procore().latency())
                .build();
    }
}
