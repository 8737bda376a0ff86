package dev.trestle.sandbox;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Which Precoro suppliers and purchase orders of the purchasing demo ({@link PurchasingDemoData}) are which case
 * of sending approved Precoro POs to NetSuite as purchase orders with the employee matched to the PO's purchaser.
 * Ids are stable for any seed; NetSuite ids are those of the other demo data (vendors of {@link ProcoreDemoCases},
 * employees of {@link DemoCases}).
 * <pre>
 * Supplier 301 Acme Safety Supply      netSuiteId 2027 (active NetSuite vendor)
 * Supplier 302 Lumber Liquidators Pro  netSuiteId 2028 (active)
 * Supplier 303 Office Depot Business   netSuiteId 2022 (active)
 * Supplier 304 Redwood Scaffolding     netSuiteId 2019: the NetSuite vendor is inactive, NetSuite refuses a PO on it
 * Supplier 305 Valley Hardware Co.     no netSuiteId (not integrated)
 * Supplier 306 Bayside Tool Rental     no netSuiteId, disabled (enable false)
 *
 * PO idn 1 approved, 301, purchaser Precoro 12 (matches NetSuite 109), location 1, department 101, class 201,
 *          2 lines on integrated items (NetSuite 4001, 4002): 24 x 18.75 + 30 x 12.49 = 824.70
 * PO idn 2 approved, 302, purchaser Precoro 1 (matches NetSuite 101 after trim and case), location 2,
 *          2 lines on items never integrated: 120 x 4.37 + 12.5 x 8.40 = 629.40
 * PO idn 3 approved, 303, purchaser Precoro 6 (an email no NetSuite employee has: not mapped), 1 line, 86.15
 * PO idn 4 pending (status 1), 301, purchaser Precoro 13: not approved, not to be sent
 * PO idn 5 approved, 305 (supplier not integrated), purchaser Precoro 14, 1 line, 310.00
 * PO idn 6 approved, 304 (its NetSuite vendor 2019 is inactive), purchaser Precoro 15, 1 line, 1,200.00
 * PO idn 7 open (a draft, status 0), 302, purchaser Precoro 12: not approved
 * PO idn 8 approved, 302, purchaser Precoro 7 (only an inactive NetSuite employee, 103, has the email: not
 *          mapped), location 3 (entered in Precoro only: no NetSuite location), 1 line, 45.00
 * </pre>
 * Generated POs ({@code --precoro-purchase-orders N}) follow with idn 9 on: approved, on the integrated suppliers
 * 301..303 in turn, purchasers the exact-match Precoro users in turn, three lines on integrated items each.
 *
 * @param integratedSuppliers      Precoro supplier id to the NetSuite vendor its netSuiteId names (active vendors)
 * @param inactiveVendorSupplier   a supplier integrated with a NetSuite vendor that is inactive
 * @param notIntegratedSupplier    an enabled supplier without netSuiteId
 * @param disabledSupplier         a disabled supplier without netSuiteId
 * @param mappedApproved           approved POs whose supplier is integrated and whose purchaser matches an employee
 * @param unmappedPurchaser        approved POs on an integrated supplier whose purchaser matches no employee
 * @param notApproved              POs that are not approved (pending, draft)
 * @param supplierNotIntegrated    approved POs whose supplier has no netSuiteId
 * @param inactiveVendor           approved POs whose supplier's NetSuite vendor is inactive
 * @param generated                idns of the generated POs
 */
public record PurchasingDemoCases(Map<Long, String> integratedSuppliers, long inactiveVendorSupplier,
        long notIntegratedSupplier, long disabledSupplier, List<PurchaseOrderCase> mappedApproved,
        List<PurchaseOrderCase> unmappedPurchaser, List<Integer> notApproved, List<Integer> supplierNotIntegrated,
        List<Integer> inactiveVendor, List<Integer> generated) {

    public static final long ACME_SUPPLIER_ID = 301;
    public static final String ACME_NETSUITE_VENDOR_ID = "2027";
    public static final long INACTIVE_VENDOR_SUPPLIER_ID = 304;
    public static final String INACTIVE_NETSUITE_VENDOR_ID = "2019";
    public static final long NOT_INTEGRATED_SUPPLIER_ID = 305;
    public static final int MAPPED_PO_IDN = 1;
    public static final int CASE_AND_SPACES_PO_IDN = 2;
    public static final int UNMAPPED_PURCHASER_PO_IDN = 3;
    public static final int PENDING_PO_IDN = 4;
    public static final int SUPPLIER_NOT_INTEGRATED_PO_IDN = 5;
    public static final int INACTIVE_VENDOR_PO_IDN = 6;
    public static final int DRAFT_PO_IDN = 7;
    public static final int INACTIVE_EMPLOYEE_ONLY_PO_IDN = 8;
    /** The NetSuite items the demo's integrated Precoro catalogue items are (other-charge items of the demo). */
    public static final List<String> INTEGRATED_ITEMS = List.of("4001", "4002", "4003");

    /**
     * One PO of a case: its idn, supplier and the NetSuite vendor it is integrated with, its purchaser and the
     * NetSuite employee the employee sync matches them to ({@code null}: none), and its net total to the cent.
     */
    public record PurchaseOrderCase(int idn, long supplierId, String netsuiteVendorId, long purchaserId,
            String netsuiteEmployeeId, BigDecimal total) {
    }
}
