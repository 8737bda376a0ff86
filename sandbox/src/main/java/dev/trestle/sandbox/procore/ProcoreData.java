package dev.trestle.sandbox.procore;

import java.util.List;

/** Everything a simulated Procore company holds; what {@link ProcoreSandbox#restore} loads. */
public record ProcoreData(List<ProcoreVendor> vendors, List<ProcoreProject> projects,
        List<ProcoreCostType> costTypes, List<ProcoreCostCode> costCodes, List<WbsSegment> segments,
        List<WbsCode> wbsCodes, List<ProcoreCommitment> commitments, List<ProcoreRequisition> requisitions) {

    /** A company without commitments and subcontractor invoices. */
    public ProcoreData(List<ProcoreVendor> vendors, List<ProcoreProject> projects, List<ProcoreCostType> costTypes,
            List<ProcoreCostCode> costCodes, List<WbsSegment> segments, List<WbsCode> wbsCodes) {
        this(vendors, projects, costTypes, costCodes, segments, wbsCodes, List.of(), List.of());
    }
}
