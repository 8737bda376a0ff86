package dev.trestle.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trestle.connectors.UpstreamPriority;
import dev.trestle.errors.ErrorCode;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.Document;
import graphql.language.IntValue;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.TypeUtil;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Everything a GraphQL request must pass before the GraphQL engine sees it, on the hub's HTTP
 * server in front of SmallRye's {@code /graphql} handler:
 * <ol>
 * <li>the caller's share ({@link CallerLimiter}: a rate and a cap on operations running at once);</li>
 * <li>a well-formed GraphQL-over-HTTP envelope ({@link GraphQLEnvelope}) within the size limit;</li>
 * <li>a document that parses, within the cost limits ({@link QueryCost}), that validates against
 *     the schema, and whose variables coerce to their types;</li>
 * <li>an execution deadline.</li>
 * </ol>
 * Every refusal is a GraphQL error with {@code extensions.code}, answered with the status codes of
 * the GraphQL-over-HTTP spec for the media type the client accepts. What passes is executed by
 * SmallRye unchanged; its answer gets the negotiated content type.
 */
@ApplicationScoped
public class GraphQLGate {

    private static final Logger LOG = Logger.getLogger(GraphQLGate.class);

    /** After authentication (-200) and authorization (-100), before SmallRye's route (default order). */
    static final int ORDER = -50;
    private static final String PERMIT = GraphQLGate.class.getName() + ".permit";
    private static final GraphQLRefusal UNAUTHENTICATED = GraphQLRefusal.request(401, ErrorCode.UNAUTHENTICATED,
            "A valid bearer token is required.");
    static final String GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";
    private static final String JSON = "application/json";

    private final GraphQLLimitsConfig limits;
    private final Instance<GraphQLSchema> schema;
    private final CallerLimiter callers;
    private final ResultBudget results;
    private final ObjectMapper envelopeJson;
    private final ParserOptions parserOptions;
    private final Validator validator = new Validator();

    GraphQLGate(GraphQLLimitsConfig limits, Instance<GraphQLSchema> schema) {
        this.limits = limits;
        this.schema = schema;
        this.callers = new CallerLimiter(limits.callers().operationsPerSecond(), limits.callers().burst(),
                limits.callers().concurrent(), System::nanoTime);
        this.results = new ResultBudget(limits.maxNodesInFlight());
        this.envelopeJson = GraphQLEnvelope.reader(limits.maxJsonDepth());
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions().transform(options -> options
                .maxCharacters(limits.maxRequestBytes())
                // Parsing stops at the limit instead of building a bomb's syntax tree first.
                .maxTokens(limits.maxTokens())
                // Parser messages would quote the offending token: the input is not echoed back.
                .redactTokenParserErrorMessages(true));
    }

    void install(@Observes Router router) {
        // Admission first, so that a caller over their share is refused before their body is read.
        router.route("/graphql").order(ORDER).handler(this::admit);
        // The schema document SmallRye serves needs a token too. An exact path: a wildcard route would
        // label every made-up path below /graphql as a metrics series of its own.
        router.route("/graphql/schema.graphql").order(ORDER).handler(this::authenticated);
        router.route("/graphql").order(ORDER + 1)
                .handler(BodyHandler.create(false).setBodyLimit(limits.maxRequestBytes()))
                .handler(this::check)
                .failureHandler(this::failed);
    }

