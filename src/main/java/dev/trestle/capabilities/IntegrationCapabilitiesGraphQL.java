package dev.trestle.capabilities;

import dev.trestle.security.RequiresRole;
import dev.trestle.security.Roles;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
@RequiresRole({Roles.VIEWER, Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN})
public class IntegrationCapabilitiesGraphQL {

    @Query
    @NonNull
    @Description("Every flow of the integration, with what starts it and whether the hub supports it (and why not).")
    public List<@NonNull IntegrationCapability> integrationCapabilities() {
        return IntegrationCapabilities.all();
    }
}
