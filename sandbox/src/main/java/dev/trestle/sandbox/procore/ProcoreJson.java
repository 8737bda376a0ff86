package dev.trestle.sandbox.procore;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the simulated Procore resources (REST v1.0, ids as 64-bit numbers,
 * timestamps as ISO 8601 UTC seconds, unset values as {@code null} as Procore sends them).
 */
final class ProcoreJson {

    private ProcoreJson() {
    }

    /**
     * A company vendor:
     * <pre>
     * {"id":5000000001,"name":"Apex Concrete, LLC","abbreviated_name":"Apex","email_address":"ap@apex.example.com",
     *  "business_phone":"(555) 010-1001","address":"...","city":"...","state_code":"CA","zip":"94103",
     *  "country_code":"US","is_active":true,"origin_id":null,"origin_data":null,"origin_code":null,
     *  "created_at":"2025-03-04T08:00:00Z","updated_at":"2025-03-04T08:00:00Z"}
     * </pre>
     */
    static JsonObject vendor(ProcoreVendor v) {
        return new JsonObject()
                .put("id", v.id())
                .put("name", v.name())
                .put("abbreviated_name", v.abbreviatedName())
                .put("email_address", v.emailAddress())
                .put("business_phone", v.businessPhone())
                .put("address", v.address())
                .put("city", v.city())
                .put("state_code", v.stateCode())
                .put("zip", v.zip())
                .put("country_code", v.countryCode())
                .put("is_active", v.active())
                .put("origin_id", v.originId())
                .put("origin_data", v.originData())
                .put("origin_code", v.originCode())
                .put("created_at", time(v.createdAt()))
                .put("updated_at", time(v.updatedAt()));
    }

    /**
     * A project; {@code stage} is the stage's name and {@code project_stage} the same as an object:
     * <pre>
     * {"id":5100000001,"name":"Harbor View Medical Office","display_name":"P-1001 - Harbor View Medical Office",
     *  "project_number":"P-1001","active":true,"stage":"Course of Construction",
     *  "project_stage":{"id":2,"name":"Course of Construction"},"start_date":"2025-04-01",
     *  "origin_id":null,"origin_data":null,"origin_code":null,"created_at":"...","updated_at":"...",
     *  "company":{"id":4264807,"name":"Trestle Builders Inc."}}
     * </pre>
     */
    static JsonObject project(ProcoreProject p, long companyId, String companyName) {
        return new JsonObject()
                .put("id", p.id())
                .put("name", p.name())
                .put("display_name", p.displayName())
                .put("project_number", p.projectNumber())
                .put("active", p.active())
                .put("stage", p.stage())
                .put("project_stage", p.stage() == null ? null
                        : new JsonObject().put("id", ProjectStages.id(p.stage())).put("name", p.stage()))
                .put("start_date", p.startDate() == null ? null : p.startDate().toString())
                .put("origin_id", p.originId())
                .put("origin_data", p.originData())
                .put("origin_code", p.originCode())
                .put("created_at", time(p.createdAt()))
                .put("updated_at", time(p.updatedAt()))
                .put("company", new JsonObject().put("id", companyId).put("name", companyName));
    }

    /**
     * A cost code with its assigned cost types:
     * <pre>
     * {"id":5200000001,"code":"300","full_code":"03-300","name":"Cast-in-Place Concrete","origin_id":null,
     *  "origin_data":null,"line_item_types":[{"id":5300000001,"name":"Labor","code":"L","base_type":"labor","origin_id":null}]}
     * </pre>
     */
    static JsonObject costCode(ProcoreCostCode c, Map<Long, ProcoreCostType> costTypes) {
        JsonArray types = new JsonArray();
        for (Long id : c.lineItemTypeIds()) {
            ProcoreCostType type = costTypes.get(id);
            if (type != null) {
                types.add(costType(type));
            }
        }
        return new JsonObject()
                .put("id", c.id())
                .put("code", c.code())
                .put("full_code", c.fullCode())
                .put("name", c.name())
                .put("origin_id", c.originId())
                .put("origin_data", c.originData())
                .put("line_item_types", types);
    }

    /** {@code {"id":5300000001,"name":"Labor","code":"L","base_type":"labor","origin_id":null}} */
    static JsonObject costType(ProcoreCostType t) {
        return new JsonObject()
                .put("id", t.id())
                .put("name", t.name())
                .put("code", t.code())
                .put("base_type", t.baseType())
                .put("origin_id", t.originId());
    }

    /** {@code {"id":5400000001,"name":"Cost Code","type":"cost_code","position":1,"delimiter":".","structure":"tiered"}} */
    static JsonObject segment(WbsSegment s) {
        return new JsonObject()
                .put("id", s.id())
                .put("name", s.name())
                .put("type", s.type())
                .put("position", s.position())
                .put("delimiter", s.delimiter())
                .put("structure", s.structure());
    }

    /**
     * A WBS code:
     * <pre>
     * {"id":5500000001,"flat_code":"03-300.L","description":"Cast-in-Place Concrete - Labor",
     *  "segment_items":[{"segment_id":5400000001,"code":"03-300","name":"Cast-in-Place Concrete"},
     *                   {"segment_id":5400000002,"code":"L","name":"Labor"}]}
     * </pre>
     */
    static JsonObject wbsCode(WbsCode w) {
        JsonArray items = new JsonArray();
        for (WbsCode.SegmentItem item : w.segmentItems()) {
            items.add(new JsonObject().put("segment_id", item.segmentId()).put("code", item.code())
                    .put("name", item.name()));
        }
        return new JsonObject()
                .put("id", w.id())
                .put("flat_code", w.flatCode())
                .put("description", w.description())
                .put("segment_items", items);
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Procore's v1.0 error body: {@code {"errors":"..."}}. */
    static JsonObject errors(String message) {
        return new JsonObject().put("errors", message);
    }

    static JsonObject fieldErrors(Map<String, List<String>> byField) {
        JsonObject errors = new JsonObject();
        byField.forEach((field, messages) -> errors.put(field, new JsonArray(List.copyOf(messages))));
        return errors;
    }
}
