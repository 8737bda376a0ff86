package dev.trestle.connectors.netsuite;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * SuiteTalk REST, as far as the hub uses it. Returns the raw {@link Response} so that
 * {@link NetSuiteConnector} and {@link NetSuiteRecords} see every status, header and body and can classify failures
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

    /**
     * Upsert by external id: creates the record when no record of the type has this external id,
     * updates it otherwise; 204 with the record's {@code Location}. Unknown field names fail
     * ({@code NONEXISTENT_FIELD}) instead of being ignored with a warning, so a misspelt field
     * cannot silently drop data. {@code replace} names the sublists whose lines the sent ones
     * replace (comma-separated; null sends none): without it NetSuite adds the sent lines to the
     * stored ones, so a repeated upsert would bill every line twice.
     */
    @PUT
    @Path("/record/v1/{type}/eid:{externalId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @ClientHeaderParam(name = "X-NetSuite-PropertyNameValidation", value = "Error")
    Uni<Response> upsert(@PathParam("type") String type, @PathParam("externalId") String externalId,
            @QueryParam("replace") String replace, Map<String, Object> body);

    /** One record by external id; 404 when there is none. */
    @GET
    @Path("/record/v1/{type}/eid:{externalId}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> byExternalId(@PathParam("type") String type, @PathParam("externalId") String externalId);

    /** The request body of a SuiteQL query. */
    record SuiteQlQuery(String q) {
    }
}
