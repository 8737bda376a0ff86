package dev.trestle.sandbox.procore;

import java.util.List;

/** Everything a simulated Procore company holds; what {@link ProcoreSandbox#restore} loads. */
public record ProcoreData(List<ProcoreVendor> vendors, List<ProcoreProject> projects,
        List<ProcoreCostType> costTypes, List<ProcoreCostCode> costCodes, List<WbsSegment> segments,
        List<WbsCode> wbsCodes, List<ProcoreCommitment> commitments, List<ProcoreRequisition> requisitions,
        List<ProcoreContractPayment> contractPayments, List<ProcoreDirectCost> directCosts,
        List<ProcoreDirectCostLine> directCostLines) {

    /** A company without commitment payments and direct costs. */
    public ProcoreData(List<ProcoreVendor> vendors, List<ProcoreProject> projects, List<ProcoreCostType> costTypes,
            List<ProcoreCostCode> costCodes, List<WbsSegment> segments, List<WbsCode> wbsCodes,
            List<ProcoreCommitment> commitments, List<ProcoreRequisition> requisitions) {
        this(vendors, projects, costTypes, costCodes, segments, wbsCodes, commitments, requisitions, List.of(),
                List.of(), List.of());
    }

    /** A company without commitments and subcontractor invoices. */
    public ProcoreData(List<ProcoreVendor> vendors, List<ProcoreProject> projects, List<ProcoreCostType> costTypes,
            List<ProcoreCostCode> costCodes, List<WbsSegment> segments, List<WbsCode> wbsCodes) {
        this(vendors, projects, costTypes, costCodes, segments, wbsCodes, List.of(), List.of(), List.of(), List.of(),
                List.of());
    }
}
