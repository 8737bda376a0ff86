package dev.trestle.sandbox;

import dev.trestle.sandbox.netsuite.NetSuiteRecord;
import dev.trestle.sandbox.netsuite.NetSuiteReferenceData;
import dev.trestle.sandbox.procore.ProcoreCommitment;
import dev.trestle.sandbox.procore.ProcoreData;
import dev.trestle.sandbox.procore.ProcoreRequisition;
import dev.trestle.sandbox.procore.ProcoreSandbox;
import dev.trestle.sandbox.procore.WbsCode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo of the way back, NetSuite to Procore ({@link MoneyBackDemoCases} names each case), added to the Procore
 * demo: Procore subcontractor invoices already exported as NetSuite bills (Procore holds the bill's id as their
 * {@code origin_id}, NetSuite the bills with the hub's external id {@code procore-requisition-<id>}), bill payments
 * applied to them (one over several bills, partial ones, one voided, one to void and one to delete after an
 * import), bills entered in NetSuite and journal entries on the exported project (lines on exported cost-code items,
 * lines on accounts the demo's account map covers, lines on an account it does not), and on request generated bill
 * payments for benchmarks. Off unless asked for ({@code trestle.sandbox.demo.money-back},
 * {@code trestle.sandbox.demo.netsuite-bill-payments}): the default demo keeps no NetSuite transactions.
 */
public final class MoneyBackDemoData {

    /** The demo's data and which record is which case. */
    public record Result(ProcoreDemoData data, MoneyBackDemoCases cases) {
    }

    private static final String JOB = ProcoreDemoCases.LINKED_PROJECT_JOB;
    private static final String OTHER_JOB = ProcoreDemoCases.NETSUITE_ONLY_JOBS.get(0);
    private static final Map<Long, String> NETSUITE_VENDORS = Map.of(ProcoreDemoCases.LINKED_VENDOR_A,
            ProcoreDemoCases.LINKED_VENDOR_A_NETSUITE, ProcoreDemoCases.LINKED_VENDOR_B,
            ProcoreDemoCases.LINKED_VENDOR_B_NETSUITE);

    private final ProcoreDemoData base;
    private final List<ProcoreCommitment> commitments;
    private final List<ProcoreRequisition> requisitions;
    private final Map<String, Long> itemsByExternalId = new HashMap<>();
    private final List<NetSuiteRecord> bills = new ArrayList<>();
    private final List<NetSuiteRecord> payments = new ArrayList<>();
    private final List<NetSuiteRecord> journals = new ArrayList<>();
    private long nextLineId;
    private long nextItemId;
    private long nextTransactionId = NetSuiteReferenceData.FIRST_TRANSACTION_ID;

    private MoneyBackDemoData(ProcoreDemoData base) {
        this.base = base;
        this.commitments = new ArrayList<>(base.procore().commitments());
        this.requisitions = new ArrayList<>(base.procore().requisitions());
        base.netsuiteRecords().getOrDefault("otherChargePurchaseItem", List.of())
                .forEach(i -> itemsByExternalId.put(i.externalId(), i.id()));
        nextLineId = commitments.stream().flatMap(c -> c.lines().stream()).mapToLong(ProcoreCommitment.Line::id).max()
                .orElse(5_610_000_000L) + 1;
        nextItemId = requisitions.stream().flatMap(r -> r.items().stream()).mapToLong(ProcoreRequisition.Item::id)
                .max().orElse(5_710_000_000L) + 1;
    }

    /**
     * {@code base} with the money-back demo when {@code demo}, and {@code generatedPayments} generated bill payments
     * (each on a subcontract and invoice of its own on the exported project, exported as a bill it pays in full).
     */
    public static Result extend(ProcoreDemoData base, boolean demo, int generatedPayments) {
        if (!demo && generatedPayments == 0) {
            return new Result(base, MoneyBackDemoCases.none());
        }
        return new MoneyBackDemoData(base).run(demo, generatedPayments);
    }

    private Result run(boolean demo, int generatedPayments) {
        MoneyBackDemoCases cases = demo ? demo() : MoneyBackDemoCases.none();
        List<Long> generated = new ArrayList<>();
        for (int n = 1; n <= generatedPayments; n++) {
            ProcoreCommitment c = commitment(String.format(Locale.ROOT, "PAY-%05d", n), "Generated paid subcontract " + n,
                    ProcoreDemoCases.LINKED_VENDOR_A, "0", new Object[][] {{"03-300.S", "Generated work",
                        String.format(Locale.ROOT, "%d.%02d", 2000 + n % 1000, n % 100)}});
            long bill = exportedInvoice(c, String.format(Locale.ROOT, "PAY-INV-%05d", n), 50);
            BigDecimal total = total(billRecord(bill));
            generated.add(payment(ProcoreDemoCases.LINKED_VENDOR_A_NETSUITE, String.format(Locale.ROOT, "GEN-CHK-%05d",
                    n), LocalDate.of(2025, 12, 1), false, new Object[][] {{bill, total}}));
        }
        cases = new MoneyBackDemoCases(cases.commitments(), cases.exportedInvoices(), cases.procoreBills(),
                cases.paymentOverSeveralBills(), cases.partialPayment(), cases.paymentToVoid(), cases.paymentToDelete(),
                cases.voidedPayment(), cases.billsNotFromProcore(), cases.billOnOtherProject(), cases.journals(),
                cases.accountCostCodes(), cases.unmappedAccount(), List.copyOf(generated));
        ProcoreData p = base.procore();
        ProcoreData procore = new ProcoreData(p.vendors(), p.projects(), p.costTypes(), p.costCodes(), p.segments(),
                p.wbsCodes(), List.copyOf(commitments), List.copyOf(requisitions), p.contractPayments(),
                p.directCosts(), p.directCostLines());
        Map<String, List<NetSuiteRecord>> records = new HashMap<>(base.netsuiteRecords());
        records.put("vendorBill", List.copyOf(bills));
        records.put("vendorPayment", List.copyOf(payments));
        records.put("journalEntry", List.copyOf(journals));
        return new Result(new ProcoreDemoData(procore, Map.copyOf(records), base.cases()), cases);
    }

    private MoneyBackDemoCases demo() {
        ProcoreCommitment curtainWall = commitment("SC-901", "Curtain wall", ProcoreDemoCases.LINKED_VENDOR_A, "10",
                new Object[][] {{"03-300.S", "Curtain wall anchors and embeds", "80000.00"},
                    {"01-100.S", "Curtain wall mobilization", "20000.00"}});
        ProcoreCommitment lighting = commitment("SC-902", "Site lighting", ProcoreDemoCases.LINKED_VENDOR_B, "0",
                new Object[][] {{"26-100.S", "Site lighting", "40000.00"}});
        int invoicesBefore = requisitions.size();
        long bill1 = exportedInvoice(curtainWall, "INV-9001", 25);   // due 22,500.00
        long bill2 = exportedInvoice(curtainWall, "INV-9002", 10);   // due 9,000.00
        long bill3 = exportedInvoice(lighting, "INV-9101", 30);      // due 12,000.00
        List<Long> invoices = requisitions.subList(invoicesBefore, requisitions.size()).stream()
                .map(ProcoreRequisition::id).toList();
        String vendorA = ProcoreDemoCases.LINKED_VENDOR_A_NETSUITE;
        String vendorB = ProcoreDemoCases.LINKED_VENDOR_B_NETSUITE;
        long overSeveral = payment(vendorA, "CHK-5001", LocalDate.of(2025, 11, 14), false,
                new Object[][] {{bill1, new BigDecimal("22500.00")}, {bill2, new BigDecimal("4000.00")}});
        long partial = payment(vendorA, "CHK-5002", LocalDate.of(2025, 11, 28), false,
                new Object[][] {{bill2, new BigDecimal("5000.00")}});
        long toVoid = payment(vendorB, "CHK-5003", LocalDate.of(2025, 11, 14), false,
                new Object[][] {{bill3, new BigDecimal("3000.00")}});
        long toDelete = payment(vendorB, "CHK-5004", LocalDate.of(2025, 11, 21), false,
                new Object[][] {{bill3, new BigDecimal("2000.00")}});
        long voided = payment(vendorB, "CHK-5000", LocalDate.of(2025, 11, 7), true,
                new Object[][] {{bill3, new BigDecimal("1000.00")}});

        String rental = NetSuiteReferenceData.EQUIPMENT_RENTAL_ACCOUNT_ID;
        String tools = NetSuiteReferenceData.SMALL_TOOLS_ACCOUNT_ID;
        String travel = NetSuiteReferenceData.TRAVEL_ACCOUNT_ID;
        long mapped = bill(vendorA, null, "ACME-EQ-311", LocalDate.of(2025, 11, 20), new JsonArray()
                .add(itemLine(1, "03-300.M", "1250.00", JOB, "Rebar chairs and ties")), new JsonArray()
                .add(expenseLine(1, rental, "640.00", JOB, "Scissor lift, one week")));
        long unmapped = bill(vendorB, null, "BRE-7781", LocalDate.of(2025, 11, 22), new JsonArray(), new JsonArray()
                .add(expenseLine(1, tools, "212.35", JOB, "Drill bits and blades"))
                .add(expenseLine(2, travel, "96.40", JOB, "Mileage to site")));
        long otherProject = bill(vendorA, null, "ACME-EQ-312", LocalDate.of(2025, 11, 23), new JsonArray(),
                new JsonArray().add(expenseLine(1, rental, "500.00", OTHER_JOB, "Lift for another job")));
        long journal1 = journal("JE-1101", LocalDate.of(2025, 11, 30), "Equipment and tools allocation", new JsonArray()
                .add(journalLine(1, rental, "1200.00", null, JOB, "Crane allocation, November"))
                .add(journalLine(2, tools, "310.45", null, JOB, "Small tools, November"))
                .add(journalLine(3, NetSuiteReferenceData.ACCRUED_ACCOUNT_ID, null, "1510.45", null, "Accrual")));
        long journal2 = journal("JE-1102", LocalDate.of(2025, 11, 30), "Travel and rental allocation", new JsonArray()
                .add(journalLine(1, travel, "80.10", null, JOB, "Site visit travel"))
                .add(journalLine(2, rental, "150.00", null, JOB, "Generator rental"))
                .add(journalLine(3, NetSuiteReferenceData.ACCRUED_ACCOUNT_ID, null, "230.10", vendorA, "Accrual")));
        return new MoneyBackDemoCases(List.of(curtainWall.id(), lighting.id()), invoices, List.of(bill1, bill2, bill3),
                overSeveral, partial, toVoid, toDelete, voided, List.of(mapped, unmapped), otherProject,
                List.of(journal1, journal2), Map.of(rental, "01-100.E", tools, "01-100.M"), travel, List.of());
    }

    // ---- Procore --------------------------------------------------------------------------------------------

    private ProcoreCommitment commitment(String number, String title, long vendor, String retainage, Object[][] sov) {
        long project = ProcoreDemoCases.LINKED_PROJECT;
        List<ProcoreCommitment.Line> lines = new ArrayList<>();
        for (Object[] spec : sov) {
            WbsCode w = wbs((String) spec[0]);
            long costCode = base.procore().costCodes().stream().filter(c -> c.projectId() == project
                    && c.fullCode().equals(w.segmentItems().get(0).code())).findFirst().orElseThrow().id();
            lines.add(new ProcoreCommitment.Line(nextLineId++, (String) spec[1], costCode, w.id(),
                    new BigDecimal((String) spec[2])));
        }
        Instant created = ProcoreDemoCases.CONNECTION_INSTANT.plus(Duration.ofDays(20));
        ProcoreCommitment c = new ProcoreCommitment(ProcoreSandbox.FIRST_COMMITMENT_ID + commitments.size(), project,
                ProcoreCommitment.WORK_ORDER, number, title, "Approved", true, vendor,
                new BigDecimal(retainage).setScale(2), LocalDate.ofInstant(created, ZoneOffset.UTC), null, null, null,
                List.copyOf(lines), created, created);
        commitments.add(c);
        return c;
    }

    private WbsCode wbs(String flatCode) {
        return base.procore().wbsCodes().stream().filter(w -> w.projectId() == ProcoreDemoCases.LINKED_PROJECT
                && w.flatCode().equals(flatCode)).findFirst().orElseThrow();
    }

    /**
     * An approved invoice of {@code workPercent} of each line this period, exported: the NetSuite bill as the hub
     * writes it (item lines at work completed, retainage as one negative expense line) and the invoice closed out
     * with the bill's id as {@code origin_id}. Returns the bill's id.
     */
    private long exportedInvoice(ProcoreCommitment c, String invoiceNumber, int workPercent) {
        List<ProcoreRequisition> earlier = requisitions.stream().filter(r -> r.commitmentId() == c.id()).toList();
        int number = earlier.size() + 1;
        long billId = nextTransactionId++;
        List<ProcoreRequisition.Item> items = new ArrayList<>();
        JsonArray itemLines = new JsonArray();
        BigDecimal retainage = BigDecimal.ZERO;
        for (ProcoreCommitment.Line line : c.lines()) {
            BigDecimal previous = BigDecimal.ZERO;
            for (ProcoreRequisition r : earlier) {
                for (ProcoreRequisition.Item i : r.items()) {
                    if (i.lineItemId() == line.id()) {
                        previous = previous.add(i.workCompletedThisPeriod());
                    }
                }
            }
            BigDecimal work = line.amount().multiply(BigDecimal.valueOf(workPercent)).divide(BigDecimal.valueOf(100), 2,
                    RoundingMode.HALF_UP);
            BigDecimal held = work.multiply(c.retainagePercent()).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            BigDecimal heldBefore = previous.multiply(c.retainagePercent()).divide(BigDecimal.valueOf(100), 2,
                    RoundingMode.HALF_UP);
            retainage = retainage.add(held);
            items.add(new ProcoreRequisition.Item(nextItemId++, line.id(), line.costCodeId(), line.wbsCodeId(),
                    line.description(), line.amount(), previous, work, BigDecimal.ZERO, heldBefore, held, null));
            Long item = itemsByExternalId.get(ProcoreDemoCases.itemExternalId(c.projectId(), line.wbsCodeId()));
            itemLines.add(new JsonObject().put("line", itemLines.size() + 1).put("item", ref(item))
                    .put("customer", ref(JOB)).put("amount", work.doubleValue()).put("description", line.description()));
        }
        LocalDate start = LocalDate.of(2025, 9, 1).plusMonths(number - 1);
        LocalDate end = start.plusMonths(1).minusDays(1);
        Instant submitted = end.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        long requisitionId = ProcoreSandbox.FIRST_REQUISITION_ID + requisitions.size();
        requisitions.add(new ProcoreRequisition(requisitionId, c.projectId(), c.id(), number, invoiceNumber, "approved",
                end, start, end, 5_800_900_000L + requisitions.size(), String.valueOf(billId), null, List.copyOf(items),
                submitted, submitted.minusSeconds(3600), submitted.plus(Duration.ofDays(3))));
        JsonArray expenses = new JsonArray();
        if (retainage.signum() > 0) {
            expenses.add(new JsonObject().put("line", 1).put("account", ref(NetSuiteReferenceData.RETAINAGE_ACCOUNT_ID))
                    .put("amount", retainage.negate().doubleValue()).put("customer", ref(JOB))
                    .put("memo", "Retainage " + c.retainagePercent().stripTrailingZeros().toPlainString() + "%"));
        }
        addBill(billId, NETSUITE_VENDORS.get(c.vendorId()), "procore-requisition-" + requisitionId, invoiceNumber, end,
                itemLines, expenses);
        return billId;
    }

    // ---- NetSuite -------------------------------------------------------------------------------------------

    private long bill(String vendor, String externalId, String tranId, LocalDate date, JsonArray items,
            JsonArray expenses) {
        long id = nextTransactionId++;
        addBill(id, vendor, externalId, tranId, date, items, expenses);
        return id;
    }

    private void addBill(long id, String vendor, String externalId, String tranId, LocalDate date, JsonArray items,
            JsonArray expenses) {
        JsonObject fields = new JsonObject().put("entity", ref(vendor)).put("tranId", tranId)
                .put("tranDate", date.toString()).put("dueDate", date.plusDays(30).toString())
                .put("memo", externalId == null ? "Entered in NetSuite" : "Procore subcontractor invoice " + tranId)
                .put("account", ref(NetSuiteReferenceData.AP_ACCOUNT_ID)).put("approvalStatus", ref("2"))
                .put("currency", ref(NetSuiteReferenceData.USD_CURRENCY_ID))
                .put("item", new JsonObject().put("items", items)).put("expense", new JsonObject().put("items", expenses));
        BigDecimal total = BigDecimal.ZERO;
        for (JsonArray lines : List.of(items, expenses)) {
            for (Object o : lines) {
                total = total.add(new BigDecimal(((JsonObject) o).getValue("amount").toString()));
            }
        }
        fields.put("total", total.setScale(2, RoundingMode.HALF_UP).doubleValue());
        Instant at = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        bills.add(new NetSuiteRecord("vendorBill", id, externalId, fields, at, at));
    }

    private NetSuiteRecord billRecord(long id) {
        return bills.stream().filter(b -> b.id() == id).findFirst().orElseThrow();
    }

    private static BigDecimal total(NetSuiteRecord record) {
        return new BigDecimal(record.fields().getValue("total").toString()).setScale(2, RoundingMode.HALF_UP);
    }

    /** A payment applying {@code {bill id, amount}} pairs; a voided one as NetSuite leaves it (nothing applied). */
    private long payment(String vendor, String check, LocalDate date, boolean voided, Object[][] applied) {
        long id = nextTransactionId++;
        JsonArray lines = new JsonArray();
        BigDecimal total = BigDecimal.ZERO;
        for (Object[] a : applied) {
            BigDecimal amount = (BigDecimal) a[1];
            lines.add(new JsonObject().put("line", lines.size() + 1).put("doc", ref(a[0])).put("apply", !voided)
                    .put("amount", amount.doubleValue()));
            total = total.add(amount);
        }
        JsonObject fields = new JsonObject().put("entity", ref(vendor)).put("tranId", check)
                .put("tranDate", date.toString()).put("account", ref(NetSuiteReferenceData.BANK_ACCOUNT_ID))
                .put("currency", ref(NetSuiteReferenceData.USD_CURRENCY_ID)).put("memo", "Check " + check)
                .put("apply", new JsonObject().put("items", lines))
                .put("total", voided ? 0.0 : total.doubleValue());
        if (voided) {
            fields.put("voided", true).put("status", new JsonObject().put("id", "V"));
        }
        Instant at = date.atTime(17, 0).toInstant(ZoneOffset.UTC);
        payments.add(new NetSuiteRecord("vendorPayment", id, null, fields, at, voided ? at.plus(Duration.ofDays(1)) : at));
        return id;
    }

    private long journal(String tranId, LocalDate date, String memo, JsonArray lines) {
        long id = nextTransactionId++;
        BigDecimal debits = BigDecimal.ZERO;
        for (Object o : lines) {
            if (((JsonObject) o).getValue("debit") != null) {
                debits = debits.add(new BigDecimal(((JsonObject) o).getValue("debit").toString()));
            }
        }
        JsonObject fields = new JsonObject().put("tranId", tranId).put("tranDate", date.toString()).put("memo", memo)
                .put("subsidiary", ref(NetSuiteReferenceData.SUBSIDIARY_ID))
                .put("currency", ref(NetSuiteReferenceData.USD_CURRENCY_ID))
                .put("line", new JsonObject().put("items", lines)).put("total", debits.doubleValue());
        Instant at = date.atTime(18, 0).toInstant(ZoneOffset.UTC);
        journals.add(new NetSuiteRecord("journalEntry", id, null, fields, at, at));
        return id;
    }

    private JsonObject itemLine(int line, String flatCode, String amount, String job, String description) {
        Long item = itemsByExternalId.get(ProcoreDemoCases.itemExternalId(ProcoreDemoCases.LINKED_PROJECT,
                wbs(flatCode).id()));
        return new JsonObject().put("line", line).put("item", ref(item)).put("customer", ref(job))
                .put("amount", Double.parseDouble(amount)).put("description", description);
    }

    private static JsonObject expenseLine(int line, String account, String amount, String job, String memo) {
        return new JsonObject().put("line", line).put("account", ref(account)).put("customer", ref(job))
                .put("amount", Double.parseDouble(amount)).put("memo", memo);
    }

    private static JsonObject journalLine(int line, String account, String debit, String credit, String entity,
            String memo) {
        JsonObject json = new JsonObject().put("line", line).put("account", ref(account)).put("memo", memo);
        if (debit != null) {
            json.put("debit", Double.parseDouble(debit));
        }
        if (credit != null) {
            json.put("credit", Double.parseDouble(credit));
        }
        if (entity != null) {
            json.put("entity", ref(entity));
        }
        return json;
    }

    private static JsonObject ref(Object id) {
        return new JsonObject().put("id", String.valueOf(id));
    }
}
