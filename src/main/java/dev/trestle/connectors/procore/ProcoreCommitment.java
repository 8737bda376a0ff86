package dev.trestle.connectors.procore;

/**
 * A commitment of a project: a subcontract ({@code work_order_contract}) or a purchase order
 * ({@code purchase_order_contract}) with one vendor. Subcontractor invoices bill against it.
 *
 * @param id         Procore's id
 * @param kind       which of the two commitment resources it was read from
 * @param projectId  the project it belongs to
 * @param number     e.g. {@code SC-101}; may be null
 * @param title      may be null
 * @param status     as Procore spells it ({@code Draft}, {@code Approved}, ...); may be null
 * @param vendorId   the vendor's Procore id; null when the commitment has no vendor yet
 * @param vendorName may be null
 * @param currency   ISO 4217 code when Procore sends one (multi-currency companies); null otherwise
 * @param originId   the ERP's id when the commitment is synced; may be null
 */
public record ProcoreCommitment(long id, Kind kind, long projectId, String number, String title, String status,
        Long vendorId, String vendorName, String currency, String originId) {

    /** The two commitment resources, with their REST path segment and close-out item type. */
    public enum Kind {
        WORK_ORDER_CONTRACT("work_order_contracts", "work_order_contract"),
        PURCHASE_ORDER_CONTRACT("purchase_order_contracts", "purchase_order_contract");

        private final String path;
        private final String itemType;

        Kind(String path, String itemType) {
            this.path = path;
            this.itemType = itemType;
        }

        /** The collection in {@code /rest/v1.0/<path>/{id}}. */
        public String path() {
            return path;
        }

        /** The {@code item_type} of the ERP close-out. */
        public String itemType() {
            return itemType;
        }
    }
}
