package dev.trestle.payments;

import dev.trestle.capabilities.IntegrationCapabilities;
import dev.trestle.connectors.netsuite.NetSuiteConfig;
import dev.trestle.connectors.netsuite.NetSuiteTransactions;
import dev.trestle.connectors.netsuite.NetSuiteVendorPayment;
import dev.trestle.connectors.procore.ProcoreConfig;
import dev.trestle.connectors.procore.ProcoreConnector;
import dev.trestle.connectors.procore.ProcoreInvoicePaymentUpdate;
import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.exports.ImportPlan;
import dev.trestle.exports.OutboxWrite;
import dev.trestle.links.LinkKind;
import dev.trestle.links.Links;
import dev.trestle.links.RecordLink;
import dev.trestle.money.Money;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plans the import of NetSuite bill payments into Procore as commitment payments (US companies
 * only, as Procore's own NetSuite connector does): the payments NetSuite changed are planned with
 * {@link CommitmentPaymentPlanner}, against the bills linked to the Procore invoices they were
 * made from; the writes are upserts by origin id, so an import run again updates what it wrote
 * before and adds nothing twice (and leaves out what NetSuite has not changed since the day it was
 * written). Payments voided or deleted in NetSuite after their commitment payments were written are
 * reported as drift in the import's notes, never deleted in Procore; a deletion is seen by a full
 * read only, since NetSuite answers a read by change date without the records it no longer has.
 */
@ApplicationScoped
public class BillPaymentImporter {

    /** The record type of the outbox's writes: an entry of Procore's invoice payments sync. */
    public static final String RECORD_TYPE = "invoice_payment";
    private static final Pattern ORIGIN_ID = Pattern.compile("netsuite-payment-([0-9]+)-bill-([0-9]+)");

    private final NetSuiteTransactions netsuite;
    private final ProcoreConnector procore;
    private final Links links;
    private final String procoreCurrency;
    private final String netsuiteCurrency;

    public BillPaymentImporter(NetSuiteTransactions netsuite, ProcoreConnector procore, Links links,
            ProcoreConfig procoreConfig, NetSuiteConfig netsuiteConfig) {
        this.netsuite = netsuite;
        this.procore = procore;
        this.links = links;
        this.procoreCurrency = procoreConfig.currency();
        this.netsuiteCurrency = netsuiteConfig.currency();
    }

    /**
     * The plan of the payments NetSuite changed at or after {@code modifiedSince}, or of every payment when
     * null (a full read: the only one that sees payments deleted in NetSuite).
     */
    public Uni<ImportPlan> plan(Instant modifiedSince) {
        return procore.companyCountry().chain(country -> {
            if (!"US".equals(country)) {
                return Uni.createFrom().failure(new TrestleException(ErrorCode.NOT_SUPPORTED,
                        IntegrationCapabilities.usOnly(country)));
            }
            return Uni.combine().all().unis(netsuite.vendorPaymentsModifiedSince(modifiedSince),
                    links.all(LinkKind.COMMITMENT_PAYMENT)).asTuple()
                    .chain(read -> plan(read.getItem1(), read.getItem2(), modifiedSince == null));
        });
    }

    private Uni<ImportPlan> plan(List<NetSuiteVendorPayment> payments, List<RecordLink> imported, boolean readAll) {
        // The (payment, bill) pairs already in Procore, by payment.
        Map<String, Set<String>> importedBills = new HashMap<>();
        Set<String> importedOrigins = new LinkedHashSet<>();
        Map<String, LocalDate> importedOn = new HashMap<>();
        for (RecordLink link : imported) {
            Matcher pair = ORIGIN_ID.matcher(link.rightId);
            if (pair.matches()) {
                importedOrigins.add(link.rightId);
                importedBills.computeIfAbsent(pair.group(1), id -> new LinkedHashSet<>()).add(pair.group(2));
                importedOn.put(link.rightId, link.linkedAt.atZone(ZoneOffset.UTC).toLocalDate());
            }
        }
        Set<String> billIds = new LinkedHashSet<>();
        payments.forEach(payment -> payment.applications().forEach(a -> billIds.add(a.billId())));
        importedBills.values().forEach(billIds::addAll);
        return links.byRightIds(LinkKind.BILL, billIds).map(bills -> {
            Map<String, PaidInvoice> invoices = new HashMap<>();
            bills.forEach((billId, link) -> invoices.put(billId, new PaidInvoice(Long.parseLong(link.leftId), null)));
            List<OutboxWrite> writes = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            int skipped = 0;
            Set<String> seen = new LinkedHashSet<>();
            for (NetSuiteVendorPayment read : payments) {
                seen.add(read.id());
                CommitmentPaymentPlan plan = CommitmentPaymentPlanner.plan(payment(read, importedBills), invoices,
                        procoreCurrency, importedOrigins);
                for (CommitmentPaymentPlan.Entry entry : plan.entries()) {
                    // Written before and not changed in NetSuite since (SuiteQL dates changes to the day):
                    // writing it again would change nothing.
                    LocalDate written = importedOn.get(entry.originId());
                    if (written != null && read.lastModified() != null && read.lastModified().isBefore(written)) {
                        skipped++;
                        continue;
                    }
                    writes.add(OutboxWrite.intoProcore(RECORD_TYPE, new ProcoreInvoicePaymentUpdate(
                            entry.requisitionId(), entry.originId(), entry.checkNumber(), entry.amount(), entry.date(),
                            entry.checkNumber(), entry.invoiceNumber(), null, null, null).toWire(),
                            LinkKind.COMMITMENT_PAYMENT, entry.originId()));
                }
                // Payments of bills that are not Procore's are not this import's business: counted, not noted.
                for (CommitmentPaymentPlan.Skipped left : plan.skipped()) {
                    skipped++;
                    if (invoices.containsKey(left.billId())) {
                        notes.add(left.reason());
                    }
                }
                plan.drift().forEach(drift -> notes.add(drift.change()));
            }
            // Only a full read tells a deleted payment from one that did not change.
            importedBills.forEach((paymentId, paid) -> {
                if (readAll && !seen.contains(paymentId)) {
                    paid.forEach(billId -> notes.add("NetSuite payment " + paymentId + " is gone from NetSuite "
                            + "(deleted) after its payment of bill " + billId + " was recorded in Procore as a "
                            + "commitment payment; remove or reverse it there."));
                }
            });
            return new ImportPlan(writes, payments.size(), skipped, notes);
        });
    }

    /** The payment as the planner takes it; a voided one applies to the bills its imported pairs paid. */
    private BillPayment payment(NetSuiteVendorPayment read, Map<String, Set<String>> importedBills) {
        List<BillPayment.Application> applications = new ArrayList<>();
        read.applications().forEach(a -> applications.add(new BillPayment.Application(a.billId(), a.amount())));
        if (read.voided() && applications.isEmpty()) {
            importedBills.getOrDefault(read.id(), Set.of()).forEach(billId ->
                    applications.add(new BillPayment.Application(billId, Money.zero(netsuiteCurrency))));
        }
        return new BillPayment(read.id(), read.tranId(), read.tranDate(), read.voided(), applications);
    }
}
