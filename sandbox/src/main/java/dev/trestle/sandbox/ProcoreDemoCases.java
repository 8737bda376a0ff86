package dev.trestle.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * Which generated Procore and NetSuite records exercise which case of the vendor and project
 * matching between the two systems. Ids do not depend on the seed (only addresses, phones of
 * unmatched vendors and timestamps do). Vendors are compared by normalized name (case, spaces,
 * punctuation), by email (case) and by phone (digits only):
 * <pre>
 * Procore vendor 5000000001..5000000008  same name as NetSuite vendor 2001..2008 (case/punctuation differ)
 * Procore vendor 5000000009..5000000012  same email as NetSuite 2009..2012, names differ
 * Procore vendor 5000000013..5000000016  same phone as NetSuite 2013..2016 (formatted differently), names differ
 * Procore vendor 5000000017              name held by two NetSuite vendors 2017 and 2018 (ambiguous)
 * Procore vendor 5000000018              name held only by inactive NetSuite vendor 2019
 * Procore vendor 5000000019, 5000000020  already linked: origin_id "2020", "2021"
 * Procore vendor 5000000021..5000000040  no NetSuite counterpart; 31, 32 have no email and no phone;
 *                                        37..40 are inactive
 * NetSuite vendor 2022..2030             no Procore counterpart
 * </pre>
 * Projects (all created relative to {@link #CONNECTION_INSTANT}):
 * <pre>
 * 5100000001 P-1001 linked to NetSuite job 3001 (origin_id "3001"), in progress, created before
 * 5100000002 P-1002 in progress (Course of Construction), created before the connection
 * 5100000003 P-1003 Pre-Construction, created before
 * 5100000004 (no number) created before
 * 5100000005 P-1005 inactive, created before
 * 5100000006 P-1006 created after, WBS with a custom "Phase" segment
 * 5100000007 P-1007 in progress, created after
 * 5100000008 P-1008 created after
 * 5100000009 (no number) created after
 * 5100000010 P-1010 Bidding, created after, no cost codes
 * 5100000011 P-1011 inactive, created after
 * 5100000012 P-1012 created after; NetSuite job 3002 has entityId "P-1012" but no link
 * NetSuite jobs 3003..3006 have no Procore project; 3005 is inactive
 * </pre>
 * Commitments (all "Approved", executed) and subcontractor invoices (requisitions). Every WBS code of project
 * 5100000001 but {@link #WBS_CODE_NOT_EXPORTED} exists in NetSuite as an otherChargePurchaseItem 4001.. with
 * the external id {@link #itemExternalId}; linked vendors 5000000019/20 are NetSuite vendors 2020/2021:
 * <pre>
 * 5600000001 SC-101 work order, vendor 5000000019, project 5100000001, retainage 10%, 3 lines
 * 5600000002 SC-102 work order, vendor 5000000020, project 5100000001, retainage 5%, 2 lines
 * 5600000003 PO-103 purchase order, vendor 5000000020, project 5100000001, no retainage, 1 line
 * 5600000004 SC-104 work order, vendor 5000000021 (not linked to NetSuite), project 5100000001, 10%
 * 5600000005 SC-201 work order, vendor 5000000019, project 5100000008 (not exported), 10%
 * 5600000006 SC-105 work order, vendor 5000000019, project 5100000001, 10%, 20 lines (every exported WBS code)
 * 5600000007 PO-106 purchase order, vendor 5000000019, project 5100000001, 5%, 1 line on WBS code 09-250.M
 *
 * 5700000001 INV-1001 on SC-101 #1 approved, retainage, materials stored
 * 5700000002 INV-1002 on SC-101 #2 under_review (work from the previous invoice carried)
 * 5700000003 INV-1003 on SC-101 #3 draft
 * 5700000004 INV-2001 on SC-102 #1 approved_as_noted, retainage 5%, materials stored
 * 5700000005 INV-2002 on SC-102 #2 revise_and_resubmit
 * 5700000006 INV-3001 on PO-103 #1 pending_owner_approval, no retainage
 * 5700000007 INV-3002 on PO-103 #2 approved, materials stored only
 * 5700000008 INV-4001 on SC-104 #1 approved, vendor not linked to a NetSuite vendor
 * 5700000009 INV-5001 on SC-201 #1 approved, project not exported (no origin_id)
 * 5700000010 INV-6001 on SC-105 #1 approved, 20 lines
 * 5700000011 INV-7001 on PO-106 #1 approved, WBS code 09-250.M not exported as an item
 * 5700000012 INV-7002 on PO-106 #2 draft
 * </pre>
 *
 * @param vendorNameMatches  Procore vendor and the one NetSuite vendor with its normalized name
 * @param vendorEmailMatches Procore vendor and the NetSuite vendor with its email
 * @param vendorPhoneMatches Procore vendor and the NetSuite vendor with its phone
 * @param linkedVendors      Procore vendors whose origin_id is already the NetSuite vendor's internal id
 * @param procoreOnlyVendors Procore vendors nothing in NetSuite resembles
 * @param netsuiteOnlyVendors NetSuite vendors nothing in Procore resembles
 */
public record ProcoreDemoCases(List<VendorMatch> vendorNameMatches, List<VendorMatch> vendorEmailMatches,
        List<VendorMatch> vendorPhoneMatches, List<VendorMatch> linkedVendors, List<Long> procoreOnlyVendors,
        List<Long> inactiveProcoreVendors, List<Long> vendorsWithoutContact, List<String> netsuiteOnlyVendors) {

    /** The reference instant of the demo data: the hub's "connected to Procore" moment in the story. */
    public static final Instant CONNECTION_INSTANT = Instant.parse("2025-09-01T00:00:00Z");
    public static final long COMPANY_ID = 4264807L;
    public static final String COMPANY_NAME = "Trestle Builders Inc.";

    public static final long AMBIGUOUS_NAME_PROCORE_VENDOR = 5_000_000_017L;
    public static final List<String> AMBIGUOUS_NAME_NETSUITE_VENDORS = List.of("2017", "2018");
    public static final long INACTIVE_ONLY_PROCORE_VENDOR = 5_000_000_018L;
    public static final String INACTIVE_ONLY_NETSUITE_VENDOR = "2019";

    public static final long LINKED_PROJECT = 5_100_000_001L;
    public static final String LINKED_PROJECT_JOB = "3001";
    /** Projects in progress (stage "Course of Construction"). */
    public static final List<Long> IN_PROGRESS_PROJECTS = List.of(5_100_000_001L, 5_100_000_002L, 5_100_000_007L);
    public static final List<Long> PROJECTS_CREATED_BEFORE_CONNECTION = List.of(5_100_000_001L, 5_100_000_002L,
            5_100_000_003L, 5_100_000_004L, 5_100_000_005L);
    public static final List<Long> PROJECTS_WITHOUT_NUMBER = List.of(5_100_000_004L, 5_100_000_009L);
    public static final List<Long> INACTIVE_PROJECTS = List.of(5_100_000_005L, 5_100_000_011L);
    public static final long CUSTOM_SEGMENT_PROJECT = 5_100_000_006L;
    public static final long PROJECT_WITHOUT_COST_CODES = 5_100_000_010L;
    public static final long PROJECT_NUMBER_MATCH_PROJECT = 5_100_000_012L;
    public static final String PROJECT_NUMBER_MATCH_JOB = "3002";
    public static final List<String> NETSUITE_ONLY_JOBS = List.of("3003", "3004", "3005", "3006");
    public static final String INACTIVE_JOB = "3005";

    /** The linked Procore vendors the demo commitments are with, and their NetSuite vendors. */
    public static final long LINKED_VENDOR_A = 5_000_000_019L;
    public static final String LINKED_VENDOR_A_NETSUITE = "2020";
    public static final long LINKED_VENDOR_B = 5_000_000_020L;
    public static final String LINKED_VENDOR_B_NETSUITE = "2021";

    public static final List<Long> COMMITMENTS = List.of(5_600_000_001L, 5_600_000_002L, 5_600_000_003L,
            5_600_000_004L, 5_600_000_005L, 5_600_000_006L, 5_600_000_007L);
    public static final List<Long> WORK_ORDER_CONTRACTS = List.of(5_600_000_001L, 5_600_000_002L, 5_600_000_004L,
            5_600_000_005L, 5_600_000_006L);
    public static final List<Long> PURCHASE_ORDER_CONTRACTS = List.of(5_600_000_003L, 5_600_000_007L);

    public static final List<Long> INVOICES = List.of(5_700_000_001L, 5_700_000_002L, 5_700_000_003L,
            5_700_000_004L, 5_700_000_005L, 5_700_000_006L, 5_700_000_007L, 5_700_000_008L, 5_700_000_009L,
            5_700_000_010L, 5_700_000_011L, 5_700_000_012L);
    public static final List<Long> DRAFT_INVOICES = List.of(5_700_000_003L, 5_700_000_012L);
    public static final long UNDER_REVIEW_INVOICE = 5_700_000_002L;
    public static final long APPROVED_AS_NOTED_INVOICE = 5_700_000_004L;
    public static final long REVISE_AND_RESUBMIT_INVOICE = 5_700_000_005L;
    public static final long PENDING_OWNER_APPROVAL_INVOICE = 5_700_000_006L;
    /** Approved, with retainage and materials stored, on a linked project, vendor and exported WBS codes. */
    public static final long APPROVED_INVOICE = 5_700_000_001L;
    /** Invoices that can be sent to the ERP (approved, approved as noted, pending owner approval). */
    public static final List<Long> EXPORTABLE_STATUS_INVOICES = List.of(5_700_000_001L, 5_700_000_004L,
            5_700_000_006L, 5_700_000_007L, 5_700_000_008L, 5_700_000_009L, 5_700_000_010L, 5_700_000_011L);
    public static final List<Long> INVOICES_WITH_RETAINAGE = List.of(5_700_000_001L, 5_700_000_002L,
            5_700_000_003L, 5_700_000_004L, 5_700_000_005L, 5_700_000_008L, 5_700_000_009L, 5_700_000_010L,
            5_700_000_011L, 5_700_000_012L);
    public static final long INVOICE_WITHOUT_RETAINAGE = 5_700_000_006L;
    public static final long INVOICE_WITH_MANY_LINES = 5_700_000_010L;
    public static final long INVOICE_OF_UNLINKED_VENDOR = 5_700_000_008L;
    public static final long INVOICE_VENDOR_NOT_LINKED = 5_000_000_021L;
    public static final long INVOICE_ON_PROJECT_NOT_EXPORTED = 5_700_000_009L;
    public static final long INVOICE_PROJECT_NOT_EXPORTED = 5_100_000_008L;
    public static final long INVOICE_WITH_WBS_CODE_NOT_EXPORTED = 5_700_000_011L;
    public static final String WBS_CODE_NOT_EXPORTED = "09-250.M";

    /** The NetSuite external id of an exported WBS code, as the hub writes it ({@code procore-wbs-<project>-<wbs>}). */
    public static String itemExternalId(long procoreProjectId, long wbsCodeId) {
        return "procore-wbs-" + procoreProjectId + "-" + wbsCodeId;
    }

    /** A Procore vendor and the NetSuite vendor it corresponds to. */
    public record VendorMatch(long procoreId, String netsuiteId) {
    }
}
