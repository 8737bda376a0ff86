package dev.trestle.connectors.precoro;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The Precoro REST API, as far as the hub uses it. Returns the raw {@link Response} so that
 * {@link PrecoroConnector} classifies every status itself (Precoro's back-off hint can sit in a
 * header or in the body).
 */
@RegisterRestClient(configKey = "precoro")
@Produces(MediaType.APPLICATION_JSON)
interface PrecoroApi {

    /** One page of users: {@code GET /users?page=N&per_page=M}. */
    @GET
    @Path("/users")
    Uni<Response> users(@QueryParam("page") int page, @QueryParam("per_page") int perPage);

    /** One page of the users modified since: {@code GET /users?modifiedSince=2026-01-05T09:00:00&page=N&per_page=M}. */
    @GET
    @Path("/users")
    Uni<Response> usersModifiedSince(@QueryParam("page") int page, @QueryParam("per_page") int perPage,
            @QueryParam("modifiedSince") String modifiedSince);

    /** Users by id: {@code GET /users?per_page=M&id[]=5&id[]=9}. */
    @GET
    @Path("/users")
    Uni<Response> usersByIds(@QueryParam("per_page") int perPage, @QueryParam("id[]") List<Long> ids);
}
