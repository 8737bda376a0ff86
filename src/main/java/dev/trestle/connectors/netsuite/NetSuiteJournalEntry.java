package dev.trestle.connectors.netsuite;

import java.time.LocalDate;
import java.util.List;

/**
 * A NetSuite journal entry ({@code journalEntry}, transaction type {@code Journal}) with its lines, as SuiteQL
 * shows it. The project of a line is the line's entity.
 *
 * @param id           internal id
 * @param tranId       the entry's number; may be null
 * @param tranDate     may be null
 * @param memo         may be null
 * @param currencyId   NetSuite's internal id of the currency (not an ISO code); may be null
 * @param voided       whether the entry was voided
 * @param lastModified the day of the last change, as SuiteQL shows it; may be null
 * @param lines        in line order
 */
public record NetSuiteJournalEntry(String id, String tranId, LocalDate tranDate, String memo, String currencyId,
        boolean voided, LocalDate lastModified, List<NetSuiteTransactionLine> lines) {

    public NetSuiteJournalEntry {
        lines = List.copyOf(lines);
    }
}
