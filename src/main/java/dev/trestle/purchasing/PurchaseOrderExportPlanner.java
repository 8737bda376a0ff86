package dev.trestle.purchasing;

import dev.trestle.connectors.netsuite.NetSuiteTransactions;
import dev.trestle.connectors.precoro.PrecoroPurchaseOrder;
import dev.trestle.connectors.precoro.PrecoroPurchasing;
import dev.trestle.employees.EmployeeMapping;
import dev.trestle.employees.PurchaserMatches;
import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.exports.ExportKind;
import dev.trestle.exports.ExportPlan;
import dev.trestle.exports.ExportPlanner;
import dev.trestle.exports.OutboxWrite;
import dev.trestle.links.LinkKind;
import dev.trestle.links.Links;
import dev.trestle.links.RecordLink;
import dev.trestle.settings.SettingsService;
import dev.trestle.suppliers.SupplierLinks;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans the NetSuite purchase order of a Precoro purchase order, read live ({@link PurchaseOrderPlanner} decides):
 * the PO in full, the NetSuite vendor its supplier is linked to ({@link SupplierLinks}), the employee the employee
 * sync matched to its purchaser, and, for a PO exported before, whether NetSuite still takes changes to the order it
 * made (a fully billed or closed purchase order takes none: the change is refused, named, at once).
 */
@ApplicationScoped
public class PurchaseOrderExportPlanner implements ExportPlanner {

    /** NetSuite's purchase order statuses that take no more changes: G Fully Billed, H Closed. */
    private static final Map<String, String> FINISHED = Map.of("G", "fully billed", "H", "closed");

    private final PrecoroPurchasing precoro;
    private final NetSuiteTransactions netsuite;
    private final SupplierLinks suppliers;
    private final PurchaserMatches purchasers;
    private final SettingsService settings;
    private final Links links;
    private final PurchaseOrderPlanner.Settings planning;

    PurchaseOrderExportPlanner(PrecoroPurchasing precoro, NetSuiteTransactions netsuite, SupplierLinks suppliers,
            PurchaserMatches purchasers, SettingsService settings, Links links, PurchasingConfig config) {
        this.precoro = precoro;
        this.netsuite = netsuite;
        this.suppliers = suppliers;
        this.purchasers = purchasers;
        this.settings = settings;
        this.links = links;
        this.planning = new PurchaseOrderPlanner.Settings(config.currencies(), config.expenseAccountId().orElse(null),
                config.precoroAppUrl());
    }

    @Override
    public ExportKind kind() {
        return ExportKind.PURCHASE_ORDER;
    }

    @Override
    public Uni<ExportPlan> plan(String sourceId) {
        return precoro.purchaseOrder(Long.parseLong(sourceId)).chain(this::plan);
    }

    /** The plan of a PO already read in full (the intake reads it once, to record it and to plan it). */
    public Uni<ExportPlan> plan(PrecoroPurchaseOrder po) {
        String idn = String.valueOf(po.idn());
        Long purchaser = po.creator() == null ? null : po.creator().id();
        return Uni.combine().all().unis(
                        suppliers.vendorOf(po.supplier().id(), po.supplier().name()),
                        purchaser == null ? Uni.createFrom().item(Map.<Long, EmployeeMapping>of())
                                : purchasers.of(Set.of(purchaser)),
                        settings.current(),
                        links.byLeftIds(LinkKind.PURCHASE_ORDER, List.of(idn)))
                .asTuple()
                .chain(read -> {
                    RecordLink exported = read.getItem4().get(idn);
                    Uni<Optional<String>> status = exported == null ? Uni.createFrom().item(Optional.empty())
                            : netsuite.purchaseOrderStatus(exported.rightId);
                    return status.map(netsuiteStatus -> {
                        netsuiteStatus.map(FINISHED::get).ifPresent(finished -> {
                            throw new TrestleException(ErrorCode.NOT_EXPORTABLE, "NetSuite purchase order "
                                    + exported.rightId + ", made from Precoro purchase order " + po.number() + " (idn "
                                    + po.idn() + "), is " + finished + ": NetSuite takes no more changes to it, so "
                                    + "the change in Precoro is not sent.");
                        });
                        PurchaseOrderPlanner.Linked linked = new PurchaseOrderPlanner.Linked(
                                read.getItem1().vendorId(), purchaser == null ? null : read.getItem2().get(purchaser),
                                read.getItem3().employeeSyncEnabled, read.getItem1().reason());
                        PurchaseOrderPlan plan = PurchaseOrderPlanner.plan(PurchaseOrder.from(po), linked, planning);
                        if (plan instanceof PurchaseOrderPlan.Refused refused) {
                            throw refused.toException();
                        }
                        PurchaseOrderPlan.Order order = (PurchaseOrderPlan.Order) plan;
                        List<String> notes = new ArrayList<>(order.notes());
                        if (exported != null) {
                            notes.add("Updates NetSuite purchase order " + exported.rightId + ", made from this "
                                    + "Precoro purchase order before (same external id " + order.externalId() + ").");
                        }
                        return new ExportPlan(List.of(OutboxWrite.intoNetSuite(PurchaseOrderPlanner.RECORD_TYPE,
                                order.externalId(), order.body(), LinkKind.PURCHASE_ORDER, idn)), notes);
                    });
                });
    }
}
