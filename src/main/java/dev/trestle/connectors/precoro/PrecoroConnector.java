package dev.trestle.connectors.precoro;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.trestle.connectors.RetryAfter;
import dev.trestle.connectors.Upstream;
import dev.trestle.connectors.UpstreamCaller;
import dev.trestle.connectors.UpstreamException;
import dev.trestle.connectors.UpstreamJson;
import dev.trestle.connectors.UpstreamPriority;
import dev.trestle.connectors.UpstreamSystem;
import dev.trestle.errors.TrestleException;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Reads Precoro users. Every request goes through the shared Precoro {@link UpstreamCaller}:
 * retries, the circuit breaker, and the governor that keeps to Precoro's one request at a time
 * and paces request starts.
 *
 * <p>Failures arrive as {@link UpstreamException} (a {@link TrestleException} with
 * {@code UPSTREAM_*} codes); invalid arguments as {@code INVALID_ARGUMENT}.
 */
@ApplicationScoped
public class PrecoroConnector {

    /** The page sizes Precoro accepts. */
    static final Set<Integer> PAGE_SIZES = Set.of(10, 20, 50, 100, 200);
    private static final List<Integer> PAGE_SIZES_LARGEST_FIRST = List.of(200, 100, 50, 20, 10);
    /** The most ids per lookup: one page of the largest size holds them all. */
    static final int MAX_IDS_PER_REQUEST = 200;
    private static final String OP_ALL = "users.all";
    private static final String OP_BY_IDS = "users.by_ids";
    private static final String OP_CHANGED = "users.changed";
    /** Precoro's {@code modifiedSince} format, {@code YYYY-MM-DDTHH:MM:SS}, written in UTC. */
    static final java.time.format.DateTimeFormatter MODIFIED_SINCE = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private final PrecoroApi api;
    private final UpstreamCaller caller;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final int pageSize;
    private final RepeatedGets repeats;

    PrecoroConnector(PrecoroConfig config, @Upstream(UpstreamSystem.PRECORO) UpstreamCaller caller, Clock clock,
            ObjectMapper mapper) {
        if (!PAGE_SIZES.contains(config.pageSize())) {
            throw new IllegalArgumentException("trestle.precoro.page-size must be one of " + new TreeSet<>(PAGE_SIZES));
        }
        this.caller = caller;
        this.mapper = mapper;
        this.clock = clock;
        this.pageSize = config.pageSize();
        this.repeats = new RepeatedGets(clock, config.duplicateWindow());
        this.api = client(config, PrecoroApi.class);
    }

