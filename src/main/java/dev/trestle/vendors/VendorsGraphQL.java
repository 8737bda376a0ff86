package dev.trestle.vendors;

import dev.trestle.security.CurrentUser;
import dev.trestle.security.RequiresRole;
import dev.trestle.security.Roles;
import io.smallrye.mutiny.Uni;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Vendors: Procore Directory companies and NetSuite vendors, and the links between them. */
@GraphQLApi
@RequiresRole({Roles.VIEWER, Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN})
public class VendorsGraphQL {

    private final VendorDirectory directory;
    private final CurrentUser currentUser;

    public VendorsGraphQL(VendorDirectory directory, CurrentUser currentUser) {
        this.directory = directory;
        this.currentUser = currentUser;
    }

    @Query
    @NonNull
    @Description("Procore companies (linked or not) by Procore id, then NetSuite vendors linked to none by NetSuite "
            + "id; both systems are read live. At most 100 per page.")
    public Uni<VendorConnection> vendors(VendorFilter filter, Integer first, String after) {
        return directory.page(filter, first, after);
    }

    @Query
    @NonNull
    @Description("Active NetSuite vendors, not linked yet, that may be this Procore company, best first. "
            + "Nothing is linked until someone calls linkVendor.")
    public Uni<List<@NonNull VendorMatchSuggestion>> vendorMatchSuggestions(@Id @NonNull String procoreVendorId) {
        return directory.suggestions(procoreVendorId);
    }

    @Mutation
    @NonNull
    @RequiresRole({Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN})
    @Description("Links a Procore company and a NetSuite vendor that both exist (NOT_FOUND otherwise). One to one: "
            + "ALREADY_LINKED when either is linked already.")
    public Uni<Vendor> linkVendor(@Id @NonNull String procoreVendorId, @Id @NonNull String netsuiteVendorId) {
        return directory.link(procoreVendorId, netsuiteVendorId, currentUser.name());
    }

    @Mutation
    @NonNull
    @RequiresRole({Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN})
    @Description("Ends the link of a Procore company (NOT_LINKED when it has none). The link stays in the audit log.")
    public Uni<Vendor> unlinkVendor(@Id @NonNull String procoreVendorId) {
        return directory.unlink(procoreVendorId, currentUser.name());
    }
}
