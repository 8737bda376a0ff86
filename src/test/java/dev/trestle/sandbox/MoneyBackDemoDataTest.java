package dev.trestle.sandbox;

import static dev.trestle.sandbox.SandboxHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.netsuite.NetSuiteRecord;
import dev.trestle.sandbox.netsuite.NetSuiteReferenceData;
import dev.trestle.sandbox.procore.ProcoreRequisition;
import dev.trestle.sandbox.procore.WbsCode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The money-back demo (every case of NetSuite back to Procore) and the generated bill payments, over real HTTP. */
class MoneyBackDemoDataTest {

    static SandboxHarness harness;
    static final int GENERATED = 25;

    @BeforeAll
    static void start() {
        harness = new SandboxHarness(SandboxSettings.defaults().toBuilder().moneyBackDemo(true)
                .netsuiteGeneratedBillPayments(GENERATED).build());
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @BeforeEach
    void reset() {
        harness.sandbox.reset();
    }

    MoneyBackDemoCases cases() {
        return harness.sandbox.moneyBackCases();
    }

    JsonArray rows(String q) {
        HttpResponse<String> response = harness.suiteQl(q, null);
        assertEquals(200, response.statusCode(), response.body());
        return json(response).getJsonArray("items");
    }

    /** Amount applied per (payment, bill), as the link table says. */
    Map<List<Long>, BigDecimal> links() {
        Map<List<Long>, BigDecimal> links = new HashMap<>();
        for (Object o : rows("SELECT previousdoc, nextdoc, foreignamount FROM PreviousTransactionLineLink "
                + "WHERE nextdoc > 0 ORDER BY nextdoc, previousdoc")) {
            JsonObject row = (JsonObject) o;
            links.put(List.of(Long.parseLong(row.getString("nextdoc")), Long.parseLong(row.getString("previousdoc"))),
                    new BigDecimal(row.getString("foreignamount")));
        }
        return links;
    }

    NetSuiteRecord bill(long id) {
        return harness.sandbox.netsuite().records("vendorBill").get(id).orElseThrow();
    }

    @Test
    void billsFromProcoreInvoicesArePaidInEveryWay() {
        MoneyBackDemoCases c = cases();
        assertEquals(3, c.exportedInvoices().size());
        for (int i = 0; i < 3; i++) {
            ProcoreRequisition invoice = harness.sandbox.procore().requisitions().get(c.exportedInvoices().get(i))
                    .orElseThrow();
            NetSuiteRecord bill = bill(c.procoreBills().get(i));
            assertEquals(String.valueOf(bill.id()), invoice.originId(), "closed out with the bill's id");
            assertEquals("procore-requisition-" + invoice.id(), bill.externalId());
            assertEquals(invoice.invoiceNumber(), bill.text("tranId"));
            assertEquals(0, invoice.currentPaymentDue().compareTo(new BigDecimal(bill.fields().getValue("total")
                    .toString())), "the bill's total is the invoice's payment due");
            assertTrue(c.commitments().contains(invoice.commitmentId()));
        }
        Map<List<Long>, BigDecimal> links = links();
        long bill1 = c.procoreBills().get(0);
        long bill2 = c.procoreBills().get(1);
        long bill3 = c.procoreBills().get(2);
        assertEquals(Set.of(bill1, bill2), links.keySet().stream().filter(k -> k.get(0).equals(c.paymentOverSeveralBills()))
                .map(k -> k.get(1)).collect(Collectors.toSet()), "one payment over several bills");
        assertEquals(0, links.get(List.of(c.paymentOverSeveralBills(), bill2)).add(links.get(List.of(c.partialPayment(),
                bill2))).compareTo(new BigDecimal(bill(bill2).fields().getValue("total").toString())),
                "partial payments add up to the bill");
        assertTrue(links.containsKey(List.of(c.paymentToVoid(), bill3)));
        assertTrue(links.containsKey(List.of(c.paymentToDelete(), bill3)));
        assertTrue(links.keySet().stream().noneMatch(k -> k.get(0).equals(c.voidedPayment())));
        JsonObject voided = rows("SELECT id, voided FROM transaction WHERE type = 'VendPymt' AND id IN ("
                + c.voidedPayment() + ")").getJsonObject(0);
        assertEquals("T", voided.getString("voided"));

        // What a test does after an import: void one payment, delete another.
        harness.sandbox.netsuite().voidPayment(c.paymentToVoid());
        HttpResponse<String> deleted = harness.send(harness.signed("DELETE", harness.netsuiteUri(
                "/services/rest/record/v1/vendorPayment/" + c.paymentToDelete())).DELETE().build());
        assertEquals(204, deleted.statusCode());
        assertTrue(links().keySet().stream().noneMatch(k -> k.get(1).equals(bill3)));
    }

    @Test
    void billsAndJournalsNotFromProcoreCoverEveryMapping() {
        MoneyBackDemoCases c = cases();
        Set<String> exportedItems = harness.sandbox.netsuite().records("otherChargePurchaseItem").all().stream()
                .filter(i -> i.externalId() != null && i.externalId().startsWith("procore-wbs-"))
                .map(i -> String.valueOf(i.id())).collect(Collectors.toSet());
        Set<String> wbsCodes = harness.sandbox.procore().costStructure().wbsCodes(ProcoreDemoCases.LINKED_PROJECT).stream()
                .map(WbsCode::flatCode).collect(Collectors.toSet());
        assertTrue(wbsCodes.containsAll(c.accountCostCodes().values()), c.accountCostCodes().toString());
        assertFalse(c.accountCostCodes().containsKey(c.unmappedAccount()));

        JsonArray mapped = rows("SELECT transaction, item, account, entity, amount FROM transactionline WHERE "
                + "transaction IN (" + c.billsNotFromProcore().get(0) + ") ORDER BY transaction, id");
        assertNull(bill(c.billsNotFromProcore().get(0)).externalId(), "entered in NetSuite");
        assertEquals(3, mapped.size(), "the main line, an item line and an expense line");
        assertTrue(exportedItems.contains(mapped.getJsonObject(1).getString("item")), "an exported cost-code item");
        assertTrue(c.accountCostCodes().containsKey(mapped.getJsonObject(2).getString("account")));
        assertEquals(ProcoreDemoCases.LINKED_PROJECT_JOB, mapped.getJsonObject(2).getString("entity"));
        JsonArray unmapped = rows("SELECT account FROM transactionline WHERE transaction IN ("
                + c.billsNotFromProcore().get(1) + ")");
        assertTrue(unmapped.stream().anyMatch(r -> c.unmappedAccount().equals(((JsonObject) r).getString("account"))));
        JsonArray other = rows("SELECT entity FROM transactionline WHERE transaction IN (" + c.billOnOtherProject() + ")");
        assertEquals(ProcoreDemoCases.NETSUITE_ONLY_JOBS.get(0), other.getJsonObject(1).getString("entity"));

        JsonArray journal1 = rows("SELECT account, debit, credit, entity FROM transactionline WHERE transaction IN ("
                + c.journals().get(0) + ") ORDER BY transaction, id");
        assertEquals(3, journal1.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(ProcoreDemoCases.LINKED_PROJECT_JOB, journal1.getJsonObject(i).getString("entity"));
            assertTrue(c.accountCostCodes().containsKey(journal1.getJsonObject(i).getString("account")));
        }
        JsonArray journal2 = rows("SELECT account FROM transactionline WHERE transaction IN (" + c.journals().get(1) + ")");
        assertEquals(c.unmappedAccount(), journal2.getJsonObject(0).getString("account"));
        assertEquals(2, rows("SELECT id FROM transaction WHERE type = 'Journal'").size());
    }

    @Test
    void theDemoTransactionsPassNetSuitesOwnRules() {
        // Written again through the API, each demo bill and journal is accepted (payments would exceed their bills).
        MoneyBackDemoCases c = cases();
        List<String> paths = new java.util.ArrayList<>();
        c.billsNotFromProcore().forEach(id -> paths.add("vendorBill/" + id));
        c.procoreBills().forEach(id -> paths.add("vendorBill/" + id));
        c.journals().forEach(id -> paths.add("journalEntry/" + id));
        for (String path : paths) {
            String type = path.substring(0, path.indexOf('/'));
            NetSuiteRecord record = harness.sandbox.netsuite().records(type).get(Long.parseLong(path.substring(
                    path.indexOf('/') + 1))).orElseThrow();
            URI uri = harness.netsuiteUri("/services/rest/record/v1/" + type);
            HttpResponse<String> again = harness.send(harness.signed("POST", uri).header("Content-Type",
                    "application/json").POST(HttpRequest.BodyPublishers.ofString(record.fields().encode())).build());
            assertEquals(204, again.statusCode(), path + ": " + again.body());
        }
        // A payment of the rest of the second Procore bill is refused: the demo paid it in full.
        JsonObject overpay = new JsonObject().put("entity", new JsonObject().put("id",
                ProcoreDemoCases.LINKED_VENDOR_A_NETSUITE)).put("apply", new JsonObject().put("items", new JsonArray()
                .add(new JsonObject().put("doc", new JsonObject().put("id", String.valueOf(c.procoreBills().get(1))))
                        .put("apply", true).put("amount", 0.01))));
        HttpResponse<String> refused = harness.send(harness.signed("POST", harness.netsuiteUri(
                "/services/rest/record/v1/vendorPayment")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(overpay.encode())).build());
        assertEquals(400, refused.statusCode(), refused.body());
    }

    @Test
    void generatedPaymentsEachPayOneProcoreBillInFull() {
        List<Long> generated = cases().generatedPayments();
        assertEquals(GENERATED, generated.size());
        Map<List<Long>, BigDecimal> links = links();
        for (long payment : generated) {
            List<List<Long>> of = links.keySet().stream().filter(k -> k.get(0) == payment).toList();
            assertEquals(1, of.size());
            NetSuiteRecord bill = bill(of.get(0).get(1));
            long invoiceId = Long.parseLong(bill.externalId().substring("procore-requisition-".length()));
            ProcoreRequisition invoice = harness.sandbox.procore().requisitions().get(invoiceId).orElseThrow();
            assertEquals(String.valueOf(bill.id()), invoice.originId());
            assertEquals(0, links.get(of.get(0)).compareTo(invoice.currentPaymentDue()));
        }
        assertEquals(GENERATED + 5, rows("SELECT id FROM transaction WHERE type = 'VendPymt'").size());
    }

    @Test
    void theDefaultDemoHoldsNoneOfItAndTheCountryIsASetting() {
        try (SandboxHarness plain = new SandboxHarness(SandboxSettings.defaults().toBuilder()
                .procoreCompanyCountry("CA").build())) {
            assertEquals(0, plain.sandbox.netsuite().records("vendorBill").count());
            assertEquals(0, plain.sandbox.netsuite().records("vendorPayment").count());
            assertEquals(0, plain.sandbox.netsuite().records("journalEntry").count());
            assertEquals(ProcoreDemoCases.INVOICES.size(), plain.sandbox.procore().requisitions().count());
            assertTrue(plain.sandbox.moneyBackCases().exportedInvoices().isEmpty());
            assertEquals("CA", plain.sandbox.procore().companyCountry());
            plain.sandbox.procore().companyCountry("US");
            plain.sandbox.reset();
            assertEquals("CA", plain.sandbox.procore().companyCountry(), "the reset restores the configured country");
        }
        assertEquals(NetSuiteReferenceData.FIRST_TRANSACTION_ID, (long) cases().procoreBills().get(0));
    }
}
