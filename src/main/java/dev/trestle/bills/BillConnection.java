package dev.trestle.bills;

import dev.trestle.graphql.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;

public record BillConnection(@NonNull List<@NonNull BillEdge> edges, @NonNull PageInfo pageInfo, @NonNull int totalCount) {

    public record BillEdge(@NonNull String cursor, @NonNull Bill node) {
    }
}