    /** A REST client of one part of the Precoro API, with the connection's address, timeouts and credentials. */
    static <T> T client(PrecoroConfig config, Class<T> api) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(config.baseUrl()))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .register(new PrecoroAuthFilter(config.apiToken(), config.email()))
                .disableDefaultMapper(true)
                .build(api);
    }

    /**
     * The questions asked of this Precoro account within its duplicate window. Precoro keeps the
     * window per account, not per resource, so every reader of the account shares this one.
     */
    RepeatedGets repeats() {
        return repeats;
    }

    /**
     * Every user, enabled or not, ordered by id. Reads the first page, then requests the
     * remaining pages together; the Precoro governor lets them out one by one at the configured pace.
     */
    public Uni<List<PrecoroUser>> allUsers() {
        // A full read repeated within Precoro's duplicate window (a reconcile right after the
        // initial run) would be refused page by page; smaller pages ask other questions with the
        // same answer, so it reads at once, with more requests, instead of waiting the window out.
        int size = pageSize;
        for (int candidate : PAGE_SIZES_LARGEST_FIRST) {
            if (candidate <= pageSize && !repeats.recentlyAsked(pageQuestion(1, candidate))) {
                size = candidate;
                break;
            }
        }
        int perPage = size;
        return listed(number -> unrepeated(pageQuestion(number, perPage), OP_ALL,
                () -> api.users(number, perPage).map(this::read)));
    }

    private static String pageQuestion(int page, int perPage) {
        return "users?page=" + page + "&per_page=" + perPage;
    }

    /**
     * The users, enabled or not, modified at or after {@code since} ({@code modifiedSince}, to the
     * second, rounded down so nothing of that second is missed), ordered by id; paged like
     * {@link #allUsers()}. Users deleted in Precoro are not among them: only a full read shows who is gone.
     */
    public Uni<List<PrecoroUser>> usersModifiedSince(Instant since) {
        // Asked again within Precoro's duplicate window (two runs a minute apart with nothing
        // changed), the same modifiedSince would be refused; an earlier second asks a wider
        // question, which can only return more, never miss anything.
        String modifiedSince = MODIFIED_SINCE.format(repeats.claimSecondAtOrBefore(since,
                second -> "users?modifiedSince=" + MODIFIED_SINCE.format(second)));
        return listed(number -> unrepeated("users?modifiedSince=" + modifiedSince + "&page=" + number
                + "&per_page=" + pageSize, OP_CHANGED,
                () -> api.usersModifiedSince(number, pageSize, modifiedSince).map(this::read)));
    }

    /**
     * One GET through the caller, never repeated within Precoro's duplicate window: the hub's own
     * work waits for the window to pass (it is paced work, a minute at most); a person's read is
     * refused at once with the time it may be asked again, without a request. A retry after a
     * failure waits for the window too, and gives up when that is beyond {@code retry.max-delay}.
     * {@link PrecoroPurchasing} sends its GETs through this too: the window is the account's.
     */
    <T> Uni<T> unrepeated(String question, String operation, java.util.function.Supplier<Uni<T>> get) {
        UpstreamPriority priority = UpstreamPriority.current();
        return Uni.createFrom().deferred(() -> {
            Duration wait = Duration.between(clock.instant(), repeats.freeAt(question));
            Uni<Void> free = Uni.createFrom().voidItem();
            if (wait.toMillis() >= 1) {
                if (priority == UpstreamPriority.INTERACTIVE) {
                    return Uni.createFrom().failure(UpstreamException.repeatRefused(UpstreamSystem.PRECORO, wait));
                }
                free = free.onItem().delayIt().by(wait);
            }
            // Each attempt is noted as it is sent, retries included: Precoro counts what it received,
            // even when its answer failed, so a retry waits out the window instead of drawing a 429.
            // Checked again as it is sent: two callers that both found the question free must not both ask it.
            return free.chain(() -> caller.call(operation, () -> {
                if (!repeats.tryAsk(question)) {
                    return Uni.createFrom().failure(UpstreamException.repeatRefused(UpstreamSystem.PRECORO,
                            Duration.between(clock.instant(), repeats.freeAt(question))));
                }
                return get.get();
            }, () -> repeats.freeAt(question)));
        });
    }

    /**
     * Whether a person's read of these users would go to Precoro at once: budget beyond the
     * reserve, no queue, and not a question asked within the duplicate window.
     */
    public boolean canAskNow(Collection<Long> ids) {
        return caller.idleForPeople() && !repeats.recentlyAsked(byIdsQuestion(List.copyOf(ids)));
    }

    /** Forgets which questions were asked; for tests that start afresh with the sandbox. */
    public void forgetAsked() {
        repeats.clear();
    }

    /** Every page of one listing: the first, then the rest together (the governor paces them). */
    private Uni<List<PrecoroUser>> listed(java.util.function.IntFunction<Uni<UsersPage>> pageOf) {
        return pageOf.apply(1).chain(first -> {
            if (!first.hasNext()) {
                return Uni.createFrom().item(first.users());
            }
            if (first.totalPages() == null) {
                return sequential(List.of(first), pageOf);
            }
            List<Uni<UsersPage>> pages = new ArrayList<>();
            pages.add(Uni.createFrom().item(first));
            for (int number = 2; number <= first.totalPages(); number++) {
                pages.add(pageOf.apply(number));
            }
            // The list can grow while it is read; follow has_next_page beyond the announced total.
            return Uni.join().all(pages).andFailFast().chain(all -> sequential(all, pageOf));
        }).map(PrecoroConnector::distinctSorted);
    }

    /**
     * The users with these ids, ordered by id; unknown ids are simply absent. One request per 200 ids.
     */
    public Uni<List<PrecoroUser>> usersByIds(Collection<Long> ids) {
        TreeSet<Long> unique = new TreeSet<>();
        for (Long id : ids) {
            if (id == null || id <= 0) {
                return Uni.createFrom().failure(TrestleException.invalidArgument("Precoro user ids are positive numbers."));
            }
            unique.add(id);
        }
        if (unique.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<List<PrecoroUser>>> requests = new ArrayList<>();
        List<Long> chunk = new ArrayList<>(MAX_IDS_PER_REQUEST);
        for (Long id : unique) {
            chunk.add(id);
            if (chunk.size() == MAX_IDS_PER_REQUEST) {
                requests.add(byIds(chunk));
                chunk = new ArrayList<>(MAX_IDS_PER_REQUEST);
            }
        }
        if (!chunk.isEmpty()) {
            requests.add(byIds(chunk));
        }
        return Uni.join().all(requests).andFailFast()
                .map(lists -> distinctSorted(lists.stream().flatMap(List::stream).toList()));
    }

    private Uni<List<PrecoroUser>> byIds(List<Long> ids) {
        List<Long> copy = List.copyOf(ids);
        return unrepeated(byIdsQuestion(copy), OP_BY_IDS,
                () -> api.usersByIds(MAX_IDS_PER_REQUEST, copy).map(this::read))
                .map(page -> filtered(copy, page.users(), page.hasNext()));
    }

    private static String byIdsQuestion(List<Long> ids) {
        StringBuilder question = new StringBuilder("users?per_page=" + MAX_IDS_PER_REQUEST);
        ids.stream().sorted().distinct().forEach(id -> question.append("&id[]=").append(id));
        return question.toString();
    }

    /**
     * The answer to {@code id[]}, checked: no source documents that Precoro honours the filter,
     * and a Precoro that ignored it would answer the first page of all users, which a page would
     * then show as the wrong people without an error. So an answer with a user that was not asked
     * for, or with more pages than the ids asked for fill, fails loudly instead.
     */
    static List<PrecoroUser> filtered(Collection<Long> asked, List<PrecoroUser> answered, boolean morePages) {
        Set<Long> wanted = Set.copyOf(asked);
        long unasked = answered.stream().filter(user -> !wanted.contains(user.id())).count();
        if (unasked > 0 || morePages && answered.size() >= wanted.size()) {
            throw UpstreamException.malformed(UpstreamSystem.PRECORO, 200, "Precoro ignored the id[] filter of "
                    + "GET /users (it answered " + (unasked > 0 ? unasked + " user(s) that were not asked for"
                            : "more pages than the " + wanted.size() + " id(s) asked for") + ")", null);
        }
        return answered;
    }

    private Uni<List<PrecoroUser>> sequential(List<UsersPage> sofar,
            java.util.function.IntFunction<Uni<UsersPage>> pageOf) {
        UsersPage last = sofar.get(sofar.size() - 1);
        if (!last.hasNext() || last.users().isEmpty()) {
            return Uni.createFrom().item(sofar.stream().flatMap(p -> p.users().stream()).toList());
        }
        return pageOf.apply(sofar.size() + 1).chain(next -> {
            List<UsersPage> more = new ArrayList<>(sofar);
            more.add(next);
            return sequential(more, pageOf);
        });
    }

    /**
     * One page, read as a token stream straight into users: a full read parses 250 pages of 200
     * users, and building each page's JSON tree first took most of the time a page held its
     * Precoro permit. The rules are those of the tree: the first problem found is reported, but
     * only once the whole body has been read, so that a body that is not JSON is reported as such
     * wherever it breaks; a body that is not an object at all is left to {@link UpstreamJson#object}.
     */
    private UsersPage read(Response response) {
        int status = response.getStatus();
        byte[] body = UpstreamJson.bytes(response);
        if (status < 200 || status > 299) {
            throw failure(status, response, new String(body, StandardCharsets.UTF_8));
        }
        return page(mapper, pageSize, status, body);
    }

    /** One successful answer's body as a page of users; package-private for the tests of its rules. */
    static UsersPage page(ObjectMapper mapper, int pageSize, int status, byte[] body) {
        PageReader page = new PageReader(mapper, pageSize, status);
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                UpstreamJson.object(UpstreamSystem.PRECORO, status, body, mapper);  // throws: empty, not JSON, not an object
                throw UpstreamException.malformed(UpstreamSystem.PRECORO, status, "the body is not a JSON object", null);
            }
            page.root(parser);
        } catch (IOException e) {
            // The exception message quotes the body; keep it out of the hub's own message.
            throw UpstreamException.malformed(UpstreamSystem.PRECORO, status, "the body is not JSON", null);
        }
        return page.result();
    }

    /** The state of reading one page; fields repeated in the body count as their last occurrence, as in a tree. */
    private static final class PageReader {
        private final ObjectMapper mapper;
        private final int pageSize;
        private final int status;
        private List<PrecoroUser> users;
        /** The first user that is not valid, as the message of the malformed answer it makes. */
        private String userProblem;
        private JsonNode pagination = MissingNode.getInstance();

        PageReader(ObjectMapper mapper, int pageSize, int status) {
            this.mapper = mapper;
            this.pageSize = pageSize;
            this.status = status;
        }

        void root(JsonParser parser) throws IOException {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("data".equals(field)) {
                    users = null;
                    userProblem = null;
                    if (value == JsonToken.START_ARRAY) {
                        users = new ArrayList<>(pageSize);
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            PrecoroUser user = user(parser);
                            if (user != null) {
                                users.add(user);
                            }
                        }
                    } else {
                        parser.skipChildren();
                    }
                } else if ("meta".equals(field)) {
                    // A handful of fields: as a tree, so that its rules are exactly those of a tree.
                    JsonNode meta = mapper.readTree(parser);
                    pagination = meta == null ? MissingNode.getInstance() : meta.path("pagination");
                } else {
                    parser.skipChildren();
                }
            }
            // Anything after the root object is ignored, as the tree ignored it.
        }

        UsersPage result() {
            if (users == null) {
                throw UpstreamException.malformed(UpstreamSystem.PRECORO, status, "the answer has no data array", null);
            }
            if (userProblem != null) {
                throw UpstreamException.malformed(UpstreamSystem.PRECORO, status, userProblem, null);
            }
            JsonNode totalPages = pagination.get("total_pages");
            JsonNode current = pagination.get("current_page");
            JsonNode hasNext = pagination.get("has_next_page");
            Integer total = totalPages != null && totalPages.canConvertToInt() ? totalPages.asInt() : null;
            // Older payloads have only current_page/total_pages; newer ones has_next_page.
            boolean next = hasNext != null ? hasNext.asBoolean(false)
                    : total != null && current != null && current.canConvertToInt() && current.asInt() < total;
            return new UsersPage(users, next, total);
        }

        /** One element of data, the parser on its first token; null (and the problem noted) when it is not a valid user. */
        private PrecoroUser user(JsonParser parser) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                problem("a user has no numeric id");
                return null;
            }
            Long id = null;
            String email = null;
            String firstName = null;
            String lastName = null;
            String updateDate = null;
            boolean enabled = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "id" -> id = id(parser, value);
                    case "email" -> email = text(parser, value);
                    case "firstname" -> firstName = text(parser, value);
                    case "lastname" -> lastName = text(parser, value);
                    case "updateDate" -> updateDate = text(parser, value);
                    case "enable" -> enabled = bool(parser, value);
                    default -> parser.skipChildren();
                }
            }
            if (id == null) {
                problem("a user has no numeric id");
                return null;
            }
            Instant updated = null;
            if (updateDate != null && !updateDate.isBlank()) {
                try {
                    updated = instant(updateDate);
                } catch (DateTimeParseException e) {
                    problem("a user's updateDate is not a date");
                    return null;
                }
            }
            return new PrecoroUser(id, email, firstName, lastName, enabled, updated);
        }

        private void problem(String message) {
            if (userProblem == null) {
                userProblem = message;
            }
        }

        /** An integral number that fits a long, or a string of 1 to 18 digits; null otherwise. */
        private Long id(JsonParser parser, JsonToken value) throws IOException {
            if (value == JsonToken.VALUE_NUMBER_INT) {
                JsonParser.NumberType type = parser.getNumberType();
                return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG ? parser.getLongValue()
                        : null;
            }
            if (value == JsonToken.VALUE_STRING) {
                String text = parser.getText();
                return text.matches("[0-9]{1,18}") ? Long.parseLong(text) : null;
            }
            parser.skipChildren();
            return null;
        }

        /** As {@link UpstreamJson#text}: a scalar as text; null when null or structured. */
        private String text(JsonParser parser, JsonToken value) throws IOException {
            return switch (value) {
                case VALUE_STRING -> parser.getText();
                case VALUE_TRUE -> "true";
                case VALUE_FALSE -> "false";
                // Rare: numbers are written as the tree writes them.
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_EMBEDDED_OBJECT -> mapper.<JsonNode>readTree(parser).asText();
                default -> {
                    parser.skipChildren();
                    yield null;
                }
            };
        }

        /** As {@code JsonNode.asBoolean(false)}: true, a non-zero integer, or the text "true". */
        private boolean bool(JsonParser parser, JsonToken value) throws IOException {
            return switch (value) {
                case VALUE_TRUE -> true;
                case VALUE_STRING -> "true".equals(parser.getText().trim());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> mapper.<JsonNode>readTree(parser).asBoolean(false);
                default -> {
                    parser.skipChildren();
                    yield false;
                }
            };
        }
    }

    /**
     * An ISO-8601 date-time with offset, as Precoro writes it ({@code 2025-01-30T19:54:19+00:00}).
     * That exact shape is read field by field: through {@link OffsetDateTime#parse} it cost more
     * than the rest of a user together, and a full read parses one per user. Anything else
     * (fractions, other spellings) goes through the full parser, which also reports bad dates.
     */
    static Instant instant(String text) {
        if (text.length() == 25 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && (text.charAt(19) == '+' || text.charAt(19) == '-')
                && text.charAt(22) == ':') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int offsetHours = digits(text, 20, 22);
            int offsetMinutes = digits(text, 23, 25);
            if ((year | month | day | hour | minute | second | offsetHours | offsetMinutes) >= 0) {
                try {
                    int sign = text.charAt(19) == '-' ? -1 : 1;
                    ZoneOffset offset = ZoneOffset.ofHoursMinutes(sign * offsetHours, sign * offsetMinutes);
                    return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(offset);
                } catch (DateTimeException e) {
                    // out of range (month 13, offset +25:00): let the full parser say so
                }
            }
        }
        return OffsetDateTime.parse(text).toInstant();
    }

    /** The decimal number in {@code text[from, to)}, or -1 if a character there is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** A refusal of Precoro's as the hub's failure; a spent hour or day stops every caller of the account. */
    UpstreamException failure(int status, Response response, String body) {
        // 429 bodies look like {"error":"Too many requests for this endpoint","RateLimit-Type":"...",
        // "RateLimit-Retry-After":"2025-12-16 09:00:49 UTC","RateLimit-Limit":1}; others carry "message" or "error".
        JsonNode root = UpstreamJson.objectOrNull(body, mapper);
        String code = UpstreamJson.text(root, "RateLimit-Type");
        if (code == null) {
            code = UpstreamJson.text(root, "code");
        }
        String detail = UpstreamJson.text(root, "error");
        if (detail == null) {
            detail = UpstreamJson.text(root, "message");
        }
        Duration wait = RetryAfter.parse(response.getHeaderString("Retry-After"), clock)
                .or(() -> RetryAfter.parse(response.getHeaderString("RateLimit-Retry-After"), clock))
                .or(() -> RetryAfter.parse(UpstreamJson.text(root, "RateLimit-Retry-After"), clock))
                .orElse(null);
        if (status == 429 && wait != null && code != null && (code.startsWith("Hourly") || code.startsWith("Daily"))) {
            // The tenant's hour or day is spent (other integrations share the key): every caller of
            // this replica stops until Precoro says, instead of each drawing its own 429.
            JsonNode limit = root == null ? null : root.get("RateLimit-Limit");
            caller.budget().observe(limit != null && limit.canConvertToInt() ? limit.asInt() : 1, 0,
                    clock.instant().plus(wait), 1);
        }
        return UpstreamException.forStatus(UpstreamSystem.PRECORO, status, code, detail, wait);
    }

    private static List<PrecoroUser> distinctSorted(List<PrecoroUser> users) {
        // Pages of a list that changes while it is read can overlap; the id is the key, and the
        // user read last wins. Pages arrive in id order, so the (stable) sort is a single pass,
        // and duplicates end up side by side.
        List<PrecoroUser> sorted = new ArrayList<>(users);
        sorted.sort(Comparator.comparingLong(PrecoroUser::id));
        List<PrecoroUser> result = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            if (i + 1 < sorted.size() && sorted.get(i + 1).id() == sorted.get(i).id()) {
                continue;
            }
            result.add(sorted.get(i));
        }
        return result;
    }

    /** One page of users. {@code totalPages} is null when Precoro did not send it. */
    record UsersPage(List<PrecoroUser> users, boolean hasNext, Integer totalPages) {
    }
}
