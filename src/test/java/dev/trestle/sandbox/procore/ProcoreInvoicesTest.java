package dev.trestle.sandbox.procore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.ProcoreDemoCases;
import dev.trestle.sandbox.SandboxHarnessTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Commitments, subcontractor invoices (requisitions) and the ERP close-out of the Procore sandbox, over real HTTP. */
class ProcoreInvoicesTest extends SandboxHarnessTest {

    static final long PROJECT = ProcoreDemoCases.LINKED_PROJECT;
    static final long INVOICE = ProcoreDemoCases.APPROVED_INVOICE;

    ProcoreTestClient procore;

    @BeforeEach
    void newClient() {
        procore = new ProcoreTestClient(harness);
    }

    JsonArray array(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return new JsonArray(response.body());
    }

    JsonObject object(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return new JsonObject(response.body());
    }

    static List<Long> ids(JsonArray array) {
        return array.stream().map(o -> ((JsonObject) o).getLong("id")).toList();
    }

    @Test
    void listsCommitmentsByKindWithVendorAndScheduleOfValues() {
        JsonArray workOrders = array(procore.get("/rest/v1.0/work_order_contracts?project_id=" + PROJECT));
        assertEquals(List.of(5_600_000_001L, 5_600_000_002L, 5_600_000_004L, 5_600_000_006L), ids(workOrders));
        JsonObject sc101 = workOrders.getJsonObject(0);
        assertEquals("SC-101", sc101.getString("number"));
        assertEquals("Concrete & Foundations", sc101.getString("title"));
        assertEquals("Approved", sc101.getString("status"));
        assertEquals(new JsonObject().put("id", ProcoreDemoCases.LINKED_VENDOR_A).put("name", "Summit Elevator Co."),
                sc101.getJsonObject("vendor"));
        assertEquals("200000.00", sc101.getString("grand_total"));
        assertEquals("10.00", sc101.getString("retainage_percent"));
        assertFalse(sc101.containsKey("line_items"), "the list leaves the schedule of values out");

        assertEquals(List.of(5_600_000_003L, 5_600_000_007L),
                ids(array(procore.get("/rest/v1.0/purchase_order_contracts?project_id=" + PROJECT))));
        assertEquals(6, array(procore.get("/rest/v1.0/commitments?project_id=" + PROJECT)).size());
        assertEquals(List.of(5_600_000_005L), ids(array(procore.get("/rest/v1.0/work_order_contracts?project_id="
                + ProcoreDemoCases.INVOICE_PROJECT_NOT_EXPORTED))));
        assertEquals(0, array(procore.get("/rest/v1.0/work_order_contracts?project_id=" + PROJECT
                + "&filters[status]=Draft")).size());

        JsonObject detail = object(procore.get("/rest/v1.0/work_order_contracts/5600000001?project_id=" + PROJECT));
        JsonArray lines = detail.getJsonArray("line_items");
        assertEquals(3, lines.size());
        JsonObject first = lines.getJsonObject(0);
        assertEquals("150000.00", first.getString("amount"));
        assertEquals("03-300", first.getJsonObject("cost_code").getString("full_code"));
        assertEquals("03-300.S", first.getJsonObject("wbs_code").getString("flat_code"));
        assertEquals(lines, array(procore.get("/rest/v1.0/work_order_contracts/5600000001/line_items?project_id="
                + PROJECT)));

        assertEquals(400, procore.get("/rest/v1.0/work_order_contracts").statusCode(), "project_id is required");
        assertEquals(404, procore.get("/rest/v1.0/work_order_contracts?project_id=1").statusCode());
        assertEquals(404, procore.get("/rest/v1.0/purchase_order_contracts/5600000001?project_id=" + PROJECT)
                .statusCode(), "a work order is not a purchase order");
        assertEquals(404, procore.get("/rest/v1.0/work_order_contracts/5600000001?project_id="
                + ProcoreDemoCases.INVOICE_PROJECT_NOT_EXPORTED).statusCode(), "nor on another project");
    }

