package dev.trestle.exports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trestle.common.UniqueViolation;
import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.connectors.UpstreamSystem;
import dev.trestle.links.LinkKind;
import dev.trestle.links.LinkMethod;
import dev.trestle.links.RecordRef;
import dev.trestle.security.UserRef;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every state change of exports, in SQL on the reactive pool, each in one transaction with its
 * audit entry. Why SQL: approvals lock the request row ({@code FOR UPDATE}) so racing approvals
 * decide once, and replicas claim deliveries with {@code FOR UPDATE SKIP LOCKED} so each is
 * taken by one replica; both need statements that Hibernate does not express.
 *
 * <p>People are recorded by name (to show) and subject (to compare, see {@link UserRef}): the
 * requester, by {@code requested_by_subject}, may not decide on their request or retry it, and
 * is the only one who may resubmit it.
 */
@ApplicationScoped
class ExportStore {

    static final String WORKER = "export-worker";

    /** Decimals read back as BigDecimal: a stored body carries money, which must never pass through a double. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final TypeReference<List<OutboxWrite>> WRITES = new TypeReference<>() {
    };
    private static final String ONE_OPEN_REQUEST = "export_request_open";

    private final Pool pool;

    ExportStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * A claimed delivery: one write to make now.
     *
     * @param attempts            every attempt so far, this one included
     * @param attemptsBeforeRetry attempts made before an approver last retried it
     */
    record Claim(long id, long requestId, OutboxWrite write, int attempts, int attemptsBeforeRetry) {

        UpstreamSystem destination() {
            return write.destination();
        }

        String recordType() {
            return write.recordType();
        }

        String idempotencyKey() {
            return write.idempotencyKey();
        }

        /** Attempts that count against the automatic retry budget. */
        int attemptsSinceRetry() {
            return attempts - attemptsBeforeRetry;
        }
    }

    /** An export into NetSuite: PENDING with its exact writes until an accounting approver decides. */
    Uni<Long> request(ExportKind kind, String sourceId, String scope, UserRef requester, ExportPlan plan,
            Instant now) {
        return pool.withTransaction(connection -> insertRequest(connection, kind, sourceId, scope, requester, plan, now))
                .onFailure(e -> UniqueViolation.of(e, ONE_OPEN_REQUEST)).transform(e -> new TrestleException(
                        ErrorCode.EXPORT_ALREADY_REQUESTED,
                        "An export of " + kind + " " + sourceId + " is already pending or under way."));
    }

    private static Uni<Long> insertRequest(SqlConnection connection, ExportKind kind, String sourceId, String scope,
            UserRef requester, ExportPlan plan, Instant now) {
        return connection.preparedQuery("""
                INSERT INTO export_request (kind, source_id, source_scope, destination, status, requested_by,
                                            requested_by_subject, requested_at, payload, preview_notes)
                VALUES ($1, $2, $3, 'NETSUITE', 'PENDING', $4, $5, $6, $7, $8) RETURNING id""")
                .execute(Tuple.tuple(Arrays.asList(kind.name(), sourceId, scope, requester.name(), requester.subject(),
                        utc(now), json(plan.writes()), json(plan.notes()))))
                .map(rows -> rows.iterator().next().getLong("id"))
                .call(id -> audit(connection, now, requester, "EXPORT_REQUESTED", id,
                        kind + " " + sourceId + ", " + plan.writes().size() + " NetSuite write(s)"));
    }

