package dev.trestle.links;

/** The kinds of records the hub links between Procore and NetSuite. */
public enum LinkKind {
    /** A Procore directory company and a NetSuite vendor. */
    VENDOR,
    /** A Procore project and a NetSuite project (job). */
    PROJECT,
    /** A Procore WBS code and a NetSuite Other Charge item. */
    COST_CODE
}
