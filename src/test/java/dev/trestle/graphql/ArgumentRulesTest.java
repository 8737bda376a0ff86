package dev.trestle.graphql;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.employees.EmployeeFilter;
import dev.trestle.employees.EmployeesGraphQL;
import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.exports.ExportKind;
import dev.trestle.exports.ExportsGraphQL;
import dev.trestle.exports.ExportsGraphQL.RequestExportInput;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Source;
import org.junit.jupiter.api.Test;

/** The argument rules on their own: which Strings pass, which are refused, and what the refusal says. */
class ArgumentRulesTest {

    /** Shapes of GraphQL operations: plain arguments, input objects, lists, free text, a field resolver. */
    @SuppressWarnings("unused")
    static class Api {
        public void search(Filter filter, Integer first, String after) {
        }

        public void reject(String id, @FreeText String reason) {
        }

        public void renamed(@Name("user") String userName) {
        }

        public void note(Note note) {
        }

        public void field(@Source Parent parent, String code) {
        }
    }

    public static class Filter {
        public String search;
        public List<String> ids;
        public List<ExportKind> kinds;
        public Nested nested;
        @Name("who")
        public String owner;
    }

    public record Nested(String label, int count) {
    }

    public record Note(String title, @FreeText String body) {
    }

    public record Parent(String anything) {
    }

    @Test
    void ordinaryValuesPass() {
        Filter filter = new Filter();
        filter.search = "Anna Müller <anna@example.com> 東京 😀";
        filter.ids = List.of("42", "x".repeat(ArgumentRules.MAX_LENGTH));
        filter.kinds = List.of(ExportKind.VENDOR);
        filter.nested = new Nested("label", 3);
        assertDoesNotThrow(() -> check("search", filter, 20, "ZXhwb3J0OjQy"));
        assertDoesNotThrow(() -> check("search", null, null, null));
        assertDoesNotThrow(() -> check("reject", "7", "Wrong tax id.\n\tPlease fix\r\nand resubmit."));
        assertDoesNotThrow(() -> check("reject", "7", "x".repeat(ArgumentRules.MAX_FREE_TEXT_LENGTH)));
        // A search may be blank (it then narrows nothing); only free text must show something.
        filter.search = "  ";
        assertDoesNotThrow(() -> check("search", filter, null, null));
    }

    @Test
    void controlCharactersAreRefusedInIdsNamesAndSearches() {
        for (String bad : List.of("a\u0000b", "\u0000", "tab\there", "line\nbreak", "cr\r", "esc\u001b[31m", "del\u007f",
                "c1\u0085", "sep\u2028", "para\u2029")) {
            assertRefused("\"after\"", () -> check("search", null, null, bad));
            assertRefused("\"id\"", () -> check("reject", bad, "reason"));
            assertRefused("\"user\"", () -> check("renamed", bad));
        }
    }

    @Test
    void stringsInsideInputObjectsAndListsAreChecked() {
        Filter inSearch = new Filter();
        inSearch.search = "a\u0000";
        assertRefused("\"filter.search\" must not contain control characters.", () -> check("search", inSearch, null, null));
        Filter inList = new Filter();
        inList.ids = List.of("1", "2\u0000");
        assertRefused("\"filter.ids\"", () -> check("search", inList, null, null));
        Filter inRecord = new Filter();
        inRecord.nested = new Nested("x".repeat(ArgumentRules.MAX_LENGTH + 1), 1);
        assertRefused("\"filter.nested.label\" must be at most 200 characters long.",
                () -> check("search", inRecord, null, null));
        Filter renamed = new Filter();
        renamed.owner = "\u0007";
        assertRefused("\"filter.who\"", () -> check("search", renamed, null, null));
    }

    @Test
    void tooLongStringsAreRefusedBeforeTheyAreScanned() {
        String megabyte = "\u0000".repeat(1 << 20);
        assertRefused("\"after\" must be at most 200 characters long.", () -> check("search", null, null, megabyte));
        assertRefused("\"reason\" must be at most 2000 characters long.", () -> check("reject", "1", megabyte));
        assertRefused("\"reason\" must be at most 2000 characters long.",
                () -> check("reject", "1", "x".repeat(ArgumentRules.MAX_FREE_TEXT_LENGTH + 1)));
    }

