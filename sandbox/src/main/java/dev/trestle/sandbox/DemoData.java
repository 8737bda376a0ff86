package dev.trestle.sandbox;

import dev.trestle.sandbox.netsuite.SandboxEmployee;
import dev.trestle.sandbox.precoro.SandboxUser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic demo data for both simulated systems: the same seed and sizes always give the
 * same people, emails, dates and ids.
 *
 * <p>Precoro users come in blocks of {@value #BLOCK}; the slot within a block decides the matcher
 * case (slot = (precoroId - 1) % 100):
 * <ul>
 *   <li>0: email differs from NetSuite's by case and surrounding spaces</li>
 *   <li>1: email differs by case only</li>
 *   <li>2, 3, 4: email null, empty, spaces</li>
 *   <li>5: email no NetSuite employee has</li>
 *   <li>6: email held only by an inactive NetSuite employee</li>
 *   <li>7: email held by two active NetSuite employees</li>
 *   <li>8, 9: two Precoro users share one email, one NetSuite employee has it</li>
 *   <li>10: email held by an inactive and (later id) an active NetSuite employee</li>
 *   <li>11..99: exact match</li>
 * </ul>
 * NetSuite internal ids start at {@value #FIRST_NETSUITE_ID} and follow the order the employees
 * are generated in; employees without a Precoro user fill up to the requested count at the end
 * (there are always at least as many employees as the users' counterparts need).
 *
 * @param cases which ids are which case, see {@link DemoCases}
 */
public record DemoData(List<SandboxUser> precoroUsers, List<SandboxEmployee> netsuiteEmployees, DemoCases cases) {

    public static final int BLOCK = 100;
    public static final long FIRST_NETSUITE_ID = 101;
    public static final long SUBSIDIARY_ID = 1;
    public static final String SUBSIDIARY_NAME = "Trestle Builders Inc.";

    private static final String[] FIRST_NAMES = {"Ann", "Marcus", "Priya", "Diego", "Hannah", "Tomasz", "Grace",
        "Kwame", "Olivia", "Rafael", "Mei", "Connor", "Fatima", "Liam", "Sofia", "Declan", "Aisha", "Mateo",
        "Ingrid", "Samuel", "Yuki", "Brandon", "Elena", "Jamal", "Chloe", "Viktor", "Nadia", "Owen", "Lucia",
        "Ravi", "Megan", "Andre", "Kateryna", "Wes", "Imani", "Gavin", "Rosa", "Trevor", "Amara", "Colin"};
    private static final String[] LAST_NAMES = {"Lee", "Hoffman", "Patel", "Ramirez", "Kowalski", "Okafor",
        "Brennan", "Nguyen", "Schmidt", "Alvarez", "Chen", "Murphy", "Haddad", "Johansson", "Rossi", "Walsh",
        "Mensah", "Torres", "Lindqvist", "Baker", "Tanaka", "Fitzgerald", "Morales", "Washington", "Dubois",
        "Novak", "Karimi", "Sullivan", "Ortega", "Iyer", "Gallagher", "Moreau", "Shevchenko", "Carter",
        "Adeyemi", "Reid", "Castillo", "Holt", "Eze", "MacLeod"};
    /** Company mailboxes the people work under; the unknown-email case uses a subcontractor's. */
    private static final String[] DOMAINS = {"example.com", "builders.example.com", "example.org"};
    private static final String OUTSIDE_DOMAIN = "subcontractor.example.net";
    private static final Instant EPOCH = Instant.parse("2024-01-02T08:00:00Z");
    private static final long SPAN_SECONDS = Duration.ofDays(540).toSeconds();

    /** The default demo data set: about 300 Precoro users and 300 NetSuite employees. */
    public static DemoData generate(long seed) {
        return generate(seed, 300, 300);
    }

    /** {@code precoroUsers} users and at least {@code netsuiteEmployees} employees with every case, at any scale. */
    public static DemoData generate(long seed, int precoroUsers, int netsuiteEmployees) {
        return new Generator(seed).run(precoroUsers, netsuiteEmployees);
    }

    private static final class Generator {
        private final Random random;
        private final Set<String> usedEmails = new HashSet<>();
        private final List<SandboxUser> users = new ArrayList<>();
        private final List<SandboxEmployee> employees = new ArrayList<>();
        private long nextNetSuiteId = FIRST_NETSUITE_ID;

        private final List<DemoCases.Match> exact = new ArrayList<>();
        private final List<DemoCases.Match> caseOrSpace = new ArrayList<>();
        private final List<Long> nullEmail = new ArrayList<>();
        private final List<Long> blankEmail = new ArrayList<>();
        private final List<Long> unknownEmail = new ArrayList<>();
        private final List<DemoCases.Match> inactiveOnly = new ArrayList<>();
        private final List<DemoCases.NetSuiteConflict> netsuiteConflicts = new ArrayList<>();
        private final List<DemoCases.PrecoroConflict> precoroConflicts = new ArrayList<>();
        private final List<DemoCases.ActiveOverInactive> activeOverInactive = new ArrayList<>();
        private final List<String> netsuiteOnly = new ArrayList<>();

        Generator(long seed) {
            this.random = new Random(seed);
        }

        DemoData run(int userCount, int employeeCount) {
            String sharedEmail = null;
            for (int i = 0; i < userCount; i++) {
                long precoroId = i + 1L;
                int slot = i % BLOCK;
                String[] name = slot == 0 && i == 0 ? new String[] {"Ann", "Lee"} : name();
                String email = slot == 0 && i == 0 ? claim("ann.lee@example.com") : uniqueEmail(name, pickDomain());
                switch (slot) {
                    case 0 -> {
                        user(precoroId, name, " " + capitalizeEmail(email) + " ");
                        caseOrSpace.add(new DemoCases.Match(precoroId, employee(name, email, false)));
                    }
                    case 1 -> {
                        user(precoroId, name, email.toUpperCase(Locale.ROOT));
                        caseOrSpace.add(new DemoCases.Match(precoroId, employee(name, email, false)));
                    }
                    case 2 -> {
                        user(precoroId, name, null);
                        nullEmail.add(precoroId);
                    }
                    case 3, 4 -> {
                        user(precoroId, name, slot == 3 ? "" : "   ");
                        blankEmail.add(precoroId);
                    }
                    case 5 -> {
                        user(precoroId, name, uniqueEmail(name, OUTSIDE_DOMAIN));
                        unknownEmail.add(precoroId);
                    }
                    case 6 -> {
                        user(precoroId, name, email);
                        inactiveOnly.add(new DemoCases.Match(precoroId, employee(name, email, true)));
                    }
                    case 7 -> {
                        user(precoroId, name, email);
                        // The same person entered twice in NetSuite, e.g. after a rehire.
                        netsuiteConflicts.add(new DemoCases.NetSuiteConflict(precoroId,
                                List.of(employee(name, email, false), employee(name, email, false))));
                    }
                    case 8 -> {
                        // A shared purchasing mailbox used by two Precoro logins.
                        sharedEmail = uniqueEmail(new String[] {"purchasing", name[1]}, pickDomain());
                        user(precoroId, name, sharedEmail);
                        String nsId = employee(name, sharedEmail, false);
                        precoroConflicts.add(new DemoCases.PrecoroConflict(List.of(precoroId, precoroId + 1), nsId));
                    }
                    case 9 -> user(precoroId, name, sharedEmail);
                    case 10 -> {
                        user(precoroId, name, email);
                        String inactive = employee(name, email, true);
                        String active = employee(name, email, false);
                        activeOverInactive.add(new DemoCases.ActiveOverInactive(precoroId, active, inactive));
                    }
                    default -> {
                        user(precoroId, name, email);
                        exact.add(new DemoCases.Match(precoroId, employee(name, email, false)));
                    }
                }
            }
            boolean first = true;
            while (employees.size() < employeeCount) {
                String[] name = name();
                // One NetSuite-only employee has no email at all: SuiteQL leaves the column out.
                netsuiteOnly.add(employee(name, first ? null : uniqueEmail(name, pickDomain()), false));
                first = false;
            }
            DemoCases cases = new DemoCases(List.copyOf(exact), List.copyOf(caseOrSpace), List.copyOf(nullEmail),
                    List.copyOf(blankEmail), List.copyOf(unknownEmail), List.copyOf(inactiveOnly),
                    List.copyOf(netsuiteConflicts), List.copyOf(precoroConflicts), List.copyOf(activeOverInactive),
                    List.copyOf(netsuiteOnly));
            return new DemoData(List.copyOf(users), List.copyOf(employees), cases);
        }

        private void user(long id, String[] name, String email) {
            Instant created = instant();
            Instant updated = created.plusSeconds(random.nextInt((int) Duration.ofDays(60).toSeconds()));
            users.add(new SandboxUser(id, email, name[0], name[1], true, created, updated));
        }

        private String employee(String[] name, String email, boolean inactive) {
            long id = nextNetSuiteId++;
            employees.add(new SandboxEmployee(id, "EMP-" + id, String.format("E-%04d", id), name[0], name[1], email,
                    inactive, instant(), SUBSIDIARY_ID, SUBSIDIARY_NAME));
            return String.valueOf(id);
        }

        private String[] name() {
            return new String[] {FIRST_NAMES[random.nextInt(FIRST_NAMES.length)],
                LAST_NAMES[random.nextInt(LAST_NAMES.length)]};
        }

        private String pickDomain() {
            return DOMAINS[random.nextInt(DOMAINS.length)];
        }

        /** first.last@domain, numbered when that address is taken, so unplanned collisions never happen. */
        private String uniqueEmail(String[] name, String domain) {
            String local = (name[0] + "." + name[1]).toLowerCase(Locale.ROOT);
            String candidate = local + "@" + domain;
            for (int n = 2; usedEmails.contains(candidate); n++) {
                candidate = local + n + "@" + domain;
            }
            return claim(candidate);
        }

        private String claim(String email) {
            usedEmails.add(email);
            return email;
        }

        private Instant instant() {
            return EPOCH.plusSeconds((long) (random.nextDouble() * SPAN_SECONDS));
        }

        /** "ann.lee@example.com" becomes "Ann.Lee@Example.com", as people type it. */
        private static String capitalizeEmail(String email) {
            StringBuilder out = new StringBuilder(email.length());
            boolean startOfWord = true;
            boolean inDomain = false;
            for (char c : email.toCharArray()) {
                out.append(startOfWord ? Character.toUpperCase(c) : c);
                inDomain |= c == '@';
                startOfWord = c == '@' || (c == '.' && !inDomain);
            }
            return out.toString();
        }
    }
}
