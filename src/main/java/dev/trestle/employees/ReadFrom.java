package dev.trestle.employees;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/** Where a sub-record shown next to a mapping came from. */
@Enum("ReadFrom")
@Description("Where a record came from: read from its system for this request or moments before (LIVE), or the "
        + "hub's copy that employee syncs keep (HUB_COPY). Either way asOf says when it was read.")
public enum ReadFrom {
    @Description("Read from the upstream system at asOf (at most its duplicate window ago).")
    LIVE,
    @Description("The hub's copy, as the upstream system had it at asOf (the start of the last employee sync that "
            + "succeeded, or when the record was last read, whichever is later). Users deleted upstream show "
            + "here until the next full reconcile.")
    HUB_COPY
}
