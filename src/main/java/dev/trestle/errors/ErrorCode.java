package dev.trestle.errors;

/**
 * The stable error codes that clients see as {@code extensions.code} on a GraphQL error.
 * Dashboards switch on these names, so a code is never renamed or reused for another meaning.
 */
public enum ErrorCode {
    /** An argument is missing, out of range or malformed (a page size, a cursor, an id). */
    INVALID_ARGUMENT,
    /** The caller has no valid bearer token. */
    UNAUTHENTICATED,
    /** The caller is authenticated but lacks the role the operation needs. */
    FORBIDDEN,
    /** The record that the operation names does not exist. */
    NOT_FOUND,
    /** An irreversible action was requested without {@code confirm: true}. */
    CONFIRMATION_REQUIRED,
    /** The setting cannot be changed back once it is on. */
    SETTING_IRREVERSIBLE,
    /** Employee sync is off; an admin has to turn it on first. */
    EMPLOYEE_SYNC_DISABLED,
    /** A sync of the same kind is already running (on this or another replica). */
    SYNC_ALREADY_RUNNING,
    /** Only a designated accounting approver may decide on exports. */
    NOT_AN_ACCOUNTING_APPROVER,
    /** The requester of an export cannot approve or reject it. */
    SELF_APPROVAL_FORBIDDEN,
    /** The export request is not in a state that allows this (e.g. approving a rejected one). */
    INVALID_EXPORT_STATE,
    /** The same record already has an open export request. */
    EXPORT_ALREADY_REQUESTED,
    /** The record cannot be exported as it is (no project number, inactive, not yet exported parent...). */
    NOT_EXPORTABLE,
    /** The project was created before the integration was connected, or is already in progress. */
    PROJECT_NOT_SYNCABLE,
    /** One of the two records is already linked to another record. */
    ALREADY_LINKED,
    /** The record is not linked. */
    NOT_LINKED,
    /** The feature is not supported by the integration (e.g. owner invoices, prime contracts). */
    NOT_SUPPORTED,
    /** The upstream system answered with an error (its own code is in {@code upstreamCode}). */
    UPSTREAM_ERROR,
    /** The upstream system kept refusing with 429 after every retry. */
    UPSTREAM_RATE_LIMITED,
    /** The upstream system did not answer in time after every retry. */
    UPSTREAM_TIMEOUT,
    /** Calls to the upstream system are suspended after repeated failures (circuit open). */
    UPSTREAM_UNAVAILABLE,
    /** The upstream system rejected the hub's credentials. */
    UPSTREAM_AUTH_FAILED,
    /** The upstream system answered with a body the hub cannot read. */
    UPSTREAM_MALFORMED_RESPONSE,
    /**
     * The HTTP request is not a GraphQL request the hub reads: unparseable or nested too deeply JSON,
     * {@code query} missing or not a string, {@code variables}/{@code extensions} not a map,
     * {@code operationName} not a string, a content type other than JSON, or a mutation sent with GET.
     */
    INVALID_REQUEST,
    /** The request body is larger than {@code trestle.graphql.max-request-bytes}. */
    REQUEST_TOO_LARGE,
    /** The GraphQL document cannot be parsed. */
    GRAPHQL_PARSE_FAILED,
    /** The document does not fit the schema (unknown field, missing argument, wrong literal...). */
    GRAPHQL_VALIDATION_FAILED,
    /** The document is deeper, wider or asks for more results than the hub's limits allow. */
    QUERY_TOO_COMPLEX,
    /** The caller sent more operations than their per-caller limit allows; retry after {@code retryAfterSeconds}. */
    RATE_LIMITED,
    /** The operations running on this replica hold as many results as it takes at once; retry in a moment. */
    OVERLOADED,
    /** The operation did not finish within the hub's execution deadline. */
    DEADLINE_EXCEEDED,
    /** Anything unexpected; details are in the server log, never in the response. */
    INTERNAL
}
