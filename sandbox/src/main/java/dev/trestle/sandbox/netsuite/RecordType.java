package dev.trestle.sandbox.netsuite;

import static dev.trestle.sandbox.netsuite.NetSuiteReferenceData.EXPENSE_ACCOUNT_ID;
import static dev.trestle.sandbox.netsuite.NetSuiteReferenceData.EXPENSE_ACCOUNT_NAME;
import static dev.trestle.sandbox.netsuite.NetSuiteReferenceData.PARENT_CUSTOMER_ID;
import static dev.trestle.sandbox.netsuite.NetSuiteReferenceData.PARENT_CUSTOMER_NAME;
import static dev.trestle.sandbox.netsuite.NetSuiteReferenceData.SUBSIDIARY_ID;
import static dev.trestle.sandbox.netsuite.NetSuiteReferenceData.SUBSIDIARY_NAME;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
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
 */
record RecordType(String name, long firstId, Map<String, Kind> fields, String uniqueField, String uniqueMessage,
        Rules rules) {

    /** How a body field is written. */
    enum Kind { TEXT, BOOLEAN, NUMBER, DATE, REFERENCE, REFERENCE_OR_COLLECTION }

    /** A rule broken by a record as it would be stored. */
    record Violation(String code, String detail, String path) {
    }

    @FunctionalInterface
    interface Rules {
        List<Violation> check(JsonObject fields);
    }

    /** Read-only fields a client may echo back from a GET; they are ignored on write. */
    static final Set<String> READ_ONLY = Set.of("id", "links", "refName", "lastModifiedDate", "dateCreated",
            "createdDate");

    /** Known ids of reference fields, with their display names. */
    static final Map<String, Map<String, String>> KNOWN_REFERENCES = Map.of(
            "subsidiary", Map.of(SUBSIDIARY_ID, SUBSIDIARY_NAME),
            "expenseAccount", Map.of(EXPENSE_ACCOUNT_ID, EXPENSE_ACCOUNT_NAME),
            "parent", Map.of(PARENT_CUSTOMER_ID, PARENT_CUSTOMER_NAME));

    static final RecordType VENDOR = new RecordType("vendor", NetSuiteReferenceData.FIRST_VENDOR_ID, Map.ofEntries(
            Map.entry("entityId", Kind.TEXT), Map.entry("companyName", Kind.TEXT), Map.entry("isPerson", Kind.BOOLEAN),
            Map.entry("firstName", Kind.TEXT), Map.entry("lastName", Kind.TEXT), Map.entry("email", Kind.TEXT),
            Map.entry("phone", Kind.TEXT), Map.entry("fax", Kind.TEXT), Map.entry("url", Kind.TEXT),
            Map.entry("isInactive", Kind.BOOLEAN), Map.entry("subsidiary", Kind.REFERENCE),
            Map.entry("legalName", Kind.TEXT), Map.entry("comments", Kind.TEXT), Map.entry("terms", Kind.REFERENCE),
            Map.entry("currency", Kind.REFERENCE), Map.entry("payablesAccount", Kind.REFERENCE),
            Map.entry("expenseAccount", Kind.REFERENCE), Map.entry("category", Kind.REFERENCE)),
            "entityId", "This entity ID is already used by another record. Enter a unique ID.",
            fields -> {
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
            Map.entry("parent", Kind.REFERENCE), Map.entry("entityStatus", Kind.REFERENCE),
            Map.entry("jobType", Kind.REFERENCE), Map.entry("startDate", Kind.DATE),
            Map.entry("projectedEndDate", Kind.DATE), Map.entry("endDate", Kind.DATE),
            Map.entry("subsidiary", Kind.REFERENCE), Map.entry("currency", Kind.REFERENCE),
            Map.entry("projectManager", Kind.REFERENCE), Map.entry("isInactive", Kind.BOOLEAN),
            Map.entry("jobBillingType", Kind.REFERENCE), Map.entry("comments", Kind.TEXT)),
            "entityId", "This entity ID is already used by another record. Enter a unique ID.",
            fields -> {
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
            Map.entry("location", Kind.REFERENCE), Map.entry("vendor", Kind.REFERENCE)),
            "itemId", "A record with this name already exists. Enter a unique Item Name/Number.",
            fields -> {
                List<Violation> violations = new ArrayList<>();
                required(fields, violations, "itemId", "Item Name/Number");
                required(fields, violations, "subsidiary", "Subsidiary");
                required(fields, violations, "expenseAccount", "Expense Account");
                return violations;
            });

    static final List<RecordType> ALL = List.of(VENDOR, JOB, OTHER_CHARGE_PURCHASE_ITEM);

    private static void required(JsonObject fields, List<Violation> violations, String field, String label) {
        Object value = fields.getValue(field);
        if (value == null || (value instanceof String s && s.isBlank())) {
            violations.add(new Violation("USER_ERROR", "Please enter value(s) for: " + label + ".", field));
        }
    }
}
