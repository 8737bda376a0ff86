package dev.trestle.sandbox.procore;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Procore's sync action ({@code PATCH /rest/v1.0/<resource>/sync}): a batch of upserts that
 * always answers 200 with {@code {"entities":[...],"errors":[...]}}. Each update is matched
 * <ul>
 *   <li>by {@code id} when given (an unknown id is an error; an {@code origin_id} sent with it is
 *       set on the record, the only way to change one),</li>
 *   <li>else by {@code origin_id} (upsert: an unknown origin_id creates a record),</li>
 *   <li>else it creates a record.</li>
 * </ul>
 * An {@code origin_id} another record of the type holds is refused ({@code "has already been taken"}).
 * Items run in order, so a later item sees what an earlier one wrote. Fields left out stay as
 * they are; a field sent as {@code null} is cleared.
 *
 * @param <T> the resource record
 */
final class SyncAction<T extends OriginIndexedStore.Entry> {

    static final int MAX_UPDATES = 1000;

    /** How one resource type is built, changed, checked and shown. */
    interface Resource<T extends OriginIndexedStore.Entry> {
        /** Type problems of the sent fields (wrong JSON types), before anything is built. */
        Map<String, List<String>> checkTypes(JsonObject update);

        T create(long id, JsonObject update, Instant now);

        T update(T existing, JsonObject update, Instant now);

        /** Rules on the record as it would be stored, e.g. a blank name. */
        Map<String, List<String>> validate(T candidate, OriginIndexedStore<T> store);

        JsonObject json(T record);
    }

    /** The sync answer's two arrays. */
    record Outcome(JsonArray entities, JsonArray errors) {
        JsonObject body() {
            return new JsonObject().put("entities", entities).put("errors", errors);
        }
    }

    private final OriginIndexedStore<T> store;
    private final Resource<T> resource;

    SyncAction(OriginIndexedStore<T> store, Resource<T> resource) {
        this.store = store;
        this.resource = resource;
    }

    Outcome run(JsonArray updates, Instant now) {
        JsonArray entities = new JsonArray();
        JsonArray errors = new JsonArray();
        // One sync at a time per resource type: the origin_id check and the write must not interleave.
        synchronized (store) {
            for (Object item : updates) {
                if (!(item instanceof JsonObject update)) {
                    errors.add(new JsonObject().put("errors", new JsonObject()
                            .put("base", new JsonArray().add("each update must be a JSON object"))));
                    continue;
                }
                apply(update, now, entities, errors);
            }
        }
        return new Outcome(entities, errors);
    }

    private void apply(JsonObject update, Instant now, JsonArray entities, JsonArray errors) {
        Map<String, List<String>> problems = new LinkedHashMap<>(resource.checkTypes(update));
        Long id = null;
        Object rawId = update.getValue("id");
        if (rawId != null) {
            id = asLong(rawId);
            if (id == null) {
                problems.put("id", List.of("is not a valid id"));
            }
        }
        Object rawOrigin = update.getValue("origin_id");
        if (rawOrigin != null && !(rawOrigin instanceof String) && !(rawOrigin instanceof Number)) {
            problems.put("origin_id", List.of("must be a string"));
        }
        if (!problems.isEmpty()) {
            errors.add(error(update, problems));
            return;
        }
        String originId = rawOrigin == null ? null : rawOrigin.toString();
        Optional<T> existing;
        if (id != null) {
            existing = store.get(id);
            if (existing.isEmpty()) {
                errors.add(error(update, Map.of("id", List.of("not found"))));
                return;
            }
        } else {
            existing = store.byOriginId(originId);
        }
        T candidate = existing.isPresent() ? resource.update(existing.get(), update, now)
                : resource.create(store.nextId(), update, now);
        Map<String, List<String>> invalid = new LinkedHashMap<>(resource.validate(candidate, store));
        if (store.originIdTaken(candidate.originId(), candidate.id())) {
            invalid.put("origin_id", List.of("has already been taken"));
        }
        if (!invalid.isEmpty()) {
            errors.add(error(update, invalid));
            return;
        }
        store.put(candidate);
        entities.add(resource.json(candidate));
    }

    /** The update as sent, with Procore's per-field messages added. */
    private static JsonObject error(JsonObject update, Map<String, List<String>> problems) {
        return update.copy().put("errors", ProcoreJson.fieldErrors(problems));
    }

    /** An id as Procore's sync bodies carry it (a whole number or its digits), or null. */
    static Long asLong(Object raw) {
        if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        if (raw instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    // Field helpers shared by the resources: a key sent replaces the value (null clears it), a key left out keeps it.

    static String text(JsonObject update, String key, String current) {
        if (!update.containsKey(key)) {
            return current;
        }
        Object value = update.getValue(key);
        return value == null ? null : value.toString();
    }

    static boolean flag(JsonObject update, String key, boolean current) {
        Object value = update.getValue(key);
        return value instanceof Boolean b ? b : current;
    }

    static void requireText(JsonObject update, Map<String, List<String>> problems, String... keys) {
        for (String key : keys) {
            Object value = update.getValue(key);
            if (value != null && !(value instanceof String) && !(value instanceof Number)) {
                problems.put(key, List.of("must be a string"));
            }
        }
    }

    static void requireBoolean(JsonObject update, Map<String, List<String>> problems, String key) {
        if (update.containsKey(key) && !(update.getValue(key) instanceof Boolean)) {
            problems.put(key, List.of("must be true or false"));
        }
    }
}
