package dev.trestle.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.netsuite.NetSuiteRecord;
import dev.trestle.sandbox.netsuite.NetSuiteSandbox;
import dev.trestle.sandbox.netsuite.SandboxEmployee;
import dev.trestle.sandbox.precoro.PrecoroSandbox;
import dev.trestle.sandbox.precoro.PrecoroSupplier;
import dev.trestle.sandbox.precoro.PurchaseOrder;
import dev.trestle.sandbox.precoro.SandboxUser;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The purchasing demo tells the story its cases say, against the other demo data of the same sandbox: integrated
 * suppliers name NetSuite vendors that exist (active, or inactive for that case), purchasers match the employees
 * the cases name by the employee sync's rule, items point at NetSuite items, totals are exact; and it leaves the
 * figures other tests count alone.
 */
class PurchasingDemoDataTest {

    final Sandbox sandbox = new Sandbox(SandboxSettings.defaults());
    final PrecoroSandbox precoro = sandbox.precoro();
    final NetSuiteSandbox netsuite = sandbox.netsuite();
    final PurchasingDemoCases cases = sandbox.purchasingDemoCases();

    Optional<NetSuiteRecord> vendor(String id) {
        return netsuite.records("vendor").get(Long.parseLong(id));
    }

    /** The active NetSuite employees whose email equals the user's, trimmed and ignoring case (the sync's rule). */
    List<String> matches(long precoroUser) {
        SandboxUser user = precoro.users().get(precoroUser).orElseThrow();
        String email = user.email() == null ? "" : user.email().trim().toLowerCase(Locale.ROOT);
        return netsuite.employees().matching(e -> !e.inactive() && e.email() != null
                && e.email().trim().toLowerCase(Locale.ROOT).equals(email) && !email.isEmpty())
                .stream().map(e -> String.valueOf(e.id())).toList();
    }

    @Test
    void suppliersNameTheNetSuiteVendorsTheCasesSay() {
        assertEquals(6, precoro.suppliers().size());
        cases.integratedSuppliers().forEach((supplier, vendorId) -> {
            PrecoroSupplier s = precoro.suppliers().get(supplier).orElseThrow();
            assertEquals(vendorId, s.netSuiteId());
            NetSuiteRecord v = vendor(vendorId).orElseThrow();
            assertFalse(v.flag("isInactive"), vendorId);
            assertEquals(s.name(), v.text("companyName"), "the supplier was imported from that vendor");
        });
        PrecoroSupplier inactive = precoro.suppliers().get(cases.inactiveVendorSupplier()).orElseThrow();
        assertTrue(vendor(inactive.netSuiteId()).orElseThrow().flag("isInactive"));
        assertEquals(PurchasingDemoCases.INACTIVE_NETSUITE_VENDOR_ID, inactive.netSuiteId());
        assertNull(precoro.suppliers().get(cases.notIntegratedSupplier()).orElseThrow().netSuiteId());
        assertFalse(precoro.suppliers().get(cases.disabledSupplier()).orElseThrow().enabled());
    }

    @Test
    void purchasersMatchTheEmployeesTheCasesName() {
        for (PurchasingDemoCases.PurchaseOrderCase c : cases.mappedApproved()) {
            PurchaseOrder po = precoro.purchaseOrders().get(c.idn()).orElseThrow();
            assertEquals(PurchaseOrder.APPROVED, po.status());
            assertEquals(c.purchaserId(), po.creatorId());
            assertEquals(List.of(c.netsuiteEmployeeId()), matches(po.creatorId()), "PO " + c.idn());
            assertEquals(c.netsuiteVendorId(), precoro.suppliers().get(po.supplierId()).orElseThrow().netSuiteId());
            assertEquals(c.total(), po.netSum());
        }
        for (PurchasingDemoCases.PurchaseOrderCase c : cases.unmappedPurchaser()) {
            assertEquals(List.of(), matches(c.purchaserId()), "PO " + c.idn());
            assertNull(c.netsuiteEmployeeId());
        }
        SandboxEmployee onlyHolder = netsuite.employees().get(Long.parseLong(DemoCases.INACTIVE_ONLY_NETSUITE_ID))
                .orElseThrow();
        assertTrue(onlyHolder.inactive(), "PO 8's purchaser shares an email only with an inactive employee");
        assertEquals(new BigDecimal("824.70"), cases.mappedApproved().get(0).total());
        assertEquals(new BigDecimal("629.40"), cases.mappedApproved().get(1).total());
        for (int idn : cases.notApproved()) {
            assertTrue(precoro.purchaseOrders().get(idn).orElseThrow().status() != PurchaseOrder.APPROVED);
            assertNull(precoro.purchaseOrders().get(idn).orElseThrow().approved());
        }
        for (int idn : cases.supplierNotIntegrated()) {
            assertNull(precoro.suppliers().get(precoro.purchaseOrders().get(idn).orElseThrow().supplierId())
                    .orElseThrow().netSuiteId());
        }
        for (int idn : cases.inactiveVendor()) {
            assertEquals(cases.inactiveVendorSupplier(), precoro.purchaseOrders().get(idn).orElseThrow().supplierId());
        }
    }

    @Test
    void integratedItemsAreNetSuiteItemsAndTheFiguresOthersCountStay() {
        for (String item : PurchasingDemoCases.INTEGRATED_ITEMS) {
            assertTrue(netsuite.records("otherChargePurchaseItem").get(Long.parseLong(item)).isPresent(), item);
        }
        precoro.purchaseOrders().all().forEach(po -> po.lines().forEach(line -> {
            if (line.itemExternalId() != null) {
                assertTrue(PurchasingDemoCases.INTEGRATED_ITEMS.contains(line.itemExternalId()));
            }
            assertEquals(line.quantity().multiply(line.price()).setScale(2, java.math.RoundingMode.HALF_UP), line.sum());
        }));
        assertEquals(8, precoro.purchaseOrders().size());
        assertEquals(300, precoro.users().size());
        assertEquals(0, netsuite.records("purchaseOrder").count(), "no NetSuite PO until the hub sends one");
        assertEquals(List.of(), cases.generated());
    }

    @Test
    void generatesApprovedPurchaseOrdersForBenchmarks() {
        Sandbox big = new Sandbox(SandboxSettings.defaults().toBuilder().precoroGeneratedPurchaseOrders(250).build());
        assertEquals(258, big.precoro().purchaseOrders().size());
        assertEquals(250, big.purchasingDemoCases().generated().size());
        assertEquals(9, big.purchasingDemoCases().generated().get(0));
        for (int idn : big.purchasingDemoCases().generated()) {
            PurchaseOrder po = big.precoro().purchaseOrders().get(idn).orElseThrow();
            assertEquals(PurchaseOrder.APPROVED, po.status());
            assertTrue(big.purchasingDemoCases().integratedSuppliers().containsKey(po.supplierId()));
            assertEquals(3, po.lines().size());
            assertTrue(po.netSum().signum() > 0);
        }
        big.reset();
        assertEquals(258, big.precoro().purchaseOrders().size(), "a reset keeps the generated ones");
    }
}
