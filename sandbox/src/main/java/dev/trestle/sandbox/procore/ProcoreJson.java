package dev.trestle.sandbox.procore;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
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

    /** Money as Procore sends it in the financial tools: a decimal string with two places, e.g. {@code "12500.10"}. */
    static String money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * A commitment (list and show; show adds {@code line_items}):
     * <pre>
     * {"id":5600000001,"number":"SC-001","title":"Concrete","status":"Approved","executed":true,
     *  "accounting_method":"amount","retainage_percent":"10.00","grand_total":"150000.00",
     *  "contract_date":"2025-08-15","requisitions_are_enabled":true,"origin_id":null,"origin_code":null,
     *  "origin_data":null,"vendor":{"id":5000000019,"name":"Summit Elevator Co."},
     *  "project":{"id":5100000001,"name":"Harbor View Medical Office"},"deleted_at":null,"created_at":...}
     * </pre>
     */
    static JsonObject commitment(ProcoreCommitment c, ProcoreVendor vendor, ProcoreProject project,
            boolean withLines, ProjectCostStructure structure) {
        JsonObject json = new JsonObject()
                .put("id", c.id())
                .put("number", c.number())
                .put("title", c.title())
                .put("status", c.status())
                .put("executed", c.executed())
                .put("accounting_method", "amount")
                .put("retainage_percent", money(c.retainagePercent()))
                .put("grand_total", money(c.grandTotal()))
                .put("revised_contract", money(c.grandTotal()))
                .put("contract_date", c.contractDate() == null ? null : c.contractDate().toString())
                .put("requisitions_are_enabled", true)
                .put("origin_id", c.originId())
                .put("origin_code", c.originCode())
                .put("origin_data", c.originData())
                .put("vendor", vendor == null ? null : new JsonObject().put("id", vendor.id()).put("name", vendor.name()))
                .put("project", new JsonObject().put("id", project.id()).put("name", project.name()))
                .put("deleted_at", null)
                .put("created_at", time(c.createdAt()))
                .put("updated_at", time(c.updatedAt()));
        if (withLines) {
            JsonArray lines = new JsonArray();
            c.lines().forEach(l -> lines.add(commitmentLine(l, c.projectId(), structure)));
            json.put("line_items", lines);
        }
        return json;
    }

    /**
     * A schedule-of-values line:
     * <pre>
     * {"id":5610000001,"description":"Foundations","amount":"50000.00","cost_code":{"id":5200000002,
     *  "full_code":"03-300","name":"Cast-in-Place Concrete"},"wbs_code":{"id":5500000005,"flat_code":"03-300.S",
     *  "description":"Cast-in-Place Concrete - Subcontract"}}
     * </pre>
     */
    static JsonObject commitmentLine(ProcoreCommitment.Line l, long projectId, ProjectCostStructure structure) {
        ProcoreCostCode code = structure.costCodes(projectId).stream().filter(c -> c.id() == l.costCodeId())
                .findFirst().orElse(null);
        return new JsonObject()
                .put("id", l.id())
                .put("description", l.description())
                .put("amount", money(l.amount()))
                .put("cost_code", code == null ? null : new JsonObject().put("id", code.id())
                        .put("full_code", code.fullCode()).put("name", code.name()))
                .put("wbs_code", wbsRef(l.wbsCodeId(), projectId, structure));
    }

    static JsonObject wbsRef(long wbsCodeId, long projectId, ProjectCostStructure structure) {
        return structure.wbsCodes(projectId).stream().filter(w -> w.id() == wbsCodeId).findFirst()
                .map(w -> new JsonObject().put("id", w.id()).put("flat_code", w.flatCode())
                        .put("description", w.description()))
                .orElse(null);
    }

    /**
     * A subcontractor invoice (requisition). v1.0 and v1.1 share the header; v1.1 adds {@code vendor_id},
     * {@code items} (the contract items) and {@code item_packages}. Money is a decimal string:
     * <pre>
     * {"id":5700000001,"number":3,"invoice_number":"INV-0042","project_id":5100000001,"commitment_id":5600000001,
     *  "commitment_type":"WorkOrderContract","contract_name":"Concrete","vendor_name":"Summit Elevator Co.",
     *  "period_id":5800000001,"status":"approved","erp_status":null,"billing_date":"2025-10-31",
     *  "requisition_start":"2025-10-01","requisition_end":"2025-10-31","payment_date":null,"submitted_at":...,
     *  "final":false,"origin_id":null,"origin_data":null,"percent_complete":"45.00","total_claimed_amount":"...",
     *  "summary":{"original_contract_sum","net_change_by_change_orders","contract_sum_to_date",
     *             "total_completed_and_stored_to_date","total_retainage","retainage_this_period",
     *             "total_earned_less_retainage","less_previous_certificates_for_payment","current_payment_due",
     *             "balance_to_finish_including_retainage"}, "created_at":...,"updated_at":...}
     * </pre>
     */
    static JsonObject requisition(ProcoreRequisition r, ProcoreCommitment c, ProcoreVendor vendor, boolean v11,
            ProjectCostStructure structure) {
        BigDecimal contractSum = c.grandTotal();
        BigDecimal toDate = r.sum(ProcoreRequisition.Item::totalCompletedAndStoredToDate);
        BigDecimal totalRetainage = r.sum(ProcoreRequisition.Item::totalRetainage);
        BigDecimal earnedLessRetainage = toDate.subtract(totalRetainage);
        BigDecimal previous = r.sum(ProcoreRequisition.Item::workCompletedFromPrevious)
                .subtract(r.sum(ProcoreRequisition.Item::retainageFromPrevious));
        BigDecimal percent = contractSum.signum() == 0 ? BigDecimal.ZERO
                : toDate.multiply(BigDecimal.valueOf(100)).divide(contractSum, 2, RoundingMode.HALF_UP);
        JsonObject summary = new JsonObject()
                .put("original_contract_sum", money(contractSum))
                .put("net_change_by_change_orders", money(BigDecimal.ZERO))
                .put("contract_sum_to_date", money(contractSum))
                .put("total_completed_and_stored_to_date", money(toDate))
                .put("total_retainage", money(totalRetainage))
                .put("retainage_this_period", money(r.sum(ProcoreRequisition.Item::retainageThisPeriod)))
                .put("total_earned_less_retainage", money(earnedLessRetainage))
                .put("less_previous_certificates_for_payment", money(previous))
                .put("current_payment_due", money(earnedLessRetainage.subtract(previous)))
                .put("balance_to_finish_including_retainage", money(contractSum.subtract(earnedLessRetainage)));
        JsonObject json = new JsonObject()
                .put("id", r.id())
                .put("number", r.number())
                .put("invoice_number", r.invoiceNumber())
                .put("project_id", r.projectId())
                .put("commitment_id", r.commitmentId())
                .put("commitment_type", c.typeName())
                .put("contract_name", c.title())
                .put("vendor_name", vendor == null ? null : vendor.name())
                .put("period_id", r.periodId())
                .put("status", r.status())
                .put("erp_status", r.synced() ? "synced" : null)
                .put("billing_date", date(r.billingDate()))
                .put("requisition_start", date(r.periodStart()))
                .put("requisition_end", date(r.periodEnd()))
                .put("payment_date", null)
                .put("submitted_at", time(r.submittedAt()))
                .put("final", false)
                .put("origin_id", r.originId())
                .put("origin_data", r.originData())
                .put("percent_complete", money(percent))
                .put("total_claimed_amount", money(r.sum(i -> i.workCompletedThisPeriod()
                        .add(i.materialsPresentlyStored()))))
                .put("summary", summary)
                .put("created_at", time(r.createdAt()))
                .put("updated_at", time(r.updatedAt()));
        if (v11) {
            json.put("vendor_id", c.vendorId());
            JsonArray items = new JsonArray();
            r.items().forEach(i -> items.add(contractItem(i, r.projectId(), structure)));
            json.put("items", items).put("item_packages", new JsonArray());
        }
        return json;
    }

    /**
     * A requisition's contract item:
     * <pre>
     * {"id":5710000001,"item_type":"contract_item","line_item_id":5610000001,"cost_code_id":5200000002,
     *  "wbs_code":{"id":...,"flat_code":"03-300.S","description":"..."},"description_of_work":"Foundations",
     *  "scheduled_value":"50000.00","work_completed_from_previous_application":"10000.00",
     *  "work_completed_this_period":"12500.10","materials_presently_stored":"0.00",
     *  "total_completed_and_stored_to_date":"22500.10","work_completed_retainage_retained_this_period":"1250.01",
     *  "total_retainage":"2250.01","current_payment_due":"11250.09","status":"approved","origin_id":null}
     * </pre>
     */
    static JsonObject contractItem(ProcoreRequisition.Item i, long projectId, ProjectCostStructure structure) {
        return new JsonObject()
                .put("id", i.id())
                .put("item_type", "contract_item")
                .put("line_item_id", i.lineItemId())
                .put("cost_code_id", i.costCodeId())
                .put("wbs_code", wbsRef(i.wbsCodeId(), projectId, structure))
                .put("description_of_work", i.description())
                .put("scheduled_value", money(i.scheduledValue()))
                .put("work_completed_from_previous_application", money(i.workCompletedFromPrevious()))
                .put("work_completed_this_period", money(i.workCompletedThisPeriod()))
                .put("materials_presently_stored", money(i.materialsPresentlyStored()))
                .put("total_completed_and_stored_to_date", money(i.totalCompletedAndStoredToDate()))
                .put("work_completed_retainage_retained_this_period", money(i.retainageThisPeriod()))
                .put("total_retainage", money(i.totalRetainage()))
                .put("current_payment_due", money(i.currentPaymentDue()))
                .put("status", "approved")
                .put("origin_id", i.originId());
    }

    private static String date(java.time.LocalDate date) {
        return date == null ? null : date.toString();
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
