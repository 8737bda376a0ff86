package dev.trestle.security;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The caller needs at least one of these roles. On a GraphQL API class it covers every
 * operation; on a method it replaces the class's list. A caller without them gets a
 * {@code FORBIDDEN} error (not a framework exception with a class name in it).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresRole {
    @Nonbinding
    String[] value();
}
