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
    /** After CORS (-300), before authentication (-200); Quarkus orders its filters at minus their priority. */
    static final int SANDBOX_ROUTE_ORDER = -250;

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
        // Ahead of the hub's own (proactive) authentication at order -200: the simulated systems check
        // their clients' credentials themselves, and a Procore bearer token is no JWT of the hub's, so the
        // hub would refuse it with 401 before the simulation saw the request.
        router.route("/sandbox*").order(SANDBOX_ROUTE_ORDER).subRouter(sandbox.get().router(vertx));
        LOG.info("Sandbox NetSuite, Precoro and Procore simulations are served under /sandbox");
    }
}
