package dev.trestle.exports;

import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Turns a Procore record into the NetSuite writes that export it. One per {@link ExportKind};
 * the feature that owns the record implements it (vendors, projects, cost codes).
 */
public interface ExportPlanner {

    ExportKind kind();

    /**
     * Reads the source record live and returns the exact writes its export makes, or fails
     * with a clear code when it cannot be exported (not found, not eligible, already linked).
     */
    Uni<List<OutboxWrite>> plan(String sourceId);
}
