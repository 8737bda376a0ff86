package dev.trestle.sandbox.netsuite;

/** A {@code q} filter or SuiteQL statement the sandbox cannot run; answered with 400 INVALID_PARAMETER. */
final class InvalidQueryException extends RuntimeException {

    InvalidQueryException(String message) {
        super(message);
    }
}
