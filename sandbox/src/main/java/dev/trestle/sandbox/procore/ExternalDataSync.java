package dev.trestle.sandbox.procore;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ERP close-out call {@code PATCH /rest/v1.0/companies/{company_id}/external_data/sync} with
 * {@code {"updates":[{"item_type","item_id","origin_id"}]}}: marks records as synced with the ERP by setting
 * their {@code origin_id} (sending {@code null} clears it). Like every sync action it answers 200 with
 * {@code {"entities":[{item_type,item_id,origin_id}],"errors":[update + "errors":{field:[messages]}]}},
 * item by item in order. The sandbox holds these item types: {@code requisition},
 * {@code requisition_contract_item}, {@code work_order_contract}, {@code purchase_order_contract}; the other
 * types Procore names are refused as not simulated, anything else as not in the list. An {@code origin_id}
 * another record of the same item type holds is refused ({@code "has already been taken"}); and, stricter
 * than anything the notes confirm, so is marking an invoice synced that Procore would not let be sent to the
 * ERP (status other than approved, approved as noted or pending owner approval).
 */
final class ExternalDataSync {

    static final Set<String> SIMULATED = Set.of("requisition", "requisition_contract_item", "work_order_contract",
            "purchase_order_contract");
    /** The item types Procore's close-out takes (the 2022 ERP technical guide). */
    static final Set<String> PROCORE_TYPES = Set.of("vendor", "project", "cost_code", "standard_cost_code",
            "line_item_type", "purchase_order_contract", "work_order_contract", "line_item", "change_order",
            "requisition", "requisition_contract_item", "requisition_contract_detail_item",
            "requisition_change_order_item", "contract_payment", "invoice_payment", "item", "budget", "sub_job",
            "tax_code", "markup", "payment_application", "prime_contract", "department", "insurance",
            "company_level_direct_cost");

    private final OriginIndexedStore<ProcoreCommitment> commitments;
    private final OriginIndexedStore<ProcoreRequisition> requisitions;

    ExternalDataSync(OriginIndexedStore<ProcoreCommitment> commitments, OriginIndexedStore<ProcoreRequisition> requisitions) {
        this.commitments = commitments;
        this.requisitions = requisitions;
    }

    SyncAction.Outcome run(JsonArray updates, Instant now) {
        JsonArray entities = new JsonArray();
        JsonArray errors = new JsonArray();
        // Both stores at once, in one order: the uniqueness checks and the writes must not interleave.
        synchronized (commitments) {
            synchronized (requisitions) {
                for (Object item : updates) {
                    if (!(item instanceof JsonObject update)) {
                        errors.add(new JsonObject().put("errors", new JsonObject()
                                .put("base", new JsonArray().add("each update must be a JSON object"))));
                        continue;
                    }
                    Map<String, List<String>> problems = apply(update, now);
                    if (problems.isEmpty()) {
                        entities.add(new JsonObject().put("item_type", update.getValue("item_type"))
                                .put("item_id", update.getValue("item_id")).put("origin_id", update.getValue("origin_id")));
                    } else {
                        errors.add(update.copy().put("errors", ProcoreJson.fieldErrors(problems)));
                    }
                }
            }
        }
        return new SyncAction.Outcome(entities, errors);
    }

    private Map<String, List<String>> apply(JsonObject update, Instant now) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        Object type = update.getValue("item_type");
        if (!(type instanceof String itemType) || !PROCORE_TYPES.contains(itemType)) {
            problems.put("item_type", List.of("is not included in the list"));
            return problems;
        }
        if (!SIMULATED.contains(itemType)) {
            problems.put("item_type", List.of("is not simulated by the sandbox"));
            return problems;
        }
        Long id = SyncAction.asLong(update.getValue("item_id"));
        if (id == null) {
            problems.put("item_id", List.of(update.containsKey("item_id") ? "is not a valid id" : "can't be blank"));
            return problems;
        }
        if (!update.containsKey("origin_id")) {
            problems.put("origin_id", List.of("can't be blank"));
            return problems;
        }
        Object rawOrigin = update.getValue("origin_id");
        if (rawOrigin != null && !(rawOrigin instanceof String) && !(rawOrigin instanceof Number)) {
            problems.put("origin_id", List.of("must be a string"));
            return problems;
        }
        String origin = rawOrigin == null ? null : rawOrigin.toString();
        switch (itemType) {
            case "requisition" -> {
                Optional<ProcoreRequisition> r = requisitions.get(id);
                if (r.isEmpty()) {
                    problems.put("item_id", List.of("not found"));
                } else if (origin != null && !ProcoreRequisition.EXPORTABLE_STATUSES.contains(r.get().status())) {
                    problems.put("base", List.of("A subcontractor invoice must be approved, approved as noted or "
                            + "pending owner approval to be synced with the ERP; this one is " + r.get().status()));
                } else if (requisitions.originIdTaken(origin, id)) {
                    problems.put("origin_id", List.of("has already been taken"));
                } else {
                    requisitions.put(r.get().with(origin, r.get().items(), now));
                }
            }
            case "requisition_contract_item" -> {
                Optional<ProcoreRequisition> holder = requisitions.matching(r -> r.items().stream()
                        .anyMatch(i -> i.id() == id)).stream().findFirst();
                if (holder.isEmpty()) {
                    problems.put("item_id", List.of("not found"));
                } else if (origin != null && requisitions.all().stream().flatMap(r -> r.items().stream())
                        .anyMatch(i -> i.id() != id && origin.equals(i.originId()))) {
                    problems.put("origin_id", List.of("has already been taken"));
                } else {
                    List<ProcoreRequisition.Item> items = new ArrayList<>();
                    holder.get().items().forEach(i -> items.add(i.id() == id ? i.withOrigin(origin) : i));
                    requisitions.put(holder.get().with(holder.get().originId(), List.copyOf(items), now));
                }
            }
            default -> {
                String kind = itemType;
                Optional<ProcoreCommitment> c = commitments.get(id).filter(x -> x.kind().equals(kind));
                if (c.isEmpty()) {
                    problems.put("item_id", List.of("not found"));
                } else if (commitments.originIdTaken(origin, id)) {
                    // One origin_id index for both kinds: the sandbox keeps them unique across the two.
                    problems.put("origin_id", List.of("has already been taken"));
                } else {
                    commitments.put(c.get().withOrigin(origin, now));
                }
            }
        }
        return problems;
    }
}
