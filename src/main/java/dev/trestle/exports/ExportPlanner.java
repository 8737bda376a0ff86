package dev.trestle.exports;

import io.smallrye.mutiny.Uni;

/**
 * Turns a Procore record into the NetSuite writes that export it. One per {@link ExportKind};
 * the feature that owns the record implements it (vendors, projects, cost codes, bills).
 */
public interface ExportPlanner {

    ExportKind kind();

    /**
     * Reads the source record live and returns the exact writes its export makes (with what the approver must read
     * beside them), or fails
     * with a clear code when it cannot be exported (not found, not eligible, already linked).
     */
    Uni<ExportPlan> plan(String sourceId);

    /**
     * As {@link #plan(String)}, for a source whose system finds it only within a container
     * ({@code scope}: the Procore project of a subcontractor invoice); null when not given.
     */
    default Uni<ExportPlan> plan(String sourceId, String scope) {
        return plan(sourceId);
    }

    /**
     * The container of the source record, as recorded with the request so that a resubmit finds
     * it again: {@code given} when the caller named it, else whatever this kind can find out
     * (the Procore project of an invoice), else null.
     */
    default Uni<String> scope(String sourceId, String given) {
        return Uni.createFrom().item(given);
    }
}
