package dev.trestle.employees;

import dev.trestle.connectors.netsuite.NetSuiteConnector;
import dev.trestle.connectors.netsuite.NetSuiteEmployee;
import dev.trestle.connectors.precoro.PrecoroConnector;
import dev.trestle.connectors.precoro.PrecoroUser;
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
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Matches every Precoro user to a NetSuite employee by email and records the result.
 *
 * <p>Reads only: nothing is ever created or changed in Precoro or NetSuite. The hub keeps its own
 * copy of what it read from each side ({@link EmployeeSyncCopy}). A run is one of two modes:
 * <ul>
 * <li>{@link SyncRun.Mode#FULL FULL} (the first run, the nightly reconcile, or on request) reads
 * both sides in full, replaces the copy, so records deleted upstream leave it, and resets the
 * watermarks;</li>
 * <li>{@link SyncRun.Mode#INCREMENTAL INCREMENTAL} reads only the records modified since each
 * source's watermark ({@code modifiedSince} in Precoro, {@code lastmodifieddate} in NetSuite,
 * a few requests instead of one per page of users, which Precoro's 3,000 a day cannot afford
 * every 15 minutes) and upserts them into the copy. It cannot see deletions: a user deleted in
 * Precoro is simply no longer listed, so it stays in the copy until the next full reconcile.</li>
 * </ul>
 * Either way every user of the copy is decided with {@link EmployeeMatcher} (a conflict needs every
 * record with the same email, changed or not), and only what changed is written, in chunks of one
 * transaction each. If a run fails halfway, every chunk it wrote is correct and complete on its
 * own, its watermarks are not advanced, and the next run reads the same changes again and
 * finishes the rest.
 */
@ApplicationScoped
public class EmployeeSyncService {

    private static final Logger LOG = Logger.getLogger(EmployeeSyncService.class);
    /** Mapping chunks written at once, each on a connection of its own. */
    private static final int CHUNKS_IN_FLIGHT = 2;

    private final PrecoroConnector precoro;
    private final NetSuiteConnector netsuite;
    private final SyncRuns runs;
    private final SettingsService settings;
    private final EmployeeMappingStore store;
    private final EmployeeSyncCopy copy;
    private final Clock clock;
    private final Vertx vertx;
    private final MeterRegistry meters;
    private final int chunkSize;
    private final Duration overlap;
    private final Duration heartbeatInterval;

    public EmployeeSyncService(PrecoroConnector precoro, NetSuiteConnector netsuite, SyncRuns runs,
            SettingsService settings, EmployeeMappingStore store, EmployeeSyncCopy copy, Clock clock, Vertx vertx,
            MeterRegistry meters, EmployeeSyncConfig config,
            @ConfigProperty(name = "trestle.sync.heartbeat-interval") Duration heartbeatInterval) {
        this.precoro = precoro;
        this.netsuite = netsuite;
        this.runs = runs;
        this.settings = settings;
        this.store = store;
        this.copy = copy;
        this.clock = clock;
        this.vertx = vertx;
        this.meters = meters;
        if (config.watermarkOverlap().isNegative()) {
            throw new IllegalArgumentException("trestle.employee-sync.watermark-overlap must not be negative");
        }
        this.chunkSize = config.chunkSize();
        this.overlap = config.watermarkOverlap();
        this.heartbeatInterval = heartbeatInterval;
    }

    /**
     * Opens a run and carries it out in the background; the returned run is RUNNING. Fails
     * with EMPLOYEE_SYNC_DISABLED while Sync Employee is off, SYNC_ALREADY_RUNNING if a run
     * is going on any replica.
     */
    public Uni<SyncRun> start(SyncRun.Trigger trigger, String requestedBy) {
        return start(trigger, requestedBy, false);
    }

    /**
     * As {@link #start(SyncRun.Trigger, String)}; with {@code full} a FULL reconcile, otherwise
     * INCREMENTAL once both sources have a watermark (FULL before).
     */
    public Uni<SyncRun> start(SyncRun.Trigger trigger, String requestedBy, boolean full) {
        return open(trigger, requestedBy, full).invoke(run -> {
            // A fresh duplicated context: the run outlives the request that asked for it and
            // must not share its Vert.x context (or anything bound to it) with that request.
            var context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            context.runOnContext(ignored -> carryOut(run.run(), run.watermarks()).subscribe().with(
                    finished -> { },
                    failure -> LOG.errorf(failure, "Employee sync run %d could not be closed", run.run().id)));
        }).map(Opened::run);
    }

    /** Opens a run and carries it out; the returned run is finished (SUCCEEDED or FAILED). */
    public Uni<SyncRun> run(SyncRun.Trigger trigger, String requestedBy) {
        return run(trigger, requestedBy, false);
    }

    /** As {@link #run(SyncRun.Trigger, String)}; with {@code full} a FULL reconcile. */
    public Uni<SyncRun> run(SyncRun.Trigger trigger, String requestedBy, boolean full) {
        return open(trigger, requestedBy, full).chain(opened -> carryOut(opened.run(), opened.watermarks()));
    }

    /** An opened run and the watermarks it reads from (empty for a FULL run). */
    private record Opened(SyncRun run, Map<EmployeeSyncCopy.Source, Instant> watermarks) {
    }

    private Uni<Opened> open(SyncRun.Trigger trigger, String requestedBy, boolean full) {
        return settings.current().chain(current -> {
            if (!current.employeeSyncEnabled) {
                return Uni.createFrom().failure(new TrestleException(ErrorCode.EMPLOYEE_SYNC_DISABLED,
                        "Sync Employee is off. An admin turns it on with enableEmployeeSync(confirm: true)."));
            }
            // Read before the run opens, as its mode depends on them. A run on another replica may
            // finish in between and move them on; this run then starts from older watermarks,
            // which only re-reads records (harmless), and never moves them back (see watermark()).
            return copy.watermarks().chain(watermarks -> {
                boolean incremental = !full && watermarks.keySet().containsAll(EnumSet.allOf(EmployeeSyncCopy.Source.class));
                SyncRun.Mode mode = incremental ? SyncRun.Mode.INCREMENTAL : SyncRun.Mode.FULL;
                return runs.start(SyncRun.Kind.EMPLOYEES, trigger, requestedBy, mode)
                        .map(run -> new Opened(run, incremental ? watermarks : Map.of()));
            });
        });
    }

    /**
     * What a run read: everything to match over, what came from upstream this time, and the part of
     * the copy's update still to be written (it runs while the mappings are written: neither reads the other).
     */
    private record Read(List<PrecoroUser> users, List<NetSuiteEmployee> employees, List<PrecoroUser> usersRead,
            List<NetSuiteEmployee> employeesRead, Uni<Void> copied) {
    }

    /**
     * Full: both sides in full, and each side's copy replaced by what was read of it. NetSuite's 50
     * pages arrive long before Precoro's 250, so the employees' copy is written while Precoro is still
     * being read, and the users' copy while the mappings are written. Each side's copy is replaced in
     * one statement; a run that fails after one of them leaves that side's copy newer, which an
     * incremental run may always do, and its watermarks where they were.
     */
    private Uni<Read> readFull(SyncRun run) {
        Uni<List<NetSuiteEmployee>> employees = onItsOwnEventLoop(() -> netsuite.allEmployees()
                .call(read -> copy.replaceEmployees(read, run.id, clock.instant())));
        return Uni.combine().all().unis(onItsOwnEventLoop(precoro::allUsers), employees).asTuple()
                .map(both -> new Read(both.getItem1(), both.getItem2(), both.getItem1(), both.getItem2(),
                        copy.replaceUsers(both.getItem1(), run.id, clock.instant())));
    }

    /**
     * Runs {@code read} on a fresh context of the next Vert.x event loop. A connector handles each
     * answer on the context that asked for it, and a whole run started on one context: every page
     * of both systems, and the stored mappings, were parsed one after the other on one thread, which
     * Precoro's next page request waited for (a page holds its permit until it is parsed), while the
     * other event loops were idle. On contexts of their own, each system's pages are parsed beside
     * the other's. A fresh context carries nothing of a person's request, as the run must not
     * (see {@link #start}): its reads are the hub's own work.
     */
    private <T> Uni<T> onItsOwnEventLoop(Supplier<Uni<T>> read) {
        Context context = VertxContext.createNewDuplicatedContext(((VertxInternal) vertx).createEventLoopContext());
        return Uni.createFrom().emitter(emitter -> context.runOnContext(ignored -> read.get().subscribe()
                .with(emitter::complete, emitter::fail)));
    }

    /** Incremental: what changed since the watermarks, upserted into the copy and merged with the rest of it. */
    private Uni<Read> readChanges(SyncRun run, Map<EmployeeSyncCopy.Source, Instant> watermarks) {
        return Uni.combine().all().unis(
                precoro.usersModifiedSince(watermarks.get(EmployeeSyncCopy.Source.PRECORO_USERS)),
                netsuite.employeesModifiedSince(watermarks.get(EmployeeSyncCopy.Source.NETSUITE_EMPLOYEES)),
                // 100,000 rows of the copy decoded beside the 50,000 stored mappings, not after them
                onItsOwnEventLoop(copy::load)).asTuple()
                .map(all -> {
                    List<PrecoroUser> changedUsers = all.getItem1();
                    List<NetSuiteEmployee> changedEmployees = all.getItem2();
                    List<PrecoroUser> users = merged(all.getItem3().users(), changedUsers, PrecoroUser::id,
                            Comparator.comparingLong(PrecoroUser::id));
                    List<NetSuiteEmployee> employees = merged(all.getItem3().employees(), changedEmployees,
                            NetSuiteEmployee::id, Comparator.comparing((NetSuiteEmployee e) -> e.id().length())
                                    .thenComparing(NetSuiteEmployee::id));
                    return new Read(users, employees, changedUsers, changedEmployees,
                            copy.upsert(changedUsers, changedEmployees, run.id, clock.instant()));
                });
    }

    /** The copy with the records read this run in place of their earlier versions, in the full read's order. */
    private static <T, K> List<T> merged(List<T> stored, List<T> read, Function<T, K> key, Comparator<T> order) {
        Map<K, T> byKey = new LinkedHashMap<>(Math.max(16, (stored.size() + read.size()) * 4 / 3 + 1));
        stored.forEach(record -> byKey.put(key.apply(record), record));
        read.forEach(record -> byKey.put(key.apply(record), record));
        List<T> result = new ArrayList<>(byKey.values());
        result.sort(order);
        return result;
    }

    /**
     * Where the next incremental read of each source starts: the newest upstream modification time
     * read, minus the overlap. A FULL run starts over (from the start of time if it read no
     * modification time at all); an INCREMENTAL run never moves a watermark back, and keeps it when
     * it read nothing.
     */
    private Map<EmployeeSyncCopy.Source, EmployeeSyncCopy.Watermark> watermarksAfter(SyncRun run,
            Map<EmployeeSyncCopy.Source, Instant> before, Read read) {
        Map<EmployeeSyncCopy.Source, EmployeeSyncCopy.Watermark> after = new EnumMap<>(EmployeeSyncCopy.Source.class);
        after.put(EmployeeSyncCopy.Source.PRECORO_USERS, watermark(run.mode,
                before.get(EmployeeSyncCopy.Source.PRECORO_USERS), newest(read.usersRead(), PrecoroUser::updated)));
        after.put(EmployeeSyncCopy.Source.NETSUITE_EMPLOYEES, watermark(run.mode,
                before.get(EmployeeSyncCopy.Source.NETSUITE_EMPLOYEES),
                newest(read.employeesRead(), NetSuiteEmployee::lastModified)));
        return after;
    }

    private EmployeeSyncCopy.Watermark watermark(SyncRun.Mode mode, Instant before, Instant newest) {
        if (newest == null) {
            return new EmployeeSyncCopy.Watermark(mode == SyncRun.Mode.FULL || before == null ? Instant.EPOCH : before,
                    null);
        }
        Instant from = newest.minus(overlap);
        if (mode == SyncRun.Mode.INCREMENTAL && before != null && before.isAfter(from)) {
            from = before;
        }
        return new EmployeeSyncCopy.Watermark(from, newest);
    }

    private static <T> Instant newest(List<T> records, Function<T, Instant> modified) {
        Instant newest = null;
        for (T record : records) {
            Instant at = modified.apply(record);
            if (at != null && (newest == null || at.isAfter(newest))) {
                newest = at;
            }
        }
        return newest;
    }

    private Uni<SyncRun> carryOut(SyncRun run, Map<EmployeeSyncCopy.Source, Instant> watermarks) {
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
        Uni<Read> read = run.mode == SyncRun.Mode.FULL ? readFull(run) : readChanges(run, watermarks);
        return Uni.combine().all().unis(read, stored).asTuple()
                .chain(all -> {
                    Read what = all.getItem1();
                    LOG.infof("Employee sync run %d (%s) read %d Precoro users and %d NetSuite employees in %d ms; "
                            + "matching %d users and %d employees", run.id, run.mode, what.usersRead().size(),
                            what.employeesRead().size(), (System.nanoTime() - started) / 1_000_000,
                            what.users().size(), what.employees().size());
                    List<MappingDecision> decisions = EmployeeMatcher.match(what.users(), what.employees());
                    // The watermarks move only after every mapping and the copy are written: a run
                    // that fails before that is read again from where it started.
                    return Uni.combine().all().unis(apply(run.id, decisions, all.getItem2()),
                                    what.copied().replaceWith(Boolean.TRUE)).asTuple()
                            .map(written -> written.getItem1())
                            .call(() -> copy.saveWatermarks(watermarksAfter(run, watermarks, what), run.id,
                                    clock.instant()));
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
        // Two chunks in flight, on two connections: while PostgreSQL stores one, the hub encodes the
        // next, instead of each waiting on the other. Chunks are independent (each user is in one),
        // so their order does not matter, and a failure still leaves only whole chunks written.
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUni(part -> write(runId, now, part, existing)).merge(CHUNKS_IN_FLIGHT)
                .collect().last()
                .replaceWith(counts);
    }

    /**
     * Users the hub knows but its copy of Precoro no longer holds (a FULL run removed them, as
     * Precoro no longer listed them): they are not mapped any more, and the change is recorded
     * like any other. An INCREMENTAL run cannot remove anyone from the copy, so deletions wait for
     * the next full reconcile.
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
