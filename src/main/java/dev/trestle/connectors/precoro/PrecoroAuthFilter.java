package dev.trestle.connectors.precoro;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/** Adds Precoro's two credential headers to every request, so they never appear in method signatures or logs. */
final class PrecoroAuthFilter implements ClientRequestFilter {

    private final String apiToken;
    private final String email;

    PrecoroAuthFilter(String apiToken, String email) {
        this.apiToken = apiToken;
        this.email = email;
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle("X-AUTH-TOKEN", apiToken);
        request.getHeaders().putSingle("email", email);
    }
}
