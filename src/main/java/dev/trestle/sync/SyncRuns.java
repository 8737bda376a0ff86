package dev.trestle.sync;

import dev.trestle.common.Db;
import dev.trestle.common.UniqueViolation;
import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Records sync runs, and makes sure only one run of a kind is going at a time, cluster-wide. */
@ApplicationScoped
public class SyncRuns {

    private static final String ONE_RUNNING = "sync_run_one_running";

    private final Db db;
    private final Clock clock;
    private final Duration staleAfter;

    public SyncRuns(Db db, Clock clock, @ConfigProperty(name = "trestle.sync.stale-after") Duration staleAfter) {
        this.db = db;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    /**
     * Opens a run, or fails with {@code SYNC_ALREADY_RUNNING}. A RUNNING row whose replica
     * stopped sending heartbeats (it crashed) is closed as failed first, so a crash never
     * blocks syncing for good.
     */
    public Uni<SyncRun> start(SyncRun.Kind kind, SyncRun.Trigger trigger, String requestedBy) {
        return start(kind, trigger, requestedBy, SyncRun.Mode.FULL);
    }

    /** As {@link #start(SyncRun.Kind, SyncRun.Trigger, String)}, recording how much the run reads. */
    public Uni<SyncRun> start(SyncRun.Kind kind, SyncRun.Trigger trigger, String requestedBy, SyncRun.Mode mode) {
        Instant now = clock.instant();
        return db.transaction(session -> session.createMutationQuery("""
                update SyncRun r set r.status = :failed, r.finishedAt = :now,
                       r.error = 'Abandoned: the replica running it stopped sending heartbeats.'
                 where r.kind = :kind and r.status = :running and r.heartbeatAt < :staleBefore""")
                .setParameter("failed", SyncRun.Status.FAILED)
                .setParameter("running", SyncRun.Status.RUNNING)
                .setParameter("now", now)
                .setParameter("kind", kind)
                .setParameter("staleBefore", now.minus(staleAfter))
                .executeUpdate())
                // Every replica's cron ticks at the same moment and all but one find a run going;
                // asking first spares each of them a refused insert (and its logged SQL error).
                // The unique index still decides a race between two that both found none.
                .chain(() -> db.read(session -> session.createSelectionQuery(
                        "select count(r) from SyncRun r where r.kind = :kind and r.status = :running", Long.class)
                        .setParameter("kind", kind)
                        .setParameter("running", SyncRun.Status.RUNNING)
                        .getSingleResult()))
                .chain(running -> running > 0 ? Uni.createFrom().failure(alreadyRunning(kind)) : db.transaction(session -> {
                    SyncRun run = new SyncRun();
                    run.kind = kind;
                    run.trigger = trigger;
                    run.requestedBy = requestedBy;
                    run.mode = mode;
                    run.status = SyncRun.Status.RUNNING;
                    run.startedAt = now;
                    run.heartbeatAt = now;
                    return session.persist(run).chain(session::flush).replaceWith(run);
                }))
                .onFailure(e -> UniqueViolation.of(e, ONE_RUNNING)).transform(e -> alreadyRunning(kind));
    }

    private static TrestleException alreadyRunning(SyncRun.Kind kind) {
        return new TrestleException(ErrorCode.SYNC_ALREADY_RUNNING,
                "A " + kind.name().toLowerCase() + " sync is already running.");
    }

    /** Tells other replicas the run is alive; false if it was meanwhile closed as abandoned. */
    public Uni<Boolean> heartbeat(long runId) {
        return db.transaction(session -> session.createMutationQuery(
                "update SyncRun r set r.heartbeatAt = :now where r.id = :id and r.status = :running")
                .setParameter("now", clock.instant())
                .setParameter("id", runId)
                .setParameter("running", SyncRun.Status.RUNNING)
                .executeUpdate()).map(updated -> updated == 1);
    }

    /**
     * Closes a run with its final counts, or with the error that stopped it. A run that another
     * replica already closed as abandoned keeps that verdict: its result is not trusted.
     */
    public Uni<SyncRun> finish(long runId, SyncRun.Status status, SyncCounts counts, String error) {
        return db.transaction(session -> session.find(SyncRun.class, runId).invoke(run -> {
            if (run == null || run.status != SyncRun.Status.RUNNING) {
                return;
            }
            run.status = status;
            run.finishedAt = clock.instant();
            run.heartbeatAt = run.finishedAt;
            run.error = error;
            if (counts != null) {
                run.scanned = counts.scanned();
                run.mapped = counts.mapped();
                run.notMapped = counts.notMapped();
                run.conflicts = counts.conflicts();
                run.unchanged = counts.unchanged();
            }
        }));
    }

    /** The newest runs first. */
    public Uni<List<SyncRun>> latest(SyncRun.Kind kind, int first) {
        return db.read(session -> session.createSelectionQuery(
                "from SyncRun r where r.kind = :kind order by r.id desc", SyncRun.class)
                .setParameter("kind", kind)
                .setMaxResults(first)
                .getResultList());
    }

    /** Whether a FULL run of this kind started at or after {@code since} and has not failed (it succeeded or still runs). */
    public Uni<Boolean> fullRunSince(SyncRun.Kind kind, Instant since) {
        return db.read(session -> session.createSelectionQuery(
                "select count(r) from SyncRun r where r.kind = :kind and r.mode = :full and r.startedAt >= :since "
                        + "and r.status <> :failed", Long.class)
                .setParameter("kind", kind)
                .setParameter("full", SyncRun.Mode.FULL)
                .setParameter("since", since)
                .setParameter("failed", SyncRun.Status.FAILED)
                .getSingleResult()).map(count -> count > 0);
    }

    public Uni<Instant> lastSucceededAt(SyncRun.Kind kind) {
        return db.read(session -> session.createSelectionQuery(
                "select max(r.finishedAt) from SyncRun r where r.kind = :kind and r.status = :succeeded", Instant.class)
                .setParameter("kind", kind)
                .setParameter("succeeded", SyncRun.Status.SUCCEEDED)
                .getSingleResultOrNull());
    }
}
