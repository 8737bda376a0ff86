package dev.trestle.purchasing;

import dev.trestle.connectors.precoro.PrecoroPurchaseOrder;
import dev.trestle.exports.PurchaseOrderWriteBack;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The hub's view of Precoro purchase orders ({@code purchase_order}), in SQL on the reactive pool: a webhook or the
 * poll marks a PO due in one upsert, replicas claim due POs with {@code FOR UPDATE SKIP LOCKED}, and what a read
 * found is recorded with the moment the read started, so that an event that arrived during the read keeps the PO due.
 */
@ApplicationScoped
class PurchaseOrderStore implements PurchaseOrderWriteBack {

    /**
     * A claimed PO: read it now. {@code knownUpdate} is Precoro's updateDate the hub last saw on it (null: never),
     * with what it showed then.
     */
    record Due(long idn, int attempts, Instant knownUpdate, Integer status, Long supplierId, Long purchaserId,
            BigDecimal netTotal) {

        /** Whether Precoro's list shows the PO as the hub last saw it: same updateDate, status, supplier, total. */
        boolean sameAs(PrecoroPurchaseOrder listed) {
            return knownUpdate != null && knownUpdate.equals(listed.updated())
                    && status != null && status == listed.status()
                    && supplierId != null && supplierId == listed.supplier().id()
                    && java.util.Objects.equals(purchaserId, listed.creator() == null ? null : listed.creator().id())
                    && netTotal != null && listed.netSum() != null && netTotal.compareTo(listed.netSum().value()) == 0;
        }
    }

    private final Pool pool;

    PurchaseOrderStore(Pool pool) {
        this.pool = pool;
    }

