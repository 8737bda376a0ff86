package dev.trestle.sandbox.netsuite;

/**
 * The fixed records of the simulated account that the vendor, job and item records point at.
 * Writes must reference these ids ({@code {"id":"1"}}); any other id is refused as NetSuite
 * refuses a reference to a record that does not exist.
 */
public final class NetSuiteReferenceData {

    /** The one subsidiary (same as the employees'). */
    public static final String SUBSIDIARY_ID = "1";
    public static final String SUBSIDIARY_NAME = "Trestle Builders Inc.";
    /** The expense account other-charge purchase items post to. */
    public static final String EXPENSE_ACCOUNT_ID = "58";
    public static final String EXPENSE_ACCOUNT_NAME = "5800 Job Costs : Project Costs";
    /** The accounts payable account vendor bills post to (the header {@code account} of a bill). */
    public static final String AP_ACCOUNT_ID = "25";
    public static final String AP_ACCOUNT_NAME = "2000 Accounts Payable";
    /** The liability account retainage withheld from a subcontractor's bill is credited to (an expense line). */
    public static final String RETAINAGE_ACCOUNT_ID = "27";
    public static final String RETAINAGE_ACCOUNT_NAME = "2150 Retainage Payable";
    /** The bank account vendor payments are drawn on (the header {@code account} of a payment). */
    public static final String BANK_ACCOUNT_ID = "12";
    public static final String BANK_ACCOUNT_NAME = "1010 Operating Checking";
    /** Expense accounts journal entries post job costs to (no item on a journal line, only an account). */
    public static final String EQUIPMENT_RENTAL_ACCOUNT_ID = "61";
    public static final String EQUIPMENT_RENTAL_ACCOUNT_NAME = "6100 Equipment Rental";
    public static final String SMALL_TOOLS_ACCOUNT_ID = "62";
    public static final String SMALL_TOOLS_ACCOUNT_NAME = "6200 Small Tools and Supplies";
    /** An expense account no account-to-cost-code map of the demo covers (a journal line on it maps to nothing). */
    public static final String TRAVEL_ACCOUNT_ID = "63";
    public static final String TRAVEL_ACCOUNT_NAME = "6300 Travel";
    /** The accrued liabilities account journals credit against job costs. */
    public static final String ACCRUED_ACCOUNT_ID = "28";
    public static final String ACCRUED_ACCOUNT_NAME = "2100 Accrued Liabilities";
    /** The account's base currency (US Dollar), the {@code currency} of its transactions. */
    public static final String USD_CURRENCY_ID = "1";
    /**
     * The locations, departments and classes of the account (Precoro imports them as its locations and as the
     * options of its "NetSuite Departments" and "NetSuite Classes" document custom fields). A purchase order's
     * {@code location}, {@code department} and {@code class}, on the header or a line, must be one of these.
     */
    public static final java.util.Map<String, String> LOCATIONS = java.util.Map.of("1", "Main Warehouse",
            "2", "Job Site Yard");
    public static final java.util.Map<String, String> DEPARTMENTS = java.util.Map.of("1", "Field Operations",
            "2", "Procurement");
    public static final java.util.Map<String, String> CLASSES = java.util.Map.of("1", "Commercial", "2", "Residential");
    /** The customer every project (job) hangs under. */
    public static final String PARENT_CUSTOMER_ID = "1500";
    public static final String PARENT_CUSTOMER_NAME = "Trestle Builders Projects";
    /** Internal ids of demo and new records start here, one range per type so a mixed-up id shows. */
    public static final long FIRST_VENDOR_ID = 2001;
    public static final long FIRST_JOB_ID = 3001;
    public static final long FIRST_ITEM_ID = 4001;
    /** Transactions (vendor bills) share one range of internal ids, as NetSuite's transaction table does. */
    public static final long FIRST_TRANSACTION_ID = 7001;

    private NetSuiteReferenceData() {
    }
}
