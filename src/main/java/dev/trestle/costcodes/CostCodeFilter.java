package dev.trestle.costcodes;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CostCodeFilter")
@Description("Narrows the cost code list. All given conditions must hold.")
public class CostCodeFilter {
    @Description("Only codes in one of these link statuses.")
    public List<@NonNull CostCodeLinkStatus> linkStatus;
    @Description("Case-insensitive part of the code or its description.")
    public String search;
}
