package dev.trestle.exports;

/**
 * What became of a change of a source record that exports by itself (a Precoro purchase order approved or changed in
 * Precoro): see {@link ExportService#requestForSource}.
 *
 * @param requestId the request that stands for the record as it is now; null when {@code BUSY}
 */
public record SourceRequest(Outcome outcome, Long requestId) {

    public enum Outcome {
        /** A new PENDING request (or APPROVED at once, by the admin's automatic approval). */
        REQUESTED,
        /** The record's PENDING request was planned anew: it had not been decided yet. */
        REPLANNED,
        /** The last request of the record already says exactly this (delivered, pending, failed or rejected). */
        UNCHANGED,
        /** The record's approved request is being delivered: the change must be planned again after it. */
        BUSY
    }
}
