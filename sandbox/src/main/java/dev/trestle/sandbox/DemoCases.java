package dev.trestle.sandbox;

import java.util.List;

/**
 * Which generated records exercise which case of the employee matcher (a Precoro user matches
 * the one active NetSuite employee with the same email, compared trimmed and case-insensitively).
 *
 * <p>The generator works in blocks of {@value DemoData#BLOCK} Precoro users; block {@code b}
 * holds Precoro ids {@code 100b+1 .. 100b+100}, and within a block the slot decides the case
 * (see {@link DemoData}). For the default data (300 users, 300 employees, any seed) the first
 * block gives these stable ids; the constants name them for tests:
 * <pre>
 * Precoro 1  " Ann.Lee@Example.com "   -> NetSuite 101 "ann.lee@example.com" (case + spaces)
 * Precoro 2  upper-case email          -> NetSuite 102 (case only)
 * Precoro 3  email null; 4 email ""; 5 email "   "
 * Precoro 6  email no NetSuite employee has
 * Precoro 7  -> only NetSuite 103, inactive
 * Precoro 8  -> NetSuite 104 and 105, both active (NetSuite conflict)
 * Precoro 9 and 10 share one email     -> NetSuite 106 (Precoro conflict)
 * Precoro 11 -> NetSuite 107 inactive and 108 active (matches 108)
 * Precoro 12..100 -> NetSuite 109..197, exact matches
 * </pre>
 * NetSuite employees with no Precoro user come after all blocks (392..400 by default); the first
 * of them has no email.
 *
 * @param exactMatches            identical emails
 * @param caseOrSpaceMatches      emails equal only after trimming and lower-casing
 * @param precoroNullEmail        Precoro users whose email is null
 * @param precoroBlankEmail       Precoro users whose email is empty or spaces
 * @param precoroUnknownEmail     Precoro users whose email no NetSuite employee has
 * @param inactiveOnly            email held only by an inactive employee (no match)
 * @param netsuiteConflicts       email held by two active employees (no match, a conflict)
 * @param precoroConflicts        two Precoro users with one email (a conflict)
 * @param activeOverInactive      email held by an active and an inactive employee (matches the active)
 * @param netsuiteOnly            NetSuite employees no Precoro user points at
 */
public record DemoCases(List<Match> exactMatches, List<Match> caseOrSpaceMatches, List<Long> precoroNullEmail,
        List<Long> precoroBlankEmail, List<Long> precoroUnknownEmail, List<Match> inactiveOnly,
        List<NetSuiteConflict> netsuiteConflicts, List<PrecoroConflict> precoroConflicts,
        List<ActiveOverInactive> activeOverInactive, List<String> netsuiteOnly) {

    public static final long CASE_AND_SPACES_PRECORO_ID = 1;
    public static final String CASE_AND_SPACES_NETSUITE_ID = "101";
    public static final long CASE_ONLY_PRECORO_ID = 2;
    public static final String CASE_ONLY_NETSUITE_ID = "102";
    public static final long NULL_EMAIL_PRECORO_ID = 3;
    public static final long EMPTY_EMAIL_PRECORO_ID = 4;
    public static final long SPACES_EMAIL_PRECORO_ID = 5;
    public static final long UNKNOWN_EMAIL_PRECORO_ID = 6;
    public static final long INACTIVE_ONLY_PRECORO_ID = 7;
    public static final String INACTIVE_ONLY_NETSUITE_ID = "103";
    public static final long NETSUITE_CONFLICT_PRECORO_ID = 8;
    public static final List<String> NETSUITE_CONFLICT_NETSUITE_IDS = List.of("104", "105");
    public static final List<Long> PRECORO_CONFLICT_PRECORO_IDS = List.of(9L, 10L);
    public static final String PRECORO_CONFLICT_NETSUITE_ID = "106";
    public static final long ACTIVE_OVER_INACTIVE_PRECORO_ID = 11;
    public static final String ACTIVE_OVER_INACTIVE_INACTIVE_ID = "107";
    public static final String ACTIVE_OVER_INACTIVE_ACTIVE_ID = "108";
    public static final long FIRST_EXACT_MATCH_PRECORO_ID = 12;
    public static final String FIRST_EXACT_MATCH_NETSUITE_ID = "109";

    /** A Precoro user and the NetSuite employee it should match (or, for inactiveOnly, must not). */
    public record Match(long precoroId, String netsuiteId) {
    }

    public record NetSuiteConflict(long precoroId, List<String> netsuiteIds) {
    }

    public record PrecoroConflict(List<Long> precoroIds, String netsuiteId) {
    }

    public record ActiveOverInactive(long precoroId, String activeNetsuiteId, String inactiveNetsuiteId) {
    }
}
