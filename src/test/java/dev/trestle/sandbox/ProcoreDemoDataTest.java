package dev.trestle.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.netsuite.NetSuiteRecord;
import dev.trestle.sandbox.procore.ProcoreVendor;
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
    void sameSeedSameData() {
        ProcoreDemoData a = ProcoreDemoData.generate(42);
        ProcoreDemoData b = ProcoreDemoData.generate(42);
        assertEquals(a.procore(), b.procore());
        assertEquals(a.cases(), b.cases());
        assertEquals(a.netsuiteRecords().get("vendor").toString(), b.netsuiteRecords().get("vendor").toString());
        assertFalse(a.procore().vendors().equals(ProcoreDemoData.generate(43).procore().vendors()));
    }
}