    /** The PENDING request of the source, rejected with {@code reason} by {@code decider}; null when none was pending. */
    Uni<Long> withdrawPending(ExportKind kind, String sourceId, UserRef decider, String reason, Instant now) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                UPDATE export_request SET status = 'REJECTED', decided_by = $3, decided_by_subject = $4, decided_at = $5,
                       rejection_reason = $6
                 WHERE kind = $1 AND source_id = $2 AND destination = 'NETSUITE' AND status = 'PENDING'
                RETURNING id""")
                .execute(Tuple.of(kind.name(), sourceId, decider.name(), decider.subject(), utc(now), reason))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().nullItem();
                    }
                    long id = rows.iterator().next().getLong("id");
                    return audit(connection, now, decider, "EXPORT_WITHDRAWN", id, reason).replaceWith(id);
                }));
    }

    /**
     * Records the plan of a source record that changed, at most one open request per record: a PENDING request is
     * replanned, so that the approver decides on the record as it is; a plan identical to the record's last request
     * (the hub's own write-back of the NetSuite id changes the record in Precoro too) asks nothing new; an approved one
     * under way makes the change wait ({@code BUSY}). With {@code approver} (the admin's automatic approval), a new
     * request is approved and queued in the same transaction.
     */
    Uni<SourceRequest> requestForSource(ExportKind kind, String sourceId, UserRef requester, ExportPlan plan,
            UserRef approver, String approval, Instant now) {
        String payload = json(plan.writes());
        return pool.withTransaction(connection -> connection.preparedQuery("""
                SELECT id, status, payload FROM export_request
                 WHERE kind = $1 AND source_id = $2 AND destination = 'NETSUITE'
                 ORDER BY id DESC LIMIT 1 FOR UPDATE""").execute(Tuple.of(kind.name(), sourceId))
                .chain(rows -> {
                    Row last = rows.size() == 0 ? null : rows.iterator().next();
                    String status = last == null ? null : last.getString("status");
                    if (last != null && payload.equals(last.getString("payload"))) {
                        return Uni.createFrom().item(new SourceRequest(SourceRequest.Outcome.UNCHANGED, last.getLong("id")));
                    }
                    if ("APPROVED".equals(status) || "EXPORTING".equals(status)) {
                        return Uni.createFrom().item(new SourceRequest(SourceRequest.Outcome.BUSY, null));
                    }
                    if ("PENDING".equals(status)) {
                        long id = last.getLong("id");
                        return connection.preparedQuery(
                                "UPDATE export_request SET payload = $2, preview_notes = $3 WHERE id = $1")
                                .execute(Tuple.of(id, payload, json(plan.notes())))
                                .chain(() -> audit(connection, now, requester, "EXPORT_REPLANNED", id,
                                        "the record changed before a decision; " + plan.writes().size()
                                                + " NetSuite write(s)"))
                                .replaceWith(new SourceRequest(SourceRequest.Outcome.REPLANNED, id));
                    }
                    return insertRequest(connection, kind, sourceId, null, requester, plan, now)
                            .call(id -> approver == null ? Uni.createFrom().voidItem()
                                    : decideApproved(connection, id, approver, approval, plan.writes(), now))
                            .map(id -> new SourceRequest(SourceRequest.Outcome.REQUESTED, id));
                }))
                // Another replica recorded the same change at once: the next read of the record settles it.
                .onFailure(e -> UniqueViolation.of(e, ONE_OPEN_REQUEST))
                .recoverWithItem(new SourceRequest(SourceRequest.Outcome.BUSY, null));
    }

    /**
     * An import into Procore: no approval step (the seed: imports happen on request), so it is
     * APPROVED and its writes queued in the same transaction; with nothing to write it is done
     * at once. {@code kind} is an import kind; {@code sourceId} names what is imported.
     * EXPORT_ALREADY_REQUESTED while the same import is under way.
     */
    Uni<Long> requestImport(String kind, String sourceId, UserRef requester, List<OutboxWrite> writes, Instant now) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                INSERT INTO export_request (kind, source_id, destination, status, requested_by, requested_by_subject,
                                            requested_at, payload, finished_at)
                VALUES ($1, $2, 'PROCORE', $3, $4, $5, $6, $7, $8) RETURNING id""")
                .execute(Tuple.tuple(Arrays.asList(kind, sourceId, writes.isEmpty() ? "EXPORTED" : "APPROVED",
                        requester.name(), requester.subject(), utc(now), json(writes),
                        writes.isEmpty() ? utc(now) : null)))
                .map(rows -> rows.iterator().next().getLong("id"))
                .call(id -> queue(connection, id, writes, now))
                .call(id -> audit(connection, now, requester, "IMPORT_REQUESTED", id,
                        kind + ", " + writes.size() + " Procore write(s) queued")))
                .onFailure(e -> UniqueViolation.of(e, ONE_OPEN_REQUEST)).transform(e -> new TrestleException(
                        ErrorCode.EXPORT_ALREADY_REQUESTED, "An import of " + kind + " is already under way."));
    }

    /** The open request of an import kind, if one is under way. */
    Uni<Long> openImport(String kind, String sourceId) {
        return pool.preparedQuery("""
                SELECT id FROM export_request WHERE destination = 'PROCORE' AND kind = $1 AND source_id = $2
                   AND status IN ('PENDING', 'APPROVED', 'EXPORTING')""").execute(Tuple.of(kind, sourceId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong("id"));
    }

    /** How an import request's writes went. */
    record ImportCounts(String status, int delivered, int failed, int pending, int linked) {
    }

    Uni<ImportCounts> importOutcome(long id) {
        return pool.preparedQuery("""
                SELECT r.status,
                       count(d.id) FILTER (WHERE d.status = 'DELIVERED') AS delivered,
                       count(d.id) FILTER (WHERE d.status = 'FAILED') AS failed,
                       count(d.id) FILTER (WHERE d.status = 'PENDING') AS pending,
                       count(l.id) AS linked
                  FROM export_request r
                  LEFT JOIN export_delivery d ON d.export_request_id = r.id
                  LEFT JOIN record_link l ON d.status = 'DELIVERED' AND l.kind = d.link_kind AND l.unlinked_at IS NULL
                                         AND l.right_system = d.source_system AND l.right_id = d.source_id
                                         AND l.left_id = d.destination_id
                 WHERE r.id = $1 AND r.destination = 'PROCORE'
                 GROUP BY r.status""").execute(Tuple.of(id))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new ImportCounts(row.getString("status"), row.getLong("delivered").intValue(),
                            row.getLong("failed").intValue(), row.getLong("pending").intValue(),
                            row.getLong("linked").intValue());
                });
    }

    /** Approves a pending request and queues its writes, atomically. Returns the number of writes. */
    Uni<Integer> approve(long id, UserRef approver, Instant now) {
        return pool.withTransaction(connection -> lockForDecision(connection, id, approver)
                .chain(payload -> {
                    List<OutboxWrite> writes = writes(payload);
                    return decideApproved(connection, id, approver, "", writes, now).replaceWith(writes.size());
                }));
    }

    /** Marks a request APPROVED by {@code approver} and queues its writes; {@code why} is added to the audit entry. */
    private static Uni<Void> decideApproved(SqlConnection connection, long id, UserRef approver, String why,
            List<OutboxWrite> writes, Instant now) {
        return connection.preparedQuery("""
                UPDATE export_request SET status = 'APPROVED', decided_by = $2, decided_by_subject = $3,
                       decided_at = $4
                 WHERE id = $1""").execute(Tuple.of(id, approver.name(), approver.subject(), utc(now)))
                .chain(() -> queue(connection, id, writes, now))
                .chain(() -> audit(connection, now, approver, "EXPORT_APPROVED", id,
                        writes.size() + " NetSuite write(s) queued" + (why.isEmpty() ? "" : "; " + why)));
    }

    /** The outbox rows of a request's writes, due now. */
    private static Uni<Void> queue(SqlConnection connection, long requestId, List<OutboxWrite> writes, Instant now) {
        if (writes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>(writes.size());
        for (int i = 0; i < writes.size(); i++) {
            OutboxWrite write = writes.get(i);
            rows.add(Tuple.tuple(List.of(requestId, i, write.destination().name(), write.recordType(),
                    write.idempotencyKey(), json(write.body()), write.linkKind().name(), write.source().system().name(),
                    write.source().type(), write.source().id(), utc(now))));
        }
        return connection.preparedQuery("""
                INSERT INTO export_delivery (export_request_id, position, destination, record_type, idempotency_key,
                                             body, link_kind, source_system, source_type, source_id, status,
                                             next_attempt_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'PENDING', $11)""").executeBatch(rows).replaceWithVoid();
    }

    Uni<Void> reject(long id, UserRef approver, String reason, Instant now) {
        return pool.withTransaction(connection -> lockForDecision(connection, id, approver)
                .chain(payload -> connection.preparedQuery("""
                        UPDATE export_request SET status = 'REJECTED', decided_by = $2, decided_by_subject = $3,
                               decided_at = $4, rejection_reason = $5 WHERE id = $1""")
                        .execute(Tuple.of(id, approver.name(), approver.subject(), utc(now), reason)))
                .chain(() -> audit(connection, now, approver, "EXPORT_REJECTED", id, reason)));
    }

    /** The requester sends a rejected request again, with writes planned anew from the changed record. */
    Uni<Void> resubmit(long id, UserRef requester, ExportPlan plan, Instant now) {
        return pool.withTransaction(connection -> lock(connection, id).chain(row -> {
            if (!isRequester(row, requester)) {
                return Uni.createFrom().failure(new TrestleException(ErrorCode.FORBIDDEN,
                        "Only the requester (" + row.getString("requested_by") + ") may resubmit export " + id + "."));
            }
            if (!"REJECTED".equals(row.getString("status"))) {
                return Uni.createFrom().failure(notIn(id, row, "REJECTED"));
            }
            // The requester stays who they were (a request from before subjects were recorded gets
            // its requester's subject now), so the approval again excludes them. Their name is
            // refreshed: it is only for showing.
            return connection.preparedQuery("""
                    UPDATE export_request SET status = 'PENDING', payload = $2, preview_notes = $6, requested_at = $3,
                           requested_by = $4, requested_by_subject = $5, decided_by = NULL, decided_by_subject = NULL,
                           decided_at = NULL, rejection_reason = NULL WHERE id = $1""")
                    .execute(Tuple.tuple(Arrays.asList(id, json(plan.writes()), utc(now), requester.name(),
                            requester.subject(), json(plan.notes()))))
                    .chain(() -> audit(connection, now, requester, "EXPORT_RESUBMITTED", id,
                            plan.writes().size() + " NetSuite write(s)"));
        })).onFailure(e -> UniqueViolation.of(e, ONE_OPEN_REQUEST)).transform(e -> new TrestleException(
                ErrorCode.EXPORT_ALREADY_REQUESTED, "Another export of the same record is already pending or under way."));
    }

    /**
     * An approver who is not its requester sends a failed request's undelivered writes again; or,
     * for an EXPORTED request whose Procore record refused its origin id for good (fixed in
     * Procore since), records the origin id again, never writing to NetSuite again.
     */
    Uni<Void> retry(long id, UserRef approver, Instant now) {
        return pool.withTransaction(connection -> lock(connection, id).chain(row -> {
            if (isRequester(row, approver)) {
                return Uni.createFrom().failure(new TrestleException(ErrorCode.SELF_APPROVAL_FORBIDDEN,
                        "Export " + id + " was requested by you; another accounting approver has to retry it."));
            }
            if ("EXPORTED".equals(row.getString("status"))) {
                return connection.preparedQuery("""
                        UPDATE export_delivery SET origin_status = 'PENDING', origin_next_attempt_at = $2,
                               origin_claimed_until = NULL
                         WHERE export_request_id = $1 AND origin_status = 'FAILED'""").execute(Tuple.of(id, utc(now)))
                        .chain(updated -> updated.rowCount() == 0
                                ? Uni.createFrom().failure(new TrestleException(ErrorCode.INVALID_EXPORT_STATE,
                                        "Export " + id + " is EXPORTED and every origin id is recorded or on its way; "
                                                + "there is nothing to retry."))
                                : audit(connection, now, approver, "EXPORT_ORIGIN_RETRY_REQUESTED", id,
                                        updated.rowCount() + " origin id(s)"));
            }
            if (!"FAILED".equals(row.getString("status"))) {
                return Uni.createFrom().failure(notIn(id, row, "FAILED"));
            }
            return newer(connection, id).chain(newer -> newer == null ? Uni.createFrom().voidItem()
                    // The record changed since and was planned anew: retrying the old plan would write the old version
                    // over the new one (an upsert by the same key).
                    : Uni.createFrom().failure(new TrestleException(ErrorCode.INVALID_EXPORT_STATE, "Export " + id
                            + " was planned from an older version of its record; export " + newer
                            + " stands for the record as it is now."))).chain(() -> connection.preparedQuery("""
                    UPDATE export_delivery SET status = 'PENDING', next_attempt_at = $2, claimed_until = NULL,
                           attempts_before_retry = attempts
                     WHERE export_request_id = $1 AND status <> 'DELIVERED'""").execute(Tuple.of(id, utc(now)))
                    .chain(() -> connection.preparedQuery("""
                            UPDATE export_request SET status = 'APPROVED', next_attempt_at = NULL WHERE id = $1""")
                            .execute(Tuple.of(id)))
                    .chain(() -> audit(connection, now, approver, "EXPORT_RETRY_REQUESTED", id, null)));
        }));
    }

    /** The newest later request of the same record into the same system, if any. */
    private static Uni<Long> newer(SqlConnection connection, long id) {
        return connection.preparedQuery("""
                SELECT max(n.id) AS newer FROM export_request r
                  JOIN export_request n ON n.kind = r.kind AND n.source_id = r.source_id
                                       AND n.destination = r.destination AND n.id > r.id
                 WHERE r.id = $1""").execute(Tuple.of(id))
                .map(rows -> rows.iterator().next().getLong("newer"));
    }

    /**
     * Claims up to {@code limit} due deliveries for this replica until {@code claimedUntil}.
     * SKIP LOCKED: replicas claiming at the same moment take different rows. A claim that runs
     * out (its replica died) makes the row due again.
     */
    Uni<List<Claim>> claim(List<UpstreamSystem> destinations, int limit, Instant now, Instant claimedUntil) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                WITH due AS (
                    SELECT d.id FROM export_delivery d
                     WHERE d.status = 'PENDING' AND d.destination = ANY($4) AND d.next_attempt_at <= $1
                       AND (d.claimed_until IS NULL OR d.claimed_until < $1)
                     ORDER BY d.next_attempt_at, d.id
                     LIMIT $2
                       FOR UPDATE SKIP LOCKED)
                UPDATE export_delivery d SET claimed_until = $3, attempts = d.attempts + 1
                  FROM due WHERE d.id = due.id
                RETURNING d.id, d.export_request_id, d.destination, d.record_type, d.idempotency_key, d.body,
                          d.link_kind, d.source_system, d.source_type, d.source_id, d.attempts, d.attempts_before_retry""")
                .execute(Tuple.of(utc(now), limit, utc(claimedUntil),
                        destinations.stream().map(Enum::name).toArray(String[]::new)))
                .chain(rows -> {
                    List<Claim> claims = new ArrayList<>(rows.size());
                    List<Long> requestIds = new ArrayList<>();
                    for (Row row : rows) {
                        OutboxWrite write = new OutboxWrite(UpstreamSystem.valueOf(row.getString("destination")),
                                row.getString("record_type"), row.getString("idempotency_key"),
                                body(row.getString("body")), LinkKind.valueOf(row.getString("link_kind")),
                                source(row));
                        claims.add(new Claim(row.getLong("id"), row.getLong("export_request_id"), write,
                                row.getInteger("attempts"), row.getInteger("attempts_before_retry")));
                        requestIds.add(row.getLong("export_request_id"));
                    }
                    if (claims.isEmpty()) {
                        return Uni.createFrom().item(claims);
                    }
                    // A request's attempts are those of all its writes.
                    return connection.preparedQuery("""
                            UPDATE export_request r SET status = 'EXPORTING',
                                   attempts = (SELECT sum(d.attempts) FROM export_delivery d WHERE d.export_request_id = r.id)
                             WHERE r.id = ANY($1) AND r.status IN ('APPROVED', 'FAILED', 'EXPORTING')""")
                            .execute(Tuple.of(requestIds.toArray(Long[]::new)))
                            .replaceWith(claims);
                }));
    }

    /** A write that landed as {@code destinationId}; {@code originFollowUp}: Procore is to be given that id. */
    record Landed(Claim claim, String destinationId, boolean originFollowUp) {
    }

    /**
     * Writes that landed: record them, link the records, and finish each request whose last write
     * it was, all in one transaction (a Procore sync action lands a thousand writes at once; one
     * transaction each would make the database, not Procore, the bound). The Procore origin id
     * (vendors, projects) becomes follow-up work of the row ({@link #claimOrigins}), so that nothing
     * that happens in Procore can make a landed write look failed.
     */
    Uni<Void> delivered(List<Landed> landed, Instant now) {
        if (landed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> links = new ArrayList<>(landed.size());
        for (Landed write : landed) {
            OutboxWrite outbox = write.claim().write();
            String[] ids = outbox.linkIds(write.destinationId());
            RecordRef left = outbox.linkKind().left(ids[0]);
            RecordRef right = outbox.linkKind().right(ids[1]);
            LinkMethod method = outbox.destination() == UpstreamSystem.NETSUITE ? LinkMethod.EXPORT : LinkMethod.IMPORT;
            links.add(Tuple.tuple(List.of(outbox.linkKind().name(), left.system().name(), left.type(), left.id(),
                    right.system().name(), right.type(), right.id(), method.name(), WORKER, utc(now))));
        }
        return pool.withTransaction(connection -> connection.preparedQuery("""
                UPDATE export_delivery d SET status = 'DELIVERED', destination_id = u.destination_id, delivered_at = $4,
                       claimed_until = NULL, last_error_code = NULL, last_error_detail = NULL,
                       origin_status = CASE WHEN u.follow_up THEN 'PENDING' END, origin_next_attempt_at = $4
                  FROM unnest($1::bigint[], $2::text[], $3::boolean[]) AS u(id, destination_id, follow_up)
                 WHERE d.id = u.id AND d.status = 'PENDING'""")
                .execute(Tuple.of(landed.stream().map(l -> l.claim().id()).toArray(Long[]::new),
                        landed.stream().map(Landed::destinationId).toArray(String[]::new),
                        landed.stream().map(Landed::originFollowUp).toArray(Boolean[]::new), utc(now)))
                // Either record may be linked to another already (a person linked it meanwhile): their
                // link stands, and the audit entry says this one was not made.
                .chain(() -> connection.preparedQuery("""
                        INSERT INTO record_link (kind, left_system, left_type, left_id, right_system, right_type, right_id,
                                                 method, linked_by, linked_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                        ON CONFLICT DO NOTHING""").executeBatch(links))
                .chain(linked -> {
                    List<Tuple> audits = new ArrayList<>(landed.size());
                    var result = linked;
                    for (Landed write : landed) {
                        OutboxWrite outbox = write.claim().write();
                        boolean made = result != null && result.rowCount() > 0;
                        result = result == null ? null : result.next();
                        audits.add(Tuple.tuple(Arrays.asList(utc(now), WORKER, null, "EXPORT_WRITE_DELIVERED",
                                Long.toString(write.claim().requestId()), outbox.recordType() + " "
                                        + outbox.idempotencyKey() + " -> " + outbox.destination().displayName() + " "
                                        + write.destinationId() + " (attempt " + write.claim().attempts() + ")"
                                        + (made ? "" : "; not linked: one of the records is linked to another"))));
                    }
                    return connection.preparedQuery(REQUEST_AUDIT).executeBatch(audits);
                })
                .chain(() -> {
                    // In id order, so that two replicas settling the same requests lock them in one order.
                    Uni<Void> settled = Uni.createFrom().voidItem();
                    for (long requestId : new TreeSet<>(landed.stream().map(l -> l.claim().requestId()).toList())) {
                        settled = settled.chain(() -> settle(connection, requestId, now).replaceWithVoid());
                    }
                    return settled;
                }));
    }

    /**
     * After a write landed: once none of the request's writes is left to deliver, the request
     * ends EXPORTED when all landed, or FAILED (no retry planned) when some were given up on,
     * whatever later claims set meanwhile. The request row is locked first, so that writes of
     * one request landing at the same moment see each other's outcome and one of them settles it.
     * Returns whether the request was completed.
     */
    private Uni<Boolean> settle(SqlConnection connection, long requestId, Instant now) {
        return connection.preparedQuery("SELECT id FROM export_request WHERE id = $1 FOR UPDATE")
                .execute(Tuple.of(requestId))
                .chain(() -> connection.preparedQuery("""
                        SELECT count(*) FILTER (WHERE status = 'PENDING') AS pending,
                               count(*) FILTER (WHERE status = 'FAILED') AS failed
                          FROM export_delivery WHERE export_request_id = $1""").execute(Tuple.of(requestId)))
                .chain(counts -> {
                    Row row = counts.iterator().next();
                    if (row.getLong("pending") > 0) {
                        return Uni.createFrom().item(false);
                    }
                    if (row.getLong("failed") > 0) {
                        return connection.preparedQuery("""
                                UPDATE export_request SET status = 'FAILED', next_attempt_at = NULL
                                 WHERE id = $1 AND status <> 'EXPORTED'""").execute(Tuple.of(requestId))
                                .replaceWith(false);
                    }
                    return connection.preparedQuery("""
                            UPDATE export_request SET status = 'EXPORTED', finished_at = $2, next_attempt_at = NULL,
                                   last_error_code = NULL, last_error_detail = NULL
                             WHERE id = $1 AND status <> 'EXPORTED'
                            RETURNING id""").execute(Tuple.of(requestId, utc(now)))
                            .chain(finished -> finished.size() == 0
                                    ? Uni.createFrom().item(false)
                                    : audit(connection, now, WORKER, "EXPORT_COMPLETED", requestId, null).replaceWith(true));
                });
    }

    /**
     * A write failed: try again at {@code retryAt}, or give up (null) until an approver retries.
     * {@code reachedUpstream} false (an open breaker, a rate limit window) gives back the attempt
     * the claim counted: attempts count only requests that reached NetSuite.
     */
    Uni<Void> failed(Claim claim, String errorCode, String detail, Instant retryAt, boolean reachedUpstream,
            Instant now) {
        String status = retryAt == null ? "FAILED" : "PENDING";
        int attempt = reachedUpstream ? claim.attempts() : claim.attempts() - 1;
        String outcome = retryAt == null ? "; no automatic retry"
                : reachedUpstream ? "; retry at " + retryAt
                : "; " + claim.destination().displayName() + " paused, no attempt spent, due again at " + retryAt;
        return pool.withTransaction(connection -> connection.preparedQuery("""
                UPDATE export_delivery SET status = $2, next_attempt_at = COALESCE($3, next_attempt_at),
                       claimed_until = NULL, last_error_code = $4, last_error_detail = $5, attempts = $6
                 WHERE id = $1 AND status = 'PENDING'""")
                .execute(Tuple.tuple(Arrays.asList(claim.id(), status, utc(retryAt), errorCode, detail, attempt)))
                // While a retry is planned the request stays EXPORTING (the claim set it); only a
                // refusal makes it FAILED.
                .chain(() -> connection.preparedQuery("""
                        UPDATE export_request r SET status = CASE WHEN $2::timestamptz IS NULL THEN 'FAILED' ELSE r.status END,
                               next_attempt_at = $2, last_error_code = $3, last_error_detail = $4,
                               attempts = (SELECT sum(d.attempts) FROM export_delivery d WHERE d.export_request_id = r.id)
                         WHERE r.id = $1 AND r.status <> 'EXPORTED'""")
                        .execute(Tuple.of(claim.requestId(), utc(retryAt), errorCode, detail)))
                .chain(() -> audit(connection, now, WORKER, "EXPORT_WRITE_FAILED", claim.requestId(),
                        claim.recordType() + " " + claim.idempotencyKey()
                                + (reachedUpstream ? " attempt " + attempt : " paused") + ": "
                                + errorCode + " " + detail + outcome)));
    }

    /**
     * A delivered row whose source record is to be given the destination's id now (Procore
     * origin_id), {@code attempts} so far.
     */
    record OriginClaim(long id, long requestId, RecordRef source, String destinationId, int attempts) {
    }

    /**
     * Claims up to {@code limit} due origin ids, as {@link #claim} does NetSuite writes. The
     * attempt is counted with its outcome, and only when the sync reached Procore (not on a 429
     * or an open breaker).
     */
    Uni<List<OriginClaim>> claimOrigins(UpstreamSystem sourceSystem, int limit, Instant now, Instant claimedUntil) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                WITH due AS (
                    SELECT d.id FROM export_delivery d
                     WHERE d.origin_status = 'PENDING' AND d.origin_next_attempt_at <= $1
                       AND (d.origin_claimed_until IS NULL OR d.origin_claimed_until < $1) AND d.source_system = $4
                     ORDER BY d.origin_next_attempt_at, d.id
                     LIMIT $2
                       FOR UPDATE SKIP LOCKED)
                UPDATE export_delivery d SET origin_claimed_until = $3
                  FROM due WHERE d.id = due.id
                RETURNING d.id, d.export_request_id, d.source_system, d.source_type, d.source_id, d.destination_id,
                          d.origin_attempts""")
                .execute(Tuple.of(utc(now), limit, utc(claimedUntil), sourceSystem.name()))
                .map(rows -> {
                    List<OriginClaim> claims = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        claims.add(new OriginClaim(row.getLong("id"), row.getLong("export_request_id"), source(row),
                                row.getString("destination_id"), row.getInteger("origin_attempts")));
                    }
                    return claims;
                }));
    }

    /**
     * The source records hold these ids now (a Procore origin_id, a Precoro externalId). Audited on the source record
     * (the Procore vendor, project or invoice, the Precoro purchase order), so its trail shows when it was given the
     * NetSuite id.
     */
    Uni<Void> originsRecorded(List<OriginClaim> claims, Instant now) {
        if (claims.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> audits = claims.stream().map(claim -> Tuple.tuple(List.of(utc(now), WORKER, "EXPORT_ORIGIN_RECORDED",
                claim.source().subjectType(), claim.source().id(), idField(claim.source()) + " " + claim.destinationId()
                        + " (export " + claim.requestId() + ")"))).toList();
        return pool.withTransaction(connection -> connection.preparedQuery("""
                UPDATE export_delivery SET origin_status = 'RECORDED', origin_recorded_at = $2, origin_claimed_until = NULL,
                       origin_attempts = origin_attempts + 1,
                       origin_next_attempt_at = NULL, origin_error_code = NULL, origin_error_detail = NULL
                 WHERE id = ANY($1) AND origin_status = 'PENDING'""")
                .execute(Tuple.of(claims.stream().map(OriginClaim::id).toArray(Long[]::new), utc(now)))
                .chain(() -> connection.preparedQuery("""
                        INSERT INTO audit_event (occurred_at, actor, action, subject_type, subject_id, details)
                        VALUES ($1, $2, $3, $4, $5, $6)""").executeBatch(audits))
                .replaceWithVoid());
    }

    /** The source record's field that holds the destination's id: Procore's origin_id, Precoro's externalId. */
    private static String idField(RecordRef source) {
        return source.system() == UpstreamSystem.PRECORO ? "externalId" : "origin_id";
    }

    /** How one origin id failed: retried at {@code retryAt}, or refused for good (null). */
    record OriginFailure(OriginClaim claim, String errorCode, String detail, Instant retryAt, boolean reachedUpstream) {
    }

    Uni<Void> originsFailed(List<OriginFailure> failures, Instant now) {
        if (failures.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = failures.stream().map(f -> Tuple.tuple(Arrays.asList(f.claim().id(),
                f.retryAt() == null ? "FAILED" : "PENDING", utc(f.retryAt()), f.errorCode(), f.detail(),
                f.reachedUpstream() ? f.claim().attempts() + 1 : f.claim().attempts()))).toList();
        // A refusal for good is audited on the source record: a person has to look at it.
        List<Tuple> audits = failures.stream().filter(f -> f.retryAt() == null)
                .map(f -> Tuple.tuple(List.of(utc(now), WORKER, "EXPORT_ORIGIN_REFUSED",
                        f.claim().source().subjectType(), f.claim().source().id(), idField(f.claim().source()) + " "
                                + f.claim().destinationId()
                                + " (export " + f.claim().requestId() + "): " + f.errorCode() + " " + f.detail())))
                .toList();
        return pool.withTransaction(connection -> connection.preparedQuery("""
                UPDATE export_delivery SET origin_status = $2, origin_next_attempt_at = $3, origin_claimed_until = NULL,
                       origin_error_code = $4, origin_error_detail = $5, origin_attempts = $6
                 WHERE id = $1 AND origin_status = 'PENDING'""").executeBatch(rows)
                .chain(() -> audits.isEmpty() ? Uni.createFrom().voidItem() : connection.preparedQuery("""
                        INSERT INTO audit_event (occurred_at, actor, action, subject_type, subject_id, details)
                        VALUES ($1, $2, $3, $4, $5, $6)""").executeBatch(audits).replaceWithVoid()));
    }

    /** The request's kind and source, for planning it again. */
    Uni<ExportRequest> find(long id) {
        return pool.preparedQuery(
                "SELECT kind, source_id, source_scope FROM export_request WHERE id = $1 AND destination = 'NETSUITE'")
                .execute(Tuple.of(id))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().failure(TrestleException.notFound("There is no export request " + id + "."));
                    }
                    Row row = rows.iterator().next();
                    ExportRequest request = new ExportRequest();
                    request.id = id;
                    request.kind = ExportKind.valueOf(row.getString("kind"));
                    request.sourceId = row.getString("source_id");
                    request.sourceScope = row.getString("source_scope");
                    return Uni.createFrom().item(request);
                });
    }

    /** Locks a pending request for an approver's decision; yields its payload. */
    private Uni<String> lockForDecision(SqlConnection connection, long id, UserRef approver) {
        return lock(connection, id).chain(row -> {
            if (isRequester(row, approver)) {
                return Uni.createFrom().failure(new TrestleException(ErrorCode.SELF_APPROVAL_FORBIDDEN,
                        "Export " + id + " was requested by you; another accounting approver has to decide on it."));
            }
            if (!"PENDING".equals(row.getString("status"))) {
                return Uni.createFrom().failure(notIn(id, row, "PENDING"));
            }
            return Uni.createFrom().item(row.getString("payload"));
        });
    }

    /**
     * Whether {@code user} is the person who asked for the locked request: the same subject. A
     * request recorded before subjects were (V4) knows only a name, which may have been the
     * requester's upn or their subject; anyone whose subject or name is that name counts as its
     * requester, so such a request is never decided by the person who asked for it.
     */
    private static boolean isRequester(Row row, UserRef user) {
        String subject = row.getString("requested_by_subject");
        if (subject != null) {
            return user.is(subject);
        }
        String name = row.getString("requested_by");
        return user.is(name) || user.name().equals(name);
    }

    private static Uni<Row> lock(SqlConnection connection, long id) {
        return connection.preparedQuery("""
                SELECT status, requested_by, requested_by_subject, payload FROM export_request
                 WHERE id = $1 AND destination = 'NETSUITE' FOR UPDATE""")
                .execute(Tuple.of(id))
                .chain(rows -> rows.size() == 0
                        ? Uni.createFrom().failure(TrestleException.notFound("There is no export request " + id + "."))
                        : Uni.createFrom().item(rows.iterator().next()));
    }

    private static TrestleException notIn(long id, Row row, String expected) {
        return new TrestleException(ErrorCode.INVALID_EXPORT_STATE,
                "Export " + id + " is " + row.getString("status") + ", not " + expected + ".");
    }

    /** An audit entry of something a person did. */
    /** An audit entry on an export request: (occurred_at, actor, actor_subject, action, request id, details). */
    private static final String REQUEST_AUDIT = """
            INSERT INTO audit_event (occurred_at, actor, actor_subject, action, subject_type, subject_id, details)
            VALUES ($1, $2, $3, $4, 'ExportRequest', $5, $6)""";

    private static Uni<Void> audit(SqlConnection connection, Instant now, UserRef actor, String action, long requestId,
            String details) {
        return audit(connection, now, actor.name(), actor.subject(), action, requestId, details);
    }

    /** An audit entry of the export worker's own work (no person, so no subject). */
    private static Uni<Void> audit(SqlConnection connection, Instant now, String worker, String action, long requestId,
            String details) {
        return audit(connection, now, worker, null, action, requestId, details);
    }

    private static Uni<Void> audit(SqlConnection connection, Instant now, String actor, String actorSubject, String action,
            long requestId, String details) {
        return connection.preparedQuery(REQUEST_AUDIT)
                .execute(Tuple.tuple(Arrays.asList(utc(now), actor, actorSubject, action,
                        Long.toString(requestId), details)))
                .replaceWithVoid();
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static final TypeReference<List<String>> NOTES = new TypeReference<>() {
    };

    static List<String> notes(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, NOTES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored preview notes are not valid JSON", e);
        }
    }

    static List<OutboxWrite> writes(String payload) {
        try {
            return JSON.readValue(payload, WRITES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored export payload is not valid JSON", e);
        }
    }

    private static RecordRef source(Row row) {
        return new RecordRef(UpstreamSystem.valueOf(row.getString("source_system")), row.getString("source_type"),
                row.getString("source_id"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored write body is not valid JSON", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
