package dev.trestle.support;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Direct access to the test database, to reset it between tests and to check what was written. */
@ApplicationScoped
public class Database {

    private final AgroalDataSource dataSource;

    public Database(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Empties the hub's state; Sync Employee is off again (a fresh installation). */
    public void reset() {
        execute("""
                TRUNCATE employee_mapping, employee_mapping_change, employee_sync_precoro_user,
                         employee_sync_netsuite_employee, employee_sync_watermark, sync_run, audit_event,
                         import_run, import_watermark, export_delivery, export_request, record_link,
                         accounting_approver, purchase_order, purchase_order_poll;
                DELETE FROM integration_settings;
                INSERT INTO integration_settings (id) VALUES (1);
                """);
    }

    public void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row as text (timestamps as ISO 8601 in UTC), or null. */
    public String text(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            if (!rows.next()) {
                return null;
            }
            Object value = rows.getObject(1);
            if (value instanceof java.time.OffsetDateTime at) {
                return at.toInstant().toString();
            }
            if (value instanceof java.sql.Timestamp at) {
                return at.toInstant().toString();
            }
            return value == null ? null : value.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
