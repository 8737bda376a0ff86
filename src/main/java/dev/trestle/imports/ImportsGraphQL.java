package dev.trestle.imports;

import dev.trestle.errors.TrestleException;
import dev.trestle.security.CurrentUser;
import dev.trestle.security.RequiresRole;
import dev.trestle.security.Roles;
import io.smallrye.mutiny.Uni;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Imports from NetSuite into Procore, on request (the seed: project and accounting teams ask), and their runs. */
@GraphQLApi
public class ImportsGraphQL {

    private static final int MAX_RUNS = 100;

    @Input("RequestImportInput")
    public static class RequestImportInput {
        @NonNull
        public ImportKind kind;

        @DefaultValue("false")
        @Description("Read every record of the kind from NetSuite instead of only what changed since the last run "
                + "(BILL_PAYMENTS, DIRECT_COSTS; the other kinds always read everything). Only a full read sees "
                + "records deleted in NetSuite after their import; scheduled runs make one once a day by themselves.")
        public boolean full;
    }

    private final ImportRunner runner;
    private final ImportRuns runs;
    private final CurrentUser currentUser;

    public ImportsGraphQL(ImportRunner runner, ImportRuns runs, CurrentUser currentUser) {
        this.runner = runner;
        this.runs = runs;
        this.currentUser = currentUser;
    }

    @Mutation
    @NonNull
    @RequiresRole({Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN})
    @Description("Imports now, without an approval step: the NetSuite records of the kind that are not in Procore "
            + "yet, or changed since, get a Procore record, linked to it (both sides keep the other's id). The writes "
            + "go through the outbox; the answer comes when they landed, or after a while (20 s by default) with what "
            + "is still pending (it goes on by itself). Running it again creates nothing twice; asked for while it "
            + "writes, it answers with that import; while one reads NetSuite, SYNC_ALREADY_RUNNING.")
    public Uni<ImportResult> requestImport(@NonNull RequestImportInput input) {
        return runner.run(input.kind, input.full, ImportRun.Trigger.ON_REQUEST, currentUser.user())
                .map(ImportResult::of);
    }

    @Query
    @NonNull
    @RequiresRole({Roles.VIEWER, Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN})
    @Description("The newest runs of an import first (at most 100), scheduled and requested, with what each read, "
            + "queued and noted.")
    public Uni<List<@NonNull ImportRun>> importRuns(@NonNull ImportKind kind, @DefaultValue("20") int first) {
        if (first < 1 || first > MAX_RUNS) {
            return Uni.createFrom().failure(TrestleException.invalidArgument(
                    "\"first\" must be between 1 and " + MAX_RUNS + "."));
        }
        return runs.latest(kind, first);
    }
}
