package dev.trestle.employees;

import org.eclipse.microprofile.graphql.Description;

@Description("Why a Precoro user is not mapped.")
public enum MappingReason {
    @Description("The Precoro user has no email address.")
    NO_EMAIL,
    @Description("No NetSuite employee has this email address.")
    NO_NETSUITE_EMPLOYEE,
    @Description("Only inactive NetSuite employees have this email address; inactive employees never match.")
    NETSUITE_EMPLOYEE_INACTIVE,
    @Description("More than one active NetSuite employee has this email address.")
    DUPLICATE_NETSUITE_EMAIL,
    @Description("More than one Precoro user has this email address.")
    DUPLICATE_PRECORO_EMAIL,
    @Description("The user no longer exists in Precoro.")
    PRECORO_USER_GONE
}
