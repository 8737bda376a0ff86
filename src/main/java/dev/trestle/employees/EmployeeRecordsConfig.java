package dev.trestle.employees;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the employees page shows each user's Precoro and NetSuite records ({@code trestle.employees.*}). */
@ConfigMapping(prefix = "trestle.employees")
public interface EmployeeRecordsConfig {

    /**
     * How old the hub's copy may be before a page asks the systems again (when their budgets
     * allow: Precoro gives a tenant about 3,000 requests a day, and ten dashboards refreshing every
     * few seconds would spend it in an hour). The employee sync keeps the copy fresh: the default
     * is a little above the scheduled run's 15 minutes (a run takes a while, and the copy dates from
     * its start), so with it on, pages are served from the copy.
     */
    @WithDefault("20m")
    Duration copyFreshFor();
}
