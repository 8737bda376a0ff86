package dev.trestle.sandbox.procore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.ProcoreDemoCases;
import dev.trestle.sandbox.SandboxHarnessTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Commitment payments, the invoice payments sync, direct costs and their syncs, and the company's country. */
class ProcoreMoneyBackTest extends SandboxHarnessTest {

    static final long PROJECT = ProcoreDemoCases.LINKED_PROJECT;
    static final long INVOICE = ProcoreDemoCases.APPROVED_INVOICE;
    ProcoreTestClient procore;
    long company;

    @BeforeEach
    void client() {
        procore = new ProcoreTestClient(harness);
        company = harness.sandbox.procore().credentials().companyId();
    }

    static JsonObject body(HttpResponse<String> response) {
        return new JsonObject(response.body());
    }

    @Test
    void theCompanysCountryIsReadAndSetPerTest() {
        assertEquals("US", new JsonArray(procore.get("/rest/v1.0/companies").body()).getJsonObject(0)
                .getString("country_code"));
        harness.sandbox.procore().companyCountry("CA");
        assertEquals("CA", new JsonArray(procore.get("/rest/v1.0/companies").body()).getJsonObject(0)
                .getString("country_code"));
        harness.sandbox.reset();
        assertEquals("US", harness.sandbox.procore().companyCountry());
    }

    JsonObject invoicePayment(String origin, Object amount) {
        return new JsonObject().put("invoice_type", "Billings::Requisition").put("invoice_id", INVOICE)
                .put("origin_id", origin).put("origin_code", "CHK-1001").put("amount", amount)
                .put("date", "2025-11-15").put("check_number", "CHK-1001");
    }

    HttpResponse<String> syncPayments(JsonArray updates) {
        return procore.patch("/rest/v1.0/companies/" + company + "/invoice_payments/sync",
                new JsonObject().put("updates", updates));
    }

