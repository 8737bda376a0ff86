package dev.trestle.sandbox.procore;

import static dev.trestle.sandbox.procore.SyncAction.flag;
import static dev.trestle.sandbox.procore.SyncAction.text;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Vendor fields of {@code PATCH /rest/v1.0/vendors/sync}; {@code name} is required, other fields are free. */
final class VendorSync implements SyncAction.Resource<ProcoreVendor> {

    private static final String[] TEXT_FIELDS = {"name", "abbreviated_name", "email_address", "business_phone",
        "address", "city", "state_code", "zip", "country_code", "origin_data", "origin_code"};

    @Override
    public Map<String, List<String>> checkTypes(JsonObject update) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        SyncAction.requireText(update, problems, TEXT_FIELDS);
        SyncAction.requireBoolean(update, problems, "is_active");
        return problems;
    }

    @Override
    public ProcoreVendor create(long id, JsonObject u, Instant now) {
        return new ProcoreVendor(id, text(u, "name", null), text(u, "abbreviated_name", null),
                text(u, "email_address", null), text(u, "business_phone", null), text(u, "address", null),
                text(u, "city", null), text(u, "state_code", null), text(u, "zip", null),
                text(u, "country_code", null), flag(u, "is_active", true), text(u, "origin_id", null),
                text(u, "origin_data", null), text(u, "origin_code", null), now, now);
    }

    @Override
    public ProcoreVendor update(ProcoreVendor v, JsonObject u, Instant now) {
        return new ProcoreVendor(v.id(), text(u, "name", v.name()), text(u, "abbreviated_name", v.abbreviatedName()),
                text(u, "email_address", v.emailAddress()), text(u, "business_phone", v.businessPhone()),
                text(u, "address", v.address()), text(u, "city", v.city()), text(u, "state_code", v.stateCode()),
                text(u, "zip", v.zip()), text(u, "country_code", v.countryCode()), flag(u, "is_active", v.active()),
                text(u, "origin_id", v.originId()), text(u, "origin_data", v.originData()),
                text(u, "origin_code", v.originCode()), v.createdAt(), now);
    }

    @Override
    public Map<String, List<String>> validate(ProcoreVendor candidate, OriginIndexedStore<ProcoreVendor> store) {
        if (candidate.name() == null || candidate.name().isBlank()) {
            return Map.of("name", List.of("can't be blank"));
        }
        return Map.of();
    }

    @Override
    public JsonObject json(ProcoreVendor record) {
        return ProcoreJson.vendor(record);
    }
}
