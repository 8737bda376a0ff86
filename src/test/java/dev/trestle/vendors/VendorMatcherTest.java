package dev.trestle.vendors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trestle.connectors.netsuite.NetSuiteVendor;
import dev.trestle.connectors.procore.ProcoreVendor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How names, emails and phones are compared, and how suggestions are scored and ordered. */
class VendorMatcherTest {

    @Test
    void namesIgnoreCasePunctuationSpacingAndTrailingLegalSuffixes() {
        assertEquals("apex concrete", VendorMatcher.name("Apex Concrete, LLC"));
        assertEquals("apex concrete", VendorMatcher.name("APEX CONCRETE LLC"));
        assertEquals("delta mechanical", VendorMatcher.name("Delta Mechanical Co., Inc."));
        assertEquals("foothill drywall", VendorMatcher.name("  Foothill   Drywall. "));
        // A suffix word at the start, or alone, is part of the name.
        assertEquals("co op supply", VendorMatcher.name("Co-Op Supply Ltd"));
        assertEquals("inc", VendorMatcher.name("Inc."));
        assertNull(VendorMatcher.name(" ,. "));
        assertNull(VendorMatcher.name(null));
    }

    @Test
    void emailsAndPhonesAreNormalized() {
        assertEquals("ar@juniper.example.com", VendorMatcher.email("  AR@Juniper.example.com "));
        assertNull(VendorMatcher.email(" "));
        assertEquals("5552013012", VendorMatcher.phone("(555) 201-3012"));
        assertEquals("5552013012", VendorMatcher.phone("+1 555.201.3012"));
        assertEquals("2013012", VendorMatcher.phone("201-3012"));
        assertNull(VendorMatcher.phone("n/a"));
    }

    @Test
    void scoresAddUpAndTheBestComesFirst() {
        ProcoreVendor procore = new ProcoreVendor(1, "Apex Concrete, LLC", "ap@apex.example.com", "(555) 201-3012",
                true, null, null, null);
        List<VendorMatchSuggestion> suggestions = VendorMatcher.suggest(procore, List.of(
                new NetSuiteVendor("7", "V7", "Other Name", "AP@apex.example.com", null, false, null),
                new NetSuiteVendor("8", "V8", "APEX CONCRETE", "ap@apex.example.com", "555-201-3012", false, null),
                new NetSuiteVendor("9", "V9", "Unrelated", "x@y.example.com", "555-000-0000", false, null),
                new NetSuiteVendor("3", "V3", "Apex Concrete Inc", null, null, false, null)));

        assertEquals(List.of("8", "3", "7"), suggestions.stream().map(s -> s.netsuiteVendor().id()).toList());
        assertEquals(1.0, suggestions.get(0).score());
        assertEquals(List.of(MatchReason.NAME, MatchReason.EMAIL, MatchReason.PHONE), suggestions.get(0).reasons());
        assertEquals(0.5, suggestions.get(1).score());
        assertEquals(0.3, suggestions.get(2).score());
        assertEquals(List.of(MatchReason.EMAIL), suggestions.get(2).reasons());
    }
}
