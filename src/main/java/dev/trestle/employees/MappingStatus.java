package dev.trestle.employees;

import org.eclipse.microprofile.graphql.Description;

@Description("Whether a Precoro user is matched to a NetSuite employee.")
public enum MappingStatus {
    @Description("Matched to exactly one active NetSuite employee with the same email.")
    MAPPED,
    @Description("No active NetSuite employee has the user's email, or the user has no email (see reason).")
    NOT_MAPPED,
    @Description("The email is claimed by more than one record; a person has to resolve it (see candidates).")
    CONFLICT
}
