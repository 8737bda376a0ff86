package dev.trestle.employees;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The employee sync ({@code trestle.employee-sync.*}). */
@ConfigMapping(prefix = "trestle.employee-sync")
public interface EmployeeSyncConfig {

    /**
     * When the scheduled incremental run reads what changed since the last run (Quartz-style cron,
     * or {@code off}). Read by {@link EmployeeSyncJob}'s {@code @Scheduled}.
     */
    @WithDefault("0 */15 * * * ?")
    String cron();

    /**
     * When the scheduled full reconcile reads everything (Quartz-style cron, or {@code off}). Only a
     * full read sees users deleted in Precoro, and it costs a request per page of users, so once a
     * night by default, when nobody waits on Precoro's hourly budget.
     */
    @WithDefault("0 30 2 * * ?")
    String reconcileCron();

    /** Mapping rows written per transaction; a failed run keeps every chunk it wrote. */
    @WithDefault("5000")
    int chunkSize();

    /**
     * How far before the newest upstream modification time read the next incremental read starts:
     * edits within the same second, records committed a little after their timestamp and clocks
     * that disagree are read again rather than missed. Re-reading a record is harmless (the copy is
     * upserted and unchanged mappings are not written).
     */
    @WithDefault("PT2M")
    Duration watermarkOverlap();
}
