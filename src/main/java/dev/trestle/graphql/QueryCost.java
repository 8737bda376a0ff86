package dev.trestle.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.language.Argument;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a GraphQL document would cost if it ran: its depth, its aliases and field selections after
 * fragment expansion, and an estimate of the result objects it produces. Computed from the parsed
 * document and the schema, before validation and execution, in time linear in the document: each
 * fragment is costed once and reused, so fragments that spread the next one twice, 22 levels deep,
 * cost 22 steps here instead of the 2^22 field merges that validating them would take.
 *
 * <p>Every operation and every fragment definition is costed (validation visits fragments that no
 * operation uses, too). Fields the schema does not know count like any other; validation refuses
 * them afterwards.
 */
public final class QueryCost {

    /** Beyond this every figure saturates: enough to compare against any limit. */
    private static final long CAP = 1L << 40;

    /** The cost of a selection: counts after expansion; {@code nodes} per object it is selected on. */
    public record Cost(long fields, long aliases, long depth, long nodes) {
        static final Cost NONE = new Cost(0, 0, 0, 0);

        Cost plus(Cost other) {
            return new Cost(add(fields, other.fields), add(aliases, other.aliases), Math.max(depth, other.depth),
                    add(nodes, other.nodes));
        }
    }

    private final GraphQLSchema schema;
    private final ObjectNode variables;
    private final int assumedListSize;
    private final int maxPageSize;
    private final Map<String, FragmentDefinition> fragments = new HashMap<>();
    private final Map<String, Cost> fragmentCosts = new HashMap<>();
    private final Set<String> expanding = new HashSet<>();

