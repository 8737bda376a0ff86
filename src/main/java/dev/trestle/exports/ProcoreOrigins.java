package dev.trestle.exports;

import dev.trestle.connectors.UpstreamException;
import dev.trestle.connectors.UpstreamSystem;
import dev.trestle.connectors.procore.ProcoreConnector;
import dev.trestle.connectors.procore.ProcoreProjectUpdate;
import dev.trestle.connectors.procore.ProcoreSyncResult;
import dev.trestle.connectors.procore.ProcoreVendorUpdate;
import dev.trestle.links.LinkKind;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Gives exported Procore records the NetSuite id as their {@code origin_id}, many records per
 * sync action.
 *
 * <p>Why batches: Procore limits requests, not records (a spike limit of tens of requests per
 * ten seconds besides the hourly one), and a sync action takes up to a thousand entries. One
 * request per export would make Procore, not NetSuite, the bound of a large batch of exports.
 * Entries wait only while a sync of their kind is on the wire, and go together in the next one;
 * an idle hub sends an entry at once, so no export waits for a timer.
 */
@ApplicationScoped
class ProcoreOrigins {

    private final Batcher vendors;
    private final Batcher projects;

    ProcoreOrigins(ProcoreConnector procore) {
        this.vendors = new Batcher(pending -> procore.syncVendors(pending.entrySet().stream()
                .map(e -> new ProcoreVendorUpdate(e.getKey(), e.getValue(), null, null, null, null, null)).toList()));
        this.projects = new Batcher(pending -> procore.syncProjects(pending.entrySet().stream()
                .map(e -> new ProcoreProjectUpdate(e.getKey(), e.getValue(), null, null, null, null, null, null))
                .toList()));
    }

    /**
     * Completes once Procore holds {@code netsuiteId} as the record's origin id. An update by
     * Procore id, so repeating it after a failure is harmless. Cost codes keep theirs in NetSuite only.
     */
    Uni<Void> record(LinkKind kind, String procoreId, String netsuiteId) {
        return switch (kind) {
            case VENDOR -> vendors.add(Long.parseLong(procoreId), netsuiteId);
            case PROJECT -> projects.add(Long.parseLong(procoreId), netsuiteId);
            case COST_CODE -> Uni.createFrom().voidItem();
        };
    }

    /** Queued entries of one sync action, sent one request at a time. */
    private static final class Batcher {

        private record Entry(long procoreId, String netsuiteId, UniEmitter<? super Void> done) {
        }

        private final Function<Map<Long, String>, Uni<ProcoreSyncResult>> sync;
        private final Deque<Entry> queued = new ArrayDeque<>();
        private boolean sending;

        Batcher(Function<Map<Long, String>, Uni<ProcoreSyncResult>> sync) {
            this.sync = sync;
        }

        Uni<Void> add(long procoreId, String netsuiteId) {
            return Uni.createFrom().emitter(done -> {
                synchronized (this) {
                    queued.addLast(new Entry(procoreId, netsuiteId, done));
                }
                sendNext();
            });
        }

        private void sendNext() {
            List<Entry> batch = new ArrayList<>();
            synchronized (this) {
                if (sending || queued.isEmpty()) {
                    return;
                }
                sending = true;
                while (!queued.isEmpty() && batch.size() < ProcoreConnector.MAX_SYNC_ENTRIES) {
                    batch.add(queued.removeFirst());
                }
            }
            // One entry per record: the same record twice in a batch carries the same NetSuite id.
            Map<Long, String> entries = new LinkedHashMap<>();
            batch.forEach(entry -> entries.put(entry.procoreId(), entry.netsuiteId()));
            Uni.createFrom().deferred(() -> sync.apply(entries)).subscribe().with(
                    result -> {
                        sent();
                        batch.forEach(entry -> settle(entry, result));
                    },
                    failure -> {
                        sent();
                        batch.forEach(entry -> entry.done().fail(failure));
                    });
        }

        private void sent() {
            synchronized (this) {
                sending = false;
            }
            sendNext();
        }

        private static void settle(Entry entry, ProcoreSyncResult result) {
            String refused = result.rejected().get(entry.procoreId());
            if (refused != null) {
                entry.done().fail(new UpstreamException(UpstreamSystem.PROCORE, UpstreamException.Kind.CLIENT_ERROR, 200,
                        null, refused, null, "Procore refused the origin id of record " + entry.procoreId() + ": "
                                + refused, null));
            } else if (result.synced().contains(entry.procoreId())) {
                entry.done().complete(null);
            } else {
                entry.done().fail(UpstreamException.malformed(UpstreamSystem.PROCORE, 200,
                        "the sync answer names neither record " + entry.procoreId() + " nor an error for it", null));
            }
        }
    }
}
