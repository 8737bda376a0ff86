package dev.trestle.exports;

import dev.trestle.approvals.AccountingApprovers;
import dev.trestle.capabilities.IntegrationCapabilities;
import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.security.UserRef;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The approval workflow of the seed: a requester asks, a designated accounting approver who
 * is not the requester approves (the export starts at once) or rejects with a reason (the
 * requester may change the record and resubmit), and an approver who is not the requester may
 * retry a failed export. People are compared by subject ({@link UserRef}), never by name.
 */
@ApplicationScoped
public class ExportService {

    private final ExportStore store;
    private final ExportWorker worker;
    private final AccountingApprovers approvers;
    private final Clock clock;
    private static final Duration IMPORT_POLL = Duration.ofMillis(100);
    /** An import brings over every record of its kind that is not linked, so its source is "all". */
    private static final String IMPORT_SOURCE = "all";

    private final Map<ExportKind, ExportPlanner> planners = new EnumMap<>(ExportKind.class);
    private final Duration importWait;

    public ExportService(ExportStore store, ExportWorker worker, AccountingApprovers approvers, Clock clock,
            Instance<ExportPlanner> planners, @ConfigProperty(name = "trestle.imports.wait") Duration importWait) {
        this.importWait = importWait;
        this.store = store;
        this.worker = worker;
        this.approvers = approvers;
        this.clock = clock;
        planners.forEach(planner -> this.planners.put(planner.kind(), planner));
    }

    /** Plans the export from the live Procore record and leaves it PENDING with that exact payload. */
    public Uni<Long> request(ExportKind kind, String sourceId, String scope, UserRef requester) {
        return checked(kind, sourceId, scope).chain(planner -> planner.scope(sourceId, scope)
                .chain(resolved -> planner.plan(sourceId, resolved)
                        .chain(plan -> store.request(kind, sourceId, resolved, requester, plan, clock.instant()))));
    }

    public Uni<Void> approve(long id, UserRef approver) {
        return designated(approver)
                .chain(() -> store.approve(id, approver, clock.instant()))
                // Delivery starts now, not at the next poll.
                .invoke(worker::wake)
                .replaceWithVoid();
    }

    public Uni<Void> reject(long id, UserRef approver, String reason) {
        if (reason == null || reason.isBlank()) {
            return Uni.createFrom().failure(TrestleException.invalidArgument("A rejection needs a reason."));
        }
        return designated(approver).chain(() -> store.reject(id, approver, reason.trim(), clock.instant()));
    }

    /** Plans the export again from the record as it is now, and sends it back to the approvers. */
    public Uni<Void> resubmit(long id, UserRef requester) {
        return store.find(id).chain(request -> plan(request.kind, request.sourceId, request.sourceScope)
                .chain(plan -> store.resubmit(id, requester, plan, clock.instant())));
    }

    public Uni<Void> retry(long id, UserRef approver) {
        return designated(approver)
                .chain(() -> store.retry(id, approver, clock.instant()))
                .invoke(() -> {
                    worker.wake();
                    worker.wakeOrigins();
                });
    }

    /**
     * The import of this kind still writing into Procore, if one is: how it stands after waiting
     * up to {@code trestle.imports.wait} for it to land; null when none is under way.
     */
    public Uni<ImportOutcome> openImport(String kind) {
        return store.openImport(kind, IMPORT_SOURCE).chain(running -> running == null
                ? Uni.createFrom().nullItem()
                : awaitImport(running, 0, List.of(), clock.instant().plus(importWait)));
    }

    /**
     * Queues an import's writes into Procore in the outbox: no approval step (the seed: imports
     * happen on request), the same retries, error detail, audit and exactly-once rules as exports.
     * Yields the request holding them; {@code EXPORT_ALREADY_REQUESTED} when one of the kind is
     * still under way.
     */
    public Uni<Long> queueImport(String kind, ImportPlan plan, UserRef requester) {
        return store.requestImport(kind, IMPORT_SOURCE, requester, plan.writes(), clock.instant())
                .invoke(worker::wake);
    }

    /**
     * How a queued import stands once its writes landed, or at {@code trestle.imports.wait} after
     * {@code askedAt} (the request's start: reading NetSuite counts against the answer's time, which
     * must stay inside the API's deadline); an import still under way then (Procore paused by a rate
     * limit, say) goes on by itself and the outcome says what is pending.
     */
    public Uni<ImportOutcome> awaitImport(long id, ImportPlan plan, Instant askedAt) {
        return awaitImport(id, plan.skipped(), plan.notes(), askedAt.plus(importWait));
    }

