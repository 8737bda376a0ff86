package dev.trestle.operations;

import io.micrometer.core.instrument.Tags;
import io.quarkus.micrometer.runtime.HttpServerMetricsTagsContributor;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import jakarta.inject.Singleton;

/**
 * Counts every HTTP request that matched no route, or was refused before routing (a missing or
 * invalid token answered 401 by the authentication handler), under one {@code uri} label,
 * {@value #UNMATCHED}, on {@code http_server_requests_seconds}.
 *
 * <p>Without this, Quarkus labels such a request with its raw path (it only folds unmatched 404s
 * into {@code NOT_FOUND}), so any unauthenticated caller could add a series per path it makes up
 * and grow the metrics without bound. Tags contributed here replace the binder's own {@code uri}.
 *
 * <p>A request matched a route when Quarkus' HTTP binder recorded a Vert.x route path for it
 * ({@code VertxRoute}, e.g. {@code /graphql}) or Quarkus REST matched a resource method
 * ({@code UrlPathTemplate}). Quarkus REST is mounted as one catch-all route on {@code /}, so that
 * route alone does not count as a match. {@code OperationsTest} checks this against the running
 * hub, as these are the binder's request-context keys rather than a public API.
 */
@Singleton
public class UnmatchedRouteUri implements HttpServerMetricsTagsContributor {

    /** The one {@code uri} value of requests that matched no route. */
    public static final String UNMATCHED = "UNMATCHED";

    private static final Tags UNMATCHED_URI = Tags.of("uri", UNMATCHED);

    @Override
    public Tags contribute(Context context) {
        return matchedRoute(context.request()) ? Tags.empty() : UNMATCHED_URI;
    }

    private static boolean matchedRoute(HttpServerRequest request) {
        if (!(request instanceof HttpServerRequestInternal internal)) {
            return true;
        }
        if (internal.context().getLocal("UrlPathTemplate") != null) {
            return true;
        }
        Object route = internal.context().getLocal("VertxRoute");
        return route != null && !"/".equals(route);
    }
}
