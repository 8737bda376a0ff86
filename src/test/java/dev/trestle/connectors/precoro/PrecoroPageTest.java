package dev.trestle.connectors.precoro;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trestle.connectors.UpstreamException;
import dev.trestle.connectors.UpstreamJson;
import dev.trestle.connectors.UpstreamSystem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A page of Precoro users read as a token stream gives what reading it as a JSON tree gave: the
 * same users, the same paging, and for a body that is not what Precoro documents the same
 * malformed answer with the same message. The tree's rules are kept below as the reference.
 */
class PrecoroPageTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String USER = "{\"id\":401,\"email\":\" Tomasz.Eze@Example.org \",\"firstname\":\"Tomasz\","
            + "\"lastname\":\"Eze\",\"enable\":true,\"createDate\":\"2025-06-11T15:39:49+00:00\","
            + "\"updateDate\":\"2025-06-21T22:37:51+00:00\"}";
    private static final String META = "\"meta\":{\"pagination\":{\"total\":3,\"count\":1,\"per_page\":1,"
            + "\"current_page\":1,\"total_pages\":3,\"has_next_page\":true}}";

    @Test
    void readsWhatTheTreeRead() {
        List<String> bodies = List.of(
                "{\"data\":[" + USER + "," + USER.replace("401", "402") + "]," + META + "}",
                // meta first, fields in any order, unknown fields and nested values skipped
                "{" + META + ",\"links\":{\"next\":\"x\"},\"data\":[{\"updateDate\":null,\"extra\":{\"a\":[1,{}]},"
                        + "\"id\":\"77\",\"enable\":\"true\"}]}",
                // fields as other scalars: the tree's text and truth of them
                "{\"data\":[{\"id\":5,\"email\":12.50,\"firstname\":true,\"lastname\":[\"x\"],\"enable\":1}]}",
                "{\"data\":[{\"id\":6,\"email\":null,\"enable\":\" true \"},{\"id\":7,\"enable\":0},"
                        + "{\"id\":8,\"enable\":2.5},{\"id\":9,\"enable\":\"yes\"},{\"id\":10,\"enable\":{}}]}",
                // repeated fields: the last one counts
                "{\"data\":[{\"id\":1,\"id\":2,\"email\":\"a@x\",\"email\":\"b@x\"}],\"data\":[{\"id\":3}]}",
                // paging without has_next_page, or with it null or odd
                "{\"data\":[],\"meta\":{\"pagination\":{\"current_page\":2,\"total_pages\":3}}}",
                "{\"data\":[],\"meta\":{\"pagination\":{\"current_page\":3,\"total_pages\":3}}}",
                "{\"data\":[],\"meta\":{\"pagination\":{\"current_page\":1,\"total_pages\":\"3\",\"has_next_page\":null}}}",
                "{\"data\":[],\"meta\":{\"pagination\":{\"total_pages\":3.0,\"has_next_page\":\"true\"}}}",
                "{\"data\":[],\"meta\":null}",
                "{\"data\":[]}",
                // malformed: each the message the tree gave
                "",
                "   ",
                "[1,2]",
                "\"text\"",
                "{\"data\":[" + USER + ",",
                "{\"data\":[{\"id\":\"x\"}],\"meta\":{",
                "{\"data\":{}}",
                "{\"data\":null}",
                "{\"meta\":{}}",
                "{\"data\":[{\"id\":1.5}]}",
                "{\"data\":[{\"id\":99999999999999999999}]}",
                "{\"data\":[{\"id\":\"1234567890123456789\"}]}",
                "{\"data\":[{\"email\":\"a@x\"}]}",
                "{\"data\":[42]}",
                "{\"data\":[{\"id\":1,\"updateDate\":\"yesterday\"},{\"id\":\"no\"}]}",
                "{\"data\":[{\"id\":\"no\"},{\"id\":1,\"updateDate\":\"yesterday\"}]}",
                "{\"data\":[{\"id\":1}]} trailing");
        for (String body : bodies) {
            assertEquals(byTree(body), byStream(body), body);
        }
    }

    private static String byStream(String body) {
        try {
            return describe(PrecoroConnector.page(MAPPER, 200, 200, body.getBytes(StandardCharsets.UTF_8)));
        } catch (UpstreamException e) {
            return "malformed: " + e.getMessage();
        }
    }

    private static String describe(PrecoroConnector.UsersPage page) {
        return page.users() + " next=" + page.hasNext() + " total=" + page.totalPages();
    }

    /** The reference: how the connector read a page as a tree. */
    private static String byTree(String text) {
        int status = 200;
        try {
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            JsonNode root = UpstreamJson.object(UpstreamSystem.PRECORO, status, body, MAPPER);
            JsonNode data = root.get("data");
            if (data == null || !data.isArray()) {
                throw UpstreamException.malformed(UpstreamSystem.PRECORO, status, "the answer has no data array", null);
            }
            List<PrecoroUser> users = new ArrayList<>(data.size());
            for (JsonNode user : data) {
                users.add(user(status, user));
            }
            JsonNode pagination = root.path("meta").path("pagination");
            JsonNode totalPages = pagination.get("total_pages");
            JsonNode current = pagination.get("current_page");
            JsonNode hasNext = pagination.get("has_next_page");
            Integer total = totalPages != null && totalPages.canConvertToInt() ? totalPages.asInt() : null;
            boolean next = hasNext != null ? hasNext.asBoolean(false)
                    : total != null && current != null && current.canConvertToInt() && current.asInt() < total;
            return describe(new PrecoroConnector.UsersPage(users, next, total));
        } catch (UpstreamException e) {
            return "malformed: " + e.getMessage();
        }
    }

    private static PrecoroUser user(int status, JsonNode node) {
        JsonNode id = node.get("id");
        Long userId = null;
        if (id != null && id.isIntegralNumber() && id.canConvertToLong()) {
            userId = id.asLong();
        } else if (id != null && id.isTextual() && id.asText().matches("[0-9]{1,18}")) {
            userId = Long.parseLong(id.asText());
        }
        if (!node.isObject() || userId == null) {
            throw UpstreamException.malformed(UpstreamSystem.PRECORO, status, "a user has no numeric id", null);
        }
        String updateDate = UpstreamJson.text(node, "updateDate");
        Instant updated = null;
        if (updateDate != null && !updateDate.isBlank()) {
            try {
                updated = PrecoroConnector.instant(updateDate);
            } catch (DateTimeParseException e) {
                throw UpstreamException.malformed(UpstreamSystem.PRECORO, status, "a user's updateDate is not a date",
                        null);
            }
        }
        JsonNode enable = node.get("enable");
        return new PrecoroUser(userId, UpstreamJson.text(node, "email"), UpstreamJson.text(node, "firstname"),
                UpstreamJson.text(node, "lastname"), enable != null && enable.asBoolean(false), updated);
    }
}
