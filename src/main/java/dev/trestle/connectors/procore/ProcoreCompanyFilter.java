package dev.trestle.connectors.procore;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/**
 * Adds {@code Procore-Company-Id} to every API request. Under Multiple Procore Regions the header
 * is required even where {@code company_id} is also in the path or query, and for service
 * accounts even on {@code /me} and {@code /companies}.
 */
final class ProcoreCompanyFilter implements ClientRequestFilter {

    static final String HEADER = "Procore-Company-Id";

    private final String companyId;

    ProcoreCompanyFilter(long companyId) {
        this.companyId = Long.toString(companyId);
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HEADER, companyId);
    }
}
