package dev.trestle.projects;

import dev.trestle.connectors.netsuite.NetSuiteJob;
import dev.trestle.connectors.netsuite.NetSuiteRecords;
import dev.trestle.connectors.procore.ProcoreConnector;
import dev.trestle.connectors.procore.ProcoreProject;
import dev.trestle.connectors.procore.ProcoreProjectUpdate;
import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.imports.ImportResult;
import dev.trestle.links.LinkKind;
import dev.trestle.links.LinkMethod;
import dev.trestle.links.Links;
import dev.trestle.links.RecordLink;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Imports NetSuite projects (jobs) into Procore on request: each active job that is not linked
 * becomes a Procore project, created through Procore's sync action keyed on
 * {@code origin_id} = the job's internal id, and is linked to it ({@link LinkMethod#IMPORT}).
 *
 * <p>Keying on the origin id makes a repeated or interrupted import safe: a project created
 * by a run that failed before linking is found again, not created twice. Jobs are left alone
 * when Procore already has a project for them, by origin id or by project number, because a
 * second project would split the job's costs; a person links those.
 */
@ApplicationScoped
public class ProjectImporter {

    private static final Logger LOG = Logger.getLogger(ProjectImporter.class);

    private final ProcoreConnector procore;
    private final NetSuiteRecords netsuite;
    private final Links links;

    public ProjectImporter(ProcoreConnector procore, NetSuiteRecords netsuite, Links links) {
        this.procore = procore;
        this.netsuite = netsuite;
        this.links = links;
    }

    public Uni<ImportResult> importProjects(String actor) {
        return Uni.combine().all().unis(netsuite.jobs(), procore.projects(), links.all(LinkKind.PROJECT)).asTuple()
                .chain(read -> {
                    List<NetSuiteJob> jobs = read.getItem1();
                    Set<String> originIds = new HashSet<>();
                    Set<String> numbers = new HashSet<>();
                    for (ProcoreProject project : read.getItem2()) {
                        if (project.originId() != null) {
                            originIds.add(project.originId());
                        }
                        if (project.projectNumber() != null) {
                            numbers.add(normalize(project.projectNumber()));
                        }
                    }
                    Set<String> linkedJobs = new HashSet<>();
                    read.getItem3().forEach(link -> linkedJobs.add(link.netsuiteId));
                    List<NetSuiteJob> wanted = jobs.stream()
                            .filter(job -> !job.inactive() && !linkedJobs.contains(job.id())
                                    && !originIds.contains(job.id())
                                    && (job.entityId() == null || !numbers.contains(normalize(job.entityId()))))
                            .toList();
                    int skipped = jobs.size() - wanted.size();
                    // One job after another: Procore's hourly budget is shared with everything else.
                    return Multi.createFrom().iterable(wanted)
                            .onItem().transformToUniAndConcatenate(job -> importJob(job, actor))
                            .collect().asList()
                            .map(outcomes -> {
                                int created = (int) outcomes.stream().filter(Boolean::booleanValue).count();
                                return new ImportResult(created, skipped + outcomes.size() - created);
                            });
                });
    }

    /** True when this call created and linked the project; false when another import linked the job meanwhile. */
    private Uni<Boolean> importJob(NetSuiteJob job, String actor) {
        ProcoreProjectUpdate update = ProcoreProjectUpdate.byOriginId(job.id(), name(job), job.entityId(), true, null);
        return procore.syncProject(update)
                .chain(project -> links.link(LinkKind.PROJECT, String.valueOf(project.id()), job.id(), LinkMethod.IMPORT,
                        actor))
                .map((RecordLink link) -> true)
                .onFailure(failure -> failure instanceof TrestleException e && e.code() == ErrorCode.ALREADY_LINKED)
                .recoverWithItem(failure -> {
                    LOG.infof("NetSuite job %s was linked by another import meanwhile", job.id());
                    return false;
                });
    }

    /** Procore needs a name to create a project; a job without one is named by its Job ID. */
    private static String name(NetSuiteJob job) {
        if (job.companyName() != null && !job.companyName().isBlank()) {
            return job.companyName();
        }
        return job.entityId() != null ? job.entityId() : "NetSuite project " + job.id();
    }

    private static String normalize(String number) {
        return number.strip().toLowerCase(Locale.ROOT);
    }
}
