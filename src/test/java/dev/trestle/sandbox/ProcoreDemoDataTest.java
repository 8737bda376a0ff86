package dev.trestle.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.netsuite.NetSuiteRecord;
import dev.trestle.sandbox.procore.ProcoreCommitment;
import dev.trestle.sandbox.procore.ProcoreProject;
import dev.trestle.sandbox.procore.ProcoreRequisition;
import dev.trestle.sandbox.procore.ProcoreVendor;
import dev.trestle.sandbox.procore.WbsCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The documented cases of {@link ProcoreDemoCases} hold in the generated data, for any seed. */
class ProcoreDemoDataTest {

    static String name(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    static String email(String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }

    static String phone(String s) {
        return s == null ? null : s.replaceAll("[^0-9]", "");
    }

    @Test
    void casesHoldForSeveralSeeds() {
        for (long seed : List.of(42L, 7L, 123456789L)) {
            ProcoreDemoData data = ProcoreDemoData.generate(seed);
            Map<Long, ProcoreVendor> procore = data.procore().vendors().stream()
                    .collect(Collectors.toMap(ProcoreVendor::id, Function.identity()));
            Map<String, NetSuiteRecord> netsuite = data.netsuiteRecords().get("vendor").stream()
                    .collect(Collectors.toMap(r -> String.valueOf(r.id()), Function.identity()));
            assertEquals(40, procore.size());
            assertEquals(30, netsuite.size());
            ProcoreDemoCases cases = data.cases();

            for (ProcoreDemoCases.VendorMatch m : cases.vendorNameMatches()) {
                assertEquals(name(procore.get(m.procoreId()).name()), name(netsuite.get(m.netsuiteId()).text("companyName")));
                assertNotEquals(email(procore.get(m.procoreId()).emailAddress()), email(netsuite.get(m.netsuiteId()).text("email")));
            }
            for (ProcoreDemoCases.VendorMatch m : cases.vendorEmailMatches()) {
                assertEquals(email(procore.get(m.procoreId()).emailAddress()), email(netsuite.get(m.netsuiteId()).text("email")));
                assertNotEquals(name(procore.get(m.procoreId()).name()), name(netsuite.get(m.netsuiteId()).text("companyName")));
            }
            for (ProcoreDemoCases.VendorMatch m : cases.vendorPhoneMatches()) {
                assertEquals(phone(procore.get(m.procoreId()).businessPhone()), phone(netsuite.get(m.netsuiteId()).text("phone")));
                assertNotEquals(procore.get(m.procoreId()).businessPhone(), netsuite.get(m.netsuiteId()).text("phone"),
                        "formatted differently");
            }
            List<String> ambiguous = netsuite.values().stream()
                    .filter(r -> Objects.equals(name(r.text("companyName")),
                            name(procore.get(ProcoreDemoCases.AMBIGUOUS_NAME_PROCORE_VENDOR).name())))
                    .map(r -> String.valueOf(r.id())).sorted().toList();
            assertEquals(ProcoreDemoCases.AMBIGUOUS_NAME_NETSUITE_VENDORS, ambiguous);
            assertTrue(netsuite.get(ProcoreDemoCases.INACTIVE_ONLY_NETSUITE_VENDOR).flag("isInactive"));
            for (ProcoreDemoCases.VendorMatch m : cases.linkedVendors()) {
                assertEquals(m.netsuiteId(), procore.get(m.procoreId()).originId());
            }
            // Procore-only vendors resemble nothing in NetSuite by any key.
            for (long id : cases.procoreOnlyVendors()) {
                ProcoreVendor v = procore.get(id);
                for (NetSuiteRecord r : netsuite.values()) {
                    assertNotEquals(name(v.name()), name(r.text("companyName")));
                    if (v.emailAddress() != null) {
                        assertNotEquals(email(v.emailAddress()), email(r.text("email")));
                    }
                    if (v.businessPhone() != null) {
                        assertNotEquals(phone(v.businessPhone()), phone(r.text("phone")));
                    }
                }
            }
            for (long id : cases.vendorsWithoutContact()) {
                assertEquals(null, procore.get(id).emailAddress());
                assertEquals(null, procore.get(id).businessPhone());
            }
            assertTrue(cases.inactiveProcoreVendors().stream().noneMatch(id -> procore.get(id).active()));
            assertEquals(9, cases.netsuiteOnlyVendors().size());
            assertEquals(6, data.netsuiteRecords().get("job").size());
            assertEquals(12, data.procore().projects().size());
        }
    }

    @Test
    void invoiceCasesHold() {
        ProcoreDemoData data = ProcoreDemoData.generate(42);
        Map<Long, ProcoreRequisition> invoices = data.procore().requisitions().stream()
                .collect(Collectors.toMap(ProcoreRequisition::id, Function.identity()));
        Map<Long, ProcoreCommitment> commitments = data.procore().commitments().stream()
                .collect(Collectors.toMap(ProcoreCommitment::id, Function.identity()));
        Map<Long, ProcoreVendor> vendors = data.procore().vendors().stream()
                .collect(Collectors.toMap(ProcoreVendor::id, Function.identity()));
        Map<Long, ProcoreProject> projects = data.procore().projects().stream()
                .collect(Collectors.toMap(ProcoreProject::id, Function.identity()));
        assertEquals(ProcoreDemoCases.INVOICES, List.copyOf(new java.util.TreeSet<>(invoices.keySet())));
        assertEquals(ProcoreDemoCases.COMMITMENTS, List.copyOf(new java.util.TreeSet<>(commitments.keySet())));
        assertEquals(ProcoreDemoCases.WORK_ORDER_CONTRACTS, commitments.values().stream()
                .filter(c -> c.kind().equals(ProcoreCommitment.WORK_ORDER)).map(ProcoreCommitment::id).sorted().toList());
        Function<Long, String> status = id -> invoices.get(id).status();
        assertEquals(ProcoreDemoCases.DRAFT_INVOICES, invoices.values().stream().filter(r -> r.status().equals("draft"))
                .map(ProcoreRequisition::id).sorted().toList());
        assertEquals("under_review", status.apply(ProcoreDemoCases.UNDER_REVIEW_INVOICE));
        assertEquals("approved", status.apply(ProcoreDemoCases.APPROVED_INVOICE));
        assertEquals("approved_as_noted", status.apply(ProcoreDemoCases.APPROVED_AS_NOTED_INVOICE));
        assertEquals("revise_and_resubmit", status.apply(ProcoreDemoCases.REVISE_AND_RESUBMIT_INVOICE));
        assertEquals("pending_owner_approval", status.apply(ProcoreDemoCases.PENDING_OWNER_APPROVAL_INVOICE));
        assertEquals(ProcoreDemoCases.EXPORTABLE_STATUS_INVOICES, invoices.values().stream()
                .filter(r -> ProcoreRequisition.EXPORTABLE_STATUSES.contains(r.status())).map(ProcoreRequisition::id)
                .sorted().toList());
        assertEquals(ProcoreDemoCases.INVOICES_WITH_RETAINAGE, invoices.values().stream()
                .filter(r -> r.sum(ProcoreRequisition.Item::retainageThisPeriod).signum() > 0)
                .map(ProcoreRequisition::id).sorted().toList());
        assertEquals(20, invoices.get(ProcoreDemoCases.INVOICE_WITH_MANY_LINES).items().size());
        assertTrue(invoices.values().stream().allMatch(r -> r.originId() == null), "nothing is synced yet");

        Function<ProcoreRequisition, ProcoreCommitment> commitment = r -> commitments.get(r.commitmentId());
        // Every invoice on the linked project is with a linked vendor, except the unlinked-vendor case.
        for (ProcoreRequisition r : invoices.values()) {
            ProcoreVendor vendor = vendors.get(commitment.apply(r).vendorId());
            boolean unlinkedCase = r.id() == ProcoreDemoCases.INVOICE_OF_UNLINKED_VENDOR;
            assertEquals(unlinkedCase, vendor.originId() == null, r.invoiceNumber());
            boolean projectCase = r.id() == ProcoreDemoCases.INVOICE_ON_PROJECT_NOT_EXPORTED;
            assertEquals(projectCase, projects.get(r.projectId()).originId() == null, r.invoiceNumber());
            assertEquals(r.projectId(), commitment.apply(r).projectId());
        }
        assertEquals(ProcoreDemoCases.INVOICE_VENDOR_NOT_LINKED,
                commitment.apply(invoices.get(ProcoreDemoCases.INVOICE_OF_UNLINKED_VENDOR)).vendorId());
        assertTrue(vendors.get(ProcoreDemoCases.LINKED_VENDOR_A).originId()
                .equals(ProcoreDemoCases.LINKED_VENDOR_A_NETSUITE));

        // Every WBS code billed on the linked project is a NetSuite item, but the one case's.
        Map<String, NetSuiteRecord> items = data.netsuiteRecords().get("otherChargePurchaseItem").stream()
                .collect(Collectors.toMap(NetSuiteRecord::externalId, Function.identity()));
        Map<Long, WbsCode> wbs = data.procore().wbsCodes().stream()
                .collect(Collectors.toMap(WbsCode::id, Function.identity()));
        for (ProcoreRequisition r : invoices.values()) {
            if (r.projectId() != ProcoreDemoCases.LINKED_PROJECT) {
                continue;
            }
            boolean notExported = r.items().stream().anyMatch(i -> !items.containsKey(
                    ProcoreDemoCases.itemExternalId(r.projectId(), i.wbsCodeId())));
            assertEquals(r.commitmentId() == 5_600_000_007L, notExported, r.invoiceNumber());
        }
        assertEquals(ProcoreDemoCases.WBS_CODE_NOT_EXPORTED, wbs.get(invoices.get(
                ProcoreDemoCases.INVOICE_WITH_WBS_CODE_NOT_EXPORTED).items().get(0).wbsCodeId()).flatCode());

        // Figures to the cent: a later invoice carries what the earlier ones billed.
        ProcoreRequisition second = invoices.get(ProcoreDemoCases.UNDER_REVIEW_INVOICE);
        ProcoreRequisition first = invoices.get(ProcoreDemoCases.APPROVED_INVOICE);
        assertEquals(first.sum(i -> i.workCompletedThisPeriod().add(i.materialsPresentlyStored())),
                second.sum(ProcoreRequisition.Item::workCompletedFromPrevious));
        assertEquals(new BigDecimal("63000.00"), first.currentPaymentDue());
        for (ProcoreRequisition r : invoices.values()) {
            for (ProcoreRequisition.Item i : r.items()) {
                assertEquals(i.workCompletedThisPeriod().add(i.materialsPresentlyStored())
                        .subtract(i.retainageThisPeriod()), i.currentPaymentDue());
                BigDecimal expected = i.workCompletedThisPeriod().add(i.materialsPresentlyStored())
                        .multiply(commitment.apply(r).retainagePercent())
                        .divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.HALF_UP);
                assertEquals(expected, i.retainageThisPeriod(), r.invoiceNumber());
            }
        }
    }

