package dev.trestle.sandbox.procore;

import static dev.trestle.sandbox.procore.SyncAction.text;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The direct cost sync actions of one project:
 * <ul>
 *   <li>{@code PATCH /rest/v1.0/projects/{project_id}/direct_costs/sync} with
 *       {@code {"updates":[{"origin_id","direct_cost_type","direct_cost_date","invoice_number","vendor_id",
 *       "status","description","payment_date","received_date","terms","origin_data"}]}}: {@code direct_cost_type}
 *       one of invoice, expense, payroll; {@code direct_cost_date} a date; {@code vendor_id}, when sent, a vendor
 *       of the company; {@code status} one of draft, pending, revise_and_resubmit, approved (default draft).</li>
 *   <li>{@code PATCH /rest/v1.0/projects/{project_id}/direct_costs/line_items/sync} with
 *       {@code {"updates":[{"origin_id","direct_cost_id","amount","description","wbs_code_id" | "cost_code_id"
 *       (+ "line_item_type_id"),"quantity","unit_cost","uom","origin_data"}]}}: the direct cost must be one of the
 *       project, the WBS code (or the cost code, and the cost type assigned to it) one of the project, and the
 *       amount to the cent.</li>
 * </ul>
 * Both upsert by {@code origin_id} and answer {@code {"entities","errors"}}; an origin_id another project's
 * record holds is {@code "has already been taken"}.
 */
final class DirectCostSync {

    private DirectCostSync() {
    }

    static final class Header implements SyncAction.Resource<ProcoreDirectCost> {
        private static final String[] TEXT_FIELDS = {"direct_cost_type", "direct_cost_date", "invoice_number",
            "status", "description", "payment_date", "received_date", "terms", "origin_data"};
        private final ProcoreProject project;
        private final OriginIndexedStore<ProcoreVendor> vendors;
        private final Json json;

        Header(ProcoreProject project, OriginIndexedStore<ProcoreVendor> vendors, Json json) {
            this.project = project;
            this.vendors = vendors;
            this.json = json;
        }

        @Override
        public Map<String, List<String>> checkTypes(JsonObject u) {
            Map<String, List<String>> problems = new LinkedHashMap<>();
            SyncAction.requireText(u, problems, TEXT_FIELDS);
            for (String key : List.of("direct_cost_date", "payment_date", "received_date")) {
                if (u.getValue(key) instanceof String d) {
                    try {
                        LocalDate.parse(d);
                    } catch (DateTimeParseException e) {
                        problems.put(key, List.of("is not a date (YYYY-MM-DD)"));
                    }
                }
            }
            if (u.getValue("vendor_id") != null) {
                Long vendor = SyncAction.asLong(u.getValue("vendor_id"));
                if (vendor == null || vendors.get(vendor).isEmpty()) {
                    problems.put("vendor_id", List.of("is not a vendor of this company"));
                }
            }
            return problems;
        }

        @Override
        public ProcoreDirectCost create(long id, JsonObject u, Instant now) {
            return new ProcoreDirectCost(id, project.id(), text(u, "direct_cost_type", null),
                    date(u, "direct_cost_date", null), text(u, "invoice_number", null), text(u, "status", "draft"),
                    SyncAction.asLong(u.getValue("vendor_id")), text(u, "description", null),
                    date(u, "payment_date", null), date(u, "received_date", null), text(u, "terms", null),
                    text(u, "origin_id", null), text(u, "origin_data", null), now, now);
        }

        @Override
        public ProcoreDirectCost update(ProcoreDirectCost d, JsonObject u, Instant now) {
            return new ProcoreDirectCost(d.id(), d.projectId(), text(u, "direct_cost_type", d.type()),
                    date(u, "direct_cost_date", d.date()), text(u, "invoice_number", d.invoiceNumber()),
                    text(u, "status", d.status()), u.containsKey("vendor_id") ? SyncAction.asLong(u.getValue("vendor_id"))
                    : d.vendorId(), text(u, "description", d.description()), date(u, "payment_date", d.paymentDate()),
                    date(u, "received_date", d.receivedDate()), text(u, "terms", d.terms()),
                    text(u, "origin_id", d.originId()), text(u, "origin_data", d.originData()), d.createdAt(), now);
        }

