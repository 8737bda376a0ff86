package dev.trestle.exports;

import io.smallrye.config.ConfigMapping;

/**
 * The NetSuite records that exported vendors, projects and cost codes point at
 * ({@code trestle.netsuite.*}, beside the connection settings). They differ per account, so
 * they are configured, never assumed.
 */
@ConfigMapping(prefix = "trestle.netsuite")
public interface NetSuiteDestinations {

    /** Internal id of the subsidiary that exported vendors, projects and items belong to. */
    String subsidiaryId();

    /** Internal id of the customer every exported project (job) hangs under. */
    String projectParentId();

    /** Internal id of the expense account of the Other Charge items made from cost codes. */
    String costCodeExpenseAccountId();
}
