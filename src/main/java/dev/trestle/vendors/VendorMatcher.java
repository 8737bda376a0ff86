package dev.trestle.vendors;

import dev.trestle.connectors.netsuite.NetSuiteVendor;
import dev.trestle.connectors.procore.ProcoreVendor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds NetSuite vendors that may be a company of another system: a Procore company, a Precoro
 * supplier. The same company is typed differently in the systems ("Apex Concrete, LLC" and
 * "APEX CONCRETE LLC"; "(555) 201-3012" and "555-201-3012"), so names, emails and phones are
 * compared in a normalized form.
 */
public final class VendorMatcher {

    static final double NAME_WEIGHT = 0.5;
    static final double EMAIL_WEIGHT = 0.3;
    static final double PHONE_WEIGHT = 0.2;

    /** Trailing words that only state the legal form; "Delta Mechanical Co." is "Delta Mechanical". */
    private static final Set<String> LEGAL_SUFFIXES = Set.of("inc", "incorporated", "llc", "llp", "lp", "ltd",
            "limited", "co", "corp", "corporation", "company", "plc");

    private VendorMatcher() {
    }

    /**
     * What the matcher compares of the company NetSuite vendors are suggested for, whichever system
     * it comes from; null for what that system does not know (a Precoro supplier as the hub reads it
     * has a name only).
     */
    public record Company(String name, String email, String phone) {
    }

    /** The suggestions for one Procore company; see {@link #suggest(Company, List)}. */
    static List<VendorMatchSuggestion> suggest(ProcoreVendor procore, List<NetSuiteVendor> candidates) {
        return suggest(new Company(procore.name(), procore.emailAddress(), procore.businessPhone()), candidates);
    }

    /**
     * The suggestions for one company among {@code candidates}, best first (ties by NetSuite id);
     * candidates with nothing in common are left out.
     */
    public static List<VendorMatchSuggestion> suggest(Company company, List<NetSuiteVendor> candidates) {
        String name = name(company.name());
        String email = email(company.email());
        String phone = phone(company.phone());
        List<VendorMatchSuggestion> suggestions = new ArrayList<>();
        for (NetSuiteVendor candidate : candidates) {
            List<MatchReason> reasons = new ArrayList<>();
            double score = 0;
            if (name != null && name.equals(name(candidate.companyName()))) {
                reasons.add(MatchReason.NAME);
                score += NAME_WEIGHT;
            }
            if (email != null && email.equals(email(candidate.email()))) {
                reasons.add(MatchReason.EMAIL);
                score += EMAIL_WEIGHT;
            }
            if (phone != null && phone.equals(phone(candidate.phone()))) {
                reasons.add(MatchReason.PHONE);
                score += PHONE_WEIGHT;
            }
            if (!reasons.isEmpty()) {
                // Rounded so that 0.5 + 0.3 + 0.2 reads as 1.0, not 0.9999999999999999.
                suggestions.add(new VendorMatchSuggestion(NetSuiteVendorDetails.of(candidate),
                        Math.round(score * 100) / 100.0, List.copyOf(reasons)));
            }
        }
        suggestions.sort(Comparator.comparingDouble(VendorMatchSuggestion::score).reversed()
                .thenComparing(s -> Long.parseLong(s.netsuiteVendor().id())));
        return suggestions;
    }

    /** Lowercase, punctuation gone, trailing legal suffixes gone, single spaces; null when nothing is left. */
    static String name(String name) {
        if (name == null) {
            return null;
        }
        String words = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        List<String> tokens = new ArrayList<>(Arrays.asList(words.split(" ")));
        // Only trailing words: "Co" at the start ("Co Op Supply") is part of the name.
        while (tokens.size() > 1 && LEGAL_SUFFIXES.contains(tokens.get(tokens.size() - 1))) {
            tokens.remove(tokens.size() - 1);
        }
        String normalized = String.join(" ", tokens).strip();
        return normalized.isEmpty() ? null : normalized;
    }

    static String email(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** Digits only, at most the last ten, so that a leading country code 1 does not hide a match. */
    static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            return null;
        }
        return digits.length() <= 10 ? digits : digits.substring(digits.length() - 10);
    }
}
