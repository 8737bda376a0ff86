package dev.trestle.sync;

import dev.trestle.security.RequiresRole;
import dev.trestle.security.Roles;
import dev.trestle.errors.TrestleException;
import io.smallrye.mutiny.Uni;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
@RequiresRole({Roles.VIEWER, Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN})
public class SyncRunsGraphQL {

    private static final int MAX_RUNS = 100;

    private final SyncRuns runs;

    public SyncRunsGraphQL(SyncRuns runs) {
        this.runs = runs;
    }

    @Query
    @NonNull
    @Description("The newest sync runs first (at most 100).")
    public Uni<List<@NonNull SyncRun>> syncRuns(@DefaultValue("20") int first,
            @DefaultValue("EMPLOYEES") SyncRun.Kind kind) {
        if (first < 1 || first > MAX_RUNS) {
            return Uni.createFrom().failure(TrestleException.invalidArgument(
                    "\"first\" must be between 1 and " + MAX_RUNS + "."));
        }
        return runs.latest(kind, first);
    }
}
