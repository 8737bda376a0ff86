package dev.trestle.projects;

import dev.trestle.connectors.netsuite.NetSuiteJob;
import dev.trestle.links.RecordLink;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/**
 * A Procore project and the NetSuite project (job) that is the same thing, either side possibly
 * missing, both read live.
 */
@Type("Project")
@Description("A Procore project and its NetSuite project (job), as both systems have them now.")
public record Project(
        @NonNull ProjectLinkStatus linkStatus,
        @Id @Description("Empty for a NetSuite project without a Procore project.") String procoreProjectId,
        @Description("The Procore project's name.") String name,
        @Description("The Procore project number; it becomes the NetSuite Job ID.") String projectNumber,
        @Description("The Procore project stage, e.g. Pre-Construction.") String stage,
        @Description("Whether the Procore project is active.") Boolean active,
        @Description("When the Procore project was created.") Instant createdAt,
        @Description("The Procore project's start date.") LocalDate startDate,
        @Description("The NetSuite project (job); empty when there is none.") NetSuiteJob netsuiteJob,
        @Description("The hub's link between the two; empty when not linked, or when Procore's origin id "
                + "ties them from before the hub.") RecordLink link,
        @NonNull @Description("Whether the Procore project can be exported to NetSuite now.") boolean exportable,
        @Description("Why it cannot be exported; empty when it can.") String notExportableReason) {
}
