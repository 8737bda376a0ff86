package dev.trestle.employees;

import dev.trestle.graphql.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;

public record EmployeeConnection(@NonNull List<@NonNull EmployeeEdge> edges, @NonNull PageInfo pageInfo,
        @NonNull int totalCount) {

    public record EmployeeEdge(@NonNull String cursor, @NonNull Employee node) {
    }
}
