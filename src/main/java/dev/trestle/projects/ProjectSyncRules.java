package dev.trestle.projects;

import dev.trestle.connectors.netsuite.NetSuiteJob;
import dev.trestle.connectors.procore.ProcoreProject;
import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which Procore projects may be synced with NetSuite, and which exported. The integration only
 * takes on projects that start their life with it: a project created before the integration was
 * connected, or already in progress, has costs and commitments that NetSuite never saw, so
 * syncing it would leave the two ledgers disagreeing. Those are refused with
 * {@code PROJECT_NOT_SYNCABLE} and a message that says so, rather than failing later in NetSuite.
 */
public final class ProjectSyncRules {

    /**
     * Procore's default stages from "Course of Construction" on: work has started. Stages a
     * company adds itself are not in progress as far as the hub can tell.
     */
    static final List<String> IN_PROGRESS_STAGES = List.of("course of construction", "post-construction", "warranty");

    private ProjectSyncRules() {
    }

    /** Why the project cannot be synced at all ({@code PROJECT_NOT_SYNCABLE}); empty when it can. */
    public static Optional<Refusal> notSyncable(ProcoreProject project, Instant connectedAt) {
        String label = label(project);
        if (project.createdAt() == null) {
            // Without a creation time the hub cannot tell whether it predates the connection.
            return Optional.of(new Refusal(ErrorCode.PROJECT_NOT_SYNCABLE, "Procore does not say when project " + label
                    + " was created, so it cannot be told apart from projects created before the integration was "
                    + "connected; those cannot be synced."));
        }
        if (project.createdAt().isBefore(connectedAt)) {
            return Optional.of(new Refusal(ErrorCode.PROJECT_NOT_SYNCABLE, "Project " + label + " was created on "
                    + project.createdAt() + ", before the integration was connected on " + connectedAt
                    + ". Projects created before the connection cannot be synced; Professional Services can help "
                    + "with pre-existing projects."));
        }
        if (inProgress(project.stage())) {
            return Optional.of(new Refusal(ErrorCode.PROJECT_NOT_SYNCABLE, "Project " + label + " is in progress (stage "
                    + project.stage() + "). Projects in progress cannot be synced; Professional Services can help "
                    + "with in-progress projects."));
        }
        return Optional.empty();
    }

    /**
     * Why the project cannot be exported as a NetSuite project; empty when it can.
     *
     * @param linked whether it is already linked to a NetSuite project
     * @param jobs   every NetSuite job, to find one that already has its number as Job ID
     */
    public static Optional<Refusal> notExportable(ProcoreProject project, Instant connectedAt, boolean linked,
            List<NetSuiteJob> jobs) {
        Optional<Refusal> notSyncable = notSyncable(project, connectedAt);
        if (notSyncable.isPresent()) {
            return notSyncable;
        }
        String label = label(project);
        if (project.projectNumber() == null || project.projectNumber().isBlank()) {
            return Optional.of(new Refusal(ErrorCode.NOT_EXPORTABLE, "Project " + label
                    + " has no project number; give it one in Procore first, it becomes the NetSuite Job ID."));
        }
        if (!project.active()) {
            return Optional.of(new Refusal(ErrorCode.NOT_EXPORTABLE, "Project " + label + " is inactive in Procore."));
        }
        if (linked) {
            return Optional.of(new Refusal(ErrorCode.NOT_EXPORTABLE, "Project " + label
                    + " is already linked to a NetSuite project."));
        }
        String number = project.projectNumber().strip();
        for (NetSuiteJob job : jobs) {
            // NetSuite's Job ID is unique: exporting would be refused, and the two are most likely
            // the same project, which a person should link instead.
            if (job.entityId() != null && job.entityId().strip().equalsIgnoreCase(number)) {
                return Optional.of(new Refusal(ErrorCode.NOT_EXPORTABLE, "NetSuite already has a project with Job ID "
                        + job.entityId() + " (internal id " + job.id() + "); link the two instead of exporting."));
            }
        }
        return Optional.empty();
    }

    /** Whether the stage is "Course of Construction" or a later one of Procore's default stages. */
    public static boolean inProgress(String stage) {
        return stage != null && IN_PROGRESS_STAGES.contains(stage.strip().toLowerCase(Locale.ROOT));
    }

    private static String label(ProcoreProject project) {
        String number = project.projectNumber() == null || project.projectNumber().isBlank()
                ? ""
                : project.projectNumber() + " ";
        return number + (project.name() == null ? "" : project.name() + " ") + "(" + project.id() + ")";
    }

    /** A refusal with the error code callers see. */
    public record Refusal(ErrorCode code, String message) {

        public TrestleException exception() {
            return new TrestleException(code, message);
        }
    }
}
