package dev.trestle.graphql;

import dev.trestle.errors.ErrorCode;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A request refused by authentication (no token, an invalid or expired one) is answered with a
 * GraphQL error body ({@code UNAUTHENTICATED}) instead of Quarkus's empty 401, so GraphQL clients
 * and the GraphQL UI show a reason instead of failing to parse an empty answer.
 */
@ApplicationScoped
public class AuthenticationFailures {

    void install(@Observes Router router) {
        // Failure handlers run in route order, and Quarkus's own (which answers with an empty body)
        // is the last one.
        router.route().order(GraphQLGate.ORDER).failureHandler(this::failed);
    }

    private void failed(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (ctx.response().ended()) {
            return;
        }
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            GraphQLGate.respond(ctx, GraphQLRefusal.request(401, ErrorCode.UNAUTHENTICATED,
                    "A valid bearer token is required."), GraphQLGate.acceptsGraphQLResponse(ctx));
            return;
        }
        if (failure instanceof ForbiddenException) {
            GraphQLGate.respond(ctx, GraphQLRefusal.request(403, ErrorCode.FORBIDDEN,
                    "This request is not allowed."), GraphQLGate.acceptsGraphQLResponse(ctx));
            return;
        }
        ctx.next();
    }
}
