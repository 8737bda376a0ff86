package dev.trestle.costcodes;

import dev.trestle.connectors.procore.ProcoreConnector;
import dev.trestle.connectors.procore.ProcoreProject;
import dev.trestle.connectors.procore.ProcoreWbsCode;
import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.exports.ExportKind;
import dev.trestle.exports.ExportPlan;
import dev.trestle.exports.ExportPlanner;
import dev.trestle.exports.OutboxWrite;
import dev.trestle.links.LinkKind;
import dev.trestle.links.Links;
import dev.trestle.links.RecordLink;
import dev.trestle.exports.NetSuiteDestinations;
import dev.trestle.projects.ProjectExportSource;
import dev.trestle.projects.ProjectSyncRules;
import dev.trestle.settings.SettingsService;
import io.quarkus.arc.Unremovable;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exports the WBS codes of a Procore project (the source id is the project id) as NetSuite
 * Other Charge purchase items, one upsert per code not linked yet, keyed on
 * {@code procore-wbs-<projectId>-<wbsCodeId>}. Items are named as {@link ItemNames} says.
 *
 * <p>The project must have been exported first: its items carry its number, and costs booked
 * to them belong to that NetSuite project. The project's own sync rules apply as well.
 */
// Kept when nothing injects it by type: the export machinery finds planners by their kind at run
// time, and dropping it would also drop the NetSuite destinations it reads from configuration.
@Unremovable
@ApplicationScoped
public class CostCodesExportPlanner implements ExportPlanner {

    static final String RECORD_TYPE = "otherChargePurchaseItem";

    private final ProcoreConnector procore;
    private final Links links;
    private final SettingsService settings;
    private final String subsidiaryId;
    private final String expenseAccountId;

    public CostCodesExportPlanner(ProcoreConnector procore, Links links, SettingsService settings,
            NetSuiteDestinations destinations) {
        this.procore = procore;
        this.links = links;
        this.settings = settings;
        this.subsidiaryId = destinations.subsidiaryId();
        this.expenseAccountId = destinations.costCodeExpenseAccountId();
    }

    @Override
    public ExportKind kind() {
        return ExportKind.COST_CODES;
    }

    @Override
    public Uni<ExportPlan> plan(String sourceId) {
        return ProjectExportSource.read(sourceId, procore, settings, links, procore::wbsCodes)
                .chain(source -> {
                    ProcoreProject project = source.project();
                    String projectId = String.valueOf(project.id());
                    ProjectSyncRules.notSyncable(project, source.connectedAt()).ifPresent(refusal -> {
                        throw refusal.exception();
                    });
                    if (source.link() == null) {
                        throw new TrestleException(ErrorCode.NOT_EXPORTABLE, "Project " + projectId
                                + " has not been exported to NetSuite yet; export the project before its cost codes.");
                    }
                    if (project.projectNumber() == null || project.projectNumber().isBlank()) {
                        throw new TrestleException(ErrorCode.NOT_EXPORTABLE, "Project " + projectId
                                + " has no project number, which the NetSuite item names start with.");
                    }
                    List<ProcoreWbsCode> codes = source.extra();
                    List<String> ids = codes.stream().map(code -> String.valueOf(code.id())).toList();
                    return links.byLeftIds(LinkKind.COST_CODE, ids).map(linked -> ExportPlan.of(writes(project, codes, linked)));
                });
    }

    private List<OutboxWrite> writes(ProcoreProject project, List<ProcoreWbsCode> codes,
            Map<String, RecordLink> linked) {
        List<OutboxWrite> writes = codes.stream()
                .filter(code -> !linked.containsKey(String.valueOf(code.id())))
                .map(code -> write(project, code))
                .toList();
        if (writes.isEmpty()) {
            throw new TrestleException(ErrorCode.NOT_EXPORTABLE, codes.isEmpty()
                    ? "Project " + project.id() + " has no cost codes to export."
                    : "Every cost code of project " + project.id() + " is already exported.");
        }
        return writes;
    }

    private OutboxWrite write(ProcoreProject project, ProcoreWbsCode code) {
        String externalId = externalId(project.id(), code.id());
        String itemName = ItemNames.itemName(project.projectNumber(), code);
        String title = code.description() == null || code.description().isBlank() ? code.flatCode() : code.description();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("externalId", externalId);
        body.put("itemId", itemName);
        body.put("displayName", title);
        body.put("description", "Procore project " + project.projectNumber().strip() + " " + project.name()
                + ", WBS code " + code.flatCode() + " " + title);
        body.put("subsidiary", Map.of("items", List.of(Map.of("id", subsidiaryId))));
        body.put("expenseAccount", Map.of("id", expenseAccountId));
        return OutboxWrite.intoNetSuite(RECORD_TYPE, externalId, body, LinkKind.COST_CODE, String.valueOf(code.id()));
    }

    /** The NetSuite external id of an exported WBS code. */
    public static String externalId(long procoreProjectId, long wbsCodeId) {
        return "procore-wbs-" + procoreProjectId + "-" + wbsCodeId;
    }
}
