package dev.trestle.exports;

import dev.trestle.common.NextTurn;
import dev.trestle.connectors.UpstreamException;
import dev.trestle.connectors.UpstreamSystem;
import dev.trestle.connectors.procore.ProcoreConnector;
import dev.trestle.connectors.procore.ProcoreProjectUpdate;
import dev.trestle.connectors.procore.ProcoreSyncResult;
import dev.trestle.connectors.procore.ProcoreVendorUpdate;
import dev.trestle.links.RecordRef;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Every write of the outbox into Procore, many records per sync action: the outbox's writes
 * into Procore (imports: create-or-update by {@code origin_id}), and the follow-up of exports
 * (the exported Procore record given the NetSuite id as its {@code origin_id}, by Procore id: a
 * vendor or project by its sync action, a subcontractor invoice by the ERP close-out).
 *
 * <p>Why batches: Procore limits requests, not records (a spike limit of tens of requests per
 * ten seconds besides the hourly one), and a sync action takes up to a thousand entries. One
 * request per record would make Procore, not NetSuite, the bound of a large batch. Entries wait
 * only while a sync of their kind is on the wire, and go together in the next one; an idle hub
 * sends on the event loop's next turn, so nothing waits for a timer.
 */
@ApplicationScoped
class ProcoreSyncs {

    private final Batcher<Long> vendorOrigins;
    private final Batcher<Long> projectOrigins;
    private final Batcher<Long> invoiceCloseOuts;
    private final Batcher<String> vendorWrites;
    private final Batcher<String> projectWrites;
    private final Batcher<String> invoicePaymentWrites;
    /** Direct costs are synced per project: one batcher each, made when its first direct cost comes. */
    private final Map<Long, Batcher<String>> directCostWrites = new ConcurrentHashMap<>();
    private final ProcoreConnector procore;

    ProcoreSyncs(ProcoreConnector procore) {
        this.procore = procore;
        this.vendorOrigins = byId(entries -> procore.syncVendors(entries.entrySet().stream()
                .map(e -> new ProcoreVendorUpdate(e.getKey(), (String) e.getValue().get("origin_id"), null, null, null,
                        null, null)).toList()));
        this.projectOrigins = byId(entries -> procore.syncProjects(entries.entrySet().stream()
                .map(e -> new ProcoreProjectUpdate(e.getKey(), (String) e.getValue().get("origin_id"), null, null, null,
                        null, null, null)).toList()));
        // The ERP close-out: the invoice takes the bill's id as its origin_id and becomes read-only.
        this.invoiceCloseOuts = byId(entries -> {
            Map<Long, String> originIds = new LinkedHashMap<>();
            entries.forEach((id, entry) -> originIds.put(id, (String) entry.get("origin_id")));
            return procore.closeOutInvoices(originIds);
        });
        this.vendorWrites = byOriginId(entries -> procore.syncByOriginId("vendor", List.copyOf(entries.values())));
        this.projectWrites = byOriginId(entries -> procore.syncByOriginId("project", List.copyOf(entries.values())));
        this.invoicePaymentWrites = byOriginId(entries -> procore.syncByOriginId("invoice_payment",
                List.copyOf(entries.values())));
    }

    /**
     * Writes one Procore sync entry keyed on its origin id (the write's idempotency key); yields
     * the Procore id of the record created or updated.
     */
    Uni<String> write(OutboxWrite write) {
        if (write.recordType().equals(OutboxWrite.DIRECT_COST)) {
            long project = ((Number) write.body().get("project_id")).longValue();
            return directCostWrites.computeIfAbsent(project, p -> byOriginId(entries -> syncDirectCosts(p, entries)))
                    .add(write.idempotencyKey(), write.body()).map(String::valueOf);
        }
        Batcher<String> batcher = switch (write.recordType()) {
            case "vendor" -> vendorWrites;
            case "project" -> projectWrites;
            case "invoice_payment" -> invoicePaymentWrites;
            default -> throw new IllegalArgumentException("the outbox cannot write a Procore " + write.recordType());
        };
        Map<String, Object> entry = new LinkedHashMap<>(write.body());
        entry.put("origin_id", write.idempotencyKey());
        return batcher.add(write.idempotencyKey(), entry).map(String::valueOf);
    }

