package dev.trestle.vendors;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("VendorFilter")
@Description("Narrows the vendor list. All given conditions must hold.")
public class VendorFilter {
    @Description("Only vendors in one of these link statuses.")
    public List<@NonNull VendorLinkStatus> linkStatus;
    @Description("Case-insensitive part of a name, NetSuite vendor id or email on either side.")
    public String search;
}