        @Override
        public Map<String, List<String>> validate(ProcoreDirectCost c, OriginIndexedStore<ProcoreDirectCost> store) {
            Map<String, List<String>> problems = new LinkedHashMap<>();
            if (c.projectId() != project.id()) {
                problems.put("origin_id", List.of("has already been taken"));
            }
            if (c.type() == null) {
                problems.put("direct_cost_type", List.of("can't be blank"));
            } else if (!ProcoreDirectCost.TYPES.contains(c.type())) {
                problems.put("direct_cost_type", List.of("is not included in the list"));
            }
            if (c.date() == null) {
                problems.put("direct_cost_date", List.of("can't be blank"));
            }
            if (!ProcoreDirectCost.STATUSES.contains(c.status())) {
                problems.put("status", List.of("is not included in the list"));
            }
            return problems;
        }

        @Override
        public JsonObject json(ProcoreDirectCost record) {
            return json.of(record, false);
        }
    }

    static final class Line implements SyncAction.Resource<ProcoreDirectCostLine> {
        private static final String[] TEXT_FIELDS = {"description", "uom", "origin_data"};
        private final ProcoreProject project;
        private final OriginIndexedStore<ProcoreDirectCost> costs;
        private final ProjectCostStructure structure;

        Line(ProcoreProject project, OriginIndexedStore<ProcoreDirectCost> costs, ProjectCostStructure structure) {
            this.project = project;
            this.costs = costs;
            this.structure = structure;
        }

        @Override
        public Map<String, List<String>> checkTypes(JsonObject u) {
            Map<String, List<String>> problems = new LinkedHashMap<>();
            SyncAction.requireText(u, problems, TEXT_FIELDS);
            boolean create = !u.containsKey("id");
            Long cost = SyncAction.asLong(u.getValue("direct_cost_id"));
            if (cost == null && (create || u.containsKey("direct_cost_id"))) {
                problems.put("direct_cost_id", List.of("can't be blank"));
            } else if (cost != null && costs.get(cost).filter(c -> c.projectId() == project.id()).isEmpty()) {
                problems.put("direct_cost_id", List.of("not found"));
            }
            for (String key : List.of("amount", "quantity", "unit_cost")) {
                if (u.getValue(key) != null) {
                    String[] problem = new String[1];
                    if (ProcoreMoney.parse(u.getValue(key), problem) == null && !key.equals("quantity")) {
                        problems.put(key, List.of(problem[0]));
                    }
                }
            }
            if (create && u.getValue("amount") == null) {
                problems.put("amount", List.of("can't be blank"));
            }
            if (u.getValue("wbs_code_id") != null) {
                Long wbs = SyncAction.asLong(u.getValue("wbs_code_id"));
                if (wbs == null || ProcoreJson.wbsRef(wbs, project.id(), structure) == null) {
                    problems.put("wbs_code_id", List.of("is not a WBS code of this project"));
                }
            } else if (u.getValue("cost_code_id") != null) {
                Long code = SyncAction.asLong(u.getValue("cost_code_id"));
                Long type = SyncAction.asLong(u.getValue("line_item_type_id"));
                if (code == null || structure.costCodes(project.id()).stream().noneMatch(c -> c.id() == code)) {
                    problems.put("cost_code_id", List.of("is not a cost code of this project"));
                } else if (type == null) {
                    problems.put("line_item_type_id", List.of("can't be blank"));
                } else if (wbsFor(code, type) == null) {
                    problems.put("line_item_type_id", List.of("is not assigned to this cost code"));
                }
            } else if (create) {
                problems.put("wbs_code_id", List.of("can't be blank"));
            }
            return problems;
        }