    private Uni<ImportOutcome> awaitImport(long id, int skipped, List<String> notes, Instant until) {
        return store.importOutcome(id).chain(outcome -> {
            boolean settled = outcome.pending() == 0;
            if (settled || !clock.instant().isBefore(until)) {
                int delivered = outcome.delivered();
                return Uni.createFrom().item(new ImportOutcome(id, ExportStatus.valueOf(outcome.status()),
                        outcome.linked(), skipped + delivered - outcome.linked(), outcome.failed(), outcome.pending(),
                        notes));
            }
            return Uni.createFrom().voidItem().onItem().delayIt().by(IMPORT_POLL)
                    .chain(() -> awaitImport(id, skipped, notes, until));
        });
    }

    /**
     * Records the export of a source record that changed upstream and exports by itself (a purchase order approved
     * in Precoro), planned from the record as it is now: a new PENDING request, the record's pending request planned
     * anew, nothing when its last request already says the same, or {@code BUSY} while an approved one is being
     * delivered. With {@code autoApproval} (an admin's setting, named in the audit entry) a new request is approved
     * at once, and delivery starts.
     */
    public Uni<SourceRequest> requestForSource(ExportKind kind, String sourceId, ExportPlan plan,
            UserRef requester, UserRef autoApprover, String autoApproval) {
        return store.requestForSource(kind, sourceId, requester, plan, autoApprover, autoApproval, clock.instant())
                .invoke(outcome -> {
                    if (autoApprover != null && outcome.outcome() == SourceRequest.Outcome.REQUESTED) {
                        worker.wake();
                    }
                });
    }

    /**
     * Rejects the PENDING request of a source record that exports by itself, when the source took back what made it
     * exportable (a purchase order no longer approved in Precoro), with the reason; {@code requester} is named as
     * the decider, since no approver decided. Yields the request rejected, or null when none was pending.
     */
    public Uni<Long> withdrawForSource(ExportKind kind, String sourceId, UserRef requester, String reason) {
        return store.withdrawPending(kind, sourceId, requester, reason, clock.instant());
    }

    private Uni<ExportPlan> plan(ExportKind kind, String sourceId, String scope) {
        return checked(kind, sourceId, scope).chain(planner -> planner.plan(sourceId, scope));
    }

    /** Procore ids and Precoro idns are positive 64-bit numbers, written in digits. */
    private static boolean isUpstreamId(String id) {
        if (id == null || !id.matches("[0-9]{1,19}")) {
            return false;
        }
        try {
            return Long.parseLong(id) > 0;
        } catch (NumberFormatException tooLarge) {
            return false;
        }
    }

    /** The kind's planner, once the kind is supported and the ids are well formed. */
    private Uni<ExportPlanner> checked(ExportKind kind, String sourceId, String scope) {
        ExportPlanner planner = planners.get(kind);
        if (planner == null) {
            return Uni.createFrom().failure(new TrestleException(ErrorCode.NOT_SUPPORTED, kind.ownerSide()
                    ? IntegrationCapabilities.OWNER_SIDE
                    : "Exports of " + kind + " are not supported yet."));
        }
        if (!isUpstreamId(sourceId)) {
            return Uni.createFrom().failure(TrestleException.invalidArgument(kind == ExportKind.PURCHASE_ORDER
                    ? "\"sourceId\" must be a Precoro purchase order idn (digits)."
                    : "\"sourceId\" must be a Procore id (digits)."));
        }
        if (scope != null && kind == ExportKind.PURCHASE_ORDER) {
            return Uni.createFrom().failure(TrestleException.invalidArgument(
                    "\"projectId\" is for SUBCONTRACTOR_INVOICE only."));
        }
        if (scope != null && !isUpstreamId(scope)) {
            return Uni.createFrom().failure(TrestleException.invalidArgument(
                    "\"projectId\" must be a Procore project id (digits)."));
        }
        return Uni.createFrom().item(planner);
    }

    private Uni<Void> designated(UserRef user) {
        return approvers.isDesignated(user).chain(yes -> yes
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(new TrestleException(ErrorCode.NOT_AN_ACCOUNTING_APPROVER,
                        user.name() + " (subject " + user.subject()
                                + ") is not a designated accounting approver; an admin designates approvers by subject.")));
    }
}
