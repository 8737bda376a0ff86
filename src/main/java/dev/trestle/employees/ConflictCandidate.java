package dev.trestle.employees;

import dev.trestle.connectors.UpstreamSystem;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A record that claims the same email address as others, named so a person can resolve the conflict.")
public record ConflictCandidate(@NonNull UpstreamSystem system, @NonNull String id, String name, String email) {
}
