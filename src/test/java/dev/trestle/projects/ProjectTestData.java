package dev.trestle.projects;

import dev.trestle.sandbox.ProcoreDemoCases;
import dev.trestle.support.Database;

/** Hub state the project and cost code tests start from. */
public final class ProjectTestData {

    private ProjectTestData() {
    }

    /** No links, and the integration connected at the demo data's connection instant. */
    public static void connectedAsInTheDemo(Database database) {
        database.execute("TRUNCATE record_link; UPDATE integration_settings SET connected_at = '"
                + ProcoreDemoCases.CONNECTION_INSTANT + "'");
    }

    /** A link row as an approved export leaves it. */
    public static void link(Database database, String kind, String procoreId, String netsuiteId) {
        database.execute("INSERT INTO record_link (kind, procore_id, netsuite_id, method, linked_by, linked_at) VALUES ('"
                + kind + "', '" + procoreId + "', '" + netsuiteId + "', 'EXPORT', 'approver-user', now())");
    }
}
