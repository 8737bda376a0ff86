package dev.trestle.capabilities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trestle.sandbox.Sandbox;
import dev.trestle.support.Database;
import dev.trestle.support.GraphQL;
import dev.trestle.support.Hub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** integrationCapabilities over GraphQL, and the seed's unsupported objects refused when asked for. */
@QuarkusTest
class IntegrationCapabilitiesGraphQLTest {

    @Inject
    Sandbox sandbox;

    @Inject
    Database database;

    @BeforeEach
    void fresh() {
        Hub.freshInstallation(sandbox, database);
    }

    @Test
    void everyFlowIsListedWithWhetherItIsSupported() {
        JsonPath answer = GraphQL.as("viewer",
                "{ integrationCapabilities { object from to direction trigger supported reason } }");
        assertNull(answer.get("errors"), answer.prettify());
        List<Map<String, Object>> flows = answer.getList("data.integrationCapabilities");
        assertEquals(IntegrationCapabilities.all().size(), flows.size());
        Map<String, Object> owner = flows.stream()
                .filter(flow -> flow.get("object").equals("Procore owner invoices and their payments"))
                .findFirst().orElseThrow();
        assertEquals(false, owner.get("supported"));
        assertEquals(IntegrationCapabilities.OWNER_SIDE, owner.get("reason"));
        Map<String, Object> employees = flows.get(0);
        assertEquals("PRECORO", employees.get("from"));
        assertEquals("MATCH", employees.get("direction"));
        assertEquals(true, employees.get("supported"));
    }

    @Test
    void billPaymentsAreForUsCompaniesOnly() {
        String query = "{ integrationCapabilities { object supported reason } }";
        Map<String, Object> us = GraphQL.as("viewer", query).<Map<String, Object>>getList("data.integrationCapabilities")
                .stream().filter(flow -> flow.get("object").equals("NetSuite vendor bill payments")).findFirst()
                .orElseThrow();
        assertEquals(true, us.get("supported"));

        sandbox.procore().companyCountry("CA");
        Map<String, Object> ca = GraphQL.as("viewer", query).<Map<String, Object>>getList("data.integrationCapabilities")
                .stream().filter(flow -> flow.get("object").equals("NetSuite vendor bill payments")).findFirst()
                .orElseThrow();
        assertEquals(false, ca.get("supported"));
        assertEquals(IntegrationCapabilities.usOnly("CA"), ca.get("reason"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"OWNER_INVOICE", "PRIME_CONTRACT", "OWNER_CHANGE_ORDER"})
    void anExportOfTheOwnerSideIsRefusedWithTheReason(String kind) {
        JsonPath answer = GraphQL.as("requester", "mutation($kind: ExportKind!) { requestExport(input: "
                + "{kind: $kind, sourceId: \"1\"}) { id } }", Map.of("kind", kind));
        assertEquals("NOT_SUPPORTED", GraphQL.errorCode(answer), answer.prettify());
        assertEquals(IntegrationCapabilities.OWNER_SIDE, answer.getString("errors[0].message"));
        assertEquals(0, database.count("SELECT count(*) FROM export_request"), "nothing was requested");
    }

    @Test
    void anImportOfOwnerInvoicePaymentsIsRefusedWithTheReason() {
        JsonPath answer = GraphQL.as("requester",
                "mutation { requestImport(input: {kind: OWNER_INVOICE_PAYMENTS}) { created } }");
        assertEquals("NOT_SUPPORTED", GraphQL.errorCode(answer), answer.prettify());
        assertEquals(IntegrationCapabilities.OWNER_SIDE, answer.getString("errors[0].message"));
        assertEquals(0, sandbox.procore().requests().writeCount(), "nothing was written to Procore");
    }
}
