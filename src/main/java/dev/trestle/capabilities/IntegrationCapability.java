package dev.trestle.capabilities;

import dev.trestle.connectors.UpstreamSystem;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** One flow of the integration: which records go from which system to which, when, and whether the hub does it. */
@Description("One flow of the integration: what moves between which systems, when, and whether it is supported.")
public record IntegrationCapability(
        @NonNull @Description("The records, in the words of the systems (e.g. \"Procore subcontractor invoices\").") String object,
        @NonNull UpstreamSystem from,
        @NonNull UpstreamSystem to,
        @NonNull FlowDirection direction,
        @NonNull @Description("What starts it.") String trigger,
        @Description("Whether the hub does it today.") boolean supported,
        @Description("Why not, when it is not supported; in words for people.") String reason) {

    @Description("How records move.")
    public enum FlowDirection {
        @Description("Records are matched to records that exist on both sides, never created.")
        MATCH,
        @Description("A person links two records that exist on both sides.")
        LINK,
        @Description("Into NetSuite, after a designated accounting approver approves.")
        EXPORT,
        @Description("From NetSuite into Procore.")
        IMPORT
    }

    static IntegrationCapability supported(String object, UpstreamSystem from, UpstreamSystem to, FlowDirection direction, String trigger) {
        return new IntegrationCapability(object, from, to, direction, trigger, true, null);
    }

    static IntegrationCapability unsupported(String object, UpstreamSystem from, UpstreamSystem to, FlowDirection direction, String trigger,
            String reason) {
        return new IntegrationCapability(object, from, to, direction, trigger, false, reason);
    }
}
