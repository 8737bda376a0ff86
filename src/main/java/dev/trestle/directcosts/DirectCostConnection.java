package dev.trestle.directcosts;

import dev.trestle.graphql.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;

public record DirectCostConnection(@NonNull List<@NonNull DirectCostEdge> edges, @NonNull PageInfo pageInfo,
        @NonNull int totalCount) {

    public record DirectCostEdge(@NonNull String cursor, @NonNull DirectCost node) {
    }
}