        /** The project's WBS code combining a cost code and a cost type, or null. */
        private Long wbsFor(long costCodeId, long costTypeId) {
            ProcoreCostCode code = structure.costCodes(project.id()).stream().filter(c -> c.id() == costCodeId)
                    .findFirst().orElse(null);
            ProcoreCostType type = structure.costType(costTypeId).orElse(null);
            if (code == null || type == null || !code.lineItemTypeIds().contains(costTypeId)) {
                return null;
            }
            String flat = code.fullCode() + "." + type.code();
            return structure.wbsCodes(project.id()).stream().filter(w -> w.flatCode().equals(flat)).map(WbsCode::id)
                    .findFirst().orElse(null);
        }

        private long wbs(JsonObject u, long current) {
            if (u.getValue("wbs_code_id") != null) {
                return SyncAction.asLong(u.getValue("wbs_code_id"));
            }
            if (u.getValue("cost_code_id") != null) {
                return wbsFor(SyncAction.asLong(u.getValue("cost_code_id")),
                        SyncAction.asLong(u.getValue("line_item_type_id")));
            }
            return current;
        }

        @Override
        public ProcoreDirectCostLine create(long id, JsonObject u, Instant now) {
            return new ProcoreDirectCostLine(id, SyncAction.asLong(u.getValue("direct_cost_id")), project.id(),
                    money(u, "amount", null), text(u, "description", null), wbs(u, -1),
                    SyncAction.asLong(u.getValue("cost_code_id")), SyncAction.asLong(u.getValue("line_item_type_id")),
                    money(u, "quantity", null), money(u, "unit_cost", null), text(u, "uom", null),
                    text(u, "origin_id", null), text(u, "origin_data", null), now, now);
        }

        @Override
        public ProcoreDirectCostLine update(ProcoreDirectCostLine l, JsonObject u, Instant now) {
            Long cost = SyncAction.asLong(u.getValue("direct_cost_id"));
            return new ProcoreDirectCostLine(l.id(), cost == null ? l.directCostId() : cost, l.projectId(),
                    money(u, "amount", l.amount()), text(u, "description", l.description()), wbs(u, l.wbsCodeId()),
                    u.containsKey("cost_code_id") ? SyncAction.asLong(u.getValue("cost_code_id")) : l.costCodeId(),
                    u.containsKey("line_item_type_id") ? SyncAction.asLong(u.getValue("line_item_type_id"))
                            : l.lineItemTypeId(), money(u, "quantity", l.quantity()), money(u, "unit_cost", l.unitCost()),
                    text(u, "uom", l.uom()), text(u, "origin_id", l.originId()), text(u, "origin_data", l.originData()),
                    l.createdAt(), now);
        }

        private static BigDecimal money(JsonObject u, String key, BigDecimal current) {
            if (u.getValue(key) == null) {
                return current;
            }
            BigDecimal value = ProcoreMoney.parse(u.getValue(key), new String[1]);
            return value == null ? new BigDecimal(u.getValue(key).toString()) : value;
        }

        @Override
        public Map<String, List<String>> validate(ProcoreDirectCostLine l,
                OriginIndexedStore<ProcoreDirectCostLine> store) {
            if (l.projectId() != project.id()) {
                return Map.of("origin_id", List.of("has already been taken"));
            }
            return Map.of();
        }

        @Override
        public JsonObject json(ProcoreDirectCostLine l) {
            return lineJson(l, structure);
        }
    }

    /** How a direct cost is shown (it needs the vendors, the project and its lines). */
    interface Json {
        JsonObject of(ProcoreDirectCost cost, boolean detail);
    }