    private QueryCost(Document document, GraphQLSchema schema, ObjectNode variables, int assumedListSize,
            int maxPageSize) {
        this.schema = schema;
        this.variables = variables;
        this.assumedListSize = assumedListSize;
        this.maxPageSize = maxPageSize;
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof FragmentDefinition fragment) {
                fragments.putIfAbsent(fragment.getName(), fragment);
            }
        }
    }

    /**
     * The highest figures of any operation or fragment of the document.
     *
     * @param maxPageSize a {@code first} above it counts as it: the operation refuses such a page
     *        itself (INVALID_ARGUMENT), so it never yields more
     *
     * @throws CyclicFragments when a fragment spreads itself, directly or not (a validation error
     *         that would otherwise never end here)
     */
    public static Cost of(Document document, GraphQLSchema schema, ObjectNode variables, int assumedListSize,
            int maxPageSize) {
        QueryCost cost = new QueryCost(document, schema, variables, assumedListSize, maxPageSize);
        Cost highest = Cost.NONE;
        for (Definition<?> definition : document.getDefinitions()) {
            Cost one = Cost.NONE;
            if (definition instanceof OperationDefinition operation) {
                one = cost.selections(operation.getSelectionSet(), rootType(schema, operation.getOperation()), null);
            } else if (definition instanceof FragmentDefinition fragment) {
                one = cost.fragment(fragment.getName());
            }
            highest = new Cost(Math.max(highest.fields, one.fields), Math.max(highest.aliases, one.aliases),
                    Math.max(highest.depth, one.depth), Math.max(highest.nodes, one.nodes));
        }
        return highest;
    }

    /** A fragment that spreads itself: the document can never be valid. */
    public static final class CyclicFragments extends RuntimeException {
        CyclicFragments(String name) {
            super("Fragment \"" + name + "\" spreads itself.", null, false, false);
        }
    }

    /**
     * @param pageSize the {@code first} of the connection field around this selection, which sizes
     *        the lists inside it ({@code edges}, {@code nodes}); null outside a connection
     */
    private Cost selections(SelectionSet set, GraphQLType parent, Long pageSize) {
        return selections(set, parent, pageSize, false);
    }

    /** @param introspection inside {@code __schema} or {@code __type}, whose lists the schema's size bounds */
    private Cost selections(SelectionSet set, GraphQLType parent, Long pageSize, boolean introspection) {
        if (set == null) {
            return Cost.NONE;
        }
        Cost total = Cost.NONE;
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                total = total.plus(field(field, parent, pageSize, introspection));
            } else if (selection instanceof InlineFragment inline) {
                GraphQLType type = inline.getTypeCondition() == null ? parent
                        : schema.getType(inline.getTypeCondition().getName());
                total = total.plus(selections(inline.getSelectionSet(), type, pageSize, introspection));
            } else if (selection instanceof FragmentSpread spread) {
                total = total.plus(fragment(spread.getName(), pageSize, introspection));
            }
        }
        return total;
    }

    private Cost fragment(String name) {
        return fragment(name, null, false);
    }

    private Cost fragment(String name, Long pageSize, boolean introspection) {
        String key = name + "#" + pageSize + "#" + introspection;
        Cost known = fragmentCosts.get(key);
        if (known != null) {
            return known;
        }
        FragmentDefinition definition = fragments.get(name);
        if (definition == null) {
            return Cost.NONE;  // an unknown fragment: validation says so
        }
        if (!expanding.add(name)) {
            throw new CyclicFragments(name);
        }
        Cost cost = selections(definition.getSelectionSet(), schema.getType(definition.getTypeCondition().getName()),
                pageSize, introspection);
        expanding.remove(name);
        fragmentCosts.put(key, cost);
        return cost;
    }

    private Cost field(Field field, GraphQLType parent, Long pageSize, boolean introspection) {
        GraphQLFieldDefinition definition = parent instanceof GraphQLFieldsContainer container
                ? container.getFieldDefinition(field.getName()) : null;
        GraphQLType type = definition == null ? null : definition.getType();
        Long first = first(field);
        boolean list = type != null && GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(type));
        // A connection's first sizes the lists inside it; a list's own first sizes the list itself.
        // Introspection answers come from the schema itself, whose size is fixed: its lists count once.
        boolean schemaSized = introspection || field.getName().startsWith("__")
                || parent instanceof GraphQLNamedType named && named.getName().startsWith("__");
        Cost below = selections(field.getSelectionSet(), type == null ? null : GraphQLTypeUtil.unwrapAll(type),
                list ? null : first, schemaSized);
        long size = first != null ? first : pageSize != null ? pageSize : assumedListSize;
        long items = schemaSized ? 1 : items(type, size);
        return new Cost(add(1, below.fields), add(field.getAlias() == null ? 0 : 1, below.aliases),
                add(1, below.depth), multiply(items, add(1, below.nodes)));
    }

    /** How many items the field yields per parent: 1, or for a list its {@code first} (or the assumed size). */
    private static long items(GraphQLType type, long size) {
        long items = 1;
        GraphQLType current = type;
        while (current != null && GraphQLTypeUtil.isWrapped(current)) {
            if (current instanceof GraphQLList) {
                items = multiply(items, size);
            }
            current = current instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType()
                    : ((GraphQLList) current).getWrappedType();
        }
        return items;
    }

    private Long first(Field field) {
        for (Argument argument : field.getArguments()) {
            if (!argument.getName().equals("first")) {
                continue;
            }
            if (argument.getValue() instanceof IntValue value) {
                return Math.max(0, value.getValue().min(BigInteger.valueOf(maxPageSize)).longValue());
            }
            if (argument.getValue() instanceof VariableReference reference && variables != null) {
                JsonNode value = variables.get(reference.getName());
                if (value != null && value.canConvertToLong()) {
                    return Math.max(0, Math.min(maxPageSize, value.asLong()));
                }
            }
        }
        return null;
    }

    private static GraphQLType rootType(GraphQLSchema schema, OperationDefinition.Operation operation) {
        return switch (operation) {
            case QUERY -> schema.getQueryType();
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
        };
    }

    private static long add(long a, long b) {
        return Math.min(CAP, a + b);
    }

    private static long multiply(long a, long b) {
        return a != 0 && b > CAP / a ? CAP : Math.min(CAP, a * b);
    }
}
