package dev.trestle.purchasing;

import dev.trestle.employees.EmployeeMapping;
import dev.trestle.employees.MappingStatus;
import dev.trestle.money.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans the NetSuite purchase order of one Precoro purchase order, following the field map of Precoro's own NetSuite
 * integration: PO # → PO # ({@code tranId}), Supplier → Vendor ({@code entity}), Creation Date → Date, User →
 * Employee, Note → Memo with a link back, Location → Location, currency → Currency, "NetSuite Departments" →
 * Department, "NetSuite Classes" → Class. Pure: no I/O, the same input gives the same order.
 *
 * <p>Rules:
 * <ul>
 *   <li>Only approved POs (status 2) go to NetSuite.</li>
 *   <li>{@code employee} is the NetSuite employee the employee sync matched to the PO's purchaser. When the
 *       purchaser is not matched (not mapped, a conflict, or Sync Employee off) the field stays empty, as Precoro's
 *       integration leaves it, and the plan says why in words for the approver; it never guesses.</li>
 *   <li>Every record the order points at must be known in NetSuite: the supplier's vendor, the currency, the
 *       location and the department and class options chosen. Each missing one is named, all at once.</li>
 *   <li>Lines on integrated items are {@code item} lines; the others are {@code expense} lines on the configured
 *       account, with the item's name in the memo.</li>
 *   <li>The sum of the lines must be Precoro's net total to the cent, and {@code tranId} fits NetSuite's 45
 *       characters; otherwise nothing is planned.</li>
 * </ul>
 */
public final class PurchaseOrderPlanner {

    public static final String RECORD_TYPE = "purchaseOrder";
    public static final int MAX_TRAN_ID = 45;

    /**
     * What the hub knows about the records the order points at.
     *
     * @param vendorId       the NetSuite vendor linked to the PO's supplier; null when none
     * @param purchaser      the employee sync's mapping of the purchaser; null when the sync has none for them
     * @param employeeSyncOn whether Sync Employee is on
     * @param vendorMissing  why the supplier has no vendor, in words, when the link model knows more than "none"
     */
    public record Linked(String vendorId, EmployeeMapping purchaser, boolean employeeSyncOn, String vendorMissing) {

        public Linked(String vendorId, EmployeeMapping purchaser, boolean employeeSyncOn) {
            this(vendorId, purchaser, employeeSyncOn, null);
        }
    }

    /**
     * The account's settings.
     *
     * @param currencies       NetSuite currency internal ids by ISO code
     * @param expenseAccountId the account of lines on items that were never integrated; null when none is set
     * @param precoroAppUrl    the Precoro web app, for the memo's link back (e.g. {@code https://app.precoro.com})
     */
    public record Settings(Map<String, String> currencies, String expenseAccountId, String precoroAppUrl) {
    }

    private PurchaseOrderPlanner() {
    }

    /** The external id of the NetSuite purchase order of a Precoro PO. */
    public static String externalId(long idn) {
        return "precoro-po-" + idn;
    }

