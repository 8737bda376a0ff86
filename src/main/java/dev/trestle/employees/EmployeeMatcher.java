package dev.trestle.employees;

import dev.trestle.connectors.UpstreamSystem;
import dev.trestle.connectors.netsuite.NetSuiteEmployee;
import dev.trestle.connectors.precoro.PrecoroUser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The seed's matching rule: a Precoro user and a NetSuite employee are the same person when
 * their email addresses are the same. Nothing is ever guessed:
 * <ul>
 * <li>emails are compared after trimming surrounding whitespace and ignoring letter case
 * (mail systems treat the domain, and in practice the local part, case-insensitively);
 * nothing else is rewritten (no dots or plus-tags removed);</li>
 * <li>inactive NetSuite employees never match;</li>
 * <li>an email held by two active NetSuite employees, or by two Precoro users, is a
 * conflict that names every candidate;</li>
 * <li>a user without an email is not mapped, with that reason.</li>
 * </ul>
 */
final class EmployeeMatcher {

    private EmployeeMatcher() {
    }

    /** The comparison key of an email, or null when there is no usable email. */
    static String normalize(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return email.trim().toLowerCase(Locale.ROOT);
    }

    static List<MappingDecision> match(List<PrecoroUser> users, List<NetSuiteEmployee> employees) {
        Map<String, List<NetSuiteEmployee>> activeByEmail = new HashMap<>(capacity(employees.size()));
        Map<String, List<NetSuiteEmployee>> inactiveByEmail = new HashMap<>();
        for (NetSuiteEmployee employee : employees) {
            String key = normalize(employee.email());
            if (key != null) {
                (employee.inactive() ? inactiveByEmail : activeByEmail)
                        .computeIfAbsent(key, k -> new ArrayList<>(1)).add(employee);
            }
        }
        Map<String, List<PrecoroUser>> usersByEmail = new HashMap<>(capacity(users.size()));
        // Each user's key is computed once and kept for the decisions below.
        String[] keys = new String[users.size()];
        for (int i = 0; i < keys.length; i++) {
            String key = normalize(users.get(i).email());
            keys[i] = key;
            if (key != null) {
                usersByEmail.computeIfAbsent(key, k -> new ArrayList<>(1)).add(users.get(i));
            }
        }

        List<MappingDecision> decisions = new ArrayList<>(users.size());
        for (int i = 0; i < keys.length; i++) {
            decisions.add(decide(users.get(i), keys[i], activeByEmail, inactiveByEmail, usersByEmail));
        }
        return decisions;
    }

    private static MappingDecision decide(PrecoroUser user, String key,
            Map<String, List<NetSuiteEmployee>> activeByEmail, Map<String, List<NetSuiteEmployee>> inactiveByEmail,
            Map<String, List<PrecoroUser>> usersByEmail) {
        String name = name(user.firstName(), user.lastName());
        if (key == null) {
            return notMapped(user, key, name, MappingReason.NO_EMAIL, "The Precoro user has no email address.");
        }
        List<NetSuiteEmployee> active = activeByEmail.getOrDefault(key, List.of());
        List<PrecoroUser> sameEmail = usersByEmail.get(key);
        if (sameEmail.size() > 1) {
            return conflict(user, key, name, MappingReason.DUPLICATE_PRECORO_EMAIL,
                    sameEmail.size() + " Precoro users have the email " + key + ".", sameEmail, active);
        }
        if (active.size() > 1) {
            return conflict(user, key, name, MappingReason.DUPLICATE_NETSUITE_EMAIL,
                    active.size() + " active NetSuite employees have the email " + key + ".", sameEmail, active);
        }
        if (active.size() == 1) {
            return new MappingDecision(user.id(), user.email(), key, name, MappingStatus.MAPPED, null, null,
                    active.get(0).id(), List.of());
        }
        if (inactiveByEmail.containsKey(key)) {
            return notMapped(user, key, name, MappingReason.NETSUITE_EMPLOYEE_INACTIVE,
                    "Only inactive NetSuite employees have the email " + key + "; inactive employees are not matched.");
        }
        return notMapped(user, key, name, MappingReason.NO_NETSUITE_EMPLOYEE,
                "No NetSuite employee has the email " + key + ".");
    }

    private static MappingDecision notMapped(PrecoroUser user, String key, String name, MappingReason reason,
            String text) {
        return new MappingDecision(user.id(), user.email(), key, name, MappingStatus.NOT_MAPPED, reason, text, null,
                List.of());
    }

    private static MappingDecision conflict(PrecoroUser user, String key, String name, MappingReason reason,
            String text, List<PrecoroUser> users, List<NetSuiteEmployee> employees) {
        List<ConflictCandidate> candidates = new ArrayList<>();
        for (PrecoroUser other : users) {
            candidates.add(new ConflictCandidate(UpstreamSystem.PRECORO, Long.toString(other.id()),
                    name(other.firstName(), other.lastName()), other.email()));
        }
        for (NetSuiteEmployee employee : employees) {
            candidates.add(new ConflictCandidate(UpstreamSystem.NETSUITE, employee.id(),
                    name(employee.firstName(), employee.lastName()), employee.email()));
        }
        return new MappingDecision(user.id(), user.email(), key, name, MappingStatus.CONFLICT, reason, text, null,
                List.copyOf(candidates));
    }

    /** A HashMap capacity that holds {@code entries} without rehashing as it fills (50,000 users rehash 12 times). */
    private static int capacity(int entries) {
        return Math.max(16, (int) (entries / 0.75f) + 1);
    }

    static String name(String first, String last) {
        String joined = ((first == null ? "" : first.trim()) + " " + (last == null ? "" : last.trim())).trim();
        return joined.isEmpty() ? null : joined;
    }
}
