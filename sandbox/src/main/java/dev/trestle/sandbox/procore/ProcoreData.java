package dev.trestle.sandbox.procore;

import java.util.List;

/** Everything a simulated Procore company holds; what {@link ProcoreSandbox#restore} loads. */
public record ProcoreData(List<ProcoreVendor> vendors, List<ProcoreProject> projects,
        List<ProcoreCostType> costTypes, List<ProcoreCostCode> costCodes, List<WbsSegment> segments,
        List<WbsCode> wbsCodes) {
}
