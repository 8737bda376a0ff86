package dev.trestle.costcodes;

import dev.trestle.security.RequiresRole;
import dev.trestle.security.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Cost codes: the WBS codes of a Procore project and their NetSuite Other Charge items. */
@GraphQLApi
@RequiresRole({Roles.VIEWER, Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN})
public class CostCodesGraphQL {

    private final CostCodeCatalog catalog;

    public CostCodesGraphQL(CostCodeCatalog catalog) {
        this.catalog = catalog;
    }

    @Query
    @NonNull
    @Description("The WBS codes of a Procore project, by WBS code id, read live. At most 100 per page.")
    public Uni<CostCodeConnection> costCodes(@Id @NonNull String projectId, CostCodeFilter filter, Integer first,
            String after) {
        return catalog.page(projectId, filter, first, after);
    }
}
