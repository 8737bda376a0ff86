package dev.trestle.connectors.procore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trestle.connectors.UpstreamCaller;
import dev.trestle.connectors.UpstreamException;
import dev.trestle.connectors.UpstreamJson;
import dev.trestle.connectors.UpstreamSystem;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Access tokens of the client credentials grant. One token is cached and shared by every
 * request; it is replaced shortly before it expires and once when the API answers 401 with it
 * (revoked, or the clock of one side is off). Concurrent callers that find no usable token
 * share one token request instead of each asking for its own.
 *
 * <p>The grant goes through the Procore {@link UpstreamCaller} like any other request, so it is
 * governed, retried on transient failures and metered as operation {@code oauth.token}. Neither
 * the client secret nor a token is ever logged or put into a message.
 */
final class ProcoreTokenSource {

    private static final Logger LOG = Logger.getLogger(ProcoreTokenSource.class);
    static final String OPERATION = "oauth.token";

    private final ProcoreLoginApi login;
    private final UpstreamCaller caller;
    private final String clientId;
    private final String clientSecret;
    private final Duration renewBefore;
    private final Clock clock;
    private final ObjectMapper mapper;

    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private AccessToken current;
    /** The token request in flight, shared by everyone who needs a token meanwhile. Guarded by {@link #lock}. */
    private Uni<AccessToken> renewal;

    ProcoreTokenSource(ProcoreLoginApi login, UpstreamCaller caller, String clientId, String clientSecret,
            Duration renewBefore, Clock clock, ObjectMapper mapper) {
        this.login = Objects.requireNonNull(login);
        this.caller = Objects.requireNonNull(caller);
        this.clientId = Objects.requireNonNull(clientId);
        this.clientSecret = Objects.requireNonNull(clientSecret);
        this.renewBefore = Objects.requireNonNull(renewBefore);
        this.clock = Objects.requireNonNull(clock);
        this.mapper = Objects.requireNonNull(mapper);
    }

    /** A token that is not about to expire: the cached one, or a new one. */
    Uni<String> token() {
        synchronized (lock) {
            if (current != null && clock.instant().isBefore(current.renewAt)) {
                return Uni.createFrom().item(current.value);
            }
            return renewal();
        }
    }

    /**
     * A replacement for {@code rejected}, which the API just answered with 401. When another
     * caller has already replaced it, that newer token is used rather than asking again.
     */
    Uni<String> renewRejected(String rejected) {
        synchronized (lock) {
            if (current != null && !current.value.equals(rejected) && clock.instant().isBefore(current.renewAt)) {
                return Uni.createFrom().item(current.value);
            }
            if (current != null && current.value.equals(rejected)) {
                current = null;
            }
            return renewal();
        }
    }

    /** Must be called holding {@link #lock}. */
    private Uni<String> renewal() {
        if (renewal == null) {
            AtomicReference<Uni<AccessToken>> self = new AtomicReference<>();
            // The OAuth host is not the API: its token requests are outside the API's rate limits.
            self.set(caller.callOutsideBudget(OPERATION, () -> login.token("client_credentials", clientId, clientSecret)
                    .map(this::read))
                    .onItemOrFailure().invoke((token, failure) -> {
                        synchronized (lock) {
                            if (token != null) {
                                current = token;
                            }
                            if (renewal == self.get()) {
                                renewal = null;
                            }
                        }
                        if (failure == null) {
                            LOG.debugf("Procore access token renewed; valid until %s", token.expiresAt);
                        }
                    })
                    .memoize().indefinitely());
            renewal = self.get();
        }
        return renewal.map(token -> token.value);
    }

    private AccessToken read(Response response) {
        int status = response.getStatus();
        String body = UpstreamJson.body(response);
        if (status < 200 || status > 299) {
            throw ProcoreErrors.failure(status, response, body, mapper, clock);
        }
        JsonNode root = UpstreamJson.object(UpstreamSystem.PROCORE, status, body, mapper);
        String value = UpstreamJson.text(root, "access_token");
        JsonNode expiresIn = root.get("expires_in");
        if (value == null || value.isBlank()) {
            throw UpstreamException.malformed(UpstreamSystem.PROCORE, status, "the token answer has no access_token",
                    null);
        }
        if (expiresIn == null || !expiresIn.canConvertToLong() || expiresIn.asLong() <= 0) {
            throw UpstreamException.malformed(UpstreamSystem.PROCORE, status,
                    "the token answer has no positive expires_in", null);
        }
        // The lifetime counts from receipt on this side's clock, not from the server's created_at:
        // a skewed clock must not make a fresh token look expired (or an old one fresh).
        Instant now = clock.instant();
        Duration lifetime = Duration.ofSeconds(expiresIn.asLong());
        Duration margin = renewBefore.compareTo(lifetime.dividedBy(2)) > 0 ? lifetime.dividedBy(2) : renewBefore;
        return new AccessToken(value, now.plus(lifetime), now.plus(lifetime).minus(margin));
    }

    /** Deliberately not a record: a record's toString would print the token. */
    private static final class AccessToken {
        final String value;
        final Instant expiresAt;
        final Instant renewAt;

        AccessToken(String value, Instant expiresAt, Instant renewAt) {
            this.value = value;
            this.expiresAt = expiresAt;
            this.renewAt = renewAt;
        }

        @Override
        public String toString() {
            return "AccessToken[expiresAt=" + expiresAt + "]";
        }
    }
}
