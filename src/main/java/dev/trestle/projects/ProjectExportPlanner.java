package dev.trestle.projects;

import dev.trestle.connectors.netsuite.NetSuiteRecords;
import dev.trestle.connectors.procore.ProcoreConnector;
import dev.trestle.connectors.procore.ProcoreProject;
import dev.trestle.exports.ExportKind;
import dev.trestle.exports.ExportPlan;
import dev.trestle.exports.ExportPlanner;
import dev.trestle.exports.NetSuiteDestinations;
import dev.trestle.exports.OutboxWrite;
import dev.trestle.links.LinkKind;
import dev.trestle.links.Links;
import dev.trestle.settings.SettingsService;
import io.quarkus.arc.Unremovable;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exports a Procore project as a NetSuite project ({@code job}): one upsert keyed on
 * {@code procore-project-<id>}, with the project number as Job ID, under the configured parent
 * customer and subsidiary. Refused as {@link ProjectSyncRules} says.
 */
// Kept when nothing injects it by type: the export machinery finds planners by their kind at run
// time, and dropping it would also drop the NetSuite destinations it reads from configuration.
@Unremovable
@ApplicationScoped
public class ProjectExportPlanner implements ExportPlanner {

    static final String RECORD_TYPE = "job";

    private final ProcoreConnector procore;
    private final NetSuiteRecords netsuite;
    private final Links links;
    private final SettingsService settings;
    private final String subsidiaryId;
    private final String parentCustomerId;

    public ProjectExportPlanner(ProcoreConnector procore, NetSuiteRecords netsuite, Links links,
            SettingsService settings, NetSuiteDestinations destinations) {
        this.procore = procore;
        this.netsuite = netsuite;
        this.links = links;
        this.settings = settings;
        this.subsidiaryId = destinations.subsidiaryId();
        this.parentCustomerId = destinations.projectParentId();
    }

    @Override
    public ExportKind kind() {
        return ExportKind.PROJECT;
    }

    @Override
    public Uni<ExportPlan> plan(String sourceId) {
        return ProjectExportSource.read(sourceId, procore, settings, links, id -> netsuite.jobs()).map(source -> {
            ProcoreProject project = source.project();
            // A Procore origin id means an ERP record already stands for the project.
            boolean linked = source.link() != null || project.originId() != null;
            ProjectSyncRules.notExportable(project, source.connectedAt(), linked, source.extra()).ifPresent(refusal -> {
                throw refusal.exception();
            });
            return ExportPlan.of(List.of(write(project)));
        });
    }

    private OutboxWrite write(ProcoreProject project) {
        String externalId = externalId(project.id());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("externalId", externalId);
        body.put("entityId", project.projectNumber().strip());
        body.put("companyName", project.name());
        body.put("parent", Map.of("id", parentCustomerId));
        body.put("subsidiary", Map.of("id", subsidiaryId));
        if (project.startDate() != null) {
            body.put("startDate", project.startDate().toString());
        }
        return OutboxWrite.intoNetSuite(RECORD_TYPE, externalId, body, LinkKind.PROJECT, String.valueOf(project.id()));
    }

    /** The NetSuite external id of an exported Procore project. */
    public static String externalId(long procoreProjectId) {
        return "procore-project-" + procoreProjectId;
    }
}
