package dev.trestle.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * V6 (one outbox for both directions, links between any two systems) rewrites the links,
 * requests and outbox rows of an installation in place: every row is kept, and reads the same
 * in the new shape. Runs the real migrations on a schema of its own in the test database.
 */
class TwoWayOutboxMigrationTest {

    private static final String SCHEMA = "migration_v6_check";
    private static final String URL = "jdbc:postgresql://" + env("TRESTLE_DB_HOST", "localhost") + ":"
            + env("TRESTLE_DB_PORT", "5432") + "/" + env("TRESTLE_DB_NAME", "trestle_test");
    private static final String USER = env("TRESTLE_DB_USER", "trestle");
    private static final String PASSWORD = env("TRESTLE_DB_PASSWORD", "trestle");

    @BeforeEach
    @AfterEach
    void dropSchema() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    @Test
    void keepsEveryLinkRequestAndOutboxRow() throws Exception {
        flyway("5").migrate();
        execute("""
                INSERT INTO record_link (kind, procore_id, netsuite_id, method, linked_by, linked_at, unlinked_by, unlinked_at)
                VALUES ('VENDOR', '11', '201', 'EXPORT', 'export-worker', now(), NULL, NULL),
                       ('PROJECT', '12', '301', 'IMPORT', 'ann', now(), NULL, NULL),
                       ('COST_CODE', '13', '401', 'MANUAL', 'ann', now(), 'bob', now());
                INSERT INTO export_request (id, kind, source_id, status, requested_by, requested_at, payload)
                VALUES (7, 'VENDOR', '11', 'EXPORTED', 'ann', now(),
                        '[{"recordType":"vendor","externalId":"procore-vendor-11","body":{"companyName":"Acme"},"linkKind":"VENDOR","procoreId":"11"}]'),
                       (8, 'COST_CODES', '12', 'PENDING', 'ann', now(),
                        '[{"recordType":"otherChargePurchaseItem","externalId":"a","body":{},"linkKind":"COST_CODE","procoreId":"13"},{"recordType":"otherChargePurchaseItem","externalId":"b","body":{},"linkKind":"COST_CODE","procoreId":"14"}]');
                INSERT INTO export_delivery (export_request_id, position, record_type, external_id, body, link_kind, procore_id,
                                             status, next_attempt_at, netsuite_id)
                VALUES (7, 0, 'vendor', 'procore-vendor-11', '{"companyName":"Acme"}', 'VENDOR', '11', 'DELIVERED', now(), '201');
                """);

        flyway(null).migrate();

        assertEquals(List.of(
                "VENDOR PROCORE vendor 11 NETSUITE vendor 201 EXPORT linked",
                "PROJECT PROCORE project 12 NETSUITE job 301 IMPORT linked",
                "COST_CODE PROCORE wbs_code 13 NETSUITE otherChargePurchaseItem 401 MANUAL unlinked"),
                rows("""
                        SELECT kind || ' ' || left_system || ' ' || left_type || ' ' || left_id || ' ' || right_system || ' '
                               || right_type || ' ' || right_id || ' ' || method || ' '
                               || CASE WHEN unlinked_at IS NULL THEN 'linked' ELSE 'unlinked' END
                          FROM record_link ORDER BY id"""));
        assertEquals(List.of("7 NETSUITE VENDOR", "8 NETSUITE COST_CODES"),
                rows("SELECT id || ' ' || destination || ' ' || kind FROM export_request ORDER BY id"));
        assertEquals(List.of("NETSUITE vendor procore-vendor-11 201 PROCORE vendor 11 VENDOR DELIVERED"),
                rows("""
                        SELECT destination || ' ' || record_type || ' ' || idempotency_key || ' ' || destination_id || ' '
                               || source_system || ' ' || source_type || ' ' || source_id || ' ' || link_kind || ' ' || status
                          FROM export_delivery"""));

        ObjectMapper json = new ObjectMapper();
        List<?> pending = json.readValue(rows("SELECT payload FROM export_request WHERE id = 8").get(0), List.class);
        assertEquals(List.of(
                Map.of("destination", "NETSUITE", "recordType", "otherChargePurchaseItem", "idempotencyKey", "a",
                        "body", Map.of(), "linkKind", "COST_CODE",
                        "source", Map.of("system", "PROCORE", "type", "wbs_code", "id", "13")),
                Map.of("destination", "NETSUITE", "recordType", "otherChargePurchaseItem", "idempotencyKey", "b",
                        "body", Map.of(), "linkKind", "COST_CODE",
                        "source", Map.of("system", "PROCORE", "type", "wbs_code", "id", "14"))), pending);

        // Still one to one while linked, now on each side of a kind.
        execute("INSERT INTO record_link (kind, left_system, left_type, left_id, right_system, right_type, right_id, method,"
                + " linked_by, linked_at) VALUES ('COST_CODE', 'PROCORE', 'wbs_code', '13', 'NETSUITE', 'otherChargePurchaseItem',"
                + " '401', 'MANUAL', 'ann', now())");
        assertEquals("23505", sqlState("INSERT INTO record_link (kind, left_system, left_type, left_id, right_system,"
                + " right_type, right_id, method, linked_by, linked_at) VALUES ('VENDOR', 'PROCORE', 'vendor', '99',"
                + " 'NETSUITE', 'vendor', '201', 'MANUAL', 'ann', now())"));
    }

    private static Flyway flyway(String target) {
        var configuration = Flyway.configure().dataSource(URL, USER, PASSWORD).schemas(SCHEMA).createSchemas(true)
                .locations("classpath:db/migration");
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = connection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String sqlState(String sql) {
        try {
            execute(sql);
            return "no error";
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }

    private static List<String> rows(String sql) throws SQLException {
        try (Connection connection = connection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static Connection connection() throws SQLException {
        Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
            statement.execute("SET search_path TO " + SCHEMA);
        }
        return connection;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
