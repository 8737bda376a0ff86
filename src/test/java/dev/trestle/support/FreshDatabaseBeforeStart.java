package dev.trestle.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Empties the hub's state before the application starts, for tests whose scheduled jobs must
 * not see what earlier tests left behind (a scheduler fires as soon as the application is up).
 * Uses the same database settings as application.properties' test profile.
 */
public class FreshDatabaseBeforeStart implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String url = "jdbc:postgresql://" + env("TRESTLE_DB_HOST", "localhost") + ":" + env("TRESTLE_DB_PORT", "5432")
                + "/" + env("TRESTLE_DB_NAME", "trestle_test");
        try (Connection connection = DriverManager.getConnection(url, env("TRESTLE_DB_USER", "trestle"),
                env("TRESTLE_DB_PASSWORD", "trestle")); Statement statement = connection.createStatement()) {
            statement.execute("""
                    DO $$ BEGIN
                      IF to_regclass('public.sync_run') IS NOT NULL THEN
                        TRUNCATE employee_mapping, employee_mapping_change, employee_sync_precoro_user,
                         employee_sync_netsuite_employee, employee_sync_watermark, sync_run, audit_event;
                        DELETE FROM integration_settings;
                        INSERT INTO integration_settings (id) VALUES (1);
                      END IF;
                    END $$;""");
        } catch (SQLException e) {
            throw new IllegalStateException("could not reset the test database " + url, e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
