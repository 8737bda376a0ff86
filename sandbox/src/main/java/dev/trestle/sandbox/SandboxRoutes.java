package dev.trestle.sandbox;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Serves the sandbox under {@code /sandbox} on the hub's own HTTP server. Only dev mode and tests
 * have this bean: the hub depends on the sandbox module with scope {@code provided}, which the
 * production build leaves out.
 */
@ApplicationScoped
public class SandboxRoutes {

    private static final Logger LOG = Logger.getLogger(SandboxRoutes.class);
    /** After CORS (-300), before authentication (-200); Quarkus orders its filters at minus their priority. */
    static final int SANDBOX_ROUTE_ORDER = -250;

    private final Sandbox sandbox;
    private final Vertx vertx;

    SandboxRoutes(Sandbox sandbox, Vertx vertx) {
        this.sandbox = sandbox;
        this.vertx = vertx;
    }

    void mount(@Observes Router router) {
        // Ahead of the hub's own (proactive) authentication at order -200: the simulated systems check
        // their clients' credentials themselves, and a Procore bearer token is no JWT of the hub's, so the
        // hub would refuse it with 401 before the simulation saw the request.
        router.route("/sandbox*").order(SANDBOX_ROUTE_ORDER).subRouter(sandbox.router(vertx));
        LOG.info("Sandbox NetSuite, Precoro and Procore simulations are served under /sandbox");
    }
}
