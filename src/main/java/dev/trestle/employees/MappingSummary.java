package dev.trestle.employees;

import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("How many Precoro users are mapped (the \"Not Mapped with NetSuite\" infocard).")
public record MappingSummary(@NonNull int total, @NonNull int mapped, @NonNull int notMapped, @NonNull int conflicts,
        @Description("When the last successful employee sync finished.") Instant lastRunAt) {
}
