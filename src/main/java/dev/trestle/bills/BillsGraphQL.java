package dev.trestle.bills;

import dev.trestle.security.RequiresRole;
import dev.trestle.security.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The bills graph: Procore subcontractor invoices and the NetSuite vendor bills made from them. */
@GraphQLApi
@RequiresRole({Roles.VIEWER, Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN})
public class BillsGraphQL {

    private final BillCatalog catalog;

    public BillsGraphQL(BillCatalog catalog) {
        this.catalog = catalog;
    }

    @Query
    @NonNull
    @Description("Every bill the hub knows, by Procore invoice id: the Procore subcontractor invoice, the NetSuite "
            + "vendor bill with its external id, their link and the latest export, amounts as Money. Export one with "
            + "requestExport(input: {kind: SUBCONTRACTOR_INVOICE, sourceId, projectId}).")
    public Uni<BillConnection> bills(BillFilter filter, Integer first, String after) {
        return catalog.page(filter, first, after);
    }
}