    /**
     * Writes the direct costs of one project: their headers in one direct costs sync, then the lines of the headers
     * Procore wrote, given their direct cost ids, in line items syncs of up to {@value ProcoreConnector#MAX_SYNC_ENTRIES}.
     * A direct cost counts as written only when its header and every line were; otherwise it fails with Procore's
     * reason and is written again whole (both syncs upsert by origin id, so the parts that landed are not doubled).
     */
    @SuppressWarnings("unchecked")
    private Uni<ProcoreSyncResult> syncDirectCosts(long projectId, Map<String, Map<String, Object>> writes) {
        List<Map<String, Object>> headers = writes.values().stream()
                .map(body -> (Map<String, Object>) body.get("direct_cost")).toList();
        return procore.syncByOriginId(OutboxWrite.DIRECT_COST, projectId, headers).chain(written -> {
            Map<String, String> refused = new LinkedHashMap<>(written.rejectedByOrigin());
            Map<String, String> lineOwner = new LinkedHashMap<>();
            List<Map<String, Object>> lines = new ArrayList<>();
            writes.forEach((originId, body) -> {
                Long directCost = written.syncedByOrigin().get(originId);
                if (directCost == null) {
                    refused.putIfAbsent(originId, "Procore wrote neither the direct cost nor an error for it");
                    return;
                }
                for (Map<String, Object> line : (List<Map<String, Object>>) body.get("line_items")) {
                    Map<String, Object> entry = new LinkedHashMap<>(line);
                    entry.put("direct_cost_id", directCost);
                    lines.add(entry);
                    lineOwner.put((String) line.get("origin_id"), originId);
                }
            });
            Uni<Void> sent = Uni.createFrom().voidItem();
            for (int from = 0; from < lines.size(); from += ProcoreConnector.MAX_SYNC_ENTRIES) {
                List<Map<String, Object>> chunk = lines.subList(from,
                        Math.min(lines.size(), from + ProcoreConnector.MAX_SYNC_ENTRIES));
                sent = sent.chain(() -> procore.syncByOriginId("direct_cost_line_item", projectId, chunk)
                        .invoke(result -> chunk.forEach(line -> {
                            String lineId = (String) line.get("origin_id");
                            String reason = result.rejectedByOrigin().get(lineId);
                            if (reason == null && !result.syncedByOrigin().containsKey(lineId)) {
                                reason = "Procore wrote neither the line nor an error for it";
                            }
                            if (reason != null) {
                                refused.putIfAbsent(lineOwner.get(lineId), "line " + lineId + ": " + reason);
                            }
                        }))
                        .replaceWithVoid());
            }
            return sent.map(done -> {
                Map<String, Long> landed = new LinkedHashMap<>();
                written.syncedByOrigin().forEach((originId, id) -> {
                    if (writes.containsKey(originId) && !refused.containsKey(originId)) {
                        landed.put(originId, id);
                    }
                });
                return new ProcoreSyncResult(Set.of(), Map.of(), landed, refused);
            });
        });
    }

    /** Whether the destination's id goes back onto this source record (Procore origin_id). */
    static boolean keepsOrigin(RecordRef source) {
        return source.system() == UpstreamSystem.PROCORE && (source.type().equals("vendor")
                || source.type().equals("project") || source.type().equals("requisition"));
    }

    /**
     * Completes once Procore holds {@code netsuiteId} as the record's origin id. An update by
     * Procore id, so repeating it after a failure is harmless.
     */
    Uni<Void> recordOrigin(RecordRef source, String netsuiteId) {
        long procoreId = Long.parseLong(source.id());
        Batcher<Long> batcher = switch (source.type()) {
            case "vendor" -> vendorOrigins;
            case "project" -> projectOrigins;
            case "requisition" -> invoiceCloseOuts;
            default -> throw new IllegalArgumentException(source + " keeps no origin id");
        };
        return batcher.add(procoreId, Map.of("origin_id", netsuiteId)).replaceWithVoid();
    }

    private static Batcher<Long> byId(Function<Map<Long, Map<String, Object>>, Uni<ProcoreSyncResult>> sync) {
        return new Batcher<>(sync, (result, id) -> result.synced().contains(id) ? id : null,
                (result, id) -> result.rejected().get(id));
    }

    private static Batcher<String> byOriginId(Function<Map<String, Map<String, Object>>, Uni<ProcoreSyncResult>> sync) {
        return new Batcher<>(sync, (result, originId) -> result.syncedByOrigin().get(originId),
                (result, originId) -> result.rejectedByOrigin().get(originId));
    }

    /** Queued entries of one sync action, keyed by {@code K}, sent one request at a time. */
    private static final class Batcher<K> {

        private record Entry<K>(K key, Map<String, Object> wire, UniEmitter<? super Long> done) {
        }

        private final Function<Map<K, Map<String, Object>>, Uni<ProcoreSyncResult>> sync;
        private final BiFunction<ProcoreSyncResult, K, Long> written;
        private final BiFunction<ProcoreSyncResult, K, String> refused;
        private final Deque<Entry<K>> queued = new ArrayDeque<>();
        private boolean sending;

        Batcher(Function<Map<K, Map<String, Object>>, Uni<ProcoreSyncResult>> sync,
                BiFunction<ProcoreSyncResult, K, Long> written,
                BiFunction<ProcoreSyncResult, K, String> refused) {
            this.sync = sync;
            this.written = written;
            this.refused = refused;
        }

        /**
         * Completes with the Procore id of the record written. An idle batcher sends on the event loop's next
         * turn, not at once: the outbox hands over a whole claim's writes in one turn, and they go in one request.
         */
        Uni<Long> add(K key, Map<String, Object> wire) {
            return Uni.createFrom().emitter(done -> {
                synchronized (this) {
                    queued.addLast(new Entry<>(key, wire, done));
                }
                NextTurn.run(this::sendNext);
            });
        }

        private void sendNext() {
            List<Entry<K>> batch = new ArrayList<>();
            synchronized (this) {
                if (sending || queued.isEmpty()) {
                    return;
                }
                sending = true;
                while (!queued.isEmpty() && batch.size() < ProcoreConnector.MAX_SYNC_ENTRIES) {
                    batch.add(queued.removeFirst());
                }
            }
            // One entry per record: the same record twice in a batch carries the same write.
            Map<K, Map<String, Object>> entries = new LinkedHashMap<>();
            batch.forEach(entry -> entries.put(entry.key(), entry.wire()));
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

        private void settle(Entry<K> entry, ProcoreSyncResult result) {
            String reason = refused.apply(result, entry.key());
            Long id = written.apply(result, entry.key());
            if (reason != null) {
                entry.done().fail(new UpstreamException(UpstreamSystem.PROCORE, UpstreamException.Kind.CLIENT_ERROR, 200,
                        null, reason, null, "Procore refused the entry " + entry.key() + ": " + reason, null));
            } else if (id != null) {
                entry.done().complete(id);
            } else {
                entry.done().fail(UpstreamException.malformed(UpstreamSystem.PROCORE, 200,
                        "the sync answer names neither record " + entry.key() + " nor an error for it", null));
            }
        }
    }
}
