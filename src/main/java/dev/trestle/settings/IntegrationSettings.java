package dev.trestle.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Type;

/** How this installation of the integration is set up (a single row). */
@Entity
@Table(name = "integration_settings")
@Type("IntegrationSettings")
@Description("How the integration is set up.")
public class IntegrationSettings {

    static final short SINGLE_ROW = 1;

    @Id
    @Ignore
    public short id;

    @Column(name = "connected_at", nullable = false)
    @Description("When the integration was connected; records created before it cannot be synced.")
    public Instant connectedAt;

    @Column(name = "employee_sync_enabled", nullable = false)
    @Description("The Sync Employee setting. Irreversible once on.")
    public boolean employeeSyncEnabled;

    @Column(name = "employee_sync_enabled_at")
    public Instant employeeSyncEnabledAt;

    @Column(name = "employee_sync_enabled_by")
    public String employeeSyncEnabledBy;
}
