package dev.trestle.projects;

import dev.trestle.connectors.netsuite.NetSuiteJob;
import dev.trestle.connectors.netsuite.NetSuiteRecords;
import dev.trestle.connectors.procore.ProcoreConnector;
import dev.trestle.connectors.procore.ProcoreProject;
import dev.trestle.connectors.procore.ProcoreProjectUpdate;
import dev.trestle.exports.ImportPlan;
import dev.trestle.exports.OutboxWrite;
import dev.trestle.links.LinkKind;
import dev.trestle.links.Links;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Plans the import of NetSuite projects (jobs) into Procore: each active job that is not linked
 * becomes a Procore project, written by the outbox through Procore's sync action keyed on
 * {@code origin_id} = the job's internal id, and linked to it once written ({@code IMPORT}).
 *
 * <p>Keying on the origin id makes a repeated or interrupted import safe: a project created
 * by a run that failed before linking is found again, not created twice. Jobs are left alone
 * when Procore already has a project for them, by origin id or by project number, because a
 * second project would split the job's costs; a person links those.
 */
@ApplicationScoped
public class ProjectImporter {

    private final ProcoreConnector procore;
    private final NetSuiteRecords netsuite;
    private final Links links;

    public ProjectImporter(ProcoreConnector procore, NetSuiteRecords netsuite, Links links) {
        this.procore = procore;
        this.netsuite = netsuite;
        this.links = links;
    }

    public Uni<ImportPlan> plan() {
        return Uni.combine().all().unis(netsuite.jobs(), procore.projects(), links.all(LinkKind.PROJECT)).asTuple()
                .map(read -> {
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
                    read.getItem3().forEach(link -> linkedJobs.add(link.rightId));
                    List<OutboxWrite> writes = jobs.stream()
                            .filter(job -> !job.inactive() && !linkedJobs.contains(job.id())
                                    && !originIds.contains(job.id())
                                    && (job.entityId() == null || !numbers.contains(normalize(job.entityId()))))
                            .map(job -> OutboxWrite.intoProcore("project",
                                    ProcoreProjectUpdate.byOriginId(job.id(), name(job), job.entityId(), true, null)
                                            .toWire(),
                                    LinkKind.PROJECT, job.id()))
                            .toList();
                    return new ImportPlan(writes, jobs.size() - writes.size());
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