    /**
     * A direct cost line item:
     * <pre>
     * {"id":5910000001,"direct_cost_id":5900000001,"amount":"1200.00","total_amount":"1200.00",
     *  "description":"Crane","quantity":null,"unit_cost":null,"uom":null,"extended_type":"manual",
     *  "wbs_code":{"id":...,"flat_code":"03-300.E","description":"..."},"cost_code":{"id":...} | null,
     *  "line_item_type":{"id":...} | null,"origin_id":"...","origin_data":null,"created_at":...,"updated_at":...}
     * </pre>
     */
    static JsonObject lineJson(ProcoreDirectCostLine l, ProjectCostStructure structure) {
        return new JsonObject()
                .put("id", l.id())
                .put("direct_cost_id", l.directCostId())
                .put("amount", ProcoreJson.money(l.amount()))
                .put("total_amount", ProcoreJson.money(l.amount()))
                .put("description", l.description())
                .put("quantity", l.quantity() == null ? null : l.quantity().toPlainString())
                .put("unit_cost", ProcoreJson.money(l.unitCost()))
                .put("uom", l.uom())
                .put("extended_type", "manual")
                .put("wbs_code", ProcoreJson.wbsRef(l.wbsCodeId(), l.projectId(), structure))
                .put("cost_code", l.costCodeId() == null ? null : new JsonObject().put("id", l.costCodeId()))
                .put("line_item_type", l.lineItemTypeId() == null ? null : new JsonObject().put("id", l.lineItemTypeId()))
                .put("origin_id", l.originId())
                .put("origin_data", l.originData())
                .put("created_at", ProcoreJson.time(l.createdAt()))
                .put("updated_at", ProcoreJson.time(l.updatedAt()));
    }

    /**
     * A direct cost (list; the detail adds {@code line_items}, {@code line_items_count}, {@code vendor} and
     * {@code project}):
     * <pre>
     * {"id":5900000001,"direct_cost_type":"invoice","direct_cost_date":"2025-11-30","invoice_number":"ACME-77",
     *  "status":"approved","vendor_id":5000000019,"vendor_name":"...","description":"...","grand_total":"1280.10",
     *  "amount":"1280.10","payment_date":null,"received_date":null,"terms":null,"origin_id":"...",
     *  "origin_data":null,"created_at":"...","updated_at":"..."}
     * </pre>
     */
    static JsonObject costJson(ProcoreDirectCost c, ProcoreVendor vendor, ProcoreProject project,
            List<ProcoreDirectCostLine> lines, boolean detail, ProjectCostStructure structure) {
        BigDecimal total = lines.stream().map(ProcoreDirectCostLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        JsonObject json = new JsonObject()
                .put("id", c.id())
                .put("direct_cost_type", c.type())
                .put("direct_cost_date", c.date() == null ? null : c.date().toString())
                .put("invoice_number", c.invoiceNumber())
                .put("status", c.status())
                .put("vendor_id", c.vendorId())
                .put("vendor_name", vendor == null ? null : vendor.name())
                .put("description", c.description())
                .put("grand_total", ProcoreJson.money(total))
                .put("amount", ProcoreJson.money(total))
                .put("payment_date", c.paymentDate() == null ? null : c.paymentDate().toString())
                .put("received_date", c.receivedDate() == null ? null : c.receivedDate().toString())
                .put("terms", c.terms())
                .put("origin_id", c.originId())
                .put("origin_data", c.originData())
                .put("created_at", ProcoreJson.time(c.createdAt()))
                .put("updated_at", ProcoreJson.time(c.updatedAt()));
        if (detail) {
            JsonArray items = new JsonArray();
            lines.forEach(l -> items.add(lineJson(l, structure)));
            json.put("line_items", items).put("line_items_count", lines.size())
                    .put("vendor", vendor == null ? null : new JsonObject().put("id", vendor.id()).put("name", vendor.name()))
                    .put("project", new JsonObject().put("id", project.id()).put("name", project.name()));
        }
        return json;
    }

    private static LocalDate date(JsonObject u, String key, LocalDate current) {
        if (!u.containsKey(key)) {
            return current;
        }
        return u.getValue(key) instanceof String d ? LocalDate.parse(d) : null;
    }
}
