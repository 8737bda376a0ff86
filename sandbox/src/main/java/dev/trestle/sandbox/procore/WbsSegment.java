package dev.trestle.sandbox.procore;

/**
 * One segment of a project's work breakdown structure.
 *
 * @param type      {@code cost_code}, {@code line_item_type} or {@code custom}
 * @param position  1-based order of the segment in a WBS code
 * @param delimiter written after this segment's code when another segment follows
 * @param structure {@code tiered} (cost codes: division-code) or {@code flat}
 */
public record WbsSegment(long id, long projectId, String name, String type, int position, String delimiter,
        String structure) {
}
