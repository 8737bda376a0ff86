package dev.trestle.trail;

import dev.trestle.security.RequiresRole;
import dev.trestle.security.Roles;
import io.smallrye.mutiny.Uni;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
@RequiresRole({Roles.VIEWER, Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN})
public class DocumentTrailGraphQL {

    private final DocumentTrail trail;

    public DocumentTrailGraphQL(DocumentTrail trail) {
        this.trail = trail;
    }

    @Query
    @NonNull
    @Description("The trail of one document across the systems, oldest first, each step with who and when: for a "
            + "Procore subcontractor invoice (by its Procore id), its approval in Procore, each export request and "
            + "decision, the NetSuite bill's creation, and the invoice's close-out with the bill's id; then, once the "
            + "invoice is linked to its bill, each NetSuite payment of the bill (in NetSuite id order, dated by its "
            + "day), the Procore commitment payment it was imported as, and drift (voided or deleted in NetSuite "
            + "since). Works for every exported Procore record (vendors, projects, WBS codes), and for a Precoro "
            + "purchase order (by its idn): its approval in Precoro, each request (made by the hub itself) and "
            + "decision (a person's, or the admin's automatic approval), the NetSuite purchase order's creation or "
            + "update, and its NetSuite id written back to Precoro.")
    public Uni<List<@NonNull TrailStep>> documentTrail(@NonNull @Id String subjectId) {
        return trail.of(subjectId);
    }
}