    @Test
    void listsAndShowsInvoicesInBothVersions() {
        JsonArray all = array(procore.get("/rest/v1.0/requisitions?project_id=" + PROJECT));
        assertEquals(11, all.size(), "every demo invoice but the one on the project not exported");
        JsonObject v10 = object(procore.get("/rest/v1.0/requisitions/" + INVOICE + "?project_id=" + PROJECT));
        assertEquals("INV-1001", v10.getString("invoice_number"));
        assertEquals(1, v10.getInteger("number"));
        assertEquals("approved", v10.getString("status"));
        assertEquals(5_600_000_001L, v10.getLong("commitment_id"));
        assertEquals("WorkOrderContract", v10.getString("commitment_type"));
        assertEquals("Summit Elevator Co.", v10.getString("vendor_name"));
        assertEquals("2025-09-30", v10.getString("billing_date"));
        assertEquals("2025-09-01", v10.getString("requisition_start"));
        assertEquals("2025-09-30", v10.getString("requisition_end"));
        assertNull(v10.getValue("origin_id"));
        assertFalse(v10.containsKey("items"));
        assertFalse(v10.containsKey("vendor_id"));
        JsonObject summary = v10.getJsonObject("summary");
        // SC-101 #1: 30% of each line done, 5% stored, 10% retained: 60000 + 10000 - 7000.
        assertEquals("63000.00", summary.getString("current_payment_due"));
        assertEquals("7000.00", summary.getString("retainage_this_period"));
        assertEquals("200000.00", summary.getString("original_contract_sum"));

        JsonObject v11 = object(procore.get("/rest/v1.1/requisitions/" + INVOICE + "?project_id=" + PROJECT));
        assertEquals(ProcoreDemoCases.LINKED_VENDOR_A, v11.getLong("vendor_id"));
        assertEquals(3, v11.getJsonArray("items").size());
        assertEquals(new JsonArray(), v11.getJsonArray("item_packages"));
        assertEquals(v11.getJsonArray("items"), array(procore.get("/rest/v1.0/requisitions/" + INVOICE
                + "/contract_items?project_id=" + PROJECT)));
        JsonObject item = v11.getJsonArray("items").getJsonObject(0);
        assertEquals("45000.00", item.getString("work_completed_this_period"));
        assertEquals("7500.00", item.getString("materials_presently_stored"));
        assertEquals("5250.00", item.getString("work_completed_retainage_retained_this_period"));
        assertEquals("03-300.S", item.getJsonObject("wbs_code").getString("flat_code"));
        assertEquals(5_610_000_001L, item.getLong("line_item_id"));
        assertTrue(item.getLong("cost_code_id") > 0);
        assertEquals(array(procore.get("/rest/v1.1/requisitions?project_id=" + PROJECT)).getJsonObject(0), v11);

        assertEquals(List.of(ProcoreDemoCases.UNDER_REVIEW_INVOICE), ids(array(procore.get(
                "/rest/v1.0/requisitions?project_id=" + PROJECT + "&filters[status]=under_review"))));
        assertEquals(List.of(5_700_000_001L, 5_700_000_002L, 5_700_000_003L), ids(array(procore.get(
                "/rest/v1.0/requisitions?project_id=" + PROJECT + "&filters[commitment_id]=5600000001"))));
        assertEquals(400, procore.get("/rest/v1.0/requisitions?project_id=" + PROJECT + "&filters[status]=paid")
                .statusCode());
        assertEquals(400, procore.get("/rest/v1.0/requisitions").statusCode(), "project_id is required");
        assertEquals(404, procore.get("/rest/v1.0/requisitions/" + ProcoreDemoCases.INVOICE_ON_PROJECT_NOT_EXPORTED
                + "?project_id=" + PROJECT).statusCode(), "an invoice is found on its own project only");
        assertEquals(404, procore.get("/rest/v1.0/requisitions/1?project_id=" + PROJECT).statusCode());
    }

    @Test
    void everyInvoiceAddsUpToTheCent() {
        for (long project : List.of(PROJECT, ProcoreDemoCases.INVOICE_PROJECT_NOT_EXPORTED)) {
            for (Object o : array(procore.get("/rest/v1.1/requisitions?project_id=" + project + "&per_page=100"))) {
                JsonObject r = (JsonObject) o;
                JsonObject s = r.getJsonObject("summary");
                BigDecimal due = BigDecimal.ZERO;
                BigDecimal retainage = BigDecimal.ZERO;
                BigDecimal toDate = BigDecimal.ZERO;
                for (Object i : r.getJsonArray("items")) {
                    JsonObject line = (JsonObject) i;
                    Function<String, BigDecimal> m = f -> new BigDecimal(line.getString(f));
                    BigDecimal lineDue = m.apply("work_completed_this_period").add(m.apply("materials_presently_stored"))
                            .subtract(m.apply("work_completed_retainage_retained_this_period"));
                    assertEquals(lineDue, m.apply("current_payment_due"), line.encode());
                    assertEquals(m.apply("work_completed_from_previous_application")
                            .add(m.apply("work_completed_this_period")).add(m.apply("materials_presently_stored")),
                            m.apply("total_completed_and_stored_to_date"));
                    assertEquals(2, m.apply("current_payment_due").scale(), "money has two decimals");
                    due = due.add(lineDue);
                    retainage = retainage.add(m.apply("work_completed_retainage_retained_this_period"));
                    toDate = toDate.add(m.apply("total_completed_and_stored_to_date"));
                }
                Function<String, BigDecimal> m = f -> new BigDecimal(s.getString(f));
                assertEquals(due, m.apply("current_payment_due"), r.getString("invoice_number"));
                assertEquals(retainage, m.apply("retainage_this_period"));
                assertEquals(toDate, m.apply("total_completed_and_stored_to_date"));
                assertEquals(m.apply("total_completed_and_stored_to_date").subtract(m.apply("total_retainage")),
                        m.apply("total_earned_less_retainage"));
                assertEquals(m.apply("total_earned_less_retainage")
                        .subtract(m.apply("less_previous_certificates_for_payment")), m.apply("current_payment_due"));
            }
        }
    }

