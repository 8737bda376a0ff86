package dev.trestle.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Relay page information.")
public record PageInfo(@NonNull boolean hasNextPage, String endCursor) {
}
