package dev.trestle.exports;

import java.util.List;

/**
 * What an import into Procore writes: one Procore sync entry per NetSuite record to bring over
 * (each keyed on its origin id), how many NetSuite records it read and how many it leaves alone
 * (already linked and unchanged, inactive, not Procore's, or held back), and notes for a person:
 * why records were left out or held, and what changed in NetSuite after an import that the hub
 * does not undo by itself (drift).
 */
public record ImportPlan(List<OutboxWrite> writes, int scanned, int skipped, List<String> notes) {

    public ImportPlan {
        writes = List.copyOf(writes);
        notes = List.copyOf(notes);
    }

    /** A plan whose every record read is either written or skipped, without notes. */
    public ImportPlan(List<OutboxWrite> writes, int skipped) {
        this(writes, writes.size() + skipped, skipped, List.of());
    }
}
