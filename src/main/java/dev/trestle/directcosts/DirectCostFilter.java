package dev.trestle.directcosts;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("DirectCostFilter")
@Description("Which direct costs to list; every condition given must hold.")
public class DirectCostFilter {
    @Description("Direct costs of any of these types.")
    public List<@NonNull DirectCostType> type;
    @Description("true: only those the hub wrote from a NetSuite bill or journal entry (netsuiteDocument set); false: "
            + "only the others.")
    public Boolean fromNetSuite;
}
