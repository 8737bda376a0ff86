package dev.trestle.settings;

import dev.trestle.security.CurrentUser;
import dev.trestle.security.RequiresRole;
import dev.trestle.security.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
@RequiresRole({Roles.VIEWER, Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN})
public class SettingsGraphQL {

    private final SettingsService settings;
    private final CurrentUser currentUser;

    public SettingsGraphQL(SettingsService settings, CurrentUser currentUser) {
        this.settings = settings;
        this.currentUser = currentUser;
    }

    @Query
    @NonNull
    @Description("How the integration is set up.")
    public Uni<IntegrationSettings> integrationSettings() {
        return settings.current();
    }

    @Mutation("setPurchaseOrderAutoApproval")
    @NonNull
    @RequiresRole(Roles.ADMIN)
    @Description("Turns on (or off) the approval of Precoro-approved purchase orders for NetSuite without an accounting "
            + "approver. Off by default; audited. Other exports always wait for an approver.")
    public Uni<IntegrationSettings> setPurchaseOrderAutoApproval(@NonNull Boolean enabled) {
        return settings.autoApprovePurchaseOrders(enabled, currentUser.name());
    }
}
