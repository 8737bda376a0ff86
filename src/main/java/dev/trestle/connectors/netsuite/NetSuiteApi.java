package dev.trestle.connectors.netsuite;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * SuiteTalk REST, as far as the hub uses it. Returns the raw {@link Response} so that
 * {@link NetSuiteConnector} sees every status, header and body and can classify failures
 * itself (NetSuite's error codes live in the body, its back-off hint in {@code Retry-After}).
 */
@RegisterRestClient(configKey = "netsuite")
@Path("/services/rest")
interface NetSuiteApi {

    /** One page of a SuiteQL query; {@code Prefer: transient} is required by the endpoint. */
    @POST
    @Path("/query/v1/suiteql")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @ClientHeaderParam(name = "Prefer", value = "transient")
    Uni<Response> suiteQl(@QueryParam("limit") int limit, @QueryParam("offset") int offset, SuiteQlQuery query);

    /** The request body of a SuiteQL query. */
    record SuiteQlQuery(String q) {
    }
}
