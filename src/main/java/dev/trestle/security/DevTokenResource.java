package dev.trestle.security;

import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.jwt.build.Jwt;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;

/**
 * Issues tokens signed with the documented dev key ({@code config/dev-keys}), so that the
 * GraphQL UI and the tests can call the API without an identity provider: {@code {"user": "ann"}}
 * gives a token whose subject ({@code sub}) and name ({@code upn}) are "ann". The class is only
 * part of dev and test builds: a production build has no such endpoint.
 */
@IfBuildProfile(anyOf = {"dev", "test"})
@Path("/dev/token")
public class DevTokenResource {

    /** The audience that dev and test trust (mp.jwt.verify.audiences). */
    static final String AUDIENCE = "trestle";

    private static final Set<String> KNOWN_ROLES = Set.of(Roles.VIEWER, Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN);

    public record TokenRequest(String user, List<String> roles) {
    }

    public record TokenResponse(String access_token) {
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public TokenResponse issue(TokenRequest request) {
        if (request == null || request.user() == null || request.user().isBlank()) {
            throw new BadRequestException("\"user\" is required");
        }
        List<String> roles = request.roles() == null ? List.of() : request.roles();
        for (String role : roles) {
            if (!KNOWN_ROLES.contains(role)) {
                throw new BadRequestException("unknown role " + role + "; known roles are " + KNOWN_ROLES);
            }
        }
        // The user is both the subject (who the hub takes the caller to be, see UserRef) and the
        // name shown; an identity provider's tokens usually carry an opaque subject instead.
        String user = request.user().trim();
        String token = Jwt.upn(user)
                .subject(user)
                .audience(AUDIENCE)
                .groups(Set.copyOf(roles))
                .sign();
        return new TokenResponse(token);
    }
}
