package dev.trestle.employees;

import dev.trestle.connectors.precoro.PrecoroUser;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** A Precoro user as the hub read it, and when. */
@Name("PrecoroUser")
@Description("A Precoro user, with when and where the hub read it.")
public record PrecoroUserRecord(
        long id,
        String email,
        String firstName,
        String lastName,
        boolean enabled,
        @Description("Precoro's updateDate.") Instant updated,
        @NonNull @Description("When this was Precoro's record.") Instant asOf,
        @NonNull ReadFrom readFrom) {

    static PrecoroUserRecord of(PrecoroUser user, Instant asOf, ReadFrom readFrom) {
        return new PrecoroUserRecord(user.id(), user.email(), user.firstName(), user.lastName(), user.enabled(),
                user.updated(), asOf, readFrom);
    }
}
