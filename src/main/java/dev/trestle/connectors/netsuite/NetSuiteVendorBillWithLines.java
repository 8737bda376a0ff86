package dev.trestle.connectors.netsuite;

import java.util.List;

/**
 * A NetSuite vendor bill with what the header of {@link NetSuiteVendorBill} leaves out: its memo, currency, whether
 * it was voided, and its lines.
 *
 * @param bill       the header
 * @param memo       may be null
 * @param currencyId NetSuite's internal id of the currency (not an ISO code); may be null
 * @param voided     whether the bill was voided
 * @param lines      the main line (id 0) first, then the item and expense lines in line order
 */
public record NetSuiteVendorBillWithLines(NetSuiteVendorBill bill, String memo, String currencyId, boolean voided,
        List<NetSuiteTransactionLine> lines) {

    public NetSuiteVendorBillWithLines {
        lines = List.copyOf(lines);
    }

    /** The lines that carry a cost: every line but the main line. */
    public List<NetSuiteTransactionLine> costLines() {
        return lines.stream().filter(l -> !l.mainLine()).toList();
    }
}
