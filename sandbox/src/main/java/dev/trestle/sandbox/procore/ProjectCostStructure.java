package dev.trestle.sandbox.procore;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What cost can be booked against on each project: the company's cost types, each project's cost
 * codes, and each project's work breakdown structure (segments and the WBS codes combining them).
 * Replaced whole on reset; read-only in between, so reads need no locking.
 */
public final class ProjectCostStructure {

    private volatile Map<Long, ProcoreCostType> costTypes = Map.of();
    private volatile Map<Long, List<ProcoreCostCode>> costCodesByProject = Map.of();
    private volatile Map<Long, List<WbsSegment>> segmentsByProject = Map.of();
    private volatile Map<Long, List<WbsCode>> wbsCodesByProject = Map.of();

    void load(Collection<ProcoreCostType> types, Collection<ProcoreCostCode> codes, Collection<WbsSegment> segments,
            Collection<WbsCode> wbsCodes) {
        costTypes = types.stream().collect(Collectors.toMap(ProcoreCostType::id, Function.identity(), (a, b) -> a,
                TreeMap::new));
        costCodesByProject = group(codes, ProcoreCostCode::projectId);
        segmentsByProject = group(segments, WbsSegment::projectId);
        wbsCodesByProject = group(wbsCodes, WbsCode::projectId);
    }

    private static <T> Map<Long, List<T>> group(Collection<T> items, Function<T, Long> project) {
        return items.stream().collect(Collectors.groupingBy(project, TreeMap::new, Collectors.toUnmodifiableList()));
    }

    /** The company's cost types in id order. */
    public List<ProcoreCostType> costTypes() {
        return List.copyOf(costTypes.values());
    }

    public Optional<ProcoreCostType> costType(long id) {
        return Optional.ofNullable(costTypes.get(id));
    }

    Map<Long, ProcoreCostType> costTypesById() {
        return costTypes;
    }

    public List<ProcoreCostCode> costCodes(long projectId) {
        return costCodesByProject.getOrDefault(projectId, List.of());
    }

    public List<WbsSegment> segments(long projectId) {
        return segmentsByProject.getOrDefault(projectId, List.of());
    }

    public List<WbsCode> wbsCodes(long projectId) {
        return wbsCodesByProject.getOrDefault(projectId, List.of());
    }
}
