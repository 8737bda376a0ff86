package dev.trestle.common;

import io.vertx.pgclient.PgException;
import java.util.Set;

/**
 * Recognises PostgreSQL unique violations of named constraints, whether they come straight
 * from the reactive client or wrapped by Hibernate. Naming the constraint keeps an unrelated
 * violation from being reported as the business rule that the named one enforces.
 */
public final class UniqueViolation {

    private static final String SQL_STATE = "23505";

    private UniqueViolation() {
    }

    /** Whether {@code failure}, or one of its causes, violates one of these unique constraints. */
    public static boolean of(Throwable failure, String... constraints) {
        Set<String> names = Set.of(constraints);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && SQL_STATE.equals(pg.getSqlState()) && names.contains(pg.getConstraint())) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && names.contains(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }
}
