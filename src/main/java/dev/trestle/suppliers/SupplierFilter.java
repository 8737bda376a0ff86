package dev.trestle.suppliers;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("SupplierFilter")
@Description("Narrows the supplier list. All given conditions must hold.")
public class SupplierFilter {
    @Description("Only suppliers in one of these link statuses.")
    public List<@NonNull SupplierLinkStatus> linkStatus;
    @Description("Case-insensitive part of the supplier's name in Precoro.")
    public String search;
}