    @Test
    void invoicePaymentsUpsertByOriginIdAndNameEachRefusedEntity() {
        long commitment = harness.sandbox.procore().requisitions().get(INVOICE).orElseThrow().commitmentId();
        HttpResponse<String> first = syncPayments(new JsonArray()
                .add(invoicePayment("ns-pay-8001-bill-7001", "400.00"))
                .add(invoicePayment("ns-bad-type", 1).put("invoice_type", "Billings::PrimeContract"))
                .add(invoicePayment("ns-bad-amount", 10.001))
                .add(invoicePayment("ns-no-invoice", 5).put("invoice_id", 42))
                .add(invoicePayment("ns-negative", -5))
                .add(invoicePayment("ns-no-date", 5).putNull("date")));
        assertEquals(200, first.statusCode(), first.body());
        JsonObject answer = body(first);
        assertEquals(1, answer.getJsonArray("entities").size(), answer.encode());
        JsonObject payment = answer.getJsonArray("entities").getJsonObject(0);
        assertEquals("400.00", payment.getString("amount"));
        assertEquals(commitment, payment.getLong("contract_id"));
        assertEquals(INVOICE, payment.getLong("requisition_id"));
        assertEquals("CHK-1001", payment.getString("check_number"));
        assertEquals("2025-11-15", payment.getString("date"));
        assertNotNull(payment.getString("invoice_number"), "the invoice's number by default");
        JsonArray errors = answer.getJsonArray("errors");
        assertEquals(5, errors.size());
        assertEquals("ns-bad-type", errors.getJsonObject(0).getString("origin_id"));
        assertEquals("is not included in the list", errors.getJsonObject(0).getJsonObject("errors")
                .getJsonArray("invoice_type").getString(0));
        assertTrue(errors.getJsonObject(1).getJsonObject("errors").containsKey("amount"));
        assertTrue(errors.getJsonObject(2).getJsonObject("errors").containsKey("invoice_id"));
        assertTrue(errors.getJsonObject(3).getJsonObject("errors").containsKey("amount"));
        assertTrue(errors.getJsonObject(4).getJsonObject("errors").containsKey("date"));

        JsonObject repeat = body(syncPayments(new JsonArray().add(invoicePayment("ns-pay-8001-bill-7001", 450))));
        assertEquals(payment.getLong("id"), repeat.getJsonArray("entities").getJsonObject(0).getLong("id"));
        assertEquals(1, harness.sandbox.procore().contractPayments().count(), "a repeat updates, never duplicates");

        JsonArray listed = new JsonArray(procore.get("/rest/v1.0/contract_payments?project_id=" + PROJECT
                + "&contract_id=" + commitment).body());
        assertEquals(1, listed.size());
        assertEquals("450.00", listed.getJsonObject(0).getString("amount"));
        assertEquals("ns-pay-8001-bill-7001", listed.getJsonObject(0).getString("origin_id"));
        assertEquals(400, procore.get("/rest/v1.0/contract_payments?project_id=" + PROJECT).statusCode());
        assertEquals("450.00", body(procore.get("/rest/v1.0/work_order_contracts/" + commitment + "?project_id="
                + PROJECT)).getString("total_payments"), "the commitment's payments issued");
        String one = "/rest/v1.0/contract_payments/" + payment.getLong("id") + "?project_id=" + PROJECT;
        assertEquals("450.00", body(procore.get(one)).getString("amount"));

        assertEquals(403, procore.patch(one, new JsonObject().put("contract_payment", new JsonObject()
                .put("amount", "1.00"))).statusCode(), "read-only once synced");
        assertEquals(403, procore.delete(one).statusCode());
        assertEquals("450.00", body(procore.get(one)).getString("amount"));

        JsonArray tooMany = new JsonArray();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(invoicePayment("ns-" + i, 1));
        }
        assertEquals(400, syncPayments(tooMany).statusCode());
        assertEquals(1, harness.sandbox.procore().contractPayments().count());
    }

    @Test
    void theSandboxShowsEveryCommitmentPaymentOutsideProcoresApi() throws Exception {
        syncPayments(new JsonArray().add(invoicePayment("ns-pay-8001-bill-7001", "400.00"))
                .add(invoicePayment("ns-pay-8002-bill-7001", "25.50")));
        long requests = harness.sandbox.procore().requests().count();
        int remaining = harness.sandbox.procore().rateLimit().peek().remaining();
        HttpResponse<String> shown = harness.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(harness.base + "/records/procore/contract_payments")).build());
        assertEquals(200, shown.statusCode(), shown.body());
        JsonArray payments = new JsonArray(shown.body());
        assertEquals(2, payments.size(), payments.encode());
        assertEquals("ns-pay-8001-bill-7001", payments.getJsonObject(0).getString("origin_id"));
        assertEquals("400.00", payments.getJsonObject(0).getString("amount"));
        assertEquals(INVOICE, payments.getJsonObject(1).getLong("requisition_id"));
        assertEquals("25.50", payments.getJsonObject(1).getString("amount"));
        assertEquals(requests, harness.sandbox.procore().requests().count(), "not a Procore request");
        assertEquals(remaining, harness.sandbox.procore().rateLimit().peek().remaining(), "nor counted by its limit");
    }

    @Test
    void aPaymentWithoutOriginIdCanBeEditedAndDeleted() {
        JsonObject created = body(syncPayments(new JsonArray().add(invoicePayment(null, "12.00").copy()
                .put("origin_id", (Object) null)))).getJsonArray("entities").getJsonObject(0);
        assertNull(created.getValue("origin_id"));
        String one = "/rest/v1.0/contract_payments/" + created.getLong("id") + "?project_id=" + PROJECT;
        HttpResponse<String> edited = procore.patch(one, new JsonObject().put("contract_payment", new JsonObject()
                .put("amount", "13.50")));
        assertEquals(200, edited.statusCode(), edited.body());
        assertEquals("13.50", body(edited).getString("amount"));
        assertEquals(204, procore.delete(one).statusCode());
        assertEquals(404, procore.get(one).statusCode());
    }

    HttpResponse<String> syncCosts(String what, JsonArray updates) {
        return procore.patch("/rest/v1.0/projects/" + PROJECT + "/direct_costs/" + what,
                new JsonObject().put("updates", updates));
    }

    @Test
    void directCostsSyncWithTheirLinesAndAreReadOnlyOnceSynced() {
        WbsCode wbs = harness.sandbox.procore().costStructure().wbsCodes(PROJECT).get(0);
        ProcoreCostCode code = harness.sandbox.procore().costStructure().costCodes(PROJECT).stream()
                .filter(c -> !c.lineItemTypeIds().isEmpty()).findFirst().orElseThrow();
        long otherProjectWbs = harness.sandbox.procore().costStructure().wbsCodes(PROJECT + 1).stream()
                .mapToLong(WbsCode::id).filter(id -> harness.sandbox.procore().costStructure().wbsCodes(PROJECT)
                        .stream().noneMatch(w -> w.id() == id)).findFirst().orElse(999L);
        JsonObject header = new JsonObject().put("origin_id", "ns-bill-7101").put("direct_cost_type", "invoice")
                .put("direct_cost_date", "2025-11-30").put("invoice_number", "ACME-77")
                .put("vendor_id", ProcoreDemoCases.LINKED_VENDOR_A).put("status", "approved");
        JsonObject answer = body(syncCosts("sync", new JsonArray().add(header)
                .add(header.copy().put("origin_id", "ns-x1").put("direct_cost_type", "Invoice"))
                .add(header.copy().put("origin_id", "ns-x2").put("vendor_id", 42))
                .add(header.copy().put("origin_id", "ns-x3").putNull("direct_cost_date"))
                .add(header.copy().put("origin_id", "ns-x4").put("status", "paid"))));
        assertEquals(1, answer.getJsonArray("entities").size(), answer.encode());
        assertEquals(4, answer.getJsonArray("errors").size());
        assertTrue(answer.getJsonArray("errors").getJsonObject(0).getJsonObject("errors").containsKey("direct_cost_type"));
        assertTrue(answer.getJsonArray("errors").getJsonObject(1).getJsonObject("errors").containsKey("vendor_id"));
        long cost = answer.getJsonArray("entities").getJsonObject(0).getLong("id");

        JsonObject line = new JsonObject().put("origin_id", "ns-bill-7101-line-1").put("direct_cost_id", cost)
                .put("amount", "1200.00").put("description", "Crane").put("wbs_code_id", wbs.id());
        JsonObject lines = body(syncCosts("line_items/sync", new JsonArray().add(line)
                .add(new JsonObject().put("origin_id", "ns-bill-7101-line-2").put("direct_cost_id", cost)
                        .put("amount", 80.1).put("cost_code_id", code.id())
                        .put("line_item_type_id", code.lineItemTypeIds().get(0)))
                .add(line.copy().put("origin_id", "ns-y1").put("amount", "1.005"))
                .add(line.copy().put("origin_id", "ns-y2").put("wbs_code_id", otherProjectWbs))
                .add(line.copy().put("origin_id", "ns-y3").put("direct_cost_id", 42))
                .add(withoutWbs(line.copy().put("origin_id", "ns-y4")))));
        assertEquals(2, lines.getJsonArray("entities").size(), lines.encode());
        assertEquals(4, lines.getJsonArray("errors").size(), lines.encode());
        assertTrue(lines.getJsonArray("errors").getJsonObject(0).getJsonObject("errors").containsKey("amount"));
        assertTrue(lines.getJsonArray("errors").getJsonObject(1).getJsonObject("errors").containsKey("wbs_code_id"));
        assertTrue(lines.getJsonArray("errors").getJsonObject(2).getJsonObject("errors").containsKey("direct_cost_id"));

        // A repeat of the line with another amount updates it.
        syncCosts("line_items/sync", new JsonArray().add(line.copy().put("amount", "1250.00")));
        assertEquals(2, harness.sandbox.procore().directCostLines().count());

        String base = "/rest/v1.1/projects/" + PROJECT + "/direct_costs";
        JsonArray listed = new JsonArray(procore.get(base + "?filters[origin_id]=ns-bill-7101").body());
        assertEquals(1, listed.size());
        assertEquals("1330.10", listed.getJsonObject(0).getString("grand_total"));
        assertEquals("invoice", listed.getJsonObject(0).getString("direct_cost_type"));
        assertEquals(0, new JsonArray(procore.get(base + "?filters[updated_at]=2020-01-01...2020-01-02").body()).size());
        assertEquals(1, new JsonArray(procore.get(base + "?filters[updated_at]=2020-01-01...2999-01-01").body()).size());
        assertEquals(400, procore.get(base + "?filters[updated_at]=yesterday").statusCode());
        JsonObject detail = body(procore.get(base + "/" + cost));
        assertEquals(2, detail.getInteger("line_items_count"));
        assertEquals(wbs.flatCode(), detail.getJsonArray("line_items").getJsonObject(0).getJsonObject("wbs_code")
                .getString("flat_code"));
        assertEquals(ProcoreDemoCases.LINKED_VENDOR_A, detail.getJsonObject("vendor").getLong("id"));

        assertEquals(403, procore.patch(base + "/" + cost, new JsonObject().put("direct_cost", new JsonObject()
                .put("description", "edited"))).statusCode());
        assertEquals(403, procore.delete(base + "/" + cost).statusCode());

        // Without an origin_id a direct cost is Procore's own: it can be edited and deleted.
        long own = body(syncCosts("sync", new JsonArray().add(header.copy().put("origin_id", (Object) null)
                .put("direct_cost_type", "expense")))).getJsonArray("entities").getJsonObject(0).getLong("id");
        assertEquals(200, procore.patch(base + "/" + own, new JsonObject().put("direct_cost", new JsonObject()
                .put("description", "edited"))).statusCode());
        assertEquals(204, procore.delete(base + "/" + own).statusCode());
        assertEquals(404, procore.get(base + "/" + own).statusCode());
    }

    static JsonObject withoutWbs(JsonObject line) {
        line.remove("wbs_code_id");
        return line;
    }

    @Test
    void theSyncsCountAgainstTheRateLimit() {
        procore.get("/rest/v1.0/companies");
        harness.sandbox.procore().rateLimit().spikeLimit(1);
        HttpResponse<String> refused = syncPayments(new JsonArray().add(invoicePayment("ns-limit", 1)));
        assertEquals(429, refused.statusCode());
        assertEquals(0, harness.sandbox.procore().contractPayments().count());
        assertEquals(429, syncCosts("sync", new JsonArray()).statusCode());
    }
}
