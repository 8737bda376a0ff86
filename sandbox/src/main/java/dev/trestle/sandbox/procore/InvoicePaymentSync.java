package dev.trestle.sandbox.procore;

import static dev.trestle.sandbox.procore.SyncAction.text;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ERP's invoice payments sync ({@code PATCH /rest/v1.0/companies/{company_id}/invoice_payments/sync}), which
 * records a payment of a subcontractor invoice as a commitment payment on the invoice's commitment:
 * <pre>
 * {"updates":[{"invoice_type":"Billings::Requisition","invoice_id":5700000001,"origin_id":"ns-pay-8001-bill-7001",
 *              "origin_code":"CHK-1001","amount":"400.00","date":"2025-11-15","check_number":"CHK-1001",
 *              "invoice_number":"INV-1","payment_number":"1","notes":"...","origin_data":"..."}]}
 * </pre>
 * Upserts by {@code origin_id} (a repeat updates the payment, never adds one). {@code invoice_type} must be
 * {@code Billings::Requisition}, {@code invoice_id} a subcontractor invoice of the company, {@code amount} a
 * positive amount to the cent and {@code date} a date; an entry breaking a rule is in {@code errors} with
 * Procore's messages and the others are written. Not staged: the payment exists once the answer is given.
 */
final class InvoicePaymentSync implements SyncAction.Resource<ProcoreContractPayment> {

    static final String INVOICE_TYPE = "Billings::Requisition";
    private static final String[] TEXT_FIELDS = {"invoice_type", "origin_code", "origin_data", "check_number",
        "invoice_number", "payment_number", "notes", "date"};

    private final OriginIndexedStore<ProcoreRequisition> requisitions;

    InvoicePaymentSync(OriginIndexedStore<ProcoreRequisition> requisitions) {
        this.requisitions = requisitions;
    }

    @Override
    public Map<String, List<String>> checkTypes(JsonObject update) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        SyncAction.requireText(update, problems, TEXT_FIELDS);
        if (!INVOICE_TYPE.equals(update.getValue("invoice_type"))) {
            problems.put("invoice_type", List.of(update.getValue("invoice_type") == null ? "can't be blank"
                    : "is not included in the list"));
        }
        Long invoice = SyncAction.asLong(update.getValue("invoice_id"));
        if (invoice == null) {
            problems.put("invoice_id", List.of("can't be blank"));
        } else if (requisitions.get(invoice).isEmpty()) {
            problems.put("invoice_id", List.of("not found"));
        }
        if (update.containsKey("amount") || !update.containsKey("id")) {
            String[] problem = new String[1];
            BigDecimal amount = update.getValue("amount") == null ? null : ProcoreMoney.parse(update.getValue("amount"),
                    problem);
            if (update.getValue("amount") == null) {
                problems.put("amount", List.of("can't be blank"));
            } else if (amount == null) {
                problems.put("amount", List.of(problem[0]));
            } else if (amount.signum() <= 0) {
                problems.put("amount", List.of("must be greater than 0"));
            }
        }
        if (update.getValue("date") instanceof String d) {
            try {
                LocalDate.parse(d);
            } catch (DateTimeParseException e) {
                problems.put("date", List.of("is not a date (YYYY-MM-DD)"));
            }
        } else if (!update.containsKey("id")) {
            problems.put("date", List.of("can't be blank"));
        }
        return problems;
    }

    @Override
    public ProcoreContractPayment create(long id, JsonObject u, Instant now) {
        ProcoreRequisition invoice = requisitions.get(SyncAction.asLong(u.getValue("invoice_id"))).orElseThrow();
        return new ProcoreContractPayment(id, invoice.projectId(), invoice.commitmentId(), invoice.id(), amount(u, null),
                date(u, null), text(u, "check_number", null), text(u, "invoice_number", invoice.invoiceNumber()),
                text(u, "payment_number", null), text(u, "notes", null), "paid", text(u, "origin_id", null),
                text(u, "origin_code", null), text(u, "origin_data", null), now, now);
    }

    @Override
    public ProcoreContractPayment update(ProcoreContractPayment p, JsonObject u, Instant now) {
        ProcoreRequisition invoice = requisitions.get(SyncAction.asLong(u.getValue("invoice_id"))).orElseThrow();
        return new ProcoreContractPayment(p.id(), invoice.projectId(), invoice.commitmentId(), invoice.id(),
                amount(u, p.amount()), date(u, p.date()), text(u, "check_number", p.checkNumber()),
                text(u, "invoice_number", p.invoiceNumber()), text(u, "payment_number", p.paymentNumber()),
                text(u, "notes", p.notes()), p.status(), text(u, "origin_id", p.originId()),
                text(u, "origin_code", p.originCode()), text(u, "origin_data", p.originData()), p.createdAt(), now);
    }

    private static BigDecimal amount(JsonObject u, BigDecimal current) {
        return u.getValue("amount") == null ? current : ProcoreMoney.parse(u.getValue("amount"), new String[1]);
    }

    private static LocalDate date(JsonObject u, LocalDate current) {
        return u.getValue("date") instanceof String d ? LocalDate.parse(d) : current;
    }

    @Override
    public Map<String, List<String>> validate(ProcoreContractPayment candidate,
            OriginIndexedStore<ProcoreContractPayment> store) {
        return Map.of();
    }

    @Override
    public JsonObject json(ProcoreContractPayment p) {
        return json(p, null);
    }

    /**
     * A commitment payment:
     * <pre>
     * {"id":5800000001,"contract_id":5600000001,"requisition_id":5700000001,"invoice_type":"Billings::Requisition",
     *  "amount":"400.00","date":"2025-11-15","check_number":"CHK-1001","invoice_number":"INV-1",
     *  "payment_number":"1","notes":null,"status":"paid","draw_request_number":1,"origin_id":"...",
     *  "origin_code":"...","origin_data":null,"external_payment_id":null,"created_at":"...","updated_at":"..."}
     * </pre>
     */
    static JsonObject json(ProcoreContractPayment p, ProcoreRequisition invoice) {
        return new JsonObject()
                .put("id", p.id())
                .put("contract_id", p.contractId())
                .put("requisition_id", p.requisitionId())
                .put("invoice_type", INVOICE_TYPE)
                .put("amount", ProcoreJson.money(p.amount()))
                .put("date", p.date() == null ? null : p.date().toString())
                .put("check_number", p.checkNumber())
                .put("invoice_number", p.invoiceNumber())
                .put("payment_number", p.paymentNumber())
                .put("notes", p.notes())
                .put("status", p.status())
                .put("draw_request_number", invoice == null ? null : invoice.number())
                .put("origin_id", p.originId())
                .put("origin_code", p.originCode())
                .put("origin_data", p.originData())
                .put("external_payment_id", null)
                .put("created_at", ProcoreJson.time(p.createdAt()))
                .put("updated_at", ProcoreJson.time(p.updatedAt()));
    }
}
