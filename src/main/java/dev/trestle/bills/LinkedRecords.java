package dev.trestle.bills;

import java.util.Map;

/**
 * The NetSuite records the hub has linked to what an invoice refers to; any may be missing.
 *
 * @param vendorId       NetSuite internal id of the vendor linked to the commitment's Procore company; null when none
 * @param projectId      NetSuite internal id of the job (project) the invoice's project was exported as; null when none
 * @param itemsByWbsCode NetSuite internal id of the item each WBS code (by Procore id) was exported as
 */
public record LinkedRecords(String vendorId, String projectId, Map<Long, String> itemsByWbsCode) {

    public LinkedRecords {
        itemsByWbsCode = Map.copyOf(itemsByWbsCode);
    }
}
