package dev.trestle.costcodes;

import dev.trestle.graphql.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;

public record CostCodeConnection(@NonNull List<@NonNull CostCodeEdge> edges, @NonNull PageInfo pageInfo,
        @NonNull int totalCount) {

    public record CostCodeEdge(@NonNull String cursor, @NonNull CostCode node) {
    }
}
