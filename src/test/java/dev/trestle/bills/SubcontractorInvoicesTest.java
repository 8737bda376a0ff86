package dev.trestle.bills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.connectors.netsuite.NetSuiteRecords;
import dev.trestle.connectors.netsuite.NetSuiteVendorBill;
import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.money.Money;
import dev.trestle.sandbox.ProcoreDemoCases;
import dev.trestle.sandbox.Sandbox;
import dev.trestle.sandbox.netsuite.NetSuiteRecord;
import dev.trestle.sandbox.procore.ProcoreRequisition;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every demo subcontractor invoice read live from the Procore sandbox and planned as a vendor
 * bill: the bill's total is Procore's current payment due, to the cent, for every invoice that
 * can be exported; the others are refused with their reason named. With the demo's real links,
 * the planned bills are written to the NetSuite sandbox, which takes them and totals them alike.
 */
@QuarkusTest
class SubcontractorInvoicesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    SubcontractorInvoices invoices;
    @Inject
    BillSettings settings;
    @Inject
    NetSuiteRecords netsuite;
    @Inject
    Sandbox sandbox;

    @BeforeEach
    void reset() {
        Hub.freshSystems(sandbox);
    }

    private ProcoreRequisition held(long id) {
        return sandbox.procore().requisitions().get(id).orElseThrow();
    }

    private SubcontractorInvoice read(long id) {
        return invoices.invoice(held(id).projectId(), id).await().atMost(WAIT);
    }

    @Test
    void everyDemoInvoicePlansToItsCurrentPaymentDueOrIsRefusedForItsStatus() {
        assertEquals("27", settings.retainageAccountId(), "the sandbox's retainage payable account");
        for (long id : ProcoreDemoCases.INVOICES) {
            SubcontractorInvoice invoice = read(id);
            Map<Long, String> items = new HashMap<>();
            invoice.lines().forEach(l -> items.put(l.wbsCodeId(), "item-" + l.wbsCodeId()));
            LinkedRecords all = new LinkedRecords("vendor-1", "job-1", items);

            VendorBillPlan plan = VendorBillPlanner.plan(invoice, all, settings);

            Money due = Money.of(held(id).currentPaymentDue(), "USD");
            assertEquals(due, invoice.currentPaymentDue(), "invoice " + id);
            if (ProcoreDemoCases.EXPORTABLE_STATUS_INVOICES.contains(id)) {
                VendorBillPlan.Bill bill = assertInstanceOf(VendorBillPlan.Bill.class, plan, "invoice " + id);
                assertEquals(due, bill.total(), "invoice " + id);
                assertEquals("procore-requisition-" + id, bill.externalId());
                assertEquals(invoice.invoiceNumber(), bill.body().get("tranId"));
            } else {
                VendorBillPlan.Refused refused = assertInstanceOf(VendorBillPlan.Refused.class, plan, "invoice " + id);
                assertEquals(ErrorCode.NOT_EXPORTABLE, refused.code());
                assertEquals(1, refused.reasons().size(), refused.reasons().toString());
                assertTrue(refused.reasons().get(0).contains(" is " + held(id).status() + ";"), refused.message());
            }
        }
    }

    @Test
    void withTheDemosLinksBillsAreTakenByNetSuiteAndTheMissingRecordsAreNamed() {
        Map<Long, String> vendors = Map.of(ProcoreDemoCases.LINKED_VENDOR_A, ProcoreDemoCases.LINKED_VENDOR_A_NETSUITE,
                ProcoreDemoCases.LINKED_VENDOR_B, ProcoreDemoCases.LINKED_VENDOR_B_NETSUITE);
        Map<Long, String> jobs = Map.of(ProcoreDemoCases.LINKED_PROJECT, ProcoreDemoCases.LINKED_PROJECT_JOB);
        List<String> written = new ArrayList<>();
        Map<String, Money> totals = new HashMap<>();
        for (long id : ProcoreDemoCases.EXPORTABLE_STATUS_INVOICES) {
            SubcontractorInvoice invoice = read(id);
            Map<Long, String> items = new HashMap<>();
            for (SubcontractorInvoice.Line line : invoice.lines()) {
                sandbox.netsuite().records("otherChargePurchaseItem")
                        .byExternalId(ProcoreDemoCases.itemExternalId(invoice.project().id(), line.wbsCodeId()))
                        .map(NetSuiteRecord::id).ifPresent(item -> items.put(line.wbsCodeId(), String.valueOf(item)));
            }
            LinkedRecords linked = new LinkedRecords(vendors.get(invoice.commitment().vendorId()),
                    jobs.get(invoice.project().id()), items);

            VendorBillPlan plan = VendorBillPlanner.plan(invoice, linked, settings);

            if (id == ProcoreDemoCases.INVOICE_OF_UNLINKED_VENDOR) {
                assertEquals(List.of("Procore company " + quoted(invoice.commitment().vendorName()) + "(id "
                        + ProcoreDemoCases.INVOICE_VENDOR_NOT_LINKED + ") is not linked to a NetSuite vendor."),
                        ((VendorBillPlan.Refused) plan).reasons());
            } else if (id == ProcoreDemoCases.INVOICE_ON_PROJECT_NOT_EXPORTED) {
                List<String> reasons = ((VendorBillPlan.Refused) plan).reasons();
                assertTrue(reasons.get(0).startsWith("Project '") && reasons.get(0).contains("(id "
                        + ProcoreDemoCases.INVOICE_PROJECT_NOT_EXPORTED + ") is not exported"), reasons.toString());
            } else if (id == ProcoreDemoCases.INVOICE_WITH_WBS_CODE_NOT_EXPORTED) {
                List<String> reasons = ((VendorBillPlan.Refused) plan).reasons();
                assertEquals(1, reasons.size(), reasons.toString());
                assertTrue(reasons.get(0).startsWith("WBS code " + ProcoreDemoCases.WBS_CODE_NOT_EXPORTED + " '")
                        && reasons.get(0).endsWith("is not exported as a NetSuite item."), reasons.get(0));
            } else {
                VendorBillPlan.Bill bill = plan.orThrow();
                netsuite.upsert(VendorBillPlanner.RECORD_TYPE, bill.externalId(), bill.body()).await().atMost(WAIT);
                written.add(bill.externalId());
                totals.put(bill.externalId(), bill.total());
            }
        }
        assertEquals(5, written.size(), "approved 1, 4, 6, 7 and the 20-line invoice 10");
        Map<String, NetSuiteVendorBill> bills = netsuite.vendorBillsByExternalIds(written).await().atMost(WAIT);
        for (String externalId : written) {
            assertEquals(totals.get(externalId), bills.get(externalId).total(), "NetSuite's total of " + externalId);
        }
    }

    @Test
    void anUnknownInvoiceIsNotFound() {
        TrestleException e = assertThrows(TrestleException.class, () -> invoices.invoice(
                ProcoreDemoCases.LINKED_PROJECT, 5_700_999_999L).await().atMost(WAIT));
        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertTrue(e.getMessage().contains("5700999999"), e.getMessage());
    }

    private static String quoted(String name) {
        return name == null || name.isBlank() ? "" : "'" + name + "' ";
    }
}
