package dev.trestle.employees;

import dev.trestle.connectors.netsuite.NetSuiteConnector;
import dev.trestle.connectors.precoro.PrecoroConnector;
import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.settings.SettingsService;
import dev.trestle.sync.SyncCounts;
import dev.trestle.sync.SyncRun;
import dev.trestle.sync.SyncRuns;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Matches every Precoro user to a NetSuite employee by email and records the result.
 *
 * <p>A run reads both sides in full (reads only: nothing is ever created or changed in Precoro
 * or NetSuite), decides every user with {@link EmployeeMatcher}, and writes only what changed,
 * in chunks of one transaction each. If a run fails halfway, every chunk it wrote is correct
 * and complete on its own, and the next run, which again decides every user, finishes the rest.
 */
@ApplicationScoped
public class EmployeeSyncService {

    private static final Logger LOG = Logger.getLogger(EmployeeSyncService.class);

    private final PrecoroConnector precoro;
    private final NetSuiteConnector netsuite;
    private final SyncRuns runs;
    private final SettingsService settings;
    private final EmployeeMappingStore store;
    private final Clock clock;
    private final Vertx vertx;
    private final MeterRegistry meters;
    private final int chunkSize;
    private final Duration heartbeatInterval;

    public EmployeeSyncService(PrecoroConnector precoro, NetSuiteConnector netsuite, SyncRuns runs,
            SettingsService settings, EmployeeMappingStore store, Clock clock, Vertx vertx, MeterRegistry meters,
            @ConfigProperty(name = "trestle.employee-sync.chunk-size") int chunkSize,
            @ConfigProperty(name = "trestle.sync.heartbeat-interval") Duration heartbeatInterval) {
        this.precoro = precoro;
        this.netsuite = netsuite;
        this.runs = runs;
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.vertx = vertx;
        this.meters = meters;
        this.chunkSize = chunkSize;
        this.heartbeatInterval = heartbeatInterval;
    }

    /**
     * Opens a run and carries it out in the background; the returned run is RUNNING. Fails
     * with EMPLOYEE_SYNC_DISABLED while Sync Employee is off, SYNC_ALREADY_RUNNING if a run
     * is going on any replica.
     */
    public Uni<SyncRun> start(SyncRun.Trigger trigger, String requestedBy) {
        return open(trigger, requestedBy).invoke(run -> {
            // A fresh duplicated context: the run outlives the request that asked for it and
            // must not share its Vert.x context (or anything bound to it) with that request.
            var context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            context.runOnContext(ignored -> carryOut(run).subscribe().with(
                    finished -> { },
                    failure -> LOG.errorf(failure, "Employee sync run %d could not be closed", run.id)));
        });
    }

    /** Opens a run and carries it out; the returned run is finished (SUCCEEDED or FAILED). */
    public Uni<SyncRun> run(SyncRun.Trigger trigger, String requestedBy) {
        return open(trigger, requestedBy).chain(this::carryOut);
    }

    private Uni<SyncRun> open(SyncRun.Trigger trigger, String requestedBy) {
        return settings.current().chain(current -> {
            if (!current.employeeSyncEnabled) {
                return Uni.createFrom().failure(new TrestleException(ErrorCode.EMPLOYEE_SYNC_DISABLED,
                        "Sync Employee is off. An admin turns it on with enableEmployeeSync(confirm: true)."));
            }
            return runs.start(SyncRun.Kind.EMPLOYEES, trigger, requestedBy);
        });
    }

    private Uni<SyncRun> carryOut(SyncRun run) {
        Timer.Sample sample = Timer.start(meters);
        long started = System.nanoTime();
        // Heartbeats for the whole run, reading included, so that no replica takes a slow run for a dead one.
        long heartbeats = vertx.setPeriodic(heartbeatInterval.toMillis(), tick -> runs.heartbeat(run.id).subscribe()
                .with(alive -> { }, failure -> LOG.warnf("Heartbeat of sync run %d failed: %s", run.id, failure)));
        // The stored mappings load while both systems are read: the load waits on the database
        // only, and nothing but this run writes mappings (one run at a time), so what it reads
        // is still current when the decisions are compared with it.
        Uni<Map<Long, EmployeeMapping>> stored = store.loadAll().invoke(existing -> LOG.infof(
                "Employee sync run %d loaded %d stored mappings in %d ms", run.id, existing.size(),
                (System.nanoTime() - started) / 1_000_000));
        return Uni.combine().all().unis(precoro.allUsers(), netsuite.allEmployees(), stored).asTuple()
                .chain(all -> {
                    LOG.infof("Employee sync run %d read %d Precoro users and %d NetSuite employees in %d ms", run.id,
                            all.getItem1().size(), all.getItem2().size(), (System.nanoTime() - started) / 1_000_000);
                    List<MappingDecision> decisions = EmployeeMatcher.match(all.getItem1(), all.getItem2());
                    return apply(run.id, decisions, all.getItem3());
                })
                .chain(counts -> runs.finish(run.id, SyncRun.Status.SUCCEEDED, counts, null))
                .onFailure().recoverWithUni(failure -> {
                    if (failure instanceof TrestleException) {
                        LOG.warnf("Employee sync run %d failed: %s", run.id, failure.getMessage());
                    } else {
                        LOG.errorf(failure, "Employee sync run %d failed unexpectedly", run.id);
                    }
                    return runs.finish(run.id, SyncRun.Status.FAILED, null, describe(failure));
                })
                .eventually(() -> vertx.cancelTimer(heartbeats))
                .invoke(finished -> sample.stop(meters.timer("trestle.sync.runs",
                        "kind", finished.kind.name(), "outcome", finished.status.name())));
    }

