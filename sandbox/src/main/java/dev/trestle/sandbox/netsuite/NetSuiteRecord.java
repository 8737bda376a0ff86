package dev.trestle.sandbox.netsuite;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One record of a generic record type (vendor, job, otherChargePurchaseItem) of the simulated
 * account: its body fields as the REST record API takes them ({@code companyName},
 * {@code subsidiary: {"id":"1"}}, ...), without {@code id}, {@code externalId} and {@code links}.
 * Immutable from outside: {@link #fields()} hands out a copy.
 */
public final class NetSuiteRecord {

    private final String type;
    private final long id;
    private final String externalId;
    private final JsonObject fields;
    private final Instant created;
    private final Instant lastModified;

    public NetSuiteRecord(String type, long id, String externalId, JsonObject fields, Instant created,
            Instant lastModified) {
        this.type = type;
        this.id = id;
        this.externalId = externalId;
        this.fields = fields.copy();
        this.created = created;
        this.lastModified = lastModified;
    }

    public String type() {
        return type;
    }

    public long id() {
        return id;
    }

    /** {@code null} when the record has none. */
    public String externalId() {
        return externalId;
    }

    public JsonObject fields() {
        return fields.copy();
    }

    /** A body field as text ({@code null} when unset); a reference field gives its id. */
    public String text(String field) {
        Object value = fields.getValue(field);
        if (value instanceof JsonObject ref) {
            Object refId = ref.getValue("id");
            return refId == null ? null : refId.toString();
        }
        return value == null ? null : value.toString();
    }

    public boolean flag(String field) {
        return Boolean.TRUE.equals(fields.getValue(field));
    }

    public Instant created() {
        return created;
    }

    public Instant lastModified() {
        return lastModified;
    }

    NetSuiteRecord with(String newExternalId, JsonObject newFields, Instant modified) {
        return new NetSuiteRecord(type, id, newExternalId, newFields, created, modified);
    }

    @Override
    public String toString() {
        return type + "/" + id + (externalId == null ? "" : " eid:" + externalId) + " " + fields.encode();
    }
}
