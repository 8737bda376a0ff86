package dev.trestle.costcodes;

import dev.trestle.links.RecordLink;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A WBS code of a Procore project and the NetSuite Other Charge item it is exported as. */
@Type("CostCode")
@Description("A WBS code of a Procore project (cost code, cost type, custom segments) and its NetSuite item.")
public record CostCode(
        @Id @NonNull @Description("Procore's id of the WBS code.") String wbsCodeId,
        @NonNull @Description("All segment values with their delimiters, e.g. 01-100.L.") String flatCode,
        String description,
        @Description("The cost code segment's value, e.g. 01-100.") String costCode,
        @Description("The cost type segment's value, e.g. L.") String costType,
        @NonNull @Description("The custom segments' values, in segment order.") List<@NonNull String> customSegments,
        @Description("The NetSuite item name (Item Name/Number) it gets: [project number]-[cost code].[cost type], "
                + "then each custom segment after a dot. Empty when the project has no number.") String itemName,
        @NonNull CostCodeLinkStatus linkStatus,
        @Id @Description("The linked NetSuite item's internal id.") String netsuiteItemId,
        @Description("The hub's link to the NetSuite item; empty when not linked.") RecordLink link) {
}
