package dev.trestle.projects;

import dev.trestle.imports.ImportResult;
import dev.trestle.security.CurrentUser;
import dev.trestle.security.RequiresRole;
import dev.trestle.security.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Projects: Procore projects and NetSuite projects (jobs), their links, export eligibility and import. */
@GraphQLApi
@RequiresRole({Roles.VIEWER, Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN})
public class ProjectsGraphQL {

    private final ProjectCatalog catalog;
    private final ProjectImporter importer;
    private final CurrentUser currentUser;

    public ProjectsGraphQL(ProjectCatalog catalog, ProjectImporter importer, CurrentUser currentUser) {
        this.catalog = catalog;
        this.importer = importer;
        this.currentUser = currentUser;
    }

    @Query
    @NonNull
    @Description("Procore projects (by Procore id), then NetSuite projects without a Procore project (by internal "
            + "id), read live. At most 100 per page.")
    public Uni<ProjectConnection> projects(ProjectFilter filter, Integer first, String after) {
        return catalog.page(filter, first, after);
    }

    @Mutation
    @NonNull
    @RequiresRole({Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN})
    @Description("Creates a Procore project for every active NetSuite project (job) that is not linked yet, and "
            + "links them. Jobs that Procore already has (by origin id or project number) are skipped.")
    public Uni<ImportResult> importProjects() {
        return importer.importProjects(currentUser.name());
    }
}
