package dev.trestle.employees;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** A Precoro user as the hub sees it: its mapping to NetSuite and why. */
@Description("A Precoro user and its match to a NetSuite employee. precoroUser and netsuiteEmployee say when and where they were read.")
public record Employee(
        @NonNull @Id String id,
        @NonNull @Description("Precoro user id.") String precoroUserId,
        @Description("Email as stored in Precoro.") String email,
        String name,
        @NonNull MappingStatus mappingStatus,
        @NonNull @Description("True when mapped to a NetSuite employee (the \"NetSuite Integrated\" filter).") boolean netsuiteIntegrated,
        @Description("Why the user is not mapped; empty when mapped.") MappingReason reasonCode,
        @Description("The reason in words.") String reason,
        @Description("The matched NetSuite employee's internal id.") String netsuiteEmployeeId,
        @NonNull @Description("For a conflict: every record that claims the same email.") List<@NonNull ConflictCandidate> conflictCandidates,
        @Description("When the user was matched to its current NetSuite employee.") Instant matchedAt,
        @NonNull @Description("When a sync last looked at this user.") Instant evaluatedAt) {

    static Employee of(EmployeeMapping row) {
        return new Employee(Long.toString(row.precoroUserId), Long.toString(row.precoroUserId), row.email, row.name,
                row.status, row.status == MappingStatus.MAPPED, row.reasonCode, row.reason, row.netsuiteEmployeeId,
                row.candidates == null ? List.of() : row.candidates, row.matchedAt, row.evaluatedAt);
    }
}