    @Test
    void freeTextAllowsOnlyTabAndLineBreaksAndNeedsVisibleText() {
        assertRefused("\"reason\" must not contain control characters other than tab, line feed and carriage return.",
                () -> check("reject", "1", "wrong\u0000"));
        assertRefused("\"reason\"", () -> check("reject", "1", "bell\u0007"));
        for (String invisible : List.of("", " ", " \t\r\n ", "\u200b", "\u200b\u200c\u200d\u2060\ufeff", "\u00a0\u3000",
                "\u202e\u200e", "\u3164\u115f", "\u2800", "\u0301\u034f\ufe0f", "\ue000")) {
            assertRefused("\"reason\" must contain visible text, not only spaces or invisible characters.",
                    () -> check("reject", "1", invisible));
        }
        assertDoesNotThrow(() -> check("reject", "1", "\u200b.\u200b"));
        assertDoesNotThrow(() -> check("note", new Note("t", " ok ")));
        assertRefused("\"note.body\" must contain visible text", () -> check("note", new Note("t", "\u200b")));
        // The free-text mark is per field: the title of the same record is an ordinary string.
        assertRefused("\"note.title\" must not contain control characters.", () -> check("note", new Note("a\nb", "ok")));
    }

    @Test
    void unpairedSurrogatesAreRefused() {
        assertRefused("\"after\" must be valid Unicode text", () -> check("search", null, null, "a\ud800b"));
        assertRefused("\"reason\" must be valid Unicode text", () -> check("reject", "1", "ok \udc00"));
        assertDoesNotThrow(() -> check("search", null, null, "\ud83d\ude00"));
    }

    @Test
    void theSourceOfAFieldResolverIsNotCallerInput() {
        assertDoesNotThrow(() -> check("field", new Parent("stored\u0000text" + "x".repeat(5000)), "ok"));
        assertRefused("\"code\"", () -> check("field", new Parent("ok"), "\u0000"));
    }

    @Test
    void theHubsOwnInputTypesAreCovered() throws Exception {
        Method employees = EmployeesGraphQL.class.getMethod("employees", EmployeeFilter.class, Integer.class, String.class);
        EmployeeFilter filter = new EmployeeFilter();
        filter.search = "ann\u0000";
        assertRefused("\"filter.search\" must not contain control characters.",
                () -> ArgumentRules.check(employees, new Object[] {filter, 10, null}));

        Method requestExport = ExportsGraphQL.class.getMethod("requestExport", RequestExportInput.class);
        RequestExportInput input = new RequestExportInput();
        input.kind = ExportKind.PROJECT;
        input.sourceId = "9".repeat(ArgumentRules.MAX_LENGTH + 1);
        assertRefused("\"input.sourceId\" must be at most 200 characters long.",
                () -> ArgumentRules.check(requestExport, new Object[] {input}));

        Method reject = ExportsGraphQL.class.getMethod("rejectExport", String.class, String.class);
        assertDoesNotThrow(() -> ArgumentRules.check(reject, new Object[] {"1", "Line one.\nLine two."}));
        assertRefused("\"reason\" must contain visible text",
                () -> ArgumentRules.check(reject, new Object[] {"1", "\u200b \u200b"}));
    }

    @Test
    void refusalsNeverRepeatTheValue() {
        String marker = "MARKER<script>";
        for (String value : List.of(marker + "\u0000", marker.repeat(100), marker + "\ud800")) {
            TrestleException refused = assertThrows(TrestleException.class, () -> check("search", null, null, value));
            assertFalse(refused.getMessage().contains("MARKER"), refused.getMessage());
        }
    }

    private static void check(String method, Object... arguments) {
        Method target = Arrays.stream(Api.class.getMethods()).filter(m -> m.getName().equals(method)).findFirst()
                .orElseThrow();
        ArgumentRules.check(target, arguments);
    }

    private static void assertRefused(String expectedStart, Runnable call) {
        TrestleException refused = assertThrows(TrestleException.class, call::run);
        assertEquals(ErrorCode.INVALID_ARGUMENT, refused.code());
        assertTrue(refused.getMessage().startsWith(expectedStart), refused.getMessage());
    }
}
