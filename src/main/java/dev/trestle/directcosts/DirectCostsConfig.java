package dev.trestle.directcosts;

import io.smallrye.config.ConfigMapping;
import java.util.Map;

/** How NetSuite vendor bills and journal entries become Procore direct costs ({@code trestle.direct-costs.*}). */
@ConfigMapping(prefix = "trestle.direct-costs")
public interface DirectCostsConfig {

    /** Quartz-style cron of the scheduled import, or {@code off}; requests by people work either way. */
    String cron();

    /**
     * The WBS code of a line whose item is no exported cost code, by the line's NetSuite account internal id: the
     * code's flat code (e.g. {@code 01-100.E}), looked up on the line's Procore project. A line whose account is not
     * here, or whose project has no such code, maps to nothing and holds its direct cost.
     */
    Map<String, String> accountWbsCodes();
}