    /** The media type, the method, the token and the caller's share; the permit holds a running slot. */
    private void admit(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.OPTIONS) {
            ctx.next();
            return;
        }
        try {
            if (!acceptable(ctx)) {
                throw GraphQLRefusal.request(406, ErrorCode.INVALID_REQUEST,
                        "Accept application/graphql-response+json or application/json.");
            }
            if (method != HttpMethod.POST && method != HttpMethod.GET) {
                throw GraphQLRefusal.request(405, ErrorCode.INVALID_REQUEST, "Send GraphQL requests with POST.");
            }
            String caller = caller(ctx);
            if (caller == null) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
                throw UNAUTHENTICATED;
            }
            ctx.put(PERMIT, callers.acquire(caller));
        } catch (GraphQLRefusal refusal) {
            refuse(ctx, refusal);
            return;
        }
        ctx.next();
    }

    private void authenticated(RoutingContext ctx) {
        if (caller(ctx) == null) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            refuse(ctx, UNAUTHENTICATED);
            return;
        }
        ctx.next();
    }

    private void check(RoutingContext ctx) {
        if (ctx.request().method() == HttpMethod.OPTIONS) {
            ctx.next();
            return;
        }
        CallerLimiter.Permit permit = ctx.get(PERMIT);
        ResultBudget.Reservation reservation;
        try {
            long nodes = inspect(ctx);
            reservation = results.reserve(nodes);
            if (reservation == null) {
                throw GraphQLRefusal.request(503, ErrorCode.OVERLOADED,
                        "The hub is answering as much as it can hold at once; retry in a moment.",
                        Map.of("retryAfterSeconds", 1L));
            }
        } catch (GraphQLRefusal refusal) {
            permit.close();
            refuse(ctx, refusal);
            return;
        } catch (RuntimeException unexpected) {
            permit.close();
            LOG.error("GraphQL request check failed unexpectedly", unexpected);
            refuse(ctx, GraphQLRefusal.request(500, ErrorCode.INTERNAL, "Internal error; the server log has the details."));
            return;
        }
        run(ctx, () -> {
            permit.close();
            reservation.close();
        }, acceptsGraphQLResponse(ctx));
    }

    private static void refuse(RoutingContext ctx, GraphQLRefusal refusal) {
        if (refusal.status(true) == 405) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "GET, POST");
        }
        respond(ctx, refusal, acceptsGraphQLResponse(ctx));
    }

    /** The envelope, then the document: parse, limits, validation, variables; the result objects it would produce. */
    private long inspect(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        GraphQLEnvelope envelope = method == HttpMethod.POST
                ? GraphQLEnvelope.fromBody(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE),
                        ctx.body().buffer() == null ? null : ctx.body().asString(StandardCharsets.UTF_8.name()),
                        envelopeJson)
                : GraphQLEnvelope.fromParameters(parameters(ctx), envelopeJson);
        GraphQLSchema served = schema.get();
        Document document = parse(envelope.query());
        OperationDefinition operation = operation(document, envelope.operationName());
        if (method == HttpMethod.GET && operation.getOperation() != OperationDefinition.Operation.QUERY) {
            throw GraphQLRefusal.request(405, ErrorCode.INVALID_REQUEST, "Mutations must be sent with POST.");
        }
        // Limits before validation: validating a fragment bomb is what is exponential.
        long nodes = withinLimits(document, served, envelope.variables());
        List<ValidationError> invalid = validator.validateDocument(served, document, Locale.ENGLISH);
        if (!invalid.isEmpty()) {
            throw GraphQLRefusal.invalidDocument(invalid);
        }
        intLiteralsFit(document);
        coerceVariables(served, operation, envelope.variables());
        return nodes;
    }

    /**
     * Hands the request to SmallRye, under the deadline; {@code release} (idempotent) gives back the
     * caller's slot and the result budget when the request is answered.
     */
    private void run(RoutingContext ctx, Runnable release, boolean graphqlResponse) {
        // SmallRye takes the response's end and close handlers for itself, so the slot is freed when
        // the answer's head is written, and for a client that went away, at the deadline at the latest.
        long deadline = ctx.vertx().setTimer(limits.deadline().toMillis(), id -> {
            release.run();
            if (!ctx.response().ended() && !ctx.response().headWritten() && !ctx.response().closed()) {
                LOG.warnf("A GraphQL operation ran past the %s deadline and was answered with DEADLINE_EXCEEDED",
                        limits.deadline());
                respond(ctx, GraphQLRefusal.request(504, ErrorCode.DEADLINE_EXCEEDED,
                        "The operation did not finish within " + limits.deadline().toMillis() + " ms."),
                        graphqlResponse);
            }
        });
        // SmallRye answers with the media type of the Accept header, or its own default for */* and no
        // Accept at all; the spec wants application/json there.
        String contentType = (graphqlResponse ? GRAPHQL_RESPONSE_JSON : JSON) + "; charset=utf-8";
        ctx.addHeadersEndHandler(headers -> {
            ctx.vertx().cancelTimer(deadline);
            release.run();
            if (ctx.response().getStatusCode() < 300) {
                ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, contentType);
            }
        });
        RequestReads.begin();
        // Upstream reads for this request are a person's: they may not spend the budgets' reserve.
        UpstreamPriority.markInteractive();
        ctx.next();
    }

    /** Failures before the request reached a handler: the body handler's 413, mostly. */
    private void failed(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        if (ctx.get(PERMIT) instanceof CallerLimiter.Permit permit) {
            permit.close();
        }
        if (ctx.statusCode() == 413) {
            respond(ctx, GraphQLRefusal.request(413, ErrorCode.REQUEST_TOO_LARGE,
                    "The request is larger than " + limits.maxRequestBytes() + " bytes."), acceptsGraphQLResponse(ctx));
            return;
        }
        ctx.next();
    }

    private Document parse(String query) {
        try {
            return Parser.parse(ParserEnvironment.newParserEnvironment().document(query)
                    .parserOptions(parserOptions).build());
        } catch (ParseCancelledException tooLarge) {
            throw GraphQLRefusal.document(ErrorCode.QUERY_TOO_COMPLEX,
                    "The document exceeds the parser's limits (" + limits.maxTokens() + " tokens).",
                    Map.of("limit", "tokens", "allowed", limits.maxTokens()));
        } catch (InvalidSyntaxException syntax) {
            String where = syntax.getLocation() == null ? ""
                    : " at line " + syntax.getLocation().getLine() + ", column " + syntax.getLocation().getColumn();
            throw GraphQLRefusal.document(ErrorCode.GRAPHQL_PARSE_FAILED, "The document does not parse" + where + ".");
        }
    }

    private static OperationDefinition operation(Document document, String name) {
        List<OperationDefinition> operations = document.getDefinitions().stream()
                .filter(OperationDefinition.class::isInstance).map(OperationDefinition.class::cast).toList();
        if (operations.isEmpty()) {
            throw GraphQLRefusal.document(ErrorCode.GRAPHQL_VALIDATION_FAILED, "The document holds no operation.",
                    Map.of("classification", "ValidationError"));
        }
        if (name == null) {
            if (operations.size() > 1) {
                throw GraphQLRefusal.document(ErrorCode.GRAPHQL_VALIDATION_FAILED,
                        "The document holds several operations: name one with \"operationName\".",
                        Map.of("classification", "ValidationError"));
            }
            return operations.get(0);
        }
        return operations.stream().filter(operation -> name.equals(operation.getName())).findFirst()
                .orElseThrow(() -> GraphQLRefusal.document(ErrorCode.GRAPHQL_VALIDATION_FAILED,
                        "The document has no operation of that \"operationName\".",
                        Map.of("classification", "ValidationError")));
    }

    private long withinLimits(Document document, GraphQLSchema served, ObjectNode variables) {
        QueryCost.Cost cost;
        try {
            cost = QueryCost.of(document, served, variables, limits.assumedListSize(), Cursors.MAX_PAGE_SIZE);
        } catch (QueryCost.CyclicFragments cycle) {
            throw GraphQLRefusal.document(ErrorCode.GRAPHQL_VALIDATION_FAILED, cycle.getMessage(),
                    Map.of("classification", "ValidationError"));
        }
        limit("depth", cost.depth(), limits.maxDepth());
        limit("aliases", cost.aliases(), limits.maxAliases());
        limit("fields", cost.fields(), limits.maxFields());
        limit("nodes", cost.nodes(), limits.maxNodes());
        return cost.nodes();
    }

    private static void limit(String what, long value, int allowed) {
        if (value > allowed) {
            throw GraphQLRefusal.document(ErrorCode.QUERY_TOO_COMPLEX,
                    "The document exceeds the " + what + " limit of " + allowed + " (it has " + value + ").",
                    Map.of("limit", what, "allowed", allowed, "actual", value));
        }
    }

    /**
     * GraphQL's {@code Int} is 32 bits, but SmallRye's own {@code Int} scalar lets larger numbers
     * through to fail later as a data-fetching error: literals are held to 32 bits here.
     */
    private static void intLiteralsFit(Document document) {
        new NodeTraverser().depthFirst(new NodeVisitorStub() {
            @Override
            public TraversalControl visitIntValue(IntValue node, TraverserContext<Node> context) {
                if (node.getValue().bitLength() > 31) {
                    throw GraphQLRefusal.document(ErrorCode.INVALID_ARGUMENT,
                            "An integer argument is out of range (Int holds " + Integer.MIN_VALUE + " to "
                                    + Integer.MAX_VALUE + ").");
                }
                return TraversalControl.CONTINUE;
            }
        }, document);
    }

    private static boolean intsFit(JsonNode value) {
        if (value == null || value.isNull()) {
            return true;
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (!intsFit(item)) {
                    return false;
                }
            }
            return true;
        }
        return value.canConvertToInt() && value.canConvertToExactIntegral();
    }

    /** Each variable on its own, so that the error names it; the engine's messages quote the value. */
    private void coerceVariables(GraphQLSchema served, OperationDefinition operation, ObjectNode variables) {
        Map<String, Object> raw = variables == null ? Map.of() : envelopeJson.convertValue(variables, Map.class);
        for (VariableDefinition definition : operation.getVariableDefinitions()) {
            boolean isInt = TypeUtil.unwrapAll(definition.getType()).getName().equals("Int");
            if (isInt && variables != null && !intsFit(variables.get(definition.getName()))) {
                throw GraphQLRefusal.document(ErrorCode.INVALID_ARGUMENT, "Variable \"$" + definition.getName()
                        + "\" is not an Int (" + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ").",
                        Map.of("variable", definition.getName()));
            }
            Map<String, Object> one = new HashMap<>();
            if (raw.containsKey(definition.getName())) {
                one.put(definition.getName(), raw.get(definition.getName()));
            }
            try {
                ValuesResolver.coerceVariableValues(served, List.of(definition), RawVariables.of(one),
                        GraphQLContext.getDefault(), Locale.ENGLISH);
            } catch (RuntimeException wrong) {
                if (!(wrong instanceof GraphQLError)) {
                    throw wrong;
                }
                throw GraphQLRefusal.document(ErrorCode.INVALID_ARGUMENT,
                        "Variable \"$" + definition.getName() + "\" is missing or does not fit its type "
                                + graphql.language.AstPrinter.printAst(definition.getType()) + ".",
                        Map.of("variable", definition.getName()));
            }
        }
    }

    static boolean acceptsGraphQLResponse(RoutingContext ctx) {
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.toLowerCase(Locale.ROOT).contains(GRAPHQL_RESPONSE_JSON);
    }

    private static boolean acceptable(RoutingContext ctx) {
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return true;
        }
        String lower = accept.toLowerCase(Locale.ROOT);
        return lower.contains(GRAPHQL_RESPONSE_JSON) || lower.contains(JSON) || lower.contains("*/*")
                || lower.contains("application/*");
    }

    private static Map<String, String> parameters(RoutingContext ctx) {
        Map<String, String> parameters = new HashMap<>();
        for (String name : List.of("query", "operationName", "variables", "extensions")) {
            List<String> values = ctx.queryParam(name);
            if (!values.isEmpty()) {
                parameters.put(name, values.get(0));
            }
        }
        return parameters;
    }

    /** Callers are told apart by issuer and subject of their token; null for a request without one. */
    private static String caller(RoutingContext ctx) {
        if (ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            Principal principal = user.getSecurityIdentity().getPrincipal();
            if (principal instanceof JsonWebToken token) {
                return token.getIssuer() + " " + token.getSubject();
            }
            return principal.getName();
        }
        return null;
    }

    /** Answers a refusal: a GraphQL response without {@code data}, in the negotiated media type. */
    static void respond(RoutingContext ctx, GraphQLRefusal refusal, boolean graphqlResponse) {
        if (refusal.retryAfterSeconds() != null) {
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(refusal.retryAfterSeconds()));
        }
        ctx.response()
                .setStatusCode(refusal.status(graphqlResponse))
                .putHeader(HttpHeaders.CONTENT_TYPE, (graphqlResponse ? GRAPHQL_RESPONSE_JSON : JSON) + "; charset=utf-8")
                .end(GraphQLResponses.errors(refusal.errors()));
    }
}
