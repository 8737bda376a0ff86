package dev.trestle.exports;

import java.util.List;

/**
 * How an import request stands: its status, and its writes into Procore by outcome.
 *
 * @param linked  written and linked to their NetSuite record
 * @param skipped left alone by the plan, or written but not linked because one of the records is
 *                linked to another already
 * @param failed  refused by Procore for good (the request's error says why)
 * @param pending still to be written (an outage: they are retried on their own)
 * @param notes   the plan's notes for a person (empty when the answer is an import already running)
 */
public record ImportOutcome(long requestId, ExportStatus status, int linked, int skipped, int failed, int pending,
        List<String> notes) {
}