    private Uni<SyncCounts> apply(long runId, List<MappingDecision> decisions, Map<Long, EmployeeMapping> existing) {
        Instant now = clock.instant();
        int unchanged = 0;
        List<List<MappingDecision>> chunks = new ArrayList<>();
        List<MappingDecision> chunk = new ArrayList<>(chunkSize);
        List<MappingDecision> all = withUsersGone(decisions, existing);
        for (int i = 0; i < all.size(); i++) {
            MappingDecision decision = all.get(i);
            EmployeeMapping row = existing.get(decision.precoroUserId());
            if (row != null && row.sameAs(decision)) {
                // Counted for the users this run scanned; users already known to be gone are not.
                unchanged += i < decisions.size() ? 1 : 0;
                continue;
            }
            chunk.add(decision);
            if (chunk.size() == chunkSize) {
                chunks.add(chunk);
                chunk = new ArrayList<>(chunkSize);
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        SyncCounts counts = count(decisions, unchanged);
        LOG.infof("Employee sync run %d compared %d decisions with %d stored mappings: %d to write",
                runId, all.size(), existing.size(), all.size() - unchanged);
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(part -> write(runId, now, part, existing))
                .collect().last()
                .replaceWith(counts);
    }

    /**
     * Users the hub knows but Precoro no longer lists (after a complete read of Precoro): they
     * are not mapped any more, and the change is recorded like any other.
     */
    private static List<MappingDecision> withUsersGone(List<MappingDecision> decisions,
            Map<Long, EmployeeMapping> existing) {
        Set<Long> listed = new HashSet<>(decisions.size() * 2);
        decisions.forEach(decision -> listed.add(decision.precoroUserId()));
        List<MappingDecision> all = new ArrayList<>(decisions);
        for (EmployeeMapping row : existing.values()) {
            if (!listed.contains(row.precoroUserId)) {
                all.add(new MappingDecision(row.precoroUserId, row.email, row.normalizedEmail, row.name,
                        MappingStatus.NOT_MAPPED, MappingReason.PRECORO_USER_GONE,
                        "The user no longer exists in Precoro.", null, List.of()));
            }
        }
        return all;
    }

    /** One chunk, one transaction: the mapping rows and their history rows land together. */
    private Uni<Void> write(long runId, Instant now, List<MappingDecision> part, Map<Long, EmployeeMapping> existing) {
        List<EmployeeMapping> rows = new ArrayList<>(part.size());
        List<EmployeeMappingChange> history = new ArrayList<>();
        for (MappingDecision decision : part) {
            EmployeeMapping old = existing.get(decision.precoroUserId());
            EmployeeMapping row = old == null ? new EmployeeMapping() : old;
            EmployeeMappingChange change = changeOf(runId, now, old, decision);
            if (change != null) {
                history.add(change);
            }
            boolean newMatch = decision.status() == MappingStatus.MAPPED
                    && (old == null || old.status != MappingStatus.MAPPED
                            || !Objects.equals(old.netsuiteEmployeeId, decision.netsuiteEmployeeId()));
            row.precoroUserId = decision.precoroUserId();
            row.email = decision.email();
            row.normalizedEmail = decision.normalizedEmail();
            row.name = decision.name();
            row.status = decision.status();
            row.reasonCode = decision.reasonCode();
            row.reason = decision.reason();
            row.netsuiteEmployeeId = decision.netsuiteEmployeeId();
            row.candidates = decision.candidates();
            row.matchedAt = decision.status() != MappingStatus.MAPPED ? null : newMatch ? now : row.matchedAt;
            row.evaluatedAt = now;
            row.runId = runId;
            rows.add(row);
        }
        return store.write(rows, history);
    }

    /** A history entry when the status, its reason, the email or the matched employee changes; null otherwise. */
    private static EmployeeMappingChange changeOf(long runId, Instant now, EmployeeMapping old, MappingDecision decision) {
        if (old != null && old.status == decision.status() && old.reasonCode == decision.reasonCode()
                && Objects.equals(old.normalizedEmail, decision.normalizedEmail())
                && Objects.equals(old.netsuiteEmployeeId, decision.netsuiteEmployeeId())) {
            return null;
        }
        EmployeeMappingChange change = new EmployeeMappingChange();
        change.precoroUserId = decision.precoroUserId();
        change.changedAt = now;
        change.runId = runId;
        change.newStatus = decision.status();
        change.newEmail = decision.email();
        change.newNetsuiteEmployeeId = decision.netsuiteEmployeeId();
        change.reason = decision.reason();
        if (old != null) {
            change.oldStatus = old.status;
            change.oldEmail = old.email;
            change.oldNetsuiteEmployeeId = old.netsuiteEmployeeId;
        }
        return change;
    }

    private static SyncCounts count(List<MappingDecision> decisions, int unchanged) {
        int mapped = 0;
        int notMapped = 0;
        int conflicts = 0;
        for (MappingDecision decision : decisions) {
            switch (decision.status()) {
                case MAPPED -> mapped++;
                case NOT_MAPPED -> notMapped++;
                case CONFLICT -> conflicts++;
            }
        }
        return new SyncCounts(decisions.size(), mapped, notMapped, conflicts, unchanged);
    }

    private static String describe(Throwable failure) {
        if (failure instanceof TrestleException trestle) {
            String upstreamCode = Objects.toString(trestle.extensions().get("upstreamCode"), null);
            return trestle.code() + (upstreamCode == null ? "" : " (" + upstreamCode + ")") + ": " + trestle.getMessage();
        }
        // Unexpected failures may carry data (a failing row, a query); the log has them, not the API.
        return ErrorCode.INTERNAL + ": unexpected failure; the server log has the details.";
    }
}
