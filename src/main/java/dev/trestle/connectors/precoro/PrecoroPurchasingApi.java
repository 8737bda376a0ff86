package dev.trestle.connectors.precoro;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Precoro's purchase orders and suppliers, as far as the hub uses them. Returns the raw {@link Response}, as
 * {@link PrecoroApi} does, so that {@link PrecoroPurchasing} classifies every status itself.
 */
@Produces(MediaType.APPLICATION_JSON)
interface PrecoroPurchasingApi {

    /**
     * One page of the list form of the purchase orders:
     * {@code GET /purchaseorders?page=N&per_page=M[&modifiedSince=...][&status[]=2]}; null parameters are left out.
     */
    @GET
    @Path("/purchaseorders")
    Uni<Response> purchaseOrders(@QueryParam("page") int page, @QueryParam("per_page") int perPage,
            @QueryParam("modifiedSince") String modifiedSince, @QueryParam("status[]") List<Integer> statuses);

    /** One purchase order in full: {@code GET /purchaseorders/{idn}}. */
    @GET
    @Path("/purchaseorders/{idn}")
    Uni<Response> purchaseOrder(@PathParam("idn") long idn);

    /** Writes the ERP's id onto a purchase order: {@code PATCH /purchaseorders/{idn}}, form field {@code externalId}. */
    @PATCH
    @Path("/purchaseorders/{idn}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<Response> recordExternalId(@PathParam("idn") long idn, @FormParam("externalId") String externalId);

    /** One page of suppliers: {@code GET /suppliers?page=N&per_page=M}. */
    @GET
    @Path("/suppliers")
    Uni<Response> suppliers(@QueryParam("page") int page, @QueryParam("per_page") int perPage);

    /** One supplier: {@code GET /suppliers/{id}}. */
    @GET
    @Path("/suppliers/{id}")
    Uni<Response> supplier(@PathParam("id") long id);
}
