package dev.trestle.exports;

import java.util.List;

/**
 * What an import into Procore writes: one Procore sync entry per NetSuite record to bring over
 * (each keyed on its origin id), how many records it leaves alone (already linked, inactive, or
 * already in Procore by another key), and notes for a person: why records were left out, and what
 * changed in NetSuite after an import that the hub does not undo by itself (drift).
 */
public record ImportPlan(List<OutboxWrite> writes, int skipped, List<String> notes) {

    public ImportPlan {
        writes = List.copyOf(writes);
        notes = List.copyOf(notes);
    }

    public ImportPlan(List<OutboxWrite> writes, int skipped) {
        this(writes, skipped, List.of());
    }
}
