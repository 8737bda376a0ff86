package dev.trestle.payments;

import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.exports.ExportService;
import dev.trestle.security.UserRef;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The scheduled import of NetSuite bill payments ({@code trestle.bill-payments.cron}), as the
 * seed has imports run on request or on a schedule. A run with nothing to write and nothing to
 * report opens no import, so an idle hour leaves no empty request behind. Every replica fires it;
 * an import already going is answered with that one, and its writes are upserts by origin id, so a
 * second replica's run at the same moment adds nothing twice.
 */
@ApplicationScoped
public class BillPaymentImportJob {

    /** Who the scheduled import is requested by, in the audit trail (not a subject any token carries). */
    static final UserRef SCHEDULE = new UserRef("trestle:schedule", "schedule");
    static final String KIND = "BILL_PAYMENTS";
    private static final Logger LOG = Logger.getLogger(BillPaymentImportJob.class);

    private final ExportService outbox;
    private final BillPaymentImporter importer;

    public BillPaymentImportJob(ExportService outbox, BillPaymentImporter importer) {
        this.outbox = outbox;
        this.importer = importer;
    }

    @Scheduled(identity = "bill-payments-import", cron = "${trestle.bill-payments.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return importer.plan().chain(plan -> plan.writes().isEmpty() && plan.notes().isEmpty()
                ? Uni.createFrom().voidItem()
                : outbox.runImport(KIND, Uni.createFrom().item(plan), SCHEDULE)
                        .invoke(outcome -> LOG.infof("Scheduled bill payments import %d %s: %d written, %d failed, "
                                + "%d pending, %d notes", outcome.requestId(), outcome.status(), outcome.linked(),
                                outcome.failed(), outcome.pending(), outcome.notes().size()))
                        .replaceWithVoid())
                // A company outside the US: the flow does not apply, every hour alike; not worth a warning.
                .onFailure(BillPaymentImportJob::notSupported).recoverWithItem(refused -> {
                    LOG.debug(refused.getMessage());
                    return null;
                })
                .onFailure().invoke(failure -> LOG.warnf("Scheduled bill payments import did not run: %s",
                        failure.getMessage()))
                .onFailure().recoverWithNull();
    }

    private static boolean notSupported(Throwable failure) {
        return failure instanceof TrestleException e && e.code() == ErrorCode.NOT_SUPPORTED;
    }
}
