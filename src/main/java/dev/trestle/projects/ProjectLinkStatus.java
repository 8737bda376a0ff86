package dev.trestle.projects;

import org.eclipse.microprofile.graphql.Description;

@Description("Whether a project exists on both sides and is linked.")
public enum ProjectLinkStatus {
    @Description("A Procore project linked to a NetSuite project (job).")
    LINKED,
    @Description("A Procore project without a NetSuite project.")
    PROCORE_ONLY,
    @Description("A NetSuite project (job) without a Procore project.")
    NETSUITE_ONLY
}
