package dev.trestle.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cost figures of documents against the committed schema, without booting the hub. */
class QueryCostTest {

    private static GraphQLSchema schema;

    @BeforeAll
    static void schema() throws Exception {
        // The committed schema leaves SmallRye's built-in scalars undeclared.
        String sdl = "scalar DateTime scalar Date scalar BigInteger\n" + Files.readString(Path.of("graphql/schema.graphql"));
        schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl), RuntimeWiring.MOCKED_WIRING);
    }

    private static QueryCost.Cost cost(String document) {
        return cost(document, null);
    }

    private static QueryCost.Cost cost(String document, ObjectNode variables) {
        return QueryCost.of(Parser.parse(document), schema, variables, 100, 100);
    }

    @Test
    void countsFieldsDepthAndAliases() {
        QueryCost.Cost cost = cost("{ a: employeeMappingSummary { total mapped } b: employeeMappingSummary { total } }");
        assertEquals(5, cost.fields());
        assertEquals(2, cost.aliases());
        assertEquals(2, cost.depth());
        assertEquals(5, cost.nodes());
    }

    @Test
    void aConnectionsFirstSizesTheListsInsideIt() {
        QueryCost.Cost page = cost("{ employees(first: 100) { edges { node { email } } } }");
        // employees 1 + edges 100 × (1 + node 1 + email 1)
        assertEquals(301, page.nodes());
        assertEquals(4, page.depth());
        ObjectNode variables = new ObjectMapper().createObjectNode().put("n", 10);
        assertEquals(31, cost("query($n: Int) { employees(first: $n) { edges { node { email } } } }", variables).nodes());
        // Without first, a list counts as the assumed size (100 here).
        assertEquals(301, cost("{ employees { edges { node { email } } } }").nodes());
        // A first beyond the page limit counts as the limit: the operation refuses it itself.
        assertEquals(301, cost("{ employees(first: 2147483647) { edges { node { email } } } }").nodes());
    }

    @Test
    void fragmentsCountOncePerSpreadAfterExpansionInLinearTime() {
        StringBuilder bomb = new StringBuilder("{ ...F0 } ");
        for (int i = 0; i < 40; i++) {
            bomb.append("fragment F").append(i).append(" on Query { ...F").append(i + 1).append(" ...F").append(i + 1)
                    .append(" } ");
        }
        bomb.append("fragment F40 on Query { __typename }");
        QueryCost.Cost cost = cost(bomb.toString());
        // 2^40 selections after expansion: computed in 41 steps, saturating rather than overflowing.
        assertTrue(cost.fields() >= 1L << 40, "fields: " + cost.fields());
    }

    @Test
    void unusedFragmentsAreCostedToo() {
        QueryCost.Cost cost = cost("{ __typename } fragment Wide on Query { a: __typename b: __typename c: __typename }");
        assertEquals(3, cost.aliases());
    }

    @Test
    void aFragmentThatSpreadsItselfIsRefused() {
        assertThrows(QueryCost.CyclicFragments.class,
                () -> cost("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }"));
    }

    @Test
    void introspectionIsCountedOnceNotPerType() throws Exception {
        QueryCost.Cost cost = cost(Files.readString(Path.of("src/test/resources/graphql/introspection.graphql")));
        assertTrue(cost.nodes() < 1000, "nodes: " + cost.nodes());
        assertTrue(cost.depth() <= 15, "depth: " + cost.depth());
    }

    @Test
    void unknownFieldsStillCount() {
        QueryCost.Cost cost = cost("{ nope { deeper { still } } }");
        assertEquals(3, cost.fields());
        assertEquals(3, cost.depth());
    }
}
