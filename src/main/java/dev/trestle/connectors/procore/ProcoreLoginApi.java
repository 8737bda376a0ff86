package dev.trestle.connectors.procore;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Procore's OAuth host ({@code login.procore.com}), which is not the API host. */
@Produces(MediaType.APPLICATION_JSON)
interface ProcoreLoginApi {

    /** {@code grant_type=client_credentials}: Procore answers without a refresh token, so expiry means a new grant. */
    @POST
    @Path("/oauth/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<Response> token(@FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret);
}
