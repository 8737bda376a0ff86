package dev.trestle.connectors;

import java.util.Locale;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

/** The systems the hub talks to. */
@Name("ConnectedSystem")
@Description("A connected system.")
public enum UpstreamSystem {
    NETSUITE("NetSuite"), PRECORO("Precoro"), PROCORE("Procore");

    private final String displayName;

    UpstreamSystem(String displayName) {
        this.displayName = displayName;
    }

    /** The product name, for messages written for people. */
    public String displayName() {
        return displayName;
    }

    /** Lower-case name for metric tags, breaker names and error extensions. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
