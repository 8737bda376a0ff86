package dev.trestle.links;

import org.eclipse.microprofile.graphql.Description;

@Description("How a link between two records was decided.")
public enum LinkMethod {
    @Description("A user linked two existing records.")
    MANUAL,
    @Description("The NetSuite record was created by exporting the Procore record.")
    EXPORT,
    @Description("The Procore record was created by importing the NetSuite record.")
    IMPORT,
    @Description("The Precoro record already carried the NetSuite id (Precoro's own NetSuite integration set it).")
    ERP_ID
}
