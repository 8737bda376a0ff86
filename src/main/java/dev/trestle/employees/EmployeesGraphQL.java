package dev.trestle.employees;

import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.graphql.RequestReads;
import dev.trestle.security.CurrentUser;
import dev.trestle.security.RequiresRole;
import dev.trestle.security.Roles;
import dev.trestle.settings.IntegrationSettings;
import dev.trestle.settings.SettingsService;
import dev.trestle.sync.SyncRun;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/** Employees: Precoro users matched to NetSuite employees by email. */
@GraphQLApi
@RequiresRole({Roles.VIEWER, Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN})
public class EmployeesGraphQL {

    private final EmployeeDirectory directory;
    private final EmployeeSyncService sync;
    private final SettingsService settings;
    private final EmployeeRecords records;
    private final CurrentUser currentUser;
    private final RequestReads reads;

    public EmployeesGraphQL(EmployeeDirectory directory, EmployeeSyncService sync, SettingsService settings,
            EmployeeRecords records, CurrentUser currentUser, RequestReads reads) {
        this.directory = directory;
        this.sync = sync;
        this.settings = settings;
        this.records = records;
        this.currentUser = currentUser;
        this.reads = reads;
    }

    @Query
    @NonNull
    @Description("Precoro users and their NetSuite match, ordered by Precoro user id. At most 100 per page.")
    public Uni<EmployeeConnection> employees(EmployeeFilter filter, Integer first, String after) {
        return directory.page(filter, first, after);
    }

    @Query
    @NonNull
    @Description("Counts for the \"Not Mapped with NetSuite\" infocard.")
    public Uni<MappingSummary> employeeMappingSummary() {
        return directory.summary();
    }

    /** The Precoro users of a whole page, from the hub's copy or in one upstream request. */
    @Name("precoroUser")
    @Description("The user as Precoro has it: from the hub's copy while it is fresh (trestle.employees.copy-fresh-for), "
            + "otherwise read live when Precoro's budget allows; readFrom and asOf say which. Empty if neither has it.")
    public Uni<List<PrecoroUserRecord>> precoroUser(@Source List<Employee> employees) {
        List<Long> ids = employees.stream().map(employee -> Long.parseLong(employee.precoroUserId())).toList();
        // Aliases of the same page share one read (RequestReads); ids in page order make the key.
        return reads.once("precoro:users:" + ids, () -> records.precoroUsers(ids));
    }

    /** The NetSuite employees of a whole page, from the hub's copy or in one upstream request. */
    @Name("netsuiteEmployee")
    @Description("The matched NetSuite employee: from the hub's copy while it is fresh, otherwise read live when "
            + "NetSuite would answer at once; readFrom and asOf say which. Empty when not mapped.")
    public Uni<List<NetSuiteEmployeeRecord>> netsuiteEmployee(@Source List<Employee> employees) {
        List<String> ids = new ArrayList<>(employees.size());
        employees.forEach(employee -> ids.add(employee.netsuiteEmployeeId()));
        return reads.once("netsuite:employees:" + ids, () -> records.netsuiteEmployees(ids));
    }

    @Name("history")
    @Description("Every change of this user's mapping, oldest first.")
    public Uni<List<@NonNull List<@NonNull EmployeeMappingChange>>> history(@Source List<Employee> employees) {
        List<Long> ids = employees.stream().map(employee -> Long.parseLong(employee.precoroUserId())).toList();
        return directory.history(ids).map(byUser -> ids.stream()
                .map(id -> byUser.getOrDefault(id, List.of()))
                .toList());
    }

    @Mutation
    @NonNull
    @RequiresRole(Roles.ADMIN)
    @Description("Turns Sync Employee on and starts matching all existing users at once. Irreversible, so "
            + "confirm must be true. Calling it again when it is on changes nothing.")
    public Uni<EmployeeSyncActivation> enableEmployeeSync(@NonNull boolean confirm) {
        if (!confirm) {
            return Uni.createFrom().failure(new TrestleException(ErrorCode.CONFIRMATION_REQUIRED,
                    "Turning on Sync Employee is irreversible; call again with confirm: true."));
        }
        String actor = currentUser.name();
        // The setting commits first; if the initial run cannot open (a scheduled run got there
        // first, or the database failed), the next scheduled or requested run still syncs everyone.
        return settings.enableEmployeeSync(actor)
                .chain(flipped -> flipped
                        ? sync.start(SyncRun.Trigger.ENABLED, actor).onFailure().recoverWithNull()
                        : Uni.createFrom().nullItem())
                .chain(run -> settings.current().map(current -> new EmployeeSyncActivation(current, run)));
    }

    @Mutation
    @NonNull
    @RequiresRole(Roles.ADMIN)
    @Description("Refused once Sync Employee is on (SETTING_IRREVERSIBLE): the setting cannot be turned off.")
    public Uni<IntegrationSettings> disableEmployeeSync() {
        return settings.current().chain(current -> current.employeeSyncEnabled
                ? Uni.createFrom().failure(new TrestleException(ErrorCode.SETTING_IRREVERSIBLE,
                        "Sync Employee is irreversible: once on, it stays on."))
                : Uni.createFrom().item(current));
    }

    @Mutation
    @NonNull
    @RequiresRole(Roles.ADMIN)
    @Description("Starts an employee sync now; it picks up new and changed users. Returns the run, still RUNNING. "
            + "INCREMENTAL (only what changed upstream since the last run) once a run has succeeded; with full: true "
            + "a FULL reconcile that reads everything and also notices users deleted in Precoro.")
    public Uni<SyncRun> runEmployeeSync(@Name("full") @DefaultValue("false")
            @Description("Read everything instead of only the changes.") boolean full) {
        return sync.start(SyncRun.Trigger.ON_REQUEST, currentUser.name(), full);
    }

    @Description("The result of enableEmployeeSync.")
    public record EmployeeSyncActivation(@NonNull IntegrationSettings settings,
            @Description("The initial sync of all existing users; empty if the setting was already on, or if a run "
                    + "was already going (see syncRuns).") SyncRun initialRun) {
    }
}
