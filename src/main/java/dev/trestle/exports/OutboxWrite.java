package dev.trestle.exports;

import dev.trestle.connectors.UpstreamSystem;
import dev.trestle.links.LinkKind;
import dev.trestle.links.RecordRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One write the outbox makes into another system, standing for one source record. Every write
 * is an upsert keyed on an idempotency key derived from the source record, so that repeating
 * it (after a crash, a timeout or a dropped answer) updates the record it created instead of
 * adding one. Once it lands, the source record and the written one are linked.
 *
 * @param destination    the system written to; writes into NetSuite wait for an accounting approver
 * @param recordType     the destination's record type: NetSuite {@code vendor}, {@code vendorBill};
 *                       Procore {@code vendor}, {@code project} (written by their sync actions)
 * @param idempotencyKey the NetSuite external id, or the Procore {@code origin_id} the sync matches on
 * @param body           the exact JSON sent: a NetSuite record, or one Procore sync entry
 * @param linkKind       the kind of link made once it lands
 * @param source         the record the write stands for
 */
public record OutboxWrite(UpstreamSystem destination, String recordType, String idempotencyKey,
        Map<String, Object> body, LinkKind linkKind, RecordRef source) {

    public OutboxWrite {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(linkKind, "linkKind");
        Objects.requireNonNull(source, "source");
        if (destination == source.system()) {
            throw new IllegalArgumentException("a write goes into another system than its source's");
        }
    }

    /** An upsert of a NetSuite record by external id, standing for the link kind's left record {@code sourceId}. */
    public static OutboxWrite intoNetSuite(String recordType, String externalId, Map<String, Object> body,
            LinkKind linkKind, String sourceId) {
        return new OutboxWrite(UpstreamSystem.NETSUITE, recordType, externalId, body, linkKind,
                linkKind.left(sourceId));
    }

    /**
     * A Procore sync entry keyed on {@code origin_id} (a create-or-update), standing for the link
     * kind's NetSuite record {@code netsuiteId}, which is also the origin id.
     */
    public static OutboxWrite intoProcore(String recordType, Map<String, Object> syncEntry, LinkKind linkKind,
            String netsuiteId) {
        return new OutboxWrite(UpstreamSystem.PROCORE, recordType, netsuiteId, syncEntry, linkKind,
                linkKind.right(netsuiteId));
    }

    /** The record type of a Procore direct cost write: its header and lines, on one project. */
    public static final String DIRECT_COST = "direct_cost";

    /**
     * A Procore direct cost with its lines on one project, keyed on the direct cost's origin id (which stands for the
     * NetSuite document's lines on that project): the header as the direct costs sync takes it, and the lines as the
     * line items sync takes them, without their direct cost (known once the header is written).
     */
    public static OutboxWrite directCostIntoProcore(long projectId, Map<String, Object> header,
            List<Map<String, Object>> lines, String originId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("project_id", projectId);
        body.put("direct_cost", header);
        body.put("line_items", lines);
        return intoProcore(DIRECT_COST, body, LinkKind.DIRECT_COST, originId);
    }

    /** The link made once the write landed as {@code destinationId}: (left id, right id) of the kind. */
    public String[] linkIds(String destinationId) {
        return linkKind.isLeft(source)
                ? new String[] {source.id(), destinationId}
                : new String[] {destinationId, source.id()};
    }
}
