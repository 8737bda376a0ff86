package dev.trestle.vendors;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A NetSuite vendor that may be the same company as a Procore company or a Precoro supplier. Only a person "
        + "links them.")
public record VendorMatchSuggestion(@NonNull NetSuiteVendorDetails netsuiteVendor,
        @Description("From 0 to 1: name counts 0.5, email 0.3, phone 0.2.") @NonNull double score,
        @NonNull List<@NonNull MatchReason> reasons) {
}
