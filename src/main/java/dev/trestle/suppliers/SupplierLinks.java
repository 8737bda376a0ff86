package dev.trestle.suppliers;

import dev.trestle.common.Db;
import dev.trestle.connectors.precoro.PrecoroSupplier;
import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.links.LinkKind;
import dev.trestle.links.LinkMethod;
import dev.trestle.links.Links;
import dev.trestle.links.RecordLink;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * Which NetSuite vendor a Precoro supplier is: its link in the common link model. A supplier that Precoro's own
 * NetSuite integration carries a NetSuite id for ({@code netSuiteId}, else a numeric {@code externalId}) is linked
 * by that id the first time the hub needs it ({@link LinkMethod#ERP_ID}); any other supplier only by a person. A
 * supplier a person unlinked is never linked again by its id: the person's decision stands.
 */
@ApplicationScoped
public class SupplierLinks {

    /** Who the audit log names for a link made from the id Precoro carries. */
    public static final String ERP_ID_ACTOR = "precoro-netsuite-id";

    private final Links links;
    private final Db db;
    /**
     * Precoro's suppliers, read through the answers of the last minute: POs of one supplier are planned side by side
     * (a claim of the purchase order intake reads several at once), and each asking Precoro for the same supplier
     * would draw its duplicate-GET refusal, failing all but the first PO's planning until the minute is over.
     */
    private final RecentSuppliers precoro;

    SupplierLinks(Links links, Db db, RecentSuppliers precoro) {
        this.links = links;
        this.db = db;
        this.precoro = precoro;
    }

    /**
     * The supplier's NetSuite vendor: why there is none is in {@code reason}.
     *
     * @param vendorId the linked NetSuite vendor's internal id, or null
     * @param reason   null when linked; else a sentence for the person who must link it
     */
    public record SupplierVendor(String vendorId, String reason) {
    }

    /** The linked vendor of the supplier, linking it by the NetSuite id Precoro carries when it has never been linked. */
    public Uni<SupplierVendor> vendorOf(long supplierId, String supplierName) {
        String id = String.valueOf(supplierId);
        return links.byLeftIds(LinkKind.SUPPLIER, List.of(id)).chain(linked -> {
            RecordLink link = linked.get(id);
            if (link != null) {
                return Uni.createFrom().item(new SupplierVendor(link.rightId, null));
            }
            return everLinked(id).chain(before -> before
                    ? Uni.createFrom().item(notLinked(supplierId, supplierName, " (a person unlinked it)"))
                    : precoro.one(supplierId).chain(supplier -> byErpId(supplier)));
        });
    }

    private Uni<SupplierVendor> byErpId(PrecoroSupplier supplier) {
        String vendorId = erpId(supplier);
        if (vendorId == null) {
            return Uni.createFrom().item(notLinked(supplier.id(), supplier.name(),
                    "; Precoro carries no NetSuite id for it, so a person must link it"));
        }
        return links.link(LinkKind.SUPPLIER, String.valueOf(supplier.id()), vendorId, LinkMethod.ERP_ID, ERP_ID_ACTOR)
                .map(link -> new SupplierVendor(link.rightId, null))
                .onFailure(e -> e instanceof TrestleException t && t.code() == ErrorCode.ALREADY_LINKED)
                .recoverWithUni(e -> links.byLeftIds(LinkKind.SUPPLIER, List.of(String.valueOf(supplier.id())))
                        .map(now -> now.containsKey(String.valueOf(supplier.id()))
                                // Linked by another replica or a person meanwhile: that link is the answer.
                                ? new SupplierVendor(now.get(String.valueOf(supplier.id())).rightId, null)
                                : notLinked(supplier.id(), supplier.name(), "; NetSuite vendor " + vendorId
                                        + ", whose id Precoro carries, is linked to another supplier")));
    }

    /** The NetSuite vendor id Precoro's integration gave the supplier: {@code netSuiteId}, else a numeric externalId. */
    public static String erpId(PrecoroSupplier supplier) {
        if (supplier.netSuiteId() != null && !supplier.netSuiteId().isBlank()) {
            return supplier.netSuiteId().strip();
        }
        String external = supplier.externalId();
        return external != null && external.strip().matches("[0-9]{1,18}") ? external.strip() : null;
    }

    /**
     * Links the supplier to the vendor whose id Precoro carries for it, audited as {@link #ERP_ID_ACTOR}; the
     * caller has checked that the vendor exists. True when linked now, false when either side was linked
     * meanwhile (by another replica, a person): that link stands.
     */
    public Uni<Boolean> linkByErpId(long supplierId, String vendorId) {
        return links.link(LinkKind.SUPPLIER, String.valueOf(supplierId), vendorId, LinkMethod.ERP_ID, ERP_ID_ACTOR)
                .replaceWith(true)
                .onFailure(e -> e instanceof TrestleException t && t.code() == ErrorCode.ALREADY_LINKED)
                .recoverWithItem(false);
    }

    /** The suppliers whose link a person ended at some time: the id Precoro carries never links them again. */
    public Uni<Set<String>> unlinkedByPeople() {
        return db.read(session -> session.createSelectionQuery(
                "select distinct l.leftId from RecordLink l where l.kind = :kind and l.unlinkedAt is not null",
                String.class)
                .setParameter("kind", LinkKind.SUPPLIER)
                .getResultList()).map(Set::copyOf);
    }

    private Uni<Boolean> everLinked(String supplierId) {
        return db.read(session -> session.createSelectionQuery(
                "select count(l) from RecordLink l where l.kind = :kind and l.leftId = :id", Long.class)
                .setParameter("kind", LinkKind.SUPPLIER)
                .setParameter("id", supplierId)
                .getSingleResult()).map(count -> count > 0);
    }

    private static SupplierVendor notLinked(long supplierId, String name, String why) {
        return new SupplierVendor(null, "Precoro supplier '" + name + "' (id " + supplierId
                + ") is linked to no NetSuite vendor" + why + ".");
    }
}
