package dev.trestle.projects;

import dev.trestle.graphql.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;

public record ProjectConnection(@NonNull List<@NonNull ProjectEdge> edges, @NonNull PageInfo pageInfo,
        @NonNull int totalCount) {

    public record ProjectEdge(@NonNull String cursor, @NonNull Project node) {
    }
}
