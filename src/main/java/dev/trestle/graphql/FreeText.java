package dev.trestle.graphql;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a String argument (or a String field of an input type) as free text written by people,
 * such as a rejection reason: {@link ArgumentRules} lets it hold up to
 * {@value ArgumentRules#MAX_FREE_TEXT_LENGTH} characters, tabs and line breaks, and requires
 * visible text in it. Every other String argument is an id, a name, an email or a search.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface FreeText {
}
