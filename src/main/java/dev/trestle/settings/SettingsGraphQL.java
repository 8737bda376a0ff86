package dev.trestle.settings;

import dev.trestle.security.RequiresRole;
import dev.trestle.security.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
@RequiresRole({Roles.VIEWER, Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN})
public class SettingsGraphQL {

    private final SettingsService settings;

    public SettingsGraphQL(SettingsService settings) {
        this.settings = settings;
    }

    @Query
    @NonNull
    @Description("How the integration is set up.")
    public Uni<IntegrationSettings> integrationSettings() {
        return settings.current();
    }
}
