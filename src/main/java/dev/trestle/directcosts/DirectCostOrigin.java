package dev.trestle.directcosts;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The NetSuite document and Procore project that the origin id of a direct cost the hub wrote names: the inverse of
 * {@link DirectCostPlanner#originId}, {@code netsuite-bill-<id>-project-<project>} or
 * {@code netsuite-journal-<id>-project-<project>}. Origin ids written by anything else (another ERP, a person) are
 * not the hub's and name no NetSuite document.
 *
 * @param type       the NetSuite record it came from
 * @param documentId the NetSuite internal id of the bill or journal entry
 * @param projectId  the Procore project the direct cost was written on
 */
public record DirectCostOrigin(CostDocument.Type type, String documentId, long projectId) {

    private static final Pattern ORIGIN_ID = Pattern.compile("netsuite-(bill|journal)-([0-9]{1,18})-project-([0-9]{1,18})");

    /** The document an origin id names; empty for anything that is not one of the hub's direct cost origin ids. */
    public static Optional<DirectCostOrigin> parse(String originId) {
        if (originId == null) {
            return Optional.empty();
        }
        Matcher match = ORIGIN_ID.matcher(originId);
        if (!match.matches()) {
            return Optional.empty();
        }
        CostDocument.Type type = match.group(1).equals("bill") ? CostDocument.Type.BILL : CostDocument.Type.JOURNAL;
        return Optional.of(new DirectCostOrigin(type, match.group(2), Long.parseLong(match.group(3))));
    }

    /** The NetSuite REST record type of the document: {@code vendorBill} or {@code journalEntry}. */
    public String netsuiteRecordType() {
        return type == CostDocument.Type.BILL ? "vendorBill" : "journalEntry";
    }
}
