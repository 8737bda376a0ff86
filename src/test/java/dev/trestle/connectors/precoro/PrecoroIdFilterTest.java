package dev.trestle.connectors.precoro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.connectors.UpstreamException;
import dev.trestle.errors.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No source confirms that Precoro honours {@code GET /users?id[]=}; an answer that shows it was
 * ignored must fail loudly rather than show the wrong people.
 */
class PrecoroIdFilterTest {

    private static PrecoroUser user(long id) {
        return new PrecoroUser(id, "u" + id + "@example.com", "U", String.valueOf(id), true, null);
    }

    @Test
    void anAnswerOfTheUsersAskedForIsKept() {
        List<PrecoroUser> answered = List.of(user(3), user(7));
        assertEquals(answered, PrecoroConnector.filtered(List.of(3L, 7L, 9L), answered, false));
    }

    @Test
    void usersThatWereNotAskedForMeanTheFilterWasIgnored() {
        UpstreamException ignored = assertThrows(UpstreamException.class,
                () -> PrecoroConnector.filtered(List.of(3L, 7L), List.of(user(1), user(2), user(3)), false));
        assertEquals(ErrorCode.UPSTREAM_MALFORMED_RESPONSE, ignored.code());
        assertTrue(ignored.getMessage().contains("ignored the id[] filter"), ignored.getMessage());
    }

    @Test
    void moreUsersThanAskedForOnMorePagesMeanTheFilterWasIgnored() {
        assertThrows(UpstreamException.class,
                () -> PrecoroConnector.filtered(List.of(1L, 2L), List.of(user(1), user(2)), true));
    }
}
