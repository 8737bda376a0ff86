package dev.trestle.connectors.procore;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * The Procore REST API (v1.x), as far as the hub uses it. Returns the raw {@link Response} so that
 * {@link ProcoreConnector} sees paging headers ({@code Total}, {@code Link}), rate-limit headers
 * and error bodies. The bearer token is a parameter rather than a filter because the connector
 * must know which token a 401 answered, to renew that one only. {@code Procore-Company-Id} is
 * added by {@link ProcoreCompanyFilter}.
 */
@Produces(MediaType.APPLICATION_JSON)
interface ProcoreApi {

    @GET
    @Path("/rest/v1.0/vendors")
    Uni<Response> vendors(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("company_id") long companyId, @QueryParam("page") int page,
            @QueryParam("per_page") int perPage);

    @GET
    @Path("/rest/v1.0/vendors/{id}")
    Uni<Response> vendor(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") long id,
            @QueryParam("company_id") long companyId);

    /**
     * v1.1 of the project list (v1.0 is the older revision of the same resource). Without
     * {@code filters[by_status]} Procore lists active projects only.
     */
    @GET
    @Path("/rest/v1.1/projects")
    Uni<Response> projects(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("company_id") long companyId, @QueryParam("filters[by_status]") String status,
            @QueryParam("page") int page,
            @QueryParam("per_page") int perPage);

    @GET
    @Path("/rest/v1.0/projects/{id}")
    Uni<Response> project(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") long id,
            @QueryParam("company_id") long companyId);

    /** The segments of a project's work breakdown structure ({@code type}: cost_code, line_item_type, sub_job, custom). */
    @GET
    @Path("/rest/v1.0/projects/{projectId}/work_breakdown_structure/segments")
    Uni<Response> wbsSegments(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("projectId") long projectId, @QueryParam("page") int page,
            @QueryParam("per_page") int perPage);

    @GET
    @Path("/rest/v1.0/projects/{projectId}/work_breakdown_structure/wbs_codes")
    Uni<Response> wbsCodes(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("projectId") long projectId, @QueryParam("page") int page,
            @QueryParam("per_page") int perPage);

    /** The vendors sync action: create-or-update by {@code id} and/or {@code origin_id}, up to 1000 per call. */
    @PATCH
    @Path("/rest/v1.0/vendors/sync")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> syncVendors(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, SyncRequest body);

    /** The projects sync action, with the same matching rules as the vendors sync. */
    @PATCH
    @Path("/rest/v1.0/projects/sync")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> syncProjects(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, SyncRequest body);

    /** v1.1 of a project's subcontractor invoices (requisitions); v1.1 adds {@code vendor_id}. */
    @GET
    @Path("/rest/v1.1/requisitions")
    Uni<Response> requisitions(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("project_id") long projectId, @QueryParam("page") int page,
            @QueryParam("per_page") int perPage);

    /** One subcontractor invoice; Procore finds it only with its project. */
    @GET
    @Path("/rest/v1.1/requisitions/{id}")
    Uni<Response> requisition(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") long id,
            @QueryParam("project_id") long projectId);

    /** The contract items (one per schedule-of-values line) of one invoice. */
    @GET
    @Path("/rest/v1.0/requisitions/{id}/contract_items")
    Uni<Response> contractItems(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id, @QueryParam("project_id") long projectId, @QueryParam("page") int page,
            @QueryParam("per_page") int perPage);

    /**
     * One commitment of a kind: {@code work_order_contracts} or {@code purchase_order_contracts}
     * (the path segment; the connector passes only these two).
     */
    @GET
    @Path("/rest/v1.0/{kind}/{id}")
    Uni<Response> commitment(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("kind") String kind, @PathParam("id") long id, @QueryParam("project_id") long projectId);

    /**
     * The ERP close-out: marks records as synced with the ERP by setting their {@code origin_id},
     * {@code {"updates":[{"item_type","item_id","origin_id"}]}}, up to 1000 per call.
     */
    @PATCH
    @Path("/rest/v1.0/companies/{companyId}/external_data/sync")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> syncExternalData(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("companyId") long companyId, ExternalDataRequest body);

    /** The companies the service account sees, each with its {@code country_code}. */
    @GET
    @Path("/rest/v1.0/companies")
    Uni<Response> companies(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("page") int page,
            @QueryParam("per_page") int perPage);

    /**
     * The commitment payments of one commitment; both parameters are required. {@code originId} null lists them
     * all (a null query parameter is left out).
     */
    @GET
    @Path("/rest/v1.0/contract_payments")
    Uni<Response> contractPayments(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("project_id") long projectId, @QueryParam("contract_id") long contractId,
            @QueryParam("filters[origin_id]") String originId, @QueryParam("page") int page,
            @QueryParam("per_page") int perPage);

    /** The direct costs of a project (v1.1, without their line items); {@code originId} null lists them all. */
    @GET
    @Path("/rest/v1.1/projects/{projectId}/direct_costs")
    Uni<Response> directCosts(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("projectId") long projectId, @QueryParam("filters[origin_id]") String originId,
            @QueryParam("page") int page, @QueryParam("per_page") int perPage);

    /**
     * The ERP's invoice payments sync: records payments of subcontractor invoices as commitment payments, upserted
     * by {@code origin_id}, up to 1000 per call.
     */
    @PATCH
    @Path("/rest/v1.0/companies/{companyId}/invoice_payments/sync")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> syncInvoicePayments(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("companyId") long companyId, UpdatesRequest body);

    /** The direct costs sync of a project (headers only), upserted by {@code origin_id}, up to 1000 per call. */
    @PATCH
    @Path("/rest/v1.0/projects/{projectId}/direct_costs/sync")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> syncDirectCosts(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("projectId") long projectId, UpdatesRequest body);

    /** The direct cost line items sync of a project, upserted by {@code origin_id}, up to 1000 per call. */
    @PATCH
    @Path("/rest/v1.0/projects/{projectId}/direct_costs/line_items/sync")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> syncDirectCostLines(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("projectId") long projectId, UpdatesRequest body);

    /** The body of a sync action whose scope is in its path: {@code {"updates":[...]}}. */
    record UpdatesRequest(List<Map<String, Object>> updates) {
    }

    /** The body of the ERP close-out. */
    record ExternalDataRequest(List<Map<String, Object>> updates) {
    }

    /** The body of a sync action; {@code company_id} is snake case on the wire. */
    record SyncRequest(@com.fasterxml.jackson.annotation.JsonProperty("company_id") long companyId,
            List<Map<String, Object>> updates) {
    }
}
