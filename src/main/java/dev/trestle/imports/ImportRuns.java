package dev.trestle.imports;

import dev.trestle.common.Db;
import dev.trestle.common.UniqueViolation;
import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records import runs, makes sure only one run of a kind is going at a time cluster-wide, and
 * keeps each incremental kind's watermark: where its next read of NetSuite starts.
 */
@ApplicationScoped
public class ImportRuns {

    private static final String ONE_RUNNING = "import_run_one_running";
    /** Notes kept with a run; the rest are counted in a last note (a run's notes are for a person to read). */
    static final int MAX_NOTES = 1_000;

    private final Db db;
    private final Clock clock;
    private final Duration staleAfter;

    public ImportRuns(Db db, Clock clock, @ConfigProperty(name = "trestle.sync.stale-after") Duration staleAfter) {
        this.db = db;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    /**
     * Opens a run, or fails with {@code SYNC_ALREADY_RUNNING}. A RUNNING row whose replica
     * stopped sending heartbeats (it crashed) is closed as failed first, so a crash never
     * blocks an import for good.
     */
    public Uni<ImportRun> start(ImportKind kind, ImportRun.Mode mode, ImportRun.Trigger trigger, String requestedBy,
            Instant readFrom) {
        Instant now = clock.instant();
        return db.transaction(session -> session.createMutationQuery("""
                update ImportRun r set r.status = :failed, r.finishedAt = :now, r.errorCode = 'ABANDONED',
                       r.error = 'Abandoned: the replica running it stopped sending heartbeats.'
                 where r.kind = :kind and r.status = :running and r.heartbeatAt < :staleBefore""")
                .setParameter("failed", ImportRun.Status.FAILED)
                .setParameter("running", ImportRun.Status.RUNNING)
                .setParameter("now", now)
                .setParameter("kind", kind)
                .setParameter("staleBefore", now.minus(staleAfter))
                .executeUpdate())
                .chain(() -> db.transaction(session -> {
                    ImportRun run = new ImportRun();
                    run.kind = kind;
                    run.mode = mode;
                    run.trigger = trigger;
                    run.requestedBy = requestedBy;
                    run.status = ImportRun.Status.RUNNING;
                    run.startedAt = now;
                    run.heartbeatAt = now;
                    run.readFrom = readFrom;
                    return session.persist(run).chain(session::flush).replaceWith(run);
                }))
                .onFailure(e -> UniqueViolation.of(e, ONE_RUNNING)).transform(e -> alreadyRunning(kind));
    }

    static TrestleException alreadyRunning(ImportKind kind) {
        return new TrestleException(ErrorCode.SYNC_ALREADY_RUNNING, "An import of " + kind
                + " is reading NetSuite right now; its writes will be in the outbox in a moment. Ask again then.");
    }

    /** Whether a run of the kind is reading right now (on any replica). */
    public Uni<Boolean> running(ImportKind kind) {
        return db.read(session -> session.createSelectionQuery(
                "select count(r) from ImportRun r where r.kind = :kind and r.status = :running", Long.class)
                .setParameter("kind", kind)
                .setParameter("running", ImportRun.Status.RUNNING)
                .getSingleResult()).map(count -> count > 0);
    }

    /** Tells other replicas the run is alive. */
    public Uni<Void> heartbeat(long runId) {
        return db.transaction(session -> session.createMutationQuery(
                "update ImportRun r set r.heartbeatAt = :now where r.id = :id and r.status = :running")
                .setParameter("now", clock.instant())
                .setParameter("id", runId)
                .setParameter("running", ImportRun.Status.RUNNING)
                .executeUpdate()).replaceWithVoid();
    }

    /**
     * Closes a run that planned its writes and queued them (export request {@code exportRequestId},
     * null when there were none), and moves the kind's watermark to {@code nextReadFrom} in the
     * same transaction (null: the kind keeps none). A run another replica closed as abandoned keeps
     * that verdict, and moves no watermark.
     */
    public Uni<ImportRun> succeeded(long runId, int scanned, int queued, int skipped, List<String> notes,
            Long exportRequestId, Instant nextReadFrom) {
        Instant now = clock.instant();
        return db.transaction(session -> session.find(ImportRun.class, runId).chain(run -> {
            if (run == null || run.status != ImportRun.Status.RUNNING) {
                return Uni.createFrom().item(run);
            }
            run.status = ImportRun.Status.SUCCEEDED;
            run.finishedAt = now;
            run.heartbeatAt = now;
            run.scanned = scanned;
            run.queued = queued;
            run.skipped = skipped;
            run.notes(capped(notes));
            run.exportRequestId = exportRequestId;
            if (nextReadFrom == null) {
                return Uni.createFrom().item(run);
            }
            // One run of a kind at a time: nothing else writes this kind's row meanwhile.
            return session.find(ImportWatermark.class, run.kind).chain(mark -> {
                ImportWatermark watermark = mark == null ? new ImportWatermark() : mark;
                watermark.kind = run.kind;
                watermark.readFrom = nextReadFrom;
                watermark.runId = runId;
                watermark.updatedAt = now;
                return mark == null ? session.persist(watermark) : Uni.createFrom().voidItem();
            }).replaceWith(run);
        }));
    }

    /** Closes a run that stopped with {@code failure}; the watermark stays, so the next run reads it all again. */
    public Uni<ImportRun> failed(long runId, String errorCode, String error) {
        return db.transaction(session -> session.find(ImportRun.class, runId).invoke(run -> {
            if (run != null && run.status == ImportRun.Status.RUNNING) {
                run.status = ImportRun.Status.FAILED;
                run.finishedAt = clock.instant();
                run.heartbeatAt = run.finishedAt;
                run.errorCode = errorCode;
                run.error = error;
            }
        }));
    }

    /** Where the kind's next incremental read starts; null when no run has succeeded yet. */
    public Uni<Instant> watermark(ImportKind kind) {
        return db.read(session -> session.get(ImportWatermark.class, kind)).map(mark -> mark == null ? null : mark.readFrom);
    }

    /** When the newest FULL run of the kind that succeeded started; null when none has. */
    public Uni<Instant> lastFullRun(ImportKind kind) {
        return db.read(session -> session.createSelectionQuery(
                "select max(r.startedAt) from ImportRun r where r.kind = :kind and r.mode = :full and r.status = :succeeded",
                Instant.class)
                .setParameter("kind", kind)
                .setParameter("full", ImportRun.Mode.FULL)
                .setParameter("succeeded", ImportRun.Status.SUCCEEDED)
                .getSingleResultOrNull());
    }

    /** The newest runs of the kind first. */
    public Uni<List<ImportRun>> latest(ImportKind kind, int first) {
        return db.read(session -> session.createSelectionQuery(
                "from ImportRun r where r.kind = :kind order by r.id desc", ImportRun.class)
                .setParameter("kind", kind)
                .setMaxResults(first)
                .getResultList());
    }

    static List<String> capped(List<String> notes) {
        if (notes.size() <= MAX_NOTES) {
            return notes;
        }
        List<String> kept = new ArrayList<>(notes.subList(0, MAX_NOTES - 1));
        kept.add((notes.size() - kept.size()) + " more notes, not kept here; a run after these are resolved lists them.");
        return kept;
    }
}
