package dev.trestle.exports;

import java.util.List;

/**
 * What an import into Procore writes: one Procore sync entry per NetSuite record to bring over
 * (each keyed on its origin id), and how many records it leaves alone (already linked, inactive,
 * or already in Procore by another key).
 */
public record ImportPlan(List<OutboxWrite> writes, int skipped) {

    public ImportPlan {
        writes = List.copyOf(writes);
    }
}
