package dev.trestle.connectors.precoro;

import java.time.Instant;

/**
 * A Precoro user, as far as the hub reads it.
 *
 * @param email   as stored in Precoro, not normalized; may be null or blank
 * @param enabled whether the user is active in Precoro
 * @param updated {@code updateDate}
 */
public record PrecoroUser(long id, String email, String firstName, String lastName, boolean enabled,
        Instant updated) {
}
