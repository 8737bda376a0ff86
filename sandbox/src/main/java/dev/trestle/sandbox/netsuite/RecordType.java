package dev.trestle.sandbox.netsuite;

import static dev.trestle.sandbox.netsuite.NetSuiteReferenceData.ACCRUED_ACCOUNT_ID;
import static dev.trestle.sandbox.netsuite.NetSuiteReferenceData.ACCRUED_ACCOUNT_NAME;
import static dev.trestle.sandbox.netsuite.NetSuiteReferenceData.AP_ACCOUNT_ID;
import static dev.trestle.sandbox.netsuite.NetSuiteReferenceData.BANK_ACCOUNT_ID;
import static dev.trestle.sandbox.netsuite.NetSuiteReferenceData.BANK_ACCOUNT_NAME;
import static dev.trestle.sandbox.netsuite.NetSuiteReferenceData.EQUIPMENT_RENTAL_ACCOUNT_ID;
import static dev.trestle.sandbox.netsuite.NetSuiteReferenceData.EQUIPMENT_RENTAL_ACCOUNT_NAME;
import static dev.trestle.sandbox.netsuite.NetSuiteReferenceData.SMALL_TOOLS_ACCOUNT_ID;
import static dev.trestle.sandbox.netsuite.NetSuiteReferenceData.SMALL_TOOLS_ACCOUNT_NAME;
import static dev.trestle.sandbox.netsuite.NetSuiteReferenceData.TRAVEL_ACCOUNT_ID;
import static dev.trestle.sandbox.netsuite.NetSuiteReferenceData.TRAVEL_ACCOUNT_NAME;
import static dev.trestle.sandbox.netsuite.NetSuiteReferenceData.AP_ACCOUNT_NAME;
import static dev.trestle.sandbox.netsuite.NetSuiteReferenceData.EXPENSE_ACCOUNT_ID;
import static dev.trestle.sandbox.netsuite.NetSuiteReferenceData.EXPENSE_ACCOUNT_NAME;
import static dev.trestle.sandbox.netsuite.NetSuiteReferenceData.PARENT_CUSTOMER_ID;
import static dev.trestle.sandbox.netsuite.NetSuiteReferenceData.PARENT_CUSTOMER_NAME;
import static dev.trestle.sandbox.netsuite.NetSuiteReferenceData.RETAINAGE_ACCOUNT_ID;
import static dev.trestle.sandbox.netsuite.NetSuiteReferenceData.RETAINAGE_ACCOUNT_NAME;
import static dev.trestle.sandbox.netsuite.NetSuiteReferenceData.SUBSIDIARY_ID;
import static dev.trestle.sandbox.netsuite.NetSuiteReferenceData.SUBSIDIARY_NAME;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;

/**
 * The body fields of one record type the sandbox simulates and the rules a write must satisfy.
 * Field names are the REST record API's (camelCase). Reference fields point at the fixed records
 * of {@link NetSuiteReferenceData} where the sandbox knows them; other references are taken as sent.
 *
 * @param name        the record type as in the URL, e.g. {@code otherChargePurchaseItem}
 * @param fields      body fields and their kinds
 * @param uniqueField a field whose value no two records of the type may share (compared ignoring
 *                    case), or {@code null}
 * @param sublists    the sublists of the type ({@code item}, {@code expense}) and the fields of their lines; a
 *                    sublist is written as {@code {"items":[{...line...}]}}
 */
