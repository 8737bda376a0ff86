package dev.trestle.exports;

import java.util.List;

/**
 * What an export would do: the exact writes, and what the approver must read beside them (a NetSuite field left
 * empty, and why). The notes are shown with the request's preview; they never change what is written.
 */
public record ExportPlan(List<OutboxWrite> writes, List<String> notes) {

    public ExportPlan {
        writes = List.copyOf(writes);
        notes = List.copyOf(notes);
    }

    /** Writes that need no word for the approver. */
    public static ExportPlan of(List<OutboxWrite> writes) {
        return new ExportPlan(writes, List.of());
    }
}
