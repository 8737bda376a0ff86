package dev.trestle.imports;

import dev.trestle.exports.ExportStatus;
import dev.trestle.exports.ImportOutcome;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * What an import from NetSuite into Procore did, written by the outbox.
 *
 * @param requestId the import's request (its audit trail is under this id)
 * @param status    EXPORTED when every write landed, FAILED when Procore refused one, EXPORTING
 *                  while some are still to be written (they go on by themselves)
 * @param created   Procore records created (or adopted) and linked
 * @param skipped   NetSuite records left alone: already linked, inactive, or their Procore record is linked elsewhere
 * @param failed    records Procore refused; the audit trail has Procore's reasons
 * @param pending   records still to be written (Procore paused them, e.g. by a rate limit)
 * @param notes     why records were left out, and drift a person must look at
 * @param run       the run that read NetSuite; null when the answer is an import already writing
 */
@Description("What an import from NetSuite into Procore did. Its writes go through the same outbox as exports: "
        + "retried on their own through outages, audited under requestId.")
public record ImportResult(@NonNull @Id String requestId, @NonNull ExportStatus status, @NonNull int created,
        @NonNull int skipped, @NonNull int failed, @NonNull int pending,
        @NonNull @Description("Why records were left out or held, and what changed in NetSuite after an earlier "
                + "import that the hub does not undo by itself (drift: e.g. a payment voided or deleted after it became "
                + "a commitment payment), in words. Kept with the run (importRuns).") List<@NonNull String> notes,
        @Description("The run that read NetSuite for this answer (how much it read and from when); empty when the "
                + "answer is an import of the kind that was still writing, which this request joined.") ImportRun run) {

    static ImportResult of(ImportRunner.Result result) {
        ImportOutcome outcome = result.outcome();
        return new ImportResult(Long.toString(outcome.requestId()), outcome.status(), outcome.linked(),
                outcome.skipped(), outcome.failed(), outcome.pending(), outcome.notes(), result.run());
    }
}