record RecordType(String name, long firstId, Map<String, Kind> fields, String uniqueField, String uniqueMessage,
        Rules rules, Map<String, Map<String, Kind>> sublists) {

    /**
     * How a body field is written. A {@code REFERENCE} is an object whose {@code id} is an internal id
     * (digits, as a string or a whole number: {@code {"id":"14"}} or {@code {"id":14}}); a bare string
     * or number, a blank or non-numeric id, or an object without one is refused. An {@code ENUM} is
     * written the same way, {@code {"id":"<value>"}}, with a value from {@link #ENUM_VALUES}. An
     * {@code INTEGER} is a whole number (a line key).
     */
    enum Kind { TEXT, BOOLEAN, NUMBER, INTEGER, DATE, REFERENCE, REFERENCE_OR_COLLECTION, ENUM }

    RecordType(String name, long firstId, Map<String, Kind> fields, String uniqueField, String uniqueMessage,
            Rules rules) {
        this(name, firstId, fields, uniqueField, uniqueMessage, rules, Map.of());
    }

    /** A rule broken by a record as it would be stored. */
    record Violation(String code, String detail, String path) {
    }

    @FunctionalInterface
    interface Rules {
        /** {@code records} answers whether a record a reference points at exists (by type and internal id). */
        List<Violation> check(JsonObject fields, Records records);
    }

    /** The account's records as the rules see them. */
    interface Records {
        boolean exists(String type, String id);

        /** A record of a simulated type by internal id. */
        Optional<NetSuiteRecord> find(String type, String id);

        /** Every record of a simulated type. */
        List<NetSuiteRecord> all(String type);

        /** The internal id of the record being written, or -1 when it is being created. */
        long selfId();

        /** An employee of the account by internal id (employees live in their own directory, not a record store). */
        default Optional<SandboxEmployee> employee(String id) {
            return Optional.empty();
        }
    }

    /** Read-only fields a client may echo back from a GET; they are ignored on write. */
    static final Set<String> READ_ONLY = Set.of("id", "links", "refName", "lastModifiedDate", "dateCreated",
            "createdDate", "total");

    /**
     * The accounts of the simulated chart of accounts, any of which an expense line or a journal line may post
     * to. A bill's header account must be accounts payable and a payment's the bank account (their rules).
     */
    static final Map<String, String> ACCOUNTS = Map.of(AP_ACCOUNT_ID, AP_ACCOUNT_NAME,
            RETAINAGE_ACCOUNT_ID, RETAINAGE_ACCOUNT_NAME, EXPENSE_ACCOUNT_ID, EXPENSE_ACCOUNT_NAME,
            BANK_ACCOUNT_ID, BANK_ACCOUNT_NAME, EQUIPMENT_RENTAL_ACCOUNT_ID, EQUIPMENT_RENTAL_ACCOUNT_NAME,
            SMALL_TOOLS_ACCOUNT_ID, SMALL_TOOLS_ACCOUNT_NAME, TRAVEL_ACCOUNT_ID, TRAVEL_ACCOUNT_NAME,
            ACCRUED_ACCOUNT_ID, ACCRUED_ACCOUNT_NAME);

    /** The longest {@code tranId} (Reference No.) NetSuite stores. */
    static final int MAX_TRAN_ID = 45;

    /** Known ids of reference fields, with their display names. */
    static final Map<String, Map<String, String>> KNOWN_REFERENCES = Map.of(
            "subsidiary", Map.of(SUBSIDIARY_ID, SUBSIDIARY_NAME),
            "expenseAccount", Map.of(EXPENSE_ACCOUNT_ID, EXPENSE_ACCOUNT_NAME),
            "parent", Map.of(PARENT_CUSTOMER_ID, PARENT_CUSTOMER_NAME),
            "account", ACCOUNTS);

    /**
     * The values the REST API browser documents for the fixed-value select fields the sandbox knows
     * (the notes' record sections): a project's status, a vendor bill's approval status and status, an
     * item's subtype and type. Anything else is refused as NetSuite refuses an invalid select value.
     */
    static final Map<String, Set<String>> ENUM_VALUES = Map.of(
            "entityStatus", Set.of("1", "2", "3", "4", "5"),
            "approvalStatus", Set.of("1", "2", "3", "11"),
            "status", Set.of("A", "B", "C", "D", "E", "F"),
            "subtype", Set.of("Sale", "Purchase", "Resale"),
            "itemType", Set.of("OthCharge"),
            // A purchase order's status as a client may write it: Pending Supervisor Approval or Pending Receipt.
            // The later ones (received, billed, closed) follow from what happens to the order, never from a write.
            "orderStatus", Set.of("A", "B"));

    /** Reference fields that point at records of a simulated type, and that type. */
    static final Map<String, String> RECORD_REFERENCES = Map.of("entity", "vendor", "item", "otherChargePurchaseItem",
            "customer", "job", "doc", "vendorBill");

    /** The SuiteQL {@code transaction.type} of each transaction record type. */
    static final Map<String, String> TRANSACTION_TYPES = Map.of("vendorBill", "VendBill", "vendorPayment", "VendPymt",
            "journalEntry", "Journal", "purchaseOrder", "PurchOrd");

    /**
     * A purchase order's {@code orderStatus} once it is fully billed (G) or closed (H): NetSuite then takes no
     * more edits of it through the record API (set by {@code NetSuiteSandbox#setPurchaseOrderStatus}).
     */
    static final Set<String> FINISHED_ORDER_STATUSES = Set.of("G", "H");

    static final RecordType VENDOR = new RecordType("vendor", NetSuiteReferenceData.FIRST_VENDOR_ID, Map.ofEntries(
            Map.entry("entityId", Kind.TEXT), Map.entry("companyName", Kind.TEXT), Map.entry("isPerson", Kind.BOOLEAN),
            Map.entry("firstName", Kind.TEXT), Map.entry("lastName", Kind.TEXT), Map.entry("email", Kind.TEXT),
            Map.entry("phone", Kind.TEXT), Map.entry("fax", Kind.TEXT), Map.entry("url", Kind.TEXT),
            Map.entry("isInactive", Kind.BOOLEAN), Map.entry("subsidiary", Kind.REFERENCE),
            Map.entry("legalName", Kind.TEXT), Map.entry("comments", Kind.TEXT), Map.entry("terms", Kind.REFERENCE),
            Map.entry("currency", Kind.REFERENCE), Map.entry("payablesAccount", Kind.REFERENCE),
            Map.entry("expenseAccount", Kind.REFERENCE), Map.entry("category", Kind.REFERENCE)),
            "entityId", "This entity ID is already used by another record. Enter a unique ID.",
            (fields, records) -> {
                List<Violation> violations = new ArrayList<>();
                if (Boolean.TRUE.equals(fields.getValue("isPerson"))) {
                    required(fields, violations, "firstName", "First Name");
                    required(fields, violations, "lastName", "Last Name");
                } else {
                    required(fields, violations, "companyName", "Company Name");
                }
                required(fields, violations, "subsidiary", "Primary Subsidiary");
                return violations;
            });

    static final RecordType JOB = new RecordType("job", NetSuiteReferenceData.FIRST_JOB_ID, Map.ofEntries(
            Map.entry("entityId", Kind.TEXT), Map.entry("companyName", Kind.TEXT), Map.entry("altName", Kind.TEXT),
            Map.entry("parent", Kind.REFERENCE), Map.entry("entityStatus", Kind.ENUM),
            Map.entry("jobType", Kind.REFERENCE), Map.entry("startDate", Kind.DATE),
            Map.entry("projectedEndDate", Kind.DATE), Map.entry("endDate", Kind.DATE),
            Map.entry("calculatedStartDate", Kind.DATE),
            Map.entry("subsidiary", Kind.REFERENCE), Map.entry("currency", Kind.REFERENCE),
            Map.entry("projectManager", Kind.REFERENCE), Map.entry("isInactive", Kind.BOOLEAN),
            Map.entry("jobBillingType", Kind.REFERENCE), Map.entry("comments", Kind.TEXT)),
            "entityId", "This entity ID is already used by another record. Enter a unique ID.",
            (fields, records) -> {
                List<Violation> violations = new ArrayList<>();
                required(fields, violations, "companyName", "Project Name");
                required(fields, violations, "entityId", "Project ID");
                required(fields, violations, "subsidiary", "Subsidiary");
                required(fields, violations, "parent", "Customer");
                return violations;
            });

    static final RecordType OTHER_CHARGE_PURCHASE_ITEM = new RecordType("otherChargePurchaseItem",
            NetSuiteReferenceData.FIRST_ITEM_ID, Map.ofEntries(
            Map.entry("itemId", Kind.TEXT), Map.entry("displayName", Kind.TEXT), Map.entry("description", Kind.TEXT),
            Map.entry("purchaseDescription", Kind.TEXT), Map.entry("expenseAccount", Kind.REFERENCE),
            Map.entry("cost", Kind.NUMBER), Map.entry("subsidiary", Kind.REFERENCE_OR_COLLECTION),
            Map.entry("includeChildren", Kind.BOOLEAN), Map.entry("isInactive", Kind.BOOLEAN),
            Map.entry("department", Kind.REFERENCE), Map.entry("class", Kind.REFERENCE),
            Map.entry("location", Kind.REFERENCE), Map.entry("vendor", Kind.REFERENCE),
            Map.entry("subtype", Kind.ENUM), Map.entry("itemType", Kind.ENUM)),
            "itemId", "A record with this name already exists. Enter a unique Item Name/Number.",
            (fields, records) -> {
                List<Violation> violations = new ArrayList<>();
                required(fields, violations, "itemId", "Item Name/Number");
                required(fields, violations, "subsidiary", "Subsidiary");
                required(fields, violations, "expenseAccount", "Expense Account");
                return violations;
            });

    /**
     * A vendor bill: the header, an {@code item} sublist (lines on other-charge items, the way Procore's
     * connector books subcontractor invoices) and an {@code expense} sublist (lines on accounts).
     * {@code total} is read-only: the sum of the line amounts.
     */
    static final RecordType VENDOR_BILL = new RecordType("vendorBill", NetSuiteReferenceData.FIRST_TRANSACTION_ID,
            Map.ofEntries(
            Map.entry("entity", Kind.REFERENCE), Map.entry("tranDate", Kind.DATE), Map.entry("dueDate", Kind.DATE),
            Map.entry("tranId", Kind.TEXT), Map.entry("memo", Kind.TEXT), Map.entry("approvalStatus", Kind.ENUM),
            Map.entry("status", Kind.ENUM), Map.entry("customForm", Kind.REFERENCE), Map.entry("taxTotal", Kind.NUMBER),
            Map.entry("nextApprover", Kind.REFERENCE), Map.entry("subsidiary", Kind.REFERENCE),
            Map.entry("location", Kind.REFERENCE), Map.entry("department", Kind.REFERENCE),
            Map.entry("class", Kind.REFERENCE), Map.entry("account", Kind.REFERENCE),
            Map.entry("currency", Kind.REFERENCE), Map.entry("exchangeRate", Kind.NUMBER),
            Map.entry("terms", Kind.REFERENCE), Map.entry("postingPeriod", Kind.REFERENCE),
            Map.entry("userTotal", Kind.NUMBER), Map.entry("paymentHold", Kind.BOOLEAN)),
            null, null, RecordType::vendorBillRules, Map.of(
            "item", Map.ofEntries(Map.entry("line", Kind.INTEGER), Map.entry("item", Kind.REFERENCE),
                    Map.entry("description", Kind.TEXT), Map.entry("quantity", Kind.NUMBER),
                    Map.entry("rate", Kind.NUMBER), Map.entry("amount", Kind.NUMBER), Map.entry("units", Kind.REFERENCE),
                    Map.entry("location", Kind.REFERENCE), Map.entry("department", Kind.REFERENCE),
                    Map.entry("class", Kind.REFERENCE), Map.entry("customer", Kind.REFERENCE),
                    Map.entry("isBillable", Kind.BOOLEAN), Map.entry("orderDoc", Kind.REFERENCE),
                    Map.entry("orderLine", Kind.INTEGER), Map.entry("projecttask", Kind.REFERENCE)),
            "expense", Map.ofEntries(Map.entry("line", Kind.INTEGER), Map.entry("account", Kind.REFERENCE),
                    Map.entry("category", Kind.REFERENCE), Map.entry("amount", Kind.NUMBER),
                    Map.entry("memo", Kind.TEXT), Map.entry("location", Kind.REFERENCE),
                    Map.entry("department", Kind.REFERENCE), Map.entry("class", Kind.REFERENCE),
                    Map.entry("customer", Kind.REFERENCE), Map.entry("isBillable", Kind.BOOLEAN),
                    Map.entry("projecttask", Kind.REFERENCE))));

    /**
     * A bill payment: the header (the vendor, the bank account it is drawn on, the check number as
     * {@code tranId}) and the {@code apply} sublist, one line per bill the payment may apply to: {@code doc} the
     * bill, {@code apply} whether it is applied, {@code amount} the payment applied to it. {@code total} is
     * read-only: the sum of the applied amounts. A payment voided in NetSuite's UI carries {@code voided: true}
     * and {@code status: {"id":"V"}} (read-only; see {@code NetSuiteSandbox#voidPayment}).
     */
    static final RecordType VENDOR_PAYMENT = new RecordType("vendorPayment", NetSuiteReferenceData.FIRST_TRANSACTION_ID,
            Map.ofEntries(
            Map.entry("entity", Kind.REFERENCE), Map.entry("tranDate", Kind.DATE), Map.entry("tranId", Kind.TEXT),
            Map.entry("memo", Kind.TEXT), Map.entry("account", Kind.REFERENCE), Map.entry("apAcct", Kind.REFERENCE),
            Map.entry("currency", Kind.REFERENCE), Map.entry("exchangeRate", Kind.NUMBER),
            Map.entry("subsidiary", Kind.REFERENCE), Map.entry("department", Kind.REFERENCE),
            Map.entry("class", Kind.REFERENCE), Map.entry("location", Kind.REFERENCE),
            Map.entry("postingPeriod", Kind.REFERENCE), Map.entry("toBePrinted", Kind.BOOLEAN)),
            null, null, RecordType::vendorPaymentRules, Map.of(
            "apply", Map.ofEntries(Map.entry("line", Kind.INTEGER), Map.entry("doc", Kind.REFERENCE),
                    Map.entry("apply", Kind.BOOLEAN), Map.entry("amount", Kind.NUMBER),
                    Map.entry("applyDate", Kind.DATE), Map.entry("refNum", Kind.TEXT))));

    /**
     * A journal entry: the header and the {@code line} sublist, each line one account with exactly one of
     * {@code debit} or {@code credit}. A line's {@code entity} is its name: a vendor, or the project (job) the
     * cost belongs to, as NetSuite's journal line has no other project field (the notes' journalEntry line:
     * {@code entity} "name/customer/vendor/project"). Debits and credits must balance.
     */
    static final RecordType JOURNAL_ENTRY = new RecordType("journalEntry", NetSuiteReferenceData.FIRST_TRANSACTION_ID,
            Map.ofEntries(
            Map.entry("tranDate", Kind.DATE), Map.entry("tranId", Kind.TEXT), Map.entry("memo", Kind.TEXT),
            Map.entry("subsidiary", Kind.REFERENCE), Map.entry("currency", Kind.REFERENCE),
            Map.entry("exchangeRate", Kind.NUMBER), Map.entry("postingPeriod", Kind.REFERENCE),
            Map.entry("approved", Kind.BOOLEAN), Map.entry("department", Kind.REFERENCE),
            Map.entry("class", Kind.REFERENCE), Map.entry("location", Kind.REFERENCE)),
            null, null, RecordType::journalEntryRules, Map.of(
            "line", Map.ofEntries(Map.entry("line", Kind.INTEGER), Map.entry("account", Kind.REFERENCE),
                    Map.entry("debit", Kind.NUMBER), Map.entry("credit", Kind.NUMBER), Map.entry("memo", Kind.TEXT),
                    Map.entry("entity", Kind.REFERENCE), Map.entry("department", Kind.REFERENCE),
                    Map.entry("class", Kind.REFERENCE), Map.entry("location", Kind.REFERENCE))));

    /**
     * A purchase order (Transactions > Purchases > Enter Purchase Orders), as Precoro's integration sends an
     * approved Precoro PO: {@code entity} the vendor, {@code employee} the employee matched to the PO's purchaser,
     * {@code tranId} the PO #, {@code memo}, {@code currency}, {@code location}, {@code department}, {@code class};
     * an {@code item} sublist (lines on items) and an {@code expense} sublist (lines on accounts). {@code total} is
     * read-only, the sum of the line amounts; {@code orderStatus} is A or B when written and defaults to B
     * (Pending Receipt), A when {@code approvalStatus} is 1 (Pending Approval).
     */
    static final RecordType PURCHASE_ORDER = new RecordType("purchaseOrder", NetSuiteReferenceData.FIRST_TRANSACTION_ID,
            Map.ofEntries(
            Map.entry("entity", Kind.REFERENCE), Map.entry("employee", Kind.REFERENCE), Map.entry("tranDate", Kind.DATE),
            Map.entry("tranId", Kind.TEXT), Map.entry("memo", Kind.TEXT), Map.entry("subsidiary", Kind.REFERENCE),
            Map.entry("location", Kind.REFERENCE), Map.entry("department", Kind.REFERENCE),
            Map.entry("class", Kind.REFERENCE), Map.entry("currency", Kind.REFERENCE),
            Map.entry("exchangeRate", Kind.NUMBER), Map.entry("approvalStatus", Kind.ENUM),
            Map.entry("nextApprover", Kind.REFERENCE), Map.entry("supervisorApproval", Kind.BOOLEAN),
            Map.entry("orderStatus", Kind.ENUM), Map.entry("dueDate", Kind.DATE), Map.entry("shipDate", Kind.DATE),
            Map.entry("terms", Kind.REFERENCE), Map.entry("otherRefNum", Kind.TEXT),
            Map.entry("customForm", Kind.REFERENCE)),
            null, null, RecordType::purchaseOrderRules, Map.of(
            "item", Map.ofEntries(Map.entry("line", Kind.INTEGER), Map.entry("item", Kind.REFERENCE),
                    Map.entry("description", Kind.TEXT), Map.entry("quantity", Kind.NUMBER),
                    Map.entry("rate", Kind.NUMBER), Map.entry("amount", Kind.NUMBER), Map.entry("units", Kind.REFERENCE),
                    Map.entry("customer", Kind.REFERENCE), Map.entry("job", Kind.REFERENCE),
                    Map.entry("department", Kind.REFERENCE), Map.entry("class", Kind.REFERENCE),
                    Map.entry("location", Kind.REFERENCE), Map.entry("expectedReceiptDate", Kind.DATE),
                    Map.entry("isBillable", Kind.BOOLEAN), Map.entry("isClosed", Kind.BOOLEAN)),
            "expense", Map.ofEntries(Map.entry("line", Kind.INTEGER), Map.entry("account", Kind.REFERENCE),
                    Map.entry("amount", Kind.NUMBER), Map.entry("memo", Kind.TEXT), Map.entry("category", Kind.REFERENCE),
                    Map.entry("customer", Kind.REFERENCE), Map.entry("department", Kind.REFERENCE),
                    Map.entry("class", Kind.REFERENCE), Map.entry("location", Kind.REFERENCE),
                    Map.entry("isBillable", Kind.BOOLEAN))));

    static final List<RecordType> ALL = List.of(VENDOR, JOB, OTHER_CHARGE_PURCHASE_ITEM, VENDOR_BILL, VENDOR_PAYMENT,
            JOURNAL_ENTRY, PURCHASE_ORDER);

    /** Whether the type is a transaction (its internal ids come from the one transaction range). */
    boolean transaction() {
        return TRANSACTION_TYPES.containsKey(name);
    }

    /**
     * A transaction's read-only {@code total}, to the cent: a payment's applied amounts, a journal's debits,
     * a bill's line amounts.
     */
    BigDecimal total(JsonObject fields) {
        BigDecimal total = BigDecimal.ZERO;
        if (this == VENDOR_PAYMENT) {
            for (Object o : lines(fields, "apply")) {
                JsonObject line = (JsonObject) o;
                if (Boolean.TRUE.equals(line.getValue("apply")) && line.getValue("amount") instanceof Number n) {
                    total = total.add(decimal(n));
                }
            }
        } else if (this == JOURNAL_ENTRY) {
            for (Object o : lines(fields, "line")) {
                if (((JsonObject) o).getValue("debit") instanceof Number n) {
                    total = total.add(decimal(n));
                }
            }
        } else {
            for (String sublist : sublists.keySet()) {
                for (Object line : lines(fields, sublist)) {
                    if (((JsonObject) line).getValue("amount") instanceof Number amount) {
                        total = total.add(decimal(amount));
                    }
                }
            }
        }
        return total.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    static BigDecimal decimal(Number n) {
        return new BigDecimal(n.toString());
    }

    /**
     * What is still open on a bill: its total less what the payments other than {@code exceptPayment}
     * apply to it (a voided payment applies nothing).
     */
    static BigDecimal amountRemaining(NetSuiteRecord bill, Records records, long exceptPayment) {
        BigDecimal remaining = VENDOR_BILL.total(bill.fields());
        String billId = String.valueOf(bill.id());
        for (NetSuiteRecord payment : records.all(VENDOR_PAYMENT.name())) {
            if (payment.id() == exceptPayment || payment.flag("voided")) {
                continue;
            }
            for (Object o : lines(payment.fields(), "apply")) {
                JsonObject line = (JsonObject) o;
                if (Boolean.TRUE.equals(line.getValue("apply")) && billId.equals(refId(line.getValue("doc")))
                        && line.getValue("amount") instanceof Number n) {
                    remaining = remaining.subtract(decimal(n));
                }
            }
        }
        return remaining;
    }

    private static String refId(Object value) {
        return value instanceof JsonObject ref && ref.getValue("id") != null ? ref.getValue("id").toString() : null;
    }

    /** A positive amount with at most two decimals, as NetSuite's currency fields take it. */
    private static Violation amount(Object value, String path) {
        if (!(value instanceof Number n)) {
            return null;
        }
        BigDecimal d = decimal(n);
        if (d.signum() <= 0) {
            return new Violation("INVALID_CONTENT", "Invalid value for the field '" + path.substring(path.lastIndexOf('.')
                    + 1) + "'. The amount must be greater than zero.", path);
        }
        if (d.stripTrailingZeros().scale() > 2) {
            return new Violation("INVALID_CONTENT", "Invalid value for the field '" + path.substring(path.lastIndexOf('.')
                    + 1) + "'. The amount may have at most 2 decimal places.", path);
        }
        return null;
    }

    private static void known(JsonObject fields, String field, String path, Set<String> allowed,
            List<Violation> violations) {
        if (fields.getValue(field) instanceof JsonObject ref && !allowed.contains(String.valueOf(ref.getValue("id")))) {
            violations.add(invalidReference(path));
        }
    }

    private static List<Violation> vendorPaymentRules(JsonObject fields, Records records) {
        List<Violation> violations = new ArrayList<>();
        required(fields, violations, "entity", "Payee");
        reference(fields, "entity", "entity", "vendor", records, violations);
        known(fields, "account", "account", Set.of(BANK_ACCOUNT_ID), violations);
        known(fields, "apAcct", "apAcct", Set.of(AP_ACCOUNT_ID), violations);
        known(fields, "currency", "currency", Set.of(NetSuiteReferenceData.USD_CURRENCY_ID), violations);
        tranId(fields, violations);
        String vendor = refId(fields.getValue("entity"));
        JsonArray apply = lines(fields, "apply");
        Set<String> docs = new HashSet<>();
        int applied = 0;
        for (int i = 0; i < apply.size(); i++) {
            JsonObject line = apply.getJsonObject(i);
            String path = "apply.items[" + i + "].";
            required(line, violations, "doc", "Bill", path);
            String doc = refId(line.getValue("doc"));
            if (doc == null) {
                continue;
            }
            Optional<NetSuiteRecord> bill = records.find(VENDOR_BILL.name(), doc);
            if (bill.isEmpty()) {
                violations.add(invalidReference(path + "doc"));
                continue;
            }
            if (!docs.add(doc)) {
                violations.add(new Violation("USER_ERROR", "The bill " + doc + " appears on more than one apply line.",
                        path + "doc"));
                continue;
            }
            if (!Boolean.TRUE.equals(line.getValue("apply"))) {
                continue;
            }
            applied++;
            if (vendor != null && !vendor.equals(bill.get().text("entity"))) {
                violations.add(new Violation("USER_ERROR", "You can not apply this payment to bill " + doc
                        + ": the bill belongs to another vendor (" + bill.get().text("entity") + "), not to the payee ("
                        + vendor + ").", path + "doc"));
                continue;
            }
            required(line, violations, "amount", "Payment", path);
            Violation bad = amount(line.getValue("amount"), path + "amount");
            if (bad != null) {
                violations.add(bad);
                continue;
            }
            if (line.getValue("amount") instanceof Number n) {
                BigDecimal remaining = amountRemaining(bill.get(), records, records.selfId());
                if (decimal(n).compareTo(remaining) > 0) {
                    violations.add(new Violation("USER_ERROR", "The payment amount " + decimal(n).setScale(2,
                            java.math.RoundingMode.HALF_UP).toPlainString() + " applied to bill " + doc
                            + " exceeds its amount remaining (" + remaining.setScale(2,
                            java.math.RoundingMode.HALF_UP).toPlainString() + ").", path + "amount"));
                }
            }
        }
        if (applied == 0) {
            violations.add(new Violation("USER_ERROR", "You must apply the payment to at least one bill.", "apply"));
        }
        return violations;
    }

    private static List<Violation> journalEntryRules(JsonObject fields, Records records) {
        List<Violation> violations = new ArrayList<>();
        required(fields, violations, "subsidiary", "Subsidiary");
        known(fields, "currency", "currency", Set.of(NetSuiteReferenceData.USD_CURRENCY_ID), violations);
        tranId(fields, violations);
        JsonArray lines = lines(fields, "line");
        if (lines.size() < 2) {
            violations.add(new Violation("USER_ERROR", "You must enter at least two lines for a journal entry.",
                    "line"));
        }
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            JsonObject line = lines.getJsonObject(i);
            String path = "line.items[" + i + "].";
            required(line, violations, "account", "Account", path);
            known(line, "account", path + "account", ACCOUNTS.keySet(), violations);
            Object debit = line.getValue("debit");
            Object credit = line.getValue("credit");
            if ((debit == null) == (credit == null)) {
                violations.add(new Violation("USER_ERROR", "Each journal line takes either a debit or a credit amount, "
                        + "not " + (debit == null ? "neither" : "both") + ".", path + (debit == null ? "debit" : "credit")));
                continue;
            }
            String field = debit != null ? "debit" : "credit";
            Violation bad = amount(line.getValue(field), path + field);
            if (bad != null) {
                violations.add(bad);
                continue;
            }
            if (debit instanceof Number d) {
                debits = debits.add(decimal(d));
            } else if (credit instanceof Number c) {
                credits = credits.add(decimal(c));
            }
            if (line.getValue("entity") instanceof JsonObject ref) {
                String id = String.valueOf(ref.getValue("id"));
                if (!records.exists("vendor", id) && !records.exists("job", id)) {
                    violations.add(invalidReference(path + "entity"));
                }
            }
        }
        if (violations.isEmpty() && debits.compareTo(credits) != 0) {
            violations.add(new Violation("USER_ERROR", "This transaction is not in balance: debits "
                    + debits.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + ", credits "
                    + credits.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + ".", "line"));
        }
        return violations;
    }

    private static void tranId(JsonObject fields, List<Violation> violations) {
        Object tranId = fields.getValue("tranId");
        if (tranId instanceof String s && s.length() > MAX_TRAN_ID) {
            violations.add(new Violation("INVALID_CONTENT", "The field tranId contained more than the maximum number ( "
                    + MAX_TRAN_ID + " ) of characters allowed.", "tranId"));
        }
    }

    /**
     * A purchase order's rules: a vendor that exists and is active (NetSuite offers no inactive entity on a new
     * transaction, so a reference to one is as invalid as to none), an employee likewise, the account's currency,
     * locations, departments and classes, at least one line, item lines on items that exist, expense lines on
     * accounts of the chart, and line amounts that are not negative with at most two decimals.
     */
    private static List<Violation> purchaseOrderRules(JsonObject fields, Records records) {
        List<Violation> violations = new ArrayList<>();
        required(fields, violations, "entity", "Vendor");
        String vendor = refId(fields.getValue("entity"));
        if (vendor != null) {
            Optional<NetSuiteRecord> found = records.find(VENDOR.name(), vendor);
            if (found.isEmpty() || found.get().flag("isInactive")) {
                violations.add(invalidReference("entity"));
            }
        }
        String employee = refId(fields.getValue("employee"));
        if (employee != null && records.employee(employee).filter(e -> !e.inactive()).isEmpty()) {
            violations.add(invalidReference("employee"));
        }
        known(fields, "currency", "currency", Set.of(NetSuiteReferenceData.USD_CURRENCY_ID), violations);
        classification(fields, "", violations);
        tranId(fields, violations);
        JsonArray items = lines(fields, "item");
        JsonArray expenses = lines(fields, "expense");
        if (items.isEmpty() && expenses.isEmpty()) {
            violations.add(new Violation("USER_ERROR", "You must enter at least one line item for this transaction.",
                    "item"));
        }
        for (int i = 0; i < items.size(); i++) {
            JsonObject line = items.getJsonObject(i);
            String path = "item.items[" + i + "].";
            required(line, violations, "item", "Item", path);
            reference(line, "item", path + "item", OTHER_CHARGE_PURCHASE_ITEM.name(), records, violations);
            reference(line, "customer", path + "customer", "job", records, violations);
            reference(line, "job", path + "job", "job", records, violations);
            classification(line, path, violations);
            if (line.getValue("quantity") instanceof Number q && decimal(q).signum() <= 0) {
                violations.add(new Violation("INVALID_CONTENT", "Invalid value for the field 'quantity'. The quantity "
                        + "must be greater than zero.", path + "quantity"));
            }
            required(line, violations, "amount", "Amount", path);
            lineAmount(line.getValue("amount"), path + "amount", violations);
        }
        for (int i = 0; i < expenses.size(); i++) {
            JsonObject line = expenses.getJsonObject(i);
            String path = "expense.items[" + i + "].";
            required(line, violations, "account", "Account", path);
            known(line, "account", path + "account", ACCOUNTS.keySet(), violations);
            reference(line, "customer", path + "customer", "job", records, violations);
            classification(line, path, violations);
            required(line, violations, "amount", "Amount", path);
            lineAmount(line.getValue("amount"), path + "amount", violations);
        }
        return violations;
    }

    /** {@code location}, {@code department} and {@code class} of a header ({@code path} "") or a line. */
    private static void classification(JsonObject fields, String path, List<Violation> violations) {
        known(fields, "location", path + "location", NetSuiteReferenceData.LOCATIONS.keySet(), violations);
        known(fields, "department", path + "department", NetSuiteReferenceData.DEPARTMENTS.keySet(), violations);
        known(fields, "class", path + "class", NetSuiteReferenceData.CLASSES.keySet(), violations);
    }

    /** A purchase order line's amount: zero or more (a free line is allowed), at most two decimals. */
    private static void lineAmount(Object value, String path, List<Violation> violations) {
        if (!(value instanceof Number n)) {
            return;
        }
        BigDecimal d = decimal(n);
        String field = path.substring(path.lastIndexOf('.') + 1);
        if (d.signum() < 0) {
            violations.add(new Violation("INVALID_CONTENT", "Invalid value for the field '" + field
                    + "'. The amount must not be negative.", path));
        } else if (d.stripTrailingZeros().scale() > 2) {
            violations.add(new Violation("INVALID_CONTENT", "Invalid value for the field '" + field
                    + "'. The amount may have at most 2 decimal places.", path));
        }
    }

    private static List<Violation> vendorBillRules(JsonObject fields, Records records) {
        List<Violation> violations = new ArrayList<>();
        required(fields, violations, "entity", "Vendor");
        reference(fields, "entity", "entity", "vendor", records, violations);
        known(fields, "account", "account", Set.of(AP_ACCOUNT_ID), violations);
        Object tranId = fields.getValue("tranId");
        if (tranId instanceof String s && s.length() > MAX_TRAN_ID) {
            violations.add(new Violation("INVALID_CONTENT", "The field tranId contained more than the maximum number ( "
                    + MAX_TRAN_ID + " ) of characters allowed.", "tranId"));
        }
        JsonArray items = lines(fields, "item");
        JsonArray expenses = lines(fields, "expense");
        if (items.isEmpty() && expenses.isEmpty()) {
            violations.add(new Violation("USER_ERROR", "You must enter at least one line item for this transaction.",
                    "item"));
        }
        for (int i = 0; i < items.size(); i++) {
            JsonObject line = items.getJsonObject(i);
            String path = "item.items[" + i + "].";
            required(line, violations, "item", "Item", path);
            reference(line, "item", path + "item", "otherChargePurchaseItem", records, violations);
            reference(line, "customer", path + "customer", "job", records, violations);
            required(line, violations, "amount", "Amount", path);
        }
        for (int i = 0; i < expenses.size(); i++) {
            JsonObject line = expenses.getJsonObject(i);
            String path = "expense.items[" + i + "].";
            required(line, violations, "account", "Account", path);
            if (line.getValue("account") instanceof JsonObject ref && !ACCOUNTS.containsKey(String.valueOf(
                    ref.getValue("id")))) {
                violations.add(invalidReference(path + "account"));
            }
            reference(line, "customer", path + "customer", "job", records, violations);
            required(line, violations, "amount", "Amount", path);
        }
        return violations;
    }

    /** The lines of a sublist as stored ({@code {"items":[...]}}), empty when it has none. */
    static JsonArray lines(JsonObject fields, String sublist) {
        return fields.getValue(sublist) instanceof JsonObject s && s.getValue("items") instanceof JsonArray items
                ? items : new JsonArray();
    }

    /** NetSuite's answer to a reference to a record that does not exist (the same as for a wrong kind of value). */
    static Violation invalidReference(String path) {
        String field = path.substring(path.lastIndexOf('.') + 1);
        return new Violation("INVALID_CONTENT", "Invalid value for the resource or sub-resource field '" + field
                + "'. Provide a valid value.", path);
    }

    private static void reference(JsonObject fields, String field, String path, String type, Records records,
            List<Violation> violations) {
        if (fields.getValue(field) instanceof JsonObject ref && !records.exists(type, String.valueOf(ref.getValue("id")))) {
            violations.add(invalidReference(path));
        }
    }

    private static void required(JsonObject fields, List<Violation> violations, String field, String label,
            String pathPrefix) {
        int before = violations.size();
        required(fields, violations, field, label);
        if (violations.size() > before) {
            Violation v = violations.remove(before);
            violations.add(new Violation(v.code(), v.detail(), pathPrefix + v.path()));
        }
    }

    private static void required(JsonObject fields, List<Violation> violations, String field, String label) {
        Object value = fields.getValue(field);
        if (value == null || (value instanceof String s && s.isBlank())) {
            violations.add(new Violation("USER_ERROR", "Please enter value(s) for: " + label + ".", field));
        }
    }
}
