package dev.trestle.directcosts;

import dev.trestle.security.RequiresRole;
import dev.trestle.security.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Direct costs: the Procore direct costs of a project and the NetSuite bills and journals they came from. */
@GraphQLApi
@RequiresRole({Roles.VIEWER, Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN})
public class DirectCostsGraphQL {

    private final DirectCostCatalog catalog;

    public DirectCostsGraphQL(DirectCostCatalog catalog) {
        this.catalog = catalog;
    }

    @Query
    @NonNull
    @Description("The direct costs of a Procore project, by direct cost id, read live from Procore: type, date, "
            + "invoice number, vendor, amount as Money, status, origin id, and the NetSuite bill or journal entry each "
            + "came from when the hub wrote it. At most 100 per page; NOT_FOUND for a project Procore does not have.")
    public Uni<DirectCostConnection> directCosts(@Id @NonNull String projectId, DirectCostFilter filter, Integer first,
            String after) {
        return catalog.page(projectId, filter, first, after);
    }
}
