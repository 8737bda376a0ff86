package dev.trestle.projects;

import dev.trestle.security.RequiresRole;
import dev.trestle.security.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Projects: Procore projects and NetSuite projects (jobs), their links and export eligibility (imports: see ImportsGraphQL). */
@GraphQLApi
@RequiresRole({Roles.VIEWER, Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN})
public class ProjectsGraphQL {

    private final ProjectCatalog catalog;

    public ProjectsGraphQL(ProjectCatalog catalog) {
        this.catalog = catalog;
    }

    @Query
    @NonNull
    @Description("Procore projects (by Procore id), then NetSuite projects without a Procore project (by internal "
            + "id), read live. At most 100 per page.")
    public Uni<ProjectConnection> projects(ProjectFilter filter, Integer first, String after) {
        return catalog.page(filter, first, after);
    }
}
