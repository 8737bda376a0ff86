package dev.trestle.capabilities;

import dev.trestle.connectors.UpstreamException;
import dev.trestle.connectors.procore.ProcoreConnector;
import dev.trestle.security.RequiresRole;
import dev.trestle.security.Roles;
import io.smallrye.mutiny.Uni;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
@RequiresRole({Roles.VIEWER, Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN})
public class IntegrationCapabilitiesGraphQL {

    private final ProcoreConnector procore;

    public IntegrationCapabilitiesGraphQL(ProcoreConnector procore) {
        this.procore = procore;
    }

    @Query
    @NonNull
    @Description("Every flow of the integration, with what starts it and whether the hub supports it (and why not). "
            + "Bill payments depend on the Procore company's country (US only); when Procore cannot say now, the flow "
            + "is listed with its condition.")
    public Uni<List<@NonNull IntegrationCapability>> integrationCapabilities() {
        return procore.companyCountry()
                .map(IntegrationCapabilities::forCountry)
                .onFailure(UpstreamException.class).recoverWithItem(IntegrationCapabilities.all());
    }
}
