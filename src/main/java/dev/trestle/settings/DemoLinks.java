package dev.trestle.settings;

import dev.trestle.connectors.netsuite.NetSuiteJob;
import dev.trestle.connectors.netsuite.NetSuiteRecords;
import dev.trestle.connectors.netsuite.NetSuiteVendor;
import dev.trestle.connectors.procore.ProcoreConnector;
import dev.trestle.connectors.procore.ProcoreProject;
import dev.trestle.connectors.procore.ProcoreVendor;
import dev.trestle.costcodes.CostCodesExportPlanner;
import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.links.LinkKind;
import dev.trestle.links.LinkMethod;
import dev.trestle.links.Links;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Dev mode only: in the sandbox's demo story some records were linked before the hub was
 * installed (by Professional Services, as the seed says happens for pre-existing projects):
 * Procore vendors and projects carry the NetSuite id as their origin_id, and the linked project's
 * WBS codes exist in NetSuite as items with the hub's external ids. Dev mode records those links
 * in the hub (method MANUAL, by "demo"), so that the demo's subcontractor invoices can be exported
 * as the story tells. Production never runs this ({@code trestle.demo.connected-at} is unset), and
 * the hub never infers links there.
 */
@ApplicationScoped
class DemoLinks {

    private static final Logger LOG = Logger.getLogger(DemoLinks.class);
    private static final String ACTOR = "demo";
    private static final int ATTEMPTS = 10;

    private final ProcoreConnector procore;
    private final NetSuiteRecords netsuite;
    private final Links links;

    DemoLinks(ProcoreConnector procore, NetSuiteRecords netsuite, Links links) {
        this.procore = procore;
        this.netsuite = netsuite;
        this.links = links;
    }

    void onStart(@Observes StartupEvent started, Vertx vertx,
            @ConfigProperty(name = "trestle.demo.connected-at") Optional<Instant> connectedAt) {
        // After start-up: the sandbox answers on this server's own port, which is open only then.
        connectedAt.ifPresent(ignored -> vertx.setTimer(500, id -> link(1)));
    }

    private void link(int attempt) {
        Uni.combine().all().unis(procore.vendors(), netsuite.vendors(), procore.projects(), netsuite.jobs()).asTuple()
                .chain(read -> Uni.combine().all().unis(vendors(read.getItem1(), read.getItem2()),
                        projects(read.getItem3(), read.getItem4())).asTuple())
                .subscribe().with(
                        linked -> LOG.infof("Demo installation: %d vendor, project and WBS code links of the story "
                                + "recorded", linked.getItem1() + linked.getItem2()),
                        failure -> {
                            if (attempt < ATTEMPTS) {
                                Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofSeconds(1))
                                        .subscribe().with(ignored -> link(attempt + 1));
                            } else {
                                LOG.warnf(failure, "Demo installation: the story's links were not recorded");
                            }
                        });
    }

    private Uni<Integer> vendors(List<ProcoreVendor> companies, List<NetSuiteVendor> vendors) {
        Set<String> known = vendors.stream().map(NetSuiteVendor::id).collect(Collectors.toSet());
        return linkAll(LinkKind.VENDOR, companies.stream().filter(c -> c.originId() != null && known.contains(c.originId()))
                .collect(Collectors.toMap(c -> String.valueOf(c.id()), ProcoreVendor::originId)));
    }

    private Uni<Integer> projects(List<ProcoreProject> projects, List<NetSuiteJob> jobs) {
        Map<String, NetSuiteJob> known = jobs.stream().collect(Collectors.toMap(NetSuiteJob::id, Function.identity()));
        List<ProcoreProject> linked = projects.stream()
                .filter(p -> p.originId() != null && known.containsKey(p.originId())).toList();
        return linkAll(LinkKind.PROJECT, linked.stream()
                .collect(Collectors.toMap(p -> String.valueOf(p.id()), ProcoreProject::originId)))
                .chain(count -> Multi.createFrom().iterable(linked)
                        .onItem().transformToUniAndConcatenate(this::wbsCodes)
                        .collect().asList()
                        .map(counts -> count + counts.stream().mapToInt(Integer::intValue).sum()));
    }

    /** The project's WBS codes that NetSuite has as items with the external id an export would give them. */
    private Uni<Integer> wbsCodes(ProcoreProject project) {
        return procore.wbsCodes(project.id()).chain(codes -> Multi.createFrom().iterable(codes)
                .onItem().transformToUniAndConcatenate(code -> netsuite.findByExternalId("otherChargePurchaseItem",
                                CostCodesExportPlanner.externalId(project.id(), code.id()))
                        .map(item -> item.map(fields -> Map.entry(String.valueOf(code.id()),
                                String.valueOf(fields.get("id"))))))
                .filter(Optional::isPresent)
                .map(Optional::get)
                .collect().asList()
                .chain(items -> linkAll(LinkKind.COST_CODE, items.stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))));
    }

    private Uni<Integer> linkAll(LinkKind kind, Map<String, String> pairs) {
        return links.byLeftIds(kind, pairs.keySet()).chain(linked -> Multi.createFrom().iterable(pairs.entrySet())
                .filter(pair -> !linked.containsKey(pair.getKey()))
                .onItem().transformToUniAndConcatenate(pair -> links.link(kind, pair.getKey(), pair.getValue(),
                                LinkMethod.MANUAL, ACTOR).replaceWith(1)
                        // Its NetSuite record was linked to another meanwhile (by a person): theirs stands.
                        .onFailure(e -> e instanceof TrestleException t && t.code() == ErrorCode.ALREADY_LINKED)
                        .recoverWithItem(0))
                .collect().asList()
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum()));
    }
}
