package dev.trestle.projects;

import dev.trestle.links.LinkKind;
import dev.trestle.links.RecordRef;
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
        LinkKind linkKind = LinkKind.valueOf(kind);
        RecordRef left = linkKind.left(procoreId);
        RecordRef right = linkKind.right(netsuiteId);
        database.execute("INSERT INTO record_link (kind, left_system, left_type, left_id, right_system, right_type, right_id,"
                + " method, linked_by, linked_at) VALUES ('" + kind + "', '" + left.system() + "', '" + left.type() + "', '"
                + procoreId + "', '" + right.system() + "', '" + right.type() + "', '" + netsuiteId
                + "', 'EXPORT', 'approver-user', now())");
    }
}
