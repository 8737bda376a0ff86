package dev.trestle.directcosts;

import dev.trestle.money.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * A NetSuite vendor bill entered in NetSuite, or a journal entry, as the direct costs import
 * reads it: its cost lines (a bill's lines without the payable line; a journal's lines), each
 * with the project it is costed to.
 *
 * @param vendorId the bill's vendor (NetSuite internal id); null for a journal
 * @param tranId   the bill's invoice number or the journal's number; may be null
 */
public record CostDocument(Type type, String id, String tranId, LocalDate date, String vendorId, List<Line> lines) {

    /** Which NetSuite record it is, and the Procore direct cost type it becomes. */
    public enum Type {
        BILL("bill", "invoice"), JOURNAL("journal", "expense");

        private final String key;
        private final String directCostType;

        Type(String key, String directCostType) {
            this.key = key;
            this.directCostType = directCostType;
        }

        String key() {
            return key;
        }

        /** Procore's {@code direct_cost_type}. */
        public String directCostType() {
            return directCostType;
        }
    }

    /**
     * One cost line.
     *
     * @param itemId    the line's item (a bill's item line); null for an expense or journal line
     * @param accountId the line's account; may be null for an item line
     * @param projectId the NetSuite project (job) it is costed to; null when none
     * @param amount    the cost: a bill line's amount, a journal line's debit less its credit
     */
    public record Line(String id, String itemId, String accountId, String projectId, Money amount, String memo) {
    }

    public CostDocument {
        lines = List.copyOf(lines);
    }
}