    JsonObject closeOut(JsonArray updates) {
        HttpResponse<String> response = procore.patch("/rest/v1.0/companies/" + ProcoreDemoCases.COMPANY_ID
                + "/external_data/sync", new JsonObject().put("updates", updates));
        return object(response);
    }

    static JsonObject update(String type, Object id, Object origin) {
        return new JsonObject().put("item_type", type).put("item_id", id).put("origin_id", origin);
    }

    JsonObject edit(long id, JsonObject requisition) {
        HttpResponse<String> response = procore.patch("/rest/v1.0/requisitions/" + id + "?project_id=" + PROJECT,
                new JsonObject().put("requisition", requisition));
        return new JsonObject().put("status", response.statusCode()).put("body", response.body());
    }

    @Test
    void closeOutSetsTheOriginIdAndLocksTheInvoice() {
        JsonObject edited = edit(INVOICE, new JsonObject().put("invoice_number", "INV-1001A"));
        assertEquals(200, edited.getInteger("status"), edited.getString("body"));
        assertEquals("INV-1001A", new JsonObject(edited.getString("body")).getString("invoice_number"));
        assertEquals(422, edit(INVOICE, new JsonObject().put("status", "paid")).getInteger("status"));

        long item = harness.sandbox.procore().requisitions().get(INVOICE).orElseThrow().items().get(0).id();
        JsonObject result = closeOut(new JsonArray()
                .add(update("requisition", INVOICE, "7001"))
                .add(update("requisition_contract_item", item, "7001-1"))
                .add(update("requisition", ProcoreDemoCases.PENDING_OWNER_APPROVAL_INVOICE, "7001"))
                .add(update("requisition", ProcoreDemoCases.DRAFT_INVOICES.get(0), "7002"))
                .add(update("requisition", 1, "7003"))
                .add(update("budget", 1, "x"))
                .add(update("invoice", INVOICE, "x"))
                .add(new JsonObject().put("item_type", "requisition").put("item_id", INVOICE)));
        assertEquals(new JsonArray().add(update("requisition", INVOICE, "7001"))
                .add(update("requisition_contract_item", item, "7001-1")), result.getJsonArray("entities"));
        JsonArray errors = result.getJsonArray("errors");
        assertEquals(6, errors.size(), errors.encodePrettily());
        assertEquals(List.of("has already been taken"), errors.getJsonObject(0).getJsonObject("errors")
                .getJsonArray("origin_id").getList());
        assertTrue(errors.getJsonObject(1).getJsonObject("errors").containsKey("base"), "a draft cannot be synced");
        assertEquals(List.of("not found"), errors.getJsonObject(2).getJsonObject("errors").getJsonArray("item_id")
                .getList());
        assertEquals(List.of("is not simulated by the sandbox"), errors.getJsonObject(3).getJsonObject("errors")
                .getJsonArray("item_type").getList());
        assertEquals(List.of("is not included in the list"), errors.getJsonObject(4).getJsonObject("errors")
                .getJsonArray("item_type").getList());
        assertTrue(errors.getJsonObject(5).getJsonObject("errors").containsKey("origin_id"));

        JsonObject synced = object(procore.get("/rest/v1.1/requisitions/" + INVOICE + "?project_id=" + PROJECT));
        assertEquals("7001", synced.getString("origin_id"));
        assertEquals("7001-1", synced.getJsonArray("items").getJsonObject(0).getString("origin_id"));
        assertEquals(List.of(INVOICE), ids(array(procore.get("/rest/v1.0/requisitions?project_id=" + PROJECT
                + "&filters[origin_id]=7001"))));

        JsonObject refused = edit(INVOICE, new JsonObject().put("invoice_number", "INV-1001B"));
        assertEquals(403, refused.getInteger("status"));
        assertTrue(new JsonObject(refused.getString("body")).getString("errors").contains("synced"));
        assertEquals("INV-1001A", harness.sandbox.procore().requisitions().get(INVOICE).orElseThrow().invoiceNumber());

        closeOut(new JsonArray().add(update("work_order_contract", 5_600_000_001L, "PO-77")));
        assertEquals("PO-77", object(procore.get("/rest/v1.0/work_order_contracts/5600000001?project_id=" + PROJECT))
                .getString("origin_id"));
        assertEquals(1, closeOut(new JsonArray().add(update("purchase_order_contract", 5_600_000_001L, "PO-78")))
                .getJsonArray("errors").size(), "a work order is not a purchase order");
        assertEquals(403, procore.patch("/rest/v1.0/companies/1/external_data/sync", new JsonObject()
                .put("updates", new JsonArray())).statusCode());
        assertEquals(400, procore.patch("/rest/v1.0/companies/" + ProcoreDemoCases.COMPANY_ID + "/external_data/sync",
                new JsonObject()).statusCode());
        assertTrue(harness.sandbox.procore().requests().writeCount() > 0, "close-out calls are logged as writes");
    }
}