    /** A webhook or the poll says these POs changed: due now (a PO already due keeps its place in the queue). */
    Uni<Void> changed(Collection<Long> idns, Instant at) {
        if (idns.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("""
                INSERT INTO purchase_order (idn, due_at, events, last_event_at)
                SELECT idn, $2, 1, $2 FROM unnest($1::bigint[]) AS u(idn)
                ON CONFLICT (idn) DO UPDATE SET due_at = COALESCE(purchase_order.due_at, EXCLUDED.due_at),
                       events = purchase_order.events + 1,
                       last_event_at = GREATEST(purchase_order.last_event_at, EXCLUDED.last_event_at)""")
                .execute(Tuple.of(idns.toArray(Long[]::new), utc(at)))
                .replaceWithVoid();
    }

    /**
     * The poll's find: marks due the POs whose updateDate is not the one the hub last saw (or that it never saw).
     * Answers how many it marked.
     */
    Uni<Integer> changedIfNewer(Map<Long, Instant> versions, Instant at) {
        if (versions.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return pool.preparedQuery("""
                WITH listed AS (SELECT * FROM unnest($1::bigint[], $2::timestamptz[]) AS u(idn, updated))
                INSERT INTO purchase_order (idn, due_at, events, last_event_at)
                SELECT idn, $3, 0, $3 FROM listed
                ON CONFLICT (idn) DO UPDATE SET due_at = COALESCE(purchase_order.due_at, EXCLUDED.due_at),
                       last_event_at = GREATEST(purchase_order.last_event_at, EXCLUDED.last_event_at)
                 WHERE purchase_order.precoro_updated_at IS NULL OR purchase_order.precoro_updated_at <>
                       (SELECT listed.updated FROM listed WHERE listed.idn = purchase_order.idn)""")
                .execute(Tuple.of(versions.keySet().toArray(Long[]::new),
                        versions.values().stream().map(PurchaseOrderStore::utc).toArray(OffsetDateTime[]::new),
                        utc(at)))
                .map(rows -> rows.rowCount());
    }

    /**
     * Claims up to {@code limit} POs due since {@code settledBefore} at least, oldest first, that no replica holds and
     * whose back-off has passed.
     */
    Uni<List<Due>> claim(int limit, Instant now, Instant settledBefore, Instant until) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                WITH due AS (
                    SELECT idn FROM purchase_order
                     WHERE due_at <= $4 AND (claimed_until IS NULL OR claimed_until < $1)
                     ORDER BY due_at, idn LIMIT $2 FOR UPDATE SKIP LOCKED)
                UPDATE purchase_order p SET claimed_until = $3 FROM due WHERE p.idn = due.idn
                RETURNING p.idn, p.attempts, p.precoro_updated_at, p.status, p.supplier_id, p.purchaser_id,
                          p.net_total""")
                .execute(Tuple.of(utc(now), limit, utc(until), utc(settledBefore)))
                .map(rows -> {
                    List<Due> claimed = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        OffsetDateTime known = row.getOffsetDateTime("precoro_updated_at");
                        claimed.add(new Due(row.getLong("idn"), row.getInteger("attempts"),
                                known == null ? null : known.toInstant(), row.getInteger("status"),
                                row.getLong("supplier_id"), row.getLong("purchaser_id"),
                                row.getBigDecimal("net_total")));
                    }
                    return claimed;
                }));
    }

    /**
     * Records what a read that started at {@code readAt} found and what became of it. The PO stays due when an event
     * arrived after the read started: the read may have seen it before that change.
     */
    Uni<Void> read(long idn, PrecoroPurchaseOrder po, PurchaseOrderState state, String reason, Long requestId, Instant readAt) {
        return pool.preparedQuery("""
                UPDATE purchase_order SET precoro_id = $2, number = $3, status = $4, supplier_id = $5,
                       supplier_name = $6, purchaser_id = $7, purchaser_email = $8, currency = $9, net_total = $10,
                       precoro_updated_at = $11, read_at = $12, state = $13, reason = $14,
                       export_request_id = COALESCE($15, export_request_id), attempts = 0, claimed_until = NULL,
                       due_at = CASE WHEN last_event_at > $12 THEN due_at END
                 WHERE idn = $1""")
                .execute(Tuple.tuple(Arrays.asList(idn, po.id(), po.number(), po.status(), po.supplier().id(),
                        po.supplier().name(), po.creator() == null ? null : po.creator().id(),
                        po.creator() == null ? null : po.creator().email(), po.currency(),
                        po.netSum() == null ? null : po.netSum().value(), utc(po.updated()), utc(readAt),
                        state.name(), reason, requestId)))
                .replaceWithVoid();
    }

    /** Nothing changed since the hub last saw the PO: it is no longer due (unless an event came during the check). */
    Uni<Void> unchangedSince(long idn, Instant checkedAt) {
        return pool.preparedQuery("""
                UPDATE purchase_order SET claimed_until = NULL, attempts = 0,
                       due_at = CASE WHEN last_event_at > $2 THEN due_at END
                 WHERE idn = $1""").execute(Tuple.of(idn, utc(checkedAt))).replaceWithVoid();
    }

    /** Precoro has no such PO (deleted): recorded as not exportable, and no longer due. */
    Uni<Void> gone(long idn, String reason, Instant readAt) {
        return pool.preparedQuery("""
                UPDATE purchase_order SET state = 'NOT_EXPORTABLE', reason = $2, read_at = $3, attempts = 0,
                       claimed_until = NULL, due_at = CASE WHEN last_event_at > $3 THEN due_at END
                 WHERE idn = $1""").execute(Tuple.of(idn, reason, utc(readAt))).replaceWithVoid();
    }

    /** A read that failed (a Precoro outage, a 429): due again at {@code retryAt}, the failure shown meanwhile. */
    Uni<Void> readFailed(long idn, String reason, Instant retryAt) {
        return pool.preparedQuery("""
                UPDATE purchase_order SET claimed_until = $3, attempts = attempts + 1, reason = $2,
                       state = CASE WHEN state IS NULL OR state = 'READ_FAILED' THEN 'READ_FAILED' ELSE state END
                 WHERE idn = $1""").execute(Tuple.of(idn, reason, utc(retryAt))).replaceWithVoid();
    }

    /** The PO cannot be planned again before {@code at} (its approved export is being delivered): due again then. */
    Uni<Void> later(long idn, Instant at) {
        return pool.preparedQuery("UPDATE purchase_order SET claimed_until = $2 WHERE idn = $1")
                .execute(Tuple.of(idn, utc(at))).replaceWithVoid();
    }

    /**
     * Precoro's updateDate after the hub wrote the NetSuite id onto the PO: the hub's own change, which its update
     * webhook need not make the hub read again. Taken as the hub's own only while what the answer shows (status,
     * supplier, net total, purchaser) is what the hub last read: a person's change that came in between shows there,
     * and then the PO is read again.
     */
    @Override
    public Uni<Void> externalIdRecorded(PrecoroPurchaseOrder po) {
        if (po.updated() == null || po.netSum() == null) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("""
                UPDATE purchase_order SET precoro_updated_at = $2
                 WHERE idn = $1 AND (precoro_updated_at IS NULL OR precoro_updated_at < $2)
                   AND status = $3 AND supplier_id = $4 AND net_total = $5
                   AND purchaser_id IS NOT DISTINCT FROM $6""")
                .execute(Tuple.tuple(Arrays.asList(po.idn(), utc(po.updated()), po.status(), po.supplier().id(),
                        po.netSum().value(), po.creator() == null ? null : po.creator().id())))
                .replaceWithVoid();
    }

    /** One row of {@code purchase_order}, as the GraphQL view reads it. */
    record Listed(long idn, String number, Integer status, Long supplierId, String supplierName, Long purchaserId,
            String purchaserEmail, String currency, BigDecimal netTotal, String state, String reason, boolean due,
            Instant readAt) {
    }

    /** A page of POs by idn, after {@code afterIdn} (null: from the first), of these states (empty: all). */
    Uni<List<Listed>> page(List<String> states, Long afterIdn, int limit) {
        return pool.preparedQuery("""
                SELECT idn, number, status, supplier_id, supplier_name, purchaser_id, purchaser_email, currency,
                       net_total, COALESCE(state, 'WAITING') AS state, reason, due_at IS NOT NULL AS due, read_at
                  FROM purchase_order
                 WHERE ($1::text[] IS NULL OR COALESCE(state, 'WAITING') = ANY($1)) AND ($2::bigint IS NULL OR idn > $2)
                 ORDER BY idn LIMIT $3""")
                .execute(Tuple.of(states.isEmpty() ? null : states.toArray(String[]::new), afterIdn, limit))
                .map(rows -> {
                    List<Listed> page = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        OffsetDateTime read = row.getOffsetDateTime("read_at");
                        page.add(new Listed(row.getLong("idn"), row.getString("number"), row.getInteger("status"),
                                row.getLong("supplier_id"), row.getString("supplier_name"), row.getLong("purchaser_id"),
                                row.getString("purchaser_email"), row.getString("currency"),
                                row.getBigDecimal("net_total"), row.getString("state"), row.getString("reason"),
                                row.getBoolean("due"), read == null ? null : read.toInstant()));
                    }
                    return page;
                });
    }

    /** Where the next poll reads from, or null before the first poll. */
    Uni<Instant> pollFrom() {
        return pool.preparedQuery("SELECT read_from FROM purchase_order_poll WHERE id = 1").execute()
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getOffsetDateTime(0).toInstant());
    }

    Uni<Void> polled(Instant readFrom, Instant now) {
        return pool.preparedQuery("""
                INSERT INTO purchase_order_poll (id, read_from, updated_at) VALUES (1, $1, $2)
                ON CONFLICT (id) DO UPDATE SET read_from = GREATEST(purchase_order_poll.read_from, EXCLUDED.read_from),
                       updated_at = EXCLUDED.updated_at""").execute(Tuple.of(utc(readFrom), utc(now)))
                .replaceWithVoid();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
