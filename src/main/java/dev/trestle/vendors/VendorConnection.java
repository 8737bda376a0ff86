package dev.trestle.vendors;

import dev.trestle.graphql.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;

public record VendorConnection(@NonNull List<@NonNull VendorEdge> edges, @NonNull PageInfo pageInfo,
        @NonNull int totalCount) {

    public record VendorEdge(@NonNull String cursor, @NonNull Vendor node) {
    }
}
