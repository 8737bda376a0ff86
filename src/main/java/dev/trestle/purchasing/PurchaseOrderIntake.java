package dev.trestle.purchasing;

import dev.trestle.connectors.UpstreamException;
import dev.trestle.connectors.precoro.PrecoroPurchaseOrder;
import dev.trestle.connectors.precoro.PrecoroPurchasing;
import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.exports.ExportKind;
import dev.trestle.exports.ExportPlan;
import dev.trestle.exports.ExportService;
import dev.trestle.exports.SourceRequest;
import dev.trestle.security.UserRef;
import dev.trestle.settings.IntegrationSettings;
import dev.trestle.settings.SettingsService;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Turns the POs Precoro says changed into export requests. A webhook or the poll only marks a PO due
 * ({@link PurchaseOrderStore#changed}); this reads each due PO once, however many events it had, as it is then:
 * an approved one is planned and becomes a PENDING export request (or the pending one is planned anew, or nothing
 * when NetSuite already has exactly this), which waits for an accounting approver unless an admin turned on the
 * automatic approval; one that is not approved, or that cannot be exported (named in words), is recorded as such.
 *
 * <p>Precoro's budget: POs the hub has seen before are first checked against one list read (up to 200 POs a
 * request): a PO whose updateDate is the one the hub last saw (its own write-back of the NetSuite id included) has
 * not changed and costs no read of its own. A read that fails is due again after a back-off (Precoro's
 * {@code RateLimit-Retry-After} after a 429), and shown as READ_FAILED meanwhile; nothing is dropped.
 */
@ApplicationScoped
public class PurchaseOrderIntake {

    private static final Logger LOG = Logger.getLogger(PurchaseOrderIntake.class);
    /** Who the requests the intake makes name as their requester. */
    public static final UserRef REQUESTER = new UserRef("system:precoro-intake", "Precoro (approved in Precoro)");
    /** Who approves when the admin's automatic approval is on. */
    static final UserRef AUTO_APPROVER = new UserRef("system:purchase-order-auto-approval", "automatic approval");
    /** A claim's worth: about a minute of Precoro's pace, far inside a claim's time. */
    static final int PER_CLAIM = 50;
    /** Reads at once: Precoro's caller paces them; a few in hand keep the pace while others plan and record. */
    private static final int READS_AT_ONCE = 3;
    /** A list read is worth it only for POs seen recently: an old updateDate would make it many pages. */
    private static final Duration LIST_CHECK_WITHIN = Duration.ofHours(1);
    /**
     * How long an event waits before its PO is read: Precoro fires the update webhook of the hub's own write-back
     * of the NetSuite id before it answers the write, so the hub must first record that answer to know the change
     * as its own; events of a burst for one PO meanwhile become one read.
     */
    static final Duration SETTLE = Duration.ofSeconds(2);
    /** How long a PO waits while its approved export is delivered before it is planned again. */
    private static final Duration BUSY_WAIT = Duration.ofSeconds(15);

    private final PurchaseOrderStore store;
    private final PrecoroPurchasing precoro;
    private final PurchaseOrderExportPlanner planner;
    private final ExportService exports;
    private final SettingsService settings;
    private final PurchasingConfig config;
    private final Clock clock;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wokenWhileRunning = new AtomicBoolean();

    PurchaseOrderIntake(PurchaseOrderStore store, PrecoroPurchasing precoro, PurchaseOrderExportPlanner planner,
            ExportService exports, SettingsService settings, PurchasingConfig config, Clock clock, Vertx vertx) {
        this.store = store;
        this.precoro = precoro;
        this.planner = planner;
        this.exports = exports;
        this.settings = settings;
        this.config = config;
        this.clock = clock;
        this.vertx = vertx;
    }

    /** Records that Precoro says these POs changed (a webhook, the poll); they are read soon after. */
    public Uni<Void> changed(List<Long> idns) {
        return store.changed(idns, clock.instant())
                .invoke(() -> vertx.setTimer(SETTLE.toMillis() + 50, ignored -> wake()));
    }

    /** Picks up POs whose back-off ended, and those a replica held when it died. */
    @Scheduled(identity = "purchase-order-intake", every = "${trestle.purchasing.intake-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        wake();
    }

    /** Reads the due POs, a claim at a time, until none is left; one run at a time per replica. */
    public void wake() {
        if (!running.compareAndSet(false, true)) {
            wokenWhileRunning.set(true);
            return;
        }
        wokenWhileRunning.set(false);
        var context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        context.runOnContext(ignored -> {
            Instant now = clock.instant();
            store.claim(PER_CLAIM, now, now.minus(SETTLE), now.plus(config.claimFor()))
                    .chain(claimed -> process(claimed).replaceWith(claimed.size()))
                    .subscribe().with(count -> {
                        running.set(false);
                        if (count == PER_CLAIM || wokenWhileRunning.get()) {
                            wake();
                        }
                    }, failure -> {
                        LOG.errorf(failure, "Reading due purchase orders failed; their claims expire and the next tick "
                                + "tries again");
                        running.set(false);
                    });
        });
    }

    private Uni<Void> process(List<PurchaseOrderStore.Due> claimed) {
        if (claimed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant checkedAt = clock.instant();
        return unchanged(claimed).chain(same -> Multi.createFrom().iterable(claimed)
                .onItem().transformToUni(due -> same.contains(due.idn())
                        ? store.unchangedSince(due.idn(), checkedAt)
                        : readAndPlan(due))
                .merge(READS_AT_ONCE)
                .collect().last()
                .replaceWithVoid());
    }

    /**
     * The claimed POs whose updateDate in Precoro's list is still the one the hub last saw: one list read for all
     * of them, or none when none was seen within the last hour (then each is read anyway).
     */
    private Uni<Set<Long>> unchanged(List<PurchaseOrderStore.Due> claimed) {
        Instant horizon = clock.instant().minus(LIST_CHECK_WITHIN);
        Map<Long, PurchaseOrderStore.Due> known = new HashMap<>();
        claimed.stream().filter(due -> due.knownUpdate() != null && due.knownUpdate().isAfter(horizon))
                .forEach(due -> known.put(due.idn(), due));
        if (known.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        Instant since = known.values().stream().map(PurchaseOrderStore.Due::knownUpdate).min(Instant::compareTo)
                .orElseThrow();
        return precoro.purchaseOrdersModifiedSince(since, null)
                .map(listed -> {
                    Set<Long> same = new HashSet<>();
                    for (PrecoroPurchaseOrder po : listed) {
                        PurchaseOrderStore.Due seen = known.get(po.idn());
                        if (seen != null && seen.sameAs(po)) {
                            same.add(po.idn());
                        }
                    }
                    return same;
                })
                // The list is only a saving: without it, every PO is read.
                .onFailure().recoverWithItem(Set.of());
    }

    private Uni<Void> readAndPlan(PurchaseOrderStore.Due due) {
        Instant readAt = clock.instant();
        Instant free = precoro.purchaseOrderFreeAt(due.idn());
        if (free.isAfter(readAt.plusSeconds(1))) {
            // Read within Precoro's duplicate minute (a person changed it right after the hub read it): it waits
            // for the minute's end in the queue, rather than holding one of the reads the others need.
            return store.later(due.idn(), free);
        }
        return precoro.purchaseOrder(due.idn())
                .chain(po -> decide(po, readAt))
                .onFailure().recoverWithUni(failure -> failed(due, failure, readAt));
    }

    private Uni<Void> decide(PrecoroPurchaseOrder po, Instant readAt) {
        if (po.status() != PrecoroPurchaseOrder.APPROVED) {
            String reason = "Precoro status " + po.status() + (po.statusName() == null ? "" : " (" + po.statusName()
                    + ")") + ": only approved purchase orders go to NetSuite.";
            // A request still waiting for its approver was asked while the PO was approved: it must not be approved
            // now that Precoro took the approval back (canceled, sent back to revise).
            return exports.withdrawForSource(ExportKind.PURCHASE_ORDER, String.valueOf(po.idn()), REQUESTER,
                            "No longer approved in Precoro (" + reason + ")")
                    .chain(withdrawn -> store.read(po.idn(), po, PurchaseOrderState.NOT_APPROVED, reason,
                            withdrawn, readAt));
        }
        return planner.plan(po)
                .chain(plan -> settings.current().chain(current -> request(po, plan, current)))
                .chain(outcome -> switch (outcome.outcome()) {
                    case REQUESTED, REPLANNED -> store.read(po.idn(), po, PurchaseOrderState.REQUESTED, null,
                            outcome.requestId(), readAt);
                    case UNCHANGED -> store.read(po.idn(), po, PurchaseOrderState.UNCHANGED, null,
                            outcome.requestId(), readAt);
                    case BUSY -> store.later(po.idn(), clock.instant().plus(BUSY_WAIT));
                })
                .onFailure(PurchaseOrderIntake::refusal)
                .recoverWithUni(refusal -> store.read(po.idn(), po, PurchaseOrderState.NOT_EXPORTABLE,
                        refusal.getMessage(), null, readAt));
    }

    private Uni<SourceRequest> request(PrecoroPurchaseOrder po, ExportPlan plan, IntegrationSettings current) {
        boolean auto = current.autoApprovePurchaseOrders;
        return exports.requestForSource(ExportKind.PURCHASE_ORDER, String.valueOf(po.idn()), plan, REQUESTER,
                auto ? AUTO_APPROVER : null, auto ? "approved automatically: Precoro approved it, and "
                        + Objects.requireNonNullElse(current.autoApprovePurchaseOrdersBy, "an admin")
                        + " turned on the automatic approval of purchase orders" : "");
    }

    /** A refusal a person must act on (the PO is not exportable as it is), as opposed to a failure to read. */
    private static boolean refusal(Throwable failure) {
        return failure instanceof TrestleException known && !(failure instanceof UpstreamException)
                && known.code() != ErrorCode.INTERNAL;
    }

    private Uni<Void> failed(PurchaseOrderStore.Due due, Throwable failure, Instant readAt) {
        if (failure instanceof TrestleException known && known.code() == ErrorCode.NOT_FOUND
                && !(failure instanceof UpstreamException)) {
            // Deleted in Precoro (or never there): nothing to send, and nothing to read again.
            return store.gone(due.idn(), known.getMessage(), readAt);
        }
        Duration wait = failure instanceof UpstreamException upstream && upstream.retryAfter().isPresent()
                ? upstream.retryAfter().get() : backoff(due.attempts());
        String reason = failure instanceof TrestleException known ? known.code() + ": " + known.getMessage()
                : "INTERNAL: the server log has the details.";
        if (!(failure instanceof TrestleException)) {
            LOG.errorf(failure, "Reading Precoro purchase order %d failed unexpectedly", due.idn());
        }
        return store.readFailed(due.idn(), reason, clock.instant().plus(wait));
    }

    private Duration backoff(int attempts) {
        Duration delay = config.firstRetryAfter().multipliedBy(1L << Math.min(attempts, 20));
        return delay.compareTo(config.maxRetryAfter()) > 0 ? config.maxRetryAfter() : delay;
    }
}