    @Test
    void generatesInvoicesForBenchmarks() {
        ProcoreDemoData data = ProcoreDemoData.generate(42, 0, 25, 40);
        List<ProcoreRequisition> generated = data.procore().requisitions().stream()
                .filter(r -> r.invoiceNumber().startsWith("GEN-INV-")).toList();
        assertEquals(25, generated.size());
        assertTrue(generated.stream().allMatch(r -> r.items().size() == 40 && r.status().equals("approved")
                && r.projectId() == ProcoreDemoCases.LINKED_PROJECT));
        java.util.Set<String> items = data.netsuiteRecords().get("otherChargePurchaseItem").stream()
                .map(NetSuiteRecord::externalId).collect(Collectors.toSet());
        assertTrue(generated.stream().flatMap(r -> r.items().stream()).allMatch(i -> items.contains(
                ProcoreDemoCases.itemExternalId(ProcoreDemoCases.LINKED_PROJECT, i.wbsCodeId()))), "all exportable");
        assertEquals(ProcoreDemoCases.INVOICES.size() + 25, data.procore().requisitions().size());
        assertEquals(ProcoreDemoData.generate(42).cases(), data.cases());
    }

    @Test
    void sameSeedSameData() {
        ProcoreDemoData a = ProcoreDemoData.generate(42);
        ProcoreDemoData b = ProcoreDemoData.generate(42);
        assertEquals(a.procore(), b.procore());
        assertEquals(a.cases(), b.cases());
        assertEquals(a.netsuiteRecords().get("vendor").toString(), b.netsuiteRecords().get("vendor").toString());
        assertFalse(a.procore().vendors().equals(ProcoreDemoData.generate(43).procore().vendors()));
    }
}
