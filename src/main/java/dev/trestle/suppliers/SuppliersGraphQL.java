package dev.trestle.suppliers;

import dev.trestle.security.CurrentUser;
import dev.trestle.security.RequiresRole;
import dev.trestle.security.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Suppliers: Precoro suppliers and the NetSuite vendors they are linked to. */
@GraphQLApi
@RequiresRole({Roles.VIEWER, Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN})
public class SuppliersGraphQL {

    private final SupplierDirectory directory;
    private final CurrentUser currentUser;

    SuppliersGraphQL(SupplierDirectory directory, CurrentUser currentUser) {
        this.directory = directory;
        this.currentUser = currentUser;
    }

    @Query
    @NonNull
    @Description("Precoro suppliers by Precoro id, each with its NetSuite vendor or suggestions for one. A supplier "
            + "carrying the id of a NetSuite vendor (Precoro's netSuiteId, else a numeric externalId) is linked by it "
            + "here, once and audited (linkMethod ERP_ID), unless a person unlinked it; any other only by "
            + "linkSupplier. Precoro is read at most once a minute, NetSuite live. At most 100 per page.")
    public Uni<SupplierConnection> suppliers(SupplierFilter filter, Integer first, String after) {
        return directory.page(filter, first, after);
    }

    @Mutation
    @NonNull
    @RequiresRole({Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN})
    @Description("Links a Precoro supplier and a NetSuite vendor that both exist (NOT_FOUND otherwise). One to one: "
            + "ALREADY_LINKED when either is linked already.")
    public Uni<Supplier> linkSupplier(@Id @NonNull String supplierId, @Id @NonNull String netsuiteVendorId) {
        return directory.link(supplierId, netsuiteVendorId, currentUser.name());
    }

    @Mutation
    @NonNull
    @RequiresRole({Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN})
    @Description("Ends the link of a Precoro supplier (NOT_LINKED when it has none); the NetSuite id Precoro carries "
            + "never links it again. The link stays in the audit log.")
    public Uni<Supplier> unlinkSupplier(@Id @NonNull String supplierId) {
        return directory.unlink(supplierId, currentUser.name());
    }
}
