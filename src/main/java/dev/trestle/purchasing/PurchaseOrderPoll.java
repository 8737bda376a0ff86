package dev.trestle.purchasing;

import dev.trestle.connectors.precoro.PrecoroPurchaseOrder;
import dev.trestle.connectors.precoro.PrecoroPurchasing;
import dev.trestle.settings.SettingsService;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The safety net under the webhooks: a webhook can be lost (the hub down for longer than Precoro retries, an
 * endpoint removed), so every {@code trestle.purchasing.poll-cron} the hub lists Precoro's approved POs modified
 * since its last poll (less an overlap) and marks due those it has not seen in that version. The first poll reads
 * from the moment the integration was connected: POs approved before it are sent by hand, if at all.
 */
@ApplicationScoped
public class PurchaseOrderPoll {

    private static final Logger LOG = Logger.getLogger(PurchaseOrderPoll.class);

    private final PurchaseOrderStore store;
    private final PrecoroPurchasing precoro;
    private final PurchaseOrderIntake intake;
    private final SettingsService settings;
    private final PurchasingConfig config;
    private final Clock clock;

    PurchaseOrderPoll(PurchaseOrderStore store, PrecoroPurchasing precoro, PurchaseOrderIntake intake,
            SettingsService settings, PurchasingConfig config, Clock clock) {
        this.store = store;
        this.precoro = precoro;
        this.intake = intake;
        this.settings = settings;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "purchase-order-poll", cron = "${trestle.purchasing.poll-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return poll().onFailure().recoverWithUni(failure -> {
            LOG.warnf("The poll of Precoro's approved purchase orders failed (%s); the next one reads from the same "
                    + "moment", failure.getMessage());
            return Uni.createFrom().nullItem();
        }).replaceWithVoid();
    }

    /** One poll: how many approved POs it found that the hub had not seen in their current version. */
    public Uni<Integer> poll() {
        Instant started = clock.instant();
        return store.pollFrom()
                .chain(from -> from != null ? Uni.createFrom().item(from)
                        : settings.current().map(current -> current.connectedAt))
                .chain(from -> precoro.purchaseOrdersModifiedSince(from, PrecoroPurchaseOrder.APPROVED))
                .chain(listed -> {
                    Map<Long, Instant> versions = new LinkedHashMap<>();
                    listed.forEach(po -> versions.put(po.idn(), po.updated()));
                    return store.changedIfNewer(versions, clock.instant())
                            .call(() -> store.polled(started.minus(config.pollOverlap()), clock.instant()));
                })
                .invoke(marked -> {
                    if (marked > 0) {
                        intake.wake();
                    }
                });
    }
}
