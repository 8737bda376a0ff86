package dev.trestle.sandbox;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

/** Serves the sandbox under {@code /sandbox} on the hub's own HTTP server when it is enabled. */
@ApplicationScoped
public class SandboxRoutes {

    private static final Logger LOG = Logger.getLogger(SandboxRoutes.class);

    private final SandboxConfig config;
    private final Instance<Sandbox> sandbox;
    private final Vertx vertx;

    SandboxRoutes(SandboxConfig config, Instance<Sandbox> sandbox, Vertx vertx) {
        this.config = config;
        this.sandbox = sandbox;
        this.vertx = vertx;
    }

    void mount(@Observes Router router) {
        if (!config.enabled()) {
            return;  // production: the sandbox's demo data is not even generated
        }
        router.route("/sandbox*").subRouter(sandbox.get().router(vertx));
        LOG.info("Sandbox NetSuite, Precoro and Procore simulations are served under /sandbox");
    }
}
