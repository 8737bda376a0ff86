package dev.trestle.sandbox.procore;

import java.util.List;

/**
 * One combination of segment items a project can book cost against, e.g. {@code "03-300.L"}:
 * cost code 03-300, cost type L.
 *
 * @param segmentItems one per segment, in segment order
 */
public record WbsCode(long id, long projectId, String flatCode, String description, List<SegmentItem> segmentItems) {

    /** The value one segment takes in this code. */
    public record SegmentItem(long segmentId, String code, String name) {
    }
}
