package dev.trestle.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.sandbox.netsuite.SandboxEmployee;
import dev.trestle.sandbox.precoro.SandboxUser;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoDataTest {

    @Test
    void defaultDataHasEveryCaseAtTheDocumentedIds() {
        DemoData data = DemoData.generate(42);
        assertEquals(300, data.precoroUsers().size());
        assertEquals(300, data.netsuiteEmployees().size());
        Map<Long, SandboxUser> users = data.precoroUsers().stream().collect(Collectors.toMap(SandboxUser::id, Function.identity()));
        Map<String, SandboxEmployee> employees = data.netsuiteEmployees().stream()
                .collect(Collectors.toMap(e -> String.valueOf(e.id()), Function.identity()));

        assertEquals(" Ann.Lee@Example.com ", users.get(DemoCases.CASE_AND_SPACES_PRECORO_ID).email());
        assertEquals("ann.lee@example.com", employees.get(DemoCases.CASE_AND_SPACES_NETSUITE_ID).email());
        assertEquals(users.get(DemoCases.CASE_ONLY_PRECORO_ID).email(),
                employees.get(DemoCases.CASE_ONLY_NETSUITE_ID).email().toUpperCase(Locale.ROOT));
        assertNull(users.get(DemoCases.NULL_EMAIL_PRECORO_ID).email());
        assertEquals("", users.get(DemoCases.EMPTY_EMAIL_PRECORO_ID).email());
        assertEquals("   ", users.get(DemoCases.SPACES_EMAIL_PRECORO_ID).email());
        String unknown = users.get(DemoCases.UNKNOWN_EMAIL_PRECORO_ID).email();
        assertTrue(data.netsuiteEmployees().stream().noneMatch(e -> unknown.equalsIgnoreCase(e.email())));
        assertEquals(List.of(DemoCases.INACTIVE_ONLY_NETSUITE_ID), holders(data, users.get(DemoCases.INACTIVE_ONLY_PRECORO_ID)));
        assertTrue(employees.get(DemoCases.INACTIVE_ONLY_NETSUITE_ID).inactive());
        assertEquals(DemoCases.NETSUITE_CONFLICT_NETSUITE_IDS, holders(data, users.get(DemoCases.NETSUITE_CONFLICT_PRECORO_ID)));
        DemoCases.NETSUITE_CONFLICT_NETSUITE_IDS.forEach(id -> assertFalse(employees.get(id).inactive()));
        List<Long> pair = DemoCases.PRECORO_CONFLICT_PRECORO_IDS;
        assertEquals(users.get(pair.get(0)).email(), users.get(pair.get(1)).email());
        assertEquals(List.of(DemoCases.PRECORO_CONFLICT_NETSUITE_ID), holders(data, users.get(pair.get(0))));
        assertEquals(List.of(DemoCases.ACTIVE_OVER_INACTIVE_INACTIVE_ID, DemoCases.ACTIVE_OVER_INACTIVE_ACTIVE_ID),
                holders(data, users.get(DemoCases.ACTIVE_OVER_INACTIVE_PRECORO_ID)));
        assertTrue(employees.get(DemoCases.ACTIVE_OVER_INACTIVE_INACTIVE_ID).inactive());
        assertFalse(employees.get(DemoCases.ACTIVE_OVER_INACTIVE_ACTIVE_ID).inactive());
        assertEquals(users.get(DemoCases.FIRST_EXACT_MATCH_PRECORO_ID).email(),
                employees.get(DemoCases.FIRST_EXACT_MATCH_NETSUITE_ID).email());

        DemoCases cases = data.cases();
        assertEquals(3 * 89, cases.exactMatches().size());
        assertEquals(6, cases.caseOrSpaceMatches().size());
        assertEquals(3, cases.precoroNullEmail().size());
        assertEquals(6, cases.precoroBlankEmail().size());
        assertEquals(3, cases.precoroUnknownEmail().size());
        assertEquals(3, cases.inactiveOnly().size());
        assertEquals(3, cases.netsuiteConflicts().size());
        assertEquals(3, cases.precoroConflicts().size());
        assertEquals(3, cases.activeOverInactive().size());
        assertEquals(9, cases.netsuiteOnly().size());
        assertNull(employees.get(cases.netsuiteOnly().get(0)).email());
        for (DemoCases.Match m : cases.exactMatches()) {
            assertEquals(users.get(m.precoroId()).email(), employees.get(m.netsuiteId()).email());
            assertEquals(List.of(m.netsuiteId()), holders(data, users.get(m.precoroId())));
        }
        for (String id : cases.netsuiteOnly()) {
            String email = employees.get(id).email();
            assertTrue(email == null || data.precoroUsers().stream().noneMatch(u -> u.email() != null
                    && u.email().trim().equalsIgnoreCase(email)));
        }
    }

    @Test
    void isDeterministicPerSeed() {
        assertEquals(DemoData.generate(7), DemoData.generate(7));
        assertNotEquals(DemoData.generate(7).precoroUsers(), DemoData.generate(8).precoroUsers());
        // The documented first-block ids hold for any seed.
        assertEquals(DemoData.generate(8).cases().activeOverInactive().get(0),
                new DemoCases.ActiveOverInactive(11, "108", "107"));
    }

    @Test
    void largeSetsKeepTheMixAtScale() {
        long start = System.nanoTime();
        DemoData data = DemoData.generate(42, 50_000, 50_000);
        assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000);
        assertEquals(50_000, data.precoroUsers().size());
        assertEquals(50_000, data.netsuiteEmployees().size());
        assertEquals(500, data.cases().netsuiteConflicts().size());
        assertEquals(500 * 89, data.cases().exactMatches().size());
        assertEquals(50_000, data.precoroUsers().stream().map(SandboxUser::id).distinct().count());
        assertEquals(50_000, data.netsuiteEmployees().stream().map(SandboxEmployee::id).distinct().count());
    }

    /** NetSuite ids whose email equals the user's once trimmed and lower-cased. */
    private static List<String> holders(DemoData data, SandboxUser user) {
        String key = user.email().trim().toLowerCase(Locale.ROOT);
        return data.netsuiteEmployees().stream()
                .filter(e -> e.email() != null && e.email().trim().toLowerCase(Locale.ROOT).equals(key))
                .map(e -> String.valueOf(e.id())).toList();
    }
}
