package dev.trestle.settings;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Dev mode only: the sandbox's demo data tells its story around a fixed connection instant
 * (projects created before it, in progress, after it). A database created today would put every
 * demo project before the connection and make none exportable, so dev mode sets the
 * installation's connection instant to the story's ({@code trestle.demo.connected-at}).
 * Nothing sets that property outside dev mode.
 */
@ApplicationScoped
class DemoConnection {

    private static final Logger LOG = Logger.getLogger(DemoConnection.class);

    void onStart(@Observes StartupEvent started, Pool pool,
            @ConfigProperty(name = "trestle.demo.connected-at") Optional<Instant> connectedAt) {
        connectedAt.ifPresent(instant -> {
            pool.preparedQuery("UPDATE integration_settings SET connected_at = $1 WHERE connected_at <> $1")
                    .execute(Tuple.of(instant.atOffset(ZoneOffset.UTC)))
                    .await().atMost(Duration.ofSeconds(30));
            LOG.infof("Demo installation: connected at %s, as the sandbox's demo data has it", instant);
        });
    }
}
