package dev.trestle.projects;

import dev.trestle.connectors.netsuite.NetSuiteJob;
import dev.trestle.connectors.netsuite.NetSuiteRecords;
import dev.trestle.connectors.procore.ProcoreConnector;
import dev.trestle.connectors.procore.ProcoreProject;
import dev.trestle.graphql.Cursors;
import dev.trestle.graphql.RequestReads;
import dev.trestle.graphql.PageInfo;
import dev.trestle.links.LinkKind;
import dev.trestle.links.Links;
import dev.trestle.links.RecordLink;
import dev.trestle.projects.ProjectConnection.ProjectEdge;
import dev.trestle.settings.SettingsService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The unified project list: every Procore project and every NetSuite job, joined by the hub's
 * links. Both systems are read live and side by side; the list is small (a company has hundreds
 * of projects, not millions), so it is filtered and paged in memory.
 *
 * <p>Procore projects come first, by Procore id, then NetSuite jobs without a Procore project,
 * by internal id. A cursor holds the Procore id, or the negated NetSuite id for the second
 * part, so the next page starts at the right place even if the row it names has gone.
 */
@ApplicationScoped
public class ProjectCatalog {

    private static final String CURSOR = "project";
    private static final String IMPORTED_NOT_EXPORTED = "A NetSuite project is imported into Procore, not exported.";

    private final ProcoreConnector procore;
    private final NetSuiteRecords netsuite;
    private final Links links;
    private final SettingsService settings;
    private final RequestReads reads;

    public ProjectCatalog(ProcoreConnector procore, NetSuiteRecords netsuite, Links links, SettingsService settings,
            RequestReads reads) {
        this.procore = procore;
        this.netsuite = netsuite;
        this.links = links;
        this.settings = settings;
        this.reads = reads;
    }

    public Uni<ProjectConnection> page(ProjectFilter filter, Integer first, String after) {
        int size;
        Long afterKey;
        try {
            size = Cursors.pageSize(first);
            afterKey = Cursors.decode(CURSOR, after);
        } catch (RuntimeException invalid) {
            return Uni.createFrom().failure(invalid);
        }
        return Uni.combine().all()
                .unis(reads.once("procore:projects", procore::projects), reads.once("netsuite:jobs", netsuite::jobs),
                        links.all(LinkKind.PROJECT), settings.current())
                .asTuple()
                .map(read -> {
                    List<Keyed> rows = join(read.getItem1(), read.getItem2(), read.getItem3(),
                            read.getItem4().connectedAt);
                    List<Keyed> matching = rows.stream().filter(row -> matches(row.project(), filter)).toList();
                    List<Keyed> rest = afterKey == null
                            ? matching
                            : matching.stream().filter(row -> isAfter(row.key(), afterKey)).toList();
                    List<ProjectEdge> edges = rest.stream().limit(size)
                            .map(row -> new ProjectEdge(Cursors.encode(CURSOR, row.key()), row.project()))
                            .toList();
                    String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
                    return new ProjectConnection(edges, new PageInfo(rest.size() > size, endCursor), matching.size());
                });
    }

    /**
     * Pairs each Procore project with its NetSuite job: through the hub's link, or else through
     * the Procore origin id, which names the NetSuite job a project was tied to before the hub
     * (unless the hub links that job to another project).
     */
    static List<Keyed> join(List<ProcoreProject> projects, List<NetSuiteJob> jobs, List<RecordLink> projectLinks,
            Instant connectedAt) {
        Map<String, NetSuiteJob> jobsById = new HashMap<>();
        jobs.forEach(job -> jobsById.put(job.id(), job));
        Map<String, RecordLink> linkByProcore = new HashMap<>();
        Set<String> linkedJobs = new HashSet<>();
        projectLinks.forEach(link -> {
            linkByProcore.put(link.leftId, link);
            linkedJobs.add(link.rightId);
        });
        Set<String> pairedJobs = new HashSet<>(linkedJobs);
        List<Keyed> rows = new ArrayList<>();
        for (ProcoreProject project : projects) {
            RecordLink link = linkByProcore.get(String.valueOf(project.id()));
            NetSuiteJob job = null;
            if (link != null) {
                job = jobsById.get(link.rightId);
            } else if (project.originId() != null && !linkedJobs.contains(project.originId())) {
                job = jobsById.get(project.originId());
            }
            boolean linked = link != null || job != null;
            if (job != null) {
                pairedJobs.add(job.id());
            }
            // As the planner sees it: any origin id means an ERP record already stands for the project.
            Optional<ProjectSyncRules.Refusal> refusal = ProjectSyncRules.notExportable(project, connectedAt,
                    linked || project.originId() != null, jobs);
            rows.add(new Keyed(project.id(), new Project(linked ? ProjectLinkStatus.LINKED : ProjectLinkStatus.PROCORE_ONLY,
                    String.valueOf(project.id()), project.name(), project.projectNumber(), project.stage(),
                    project.active(), project.createdAt(), project.startDate(), job, link, refusal.isEmpty(),
                    refusal.map(ProjectSyncRules.Refusal::message).orElse(null))));
        }
        for (NetSuiteJob job : jobs) {
            if (!pairedJobs.contains(job.id())) {
                rows.add(new Keyed(-Long.parseLong(job.id()), new Project(ProjectLinkStatus.NETSUITE_ONLY, null, null,
                        null, null, null, null, null, job, null, false, IMPORTED_NOT_EXPORTED)));
            }
        }
        rows.sort((a, b) -> compare(a.key(), b.key()));
        return rows;
    }

    private static boolean matches(Project project, ProjectFilter filter) {
        if (filter == null) {
            return true;
        }
        if (filter.linkStatus != null && !filter.linkStatus.isEmpty() && !filter.linkStatus.contains(project.linkStatus())) {
            return false;
        }
        if (filter.search == null || filter.search.isBlank()) {
            return true;
        }
        String needle = filter.search.strip().toLowerCase(Locale.ROOT);
        NetSuiteJob job = project.netsuiteJob();
        return contains(project.name(), needle) || contains(project.projectNumber(), needle)
                || job != null && (contains(job.companyName(), needle) || contains(job.entityId(), needle));
    }

    private static boolean contains(String text, String needle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
    }

    /** Procore projects (positive keys) first by id, then NetSuite-only jobs (negated ids) by id. */
    private static int compare(long a, long b) {
        boolean aJob = a < 0;
        boolean bJob = b < 0;
        if (aJob != bJob) {
            return aJob ? 1 : -1;
        }
        return Long.compare(Math.abs(a), Math.abs(b));
    }

    private static boolean isAfter(long key, long cursor) {
        return compare(key, cursor) > 0;
    }

    /** A row of the list and its cursor key. */
    record Keyed(long key, Project project) {
    }
}
