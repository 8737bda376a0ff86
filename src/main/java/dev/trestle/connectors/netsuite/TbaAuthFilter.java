package dev.trestle.connectors.netsuite;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Signs each NetSuite request just before it leaves, over its final URL (query included), so
 * paging parameters are always covered by the signature and every retry gets a fresh nonce.
 */
final class TbaAuthFilter implements ClientRequestFilter {

    private final TbaSigner signer;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    TbaAuthFilter(TbaSigner signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    @Override
    public void filter(ClientRequestContext request) {
        long timestamp = clock.instant().getEpochSecond();
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION,
                signer.authorization(request.getMethod(), request.getUri(), timestamp, nonce()));
    }

    /** 32 hex characters: unpredictable, and far above NetSuite's 6-character minimum. */
    private String nonce() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