    public static PurchaseOrderPlan plan(PurchaseOrder po, Linked linked, Settings settings) {
        String name = "Precoro purchase order " + (blank(po.number()) ? "" : po.number() + " ") + "(idn " + po.idn()
                + ")";
        List<String> reasons = new ArrayList<>();
        if (po.status() != PurchaseOrder.APPROVED) {
            reasons.add(name + " is not approved (status " + po.status() + "); only approved purchase orders go to "
                    + "NetSuite.");
        }
        String tranId = po.number() == null ? null : po.number().strip();
        if (blank(tranId)) {
            reasons.add(name + " has no number, which NetSuite's PO # must be.");
        } else if (tranId.length() > MAX_TRAN_ID) {
            reasons.add(name + " has a number of " + tranId.length() + " characters; NetSuite's PO # holds at most "
                    + MAX_TRAN_ID + ".");
        }
        if (po.created() == null) {
            reasons.add(name + " has no creation date.");
        }
        if (blank(linked.vendorId())) {
            reasons.add(linked.vendorMissing() != null ? linked.vendorMissing()
                    : "Precoro supplier '" + po.supplier().name() + "' (id " + po.supplier().id()
                            + ") is linked to no NetSuite vendor.");
        }
        String currency = po.currency() == null ? null : settings.currencies().get(po.currency());
        if (currency == null) {
            reasons.add(name + " is in " + (po.currency() == null ? "no currency" : po.currency())
                    + ", which has no NetSuite currency (trestle.purchasing.currencies).");
        }
        requireNetSuiteId(reasons, "location", po.location(), name);
        requireNetSuiteId(reasons, "department", po.department(), name);
        requireNetSuiteId(reasons, "class", po.clazz(), name);
        boolean expenseLines = po.lines().stream().anyMatch(line -> blank(line.netsuiteItemId()));
        if (expenseLines && blank(settings.expenseAccountId())) {
            reasons.add(name + " has lines on items that were never integrated with NetSuite, and no expense account "
                    + "is configured for them (trestle.purchasing.expense-account-id).");
        }
        if (po.lines().isEmpty()) {
            reasons.add(name + " has no lines; NetSuite refuses a purchase order without any.");
        }
        Money total = po.lines().stream().map(PurchaseOrder.Line::amount).reduce(Money::plus).orElse(null);
        if (total != null && po.netTotal() != null && !total.equals(po.netTotal())) {
            reasons.add("The lines of " + name + " add up to " + total + " but its net total is " + po.netTotal() + ".");
        }
        if (!reasons.isEmpty()) {
            return new PurchaseOrderPlan.Refused(reasons);
        }

        List<String> notes = new ArrayList<>();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("externalId", externalId(po.idn()));
        body.put("entity", ref(linked.vendorId()));
        String employee = employee(po, linked, notes);
        if (employee != null) {
            body.put("employee", ref(employee));
        }
        body.put("tranId", tranId);
        body.put("tranDate", po.created().toString());
        body.put("currency", ref(currency));
        if (po.location() != null) {
            body.put("location", ref(po.location().netsuiteId()));
        }
        if (po.department() != null) {
            body.put("department", ref(po.department().netsuiteId()));
        }
        if (po.clazz() != null) {
            body.put("class", ref(po.clazz().netsuiteId()));
        }
        body.put("memo", memo(po, settings));
        List<Map<String, Object>> items = new ArrayList<>();
        List<Map<String, Object>> expenses = new ArrayList<>();
        for (PurchaseOrder.Line line : po.lines()) {
            if (blank(line.netsuiteItemId())) {
                Map<String, Object> expense = new LinkedHashMap<>();
                expense.put("account", ref(settings.expenseAccountId()));
                expense.put("amount", line.amount().value());
                expense.put("memo", line.name() + " (" + line.quantity().stripTrailingZeros().toPlainString() + " x "
                        + line.price().toPlainString() + " " + po.currency() + ")");
                expenses.add(expense);
            } else {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("item", ref(line.netsuiteItemId()));
                item.put("quantity", line.quantity());
                item.put("rate", line.price());
                item.put("amount", line.amount().value());
                item.put("description", line.name());
                items.add(item);
            }
        }
        if (!items.isEmpty()) {
            body.put("item", Map.of("items", List.copyOf(items)));
        }
        if (!expenses.isEmpty()) {
            body.put("expense", Map.of("items", List.copyOf(expenses)));
        }
        return new PurchaseOrderPlan.Order(externalId(po.idn()), body, total, notes);
    }

    /** The matched employee's NetSuite id, or null with the reason in {@code notes}. */
    private static String employee(PurchaseOrder po, Linked linked, List<String> notes) {
        String who = po.purchaser() == null ? "the purchaser"
                : "the purchaser " + (blank(po.purchaser().email()) ? "(Precoro user " + po.purchaser().id() + ")"
                        : po.purchaser().email());
        if (po.purchaser() == null) {
            notes.add("Precoro names no purchaser for this order: NetSuite's Employee field stays empty.");
            return null;
        }
        if (!linked.employeeSyncOn()) {
            notes.add("Sync Employee is off, so " + who + " is matched to no NetSuite employee: NetSuite's Employee "
                    + "field stays empty.");
            return null;
        }
        EmployeeMapping mapping = linked.purchaser();
        if (mapping == null) {
            notes.add("The employee sync has not seen " + who + " yet: NetSuite's Employee field stays empty.");
            return null;
        }
        if (mapping.status == MappingStatus.MAPPED && !blank(mapping.netsuiteEmployeeId)) {
            return mapping.netsuiteEmployeeId;
        }
        notes.add(who.substring(0, 1).toUpperCase() + who.substring(1) + " is "
                + (mapping.status == MappingStatus.CONFLICT ? "in a conflict" : "not mapped")
                + (blank(mapping.reason) ? "" : " (" + mapping.reason.strip() + ")")
                + ": NetSuite's Employee field stays empty.");
        return null;
    }

    /** A location or option chosen on the PO must have come from NetSuite (Precoro keeps its NetSuite id). */
    private static void requireNetSuiteId(List<String> reasons, String what, PurchaseOrder.Reference value,
            String name) {
        if (value != null && blank(value.netsuiteId())) {
            reasons.add("The " + what + " '" + value.name() + "' of " + name + " has no NetSuite id in Precoro.");
        }
    }

    private static String memo(PurchaseOrder po, Settings settings) {
        String link = settings.precoroAppUrl().replaceAll("/+$", "") + "/purchaseorders/" + po.idn();
        return (blank(po.note()) ? "" : po.note().strip() + " ") + "(Precoro " + po.number() + ": " + link + ")";
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Map<String, Object> ref(String id) {
        return Map.of("id", id);
    }
}
