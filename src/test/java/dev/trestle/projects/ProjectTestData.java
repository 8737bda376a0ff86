package dev.trestle.projects;

import dev.trestle.links.LinkKind;
import dev.trestle.links.RecordRef;
import dev.trestle.sandbox.ProcoreDemoCases;
import dev.trestle.sandbox.Sandbox;
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

    /** The links a person (or an earlier export) made: the demo's linked vendors, project and exported WBS codes. */
    public static void linkDemoRecords(Sandbox sandbox, Database database) {
        link(database, "VENDOR", String.valueOf(ProcoreDemoCases.LINKED_VENDOR_A), ProcoreDemoCases.LINKED_VENDOR_A_NETSUITE);
        link(database, "VENDOR", String.valueOf(ProcoreDemoCases.LINKED_VENDOR_B), ProcoreDemoCases.LINKED_VENDOR_B_NETSUITE);
        link(database, "PROJECT", String.valueOf(ProcoreDemoCases.LINKED_PROJECT), ProcoreDemoCases.LINKED_PROJECT_JOB);
        sandbox.procore().costStructure().wbsCodes(ProcoreDemoCases.LINKED_PROJECT)
                .forEach(code -> sandbox.netsuite().records("otherChargePurchaseItem")
                        .byExternalId(ProcoreDemoCases.itemExternalId(code.projectId(), code.id()))
                        .ifPresent(item -> link(database, "COST_CODE", String.valueOf(code.id()),
                                String.valueOf(item.id()))));
    }
}
