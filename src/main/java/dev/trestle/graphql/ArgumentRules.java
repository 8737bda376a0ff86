package dev.trestle.graphql;

import dev.trestle.errors.TrestleException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.Collection;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Source;

/**
 * The rules every String that a GraphQL caller sends must follow, checked for every operation
 * before it runs (by {@code security.OperationGuard}), in arguments and in the String fields of
 * input types, at any depth and in lists:
 *
 * <ul>
 * <li>ids, names, emails, searches and cursors: at most {@value #MAX_LENGTH} characters, no
 * control characters at all (nor line or paragraph separators);
 * <li>free text ({@link FreeText}, e.g. a rejection reason): at most {@value #MAX_FREE_TEXT_LENGTH}
 * characters, no control characters except tab, line feed and carriage return, and some visible
 * text (not only spaces or invisible characters such as zero-width spaces);
 * <li>no unpaired UTF-16 surrogates (text that is not Unicode).
 * </ul>
 *
 * <p>PostgreSQL refuses NUL in text, and neither the database nor the upstream systems should
 * get megabytes from one argument; refusing here gives the caller {@code INVALID_ARGUMENT}
 * naming the argument and the rule. The message never repeats the value: it may be huge, or
 * made to be shown to someone else.
 *
 * <p>Lengths count UTF-16 code units ({@link String#length()}), checked before anything else.
 * {@link Source} parameters are the parent object of a field resolver, not caller input, and
 * are skipped. Only types of the hub's own packages are walked into (the GraphQL input types, records
 * or classes, through all their fields).
 */
public final class ArgumentRules {

    /** Ids, names, emails, searches, cursors. */
    public static final int MAX_LENGTH = 200;
    /** Free text such as a rejection reason. */
    public static final int MAX_FREE_TEXT_LENGTH = 2_000;
    /**
     * Cursors ({@link Cursors}, which checks it): longer than any cursor the hub makes
     * ("{@code <type>:<19 digits>}" in base64), so a longer one is not decoded at all.
     */
    public static final int MAX_CURSOR_LENGTH = 64;

    private static final String OWN_PACKAGES = "dev.trestle.";
    /** Input types nest one or two levels; anything deeper is not an input type. */
    private static final int MAX_DEPTH = 8;

    private ArgumentRules() {
    }

    /** Checks the arguments of one invocation of a GraphQL operation or field resolver. */
    public static void check(Method method, Object[] arguments) {
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length && i < arguments.length; i++) {
            Parameter parameter = parameters[i];
            if (parameter.isAnnotationPresent(Source.class)) {
                continue;
            }
            check(name(parameter), arguments[i], parameter.isAnnotationPresent(FreeText.class), 0);
        }
    }

    /** Checks one value (a String, or an input object, list or enum) given as argument {@code name}. */
    private static void check(String name, Object value, boolean freeText, int depth) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
            return;
        }
        if (value instanceof String text) {
            if (freeText) {
                checkFreeText(name, text);
            } else {
                checkText(name, text);
            }
            return;
        }
        if (depth >= MAX_DEPTH) {
            return;
        }
        if (value instanceof Collection<?> elements) {
            for (Object element : elements) {
                check(name, element, freeText, depth + 1);
            }
            return;
        }
        for (Class<?> type = value.getClass(); type != null && type.getName().startsWith(OWN_PACKAGES);
                type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
                    continue;
                }
                Object fieldValue;
                try {
                    field.setAccessible(true);
                    fieldValue = field.get(value);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new IllegalStateException("cannot read " + type.getName() + "." + field.getName(), e);
                }
                check(name + "." + name(field.getName(), field.getAnnotation(Name.class)), fieldValue,
                        field.isAnnotationPresent(FreeText.class), depth + 1);
            }
        }
    }

    /** An id, a name, an email, a search or a cursor. */
    public static void checkText(String name, String text) {
        if (text.length() > MAX_LENGTH) {
            throw refuse(name, "must be at most " + MAX_LENGTH + " characters long");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                throw refuse(name, "must not contain control characters");
            }
            int type = Character.getType(c);
            if (type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                throw refuse(name, "must not contain line breaks");
            }
            i = checkSurrogate(name, text, i);
        }
    }

    /** Free text: longer, may hold tabs and line breaks, and must show something. */
    public static void checkFreeText(String name, String text) {
        if (text.length() > MAX_FREE_TEXT_LENGTH) {
            throw refuse(name, "must be at most " + MAX_FREE_TEXT_LENGTH + " characters long");
        }
        boolean visible = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                throw refuse(name, "must not contain control characters other than tab, line feed and carriage return");
            }
            int next = checkSurrogate(name, text, i);
            visible = visible || isVisible(text.codePointAt(i));
            i = next;
        }
        if (!visible) {
            throw refuse(name, "must contain visible text, not only spaces or invisible characters");
        }
    }

    /**
     * Letters, digits, punctuation, symbols and spacing marks show; spaces, control and format
     * characters (zero-width spaces and joiners, bidi marks), lone combining marks, private use
     * and unassigned code points do not, nor do the few letters and symbols drawn blank.
     */
    static boolean isVisible(int codePoint) {
        switch (codePoint) {
            case 0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800 -> {
                // Hangul fillers and the blank Braille pattern: letters and symbols drawn as nothing.
                return false;
            }
            default -> {
            }
        }
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL,
                    Character.COMBINING_SPACING_MARK -> true;
            default -> false;
        };
    }

    /** Index of the last char of the code point at {@code i}; refuses an unpaired surrogate. */
    private static int checkSurrogate(String name, String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            return i + 1;
        }
        if (Character.isSurrogate(c)) {
            throw refuse(name, "must be valid Unicode text (it has an unpaired surrogate)");
        }
        return i;
    }

    private static TrestleException refuse(String name, String rule) {
        return TrestleException.invalidArgument("\"" + name + "\" " + rule + ".");
    }

    private static String name(Parameter parameter) {
        return name(parameter.getName(), parameter.getAnnotation(Name.class));
    }

    private static String name(String javaName, Name graphqlName) {
        return graphqlName == null ? javaName : graphqlName.value();
    }
}
