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

    @Column(name = "auto_approve_purchase_orders", nullable = false)
    @Description("Whether a purchase order approved in Precoro is approved for NetSuite without an accounting "
            + "approver (an admin's choice; off by default). Every other export waits for an approver.")
    public boolean autoApprovePurchaseOrders;

    @Column(name = "auto_approve_purchase_orders_by")
    @Description("The admin who last turned the automatic approval of purchase orders on or off.")
    public String autoApprovePurchaseOrdersBy;

    @Column(name = "auto_approve_purchase_orders_at")
    public Instant autoApprovePurchaseOrdersAt;
}
