package dev.trestle.suppliers;

import dev.trestle.graphql.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;

public record SupplierConnection(@NonNull List<@NonNull SupplierEdge> edges, @NonNull PageInfo pageInfo,
        @NonNull int totalCount) {

    public record SupplierEdge(@NonNull String cursor, @NonNull Supplier node) {
    }
}
