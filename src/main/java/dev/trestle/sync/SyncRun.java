package dev.trestle.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/** One run of a sync: when it ran, why, what it counted and how it ended. */
@Entity
@Table(name = "sync_run")
@Description("One run of a sync: when it ran, why, what it counted and how it ended.")
public class SyncRun {

    @org.eclipse.microprofile.graphql.Enum("SyncKind")
    public enum Kind { EMPLOYEES }

    @org.eclipse.microprofile.graphql.Enum("SyncTrigger")
    public enum Trigger {
        @Description("The initial sync of all existing users when Sync Employee was turned on.")
        ENABLED,
        @Description("The scheduled run.")
        SCHEDULED,
        @Description("Asked for by a user.")
        ON_REQUEST
    }

    @org.eclipse.microprofile.graphql.Enum("SyncMode")
    public enum Mode {
        @Description("Read everything from both systems, replaced the hub's copy and reset the watermarks; "
                + "the only mode that sees records deleted upstream.")
        FULL,
        @Description("Read only what changed upstream since the last run's watermark, then matched over the "
                + "hub's whole copy.")
        INCREMENTAL
    }

    @org.eclipse.microprofile.graphql.Enum("SyncRunStatus")
    public enum Status { RUNNING, SUCCEEDED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @NonNull
    @org.eclipse.microprofile.graphql.Id
    public Long id;

    @Enumerated(EnumType.STRING)
    @NonNull
    public Kind kind;

    @Enumerated(EnumType.STRING)
    @NonNull
    public Trigger trigger;

    @Enumerated(EnumType.STRING)
    @NonNull
    @Description("Whether the run read everything or only what changed.")
    public Mode mode = Mode.FULL;

    @Column(name = "requested_by")
    @Description("Who asked for it; empty for scheduled runs.")
    public String requestedBy;

    @Enumerated(EnumType.STRING)
    @NonNull
    public Status status;

    @Column(name = "started_at")
    @NonNull
    public Instant startedAt;

    @Column(name = "heartbeat_at")
    @Ignore
    public Instant heartbeatAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Description("Precoro users looked at.")
    public int scanned;
    @Description("Users matched to a NetSuite employee after this run.")
    public int mapped;
    @Column(name = "not_mapped")
    @Description("Users without a NetSuite employee after this run.")
    public int notMapped;
    @Description("Users whose email is claimed by more than one record after this run.")
    public int conflicts;
    @Description("Users whose mapping this run did not change.")
    public int unchanged;

    @Description("Why the run failed, with the upstream system's own error code where there is one.")
    public String error;
}
