package dev.trestle.security;

/** The roles a caller's token may carry (claim configured by {@code smallrye.jwt.path.groups}). */
public final class Roles {
    /** Reads everything. */
    public static final String VIEWER = "viewer";
    /** Project managers: ask for exports and imports. */
    public static final String REQUESTER = "requester";
    /** Accounting approvers: approve, reject and retry exports. */
    public static final String APPROVER = "approver";
    /** Configures the integration. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
