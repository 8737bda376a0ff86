package dev.trestle.directcosts;

import dev.trestle.money.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * What one NetSuite document becomes in Procore: a direct cost per exported project its lines are
 * costed to, each with its lines, and the direct costs held back with the reasons (a line that maps
 * to no WBS code holds its whole direct cost: never half of a document).
 */
public record DirectCostPlan(List<DirectCost> directCosts, List<Held> held, List<String> notes) {

    /** A direct cost and its lines, each keyed on an origin id derived from the NetSuite record. */
    public record DirectCost(String originId, long projectId, String type, LocalDate date, String invoiceNumber,
            Long vendorId, String description, List<CostLine> lines) {

        public DirectCost {
            lines = List.copyOf(lines);
        }

        /** The sum of its lines, exact to the cent. */
        public Money total() {
            return lines.stream().map(CostLine::amount).reduce(Money::plus).orElseThrow();
        }
    }

    /** One line of a direct cost, on a WBS code of its project. */
    public record CostLine(String originId, long wbsCodeId, Money amount, String description) {
    }

    /** A direct cost not written, and every reason, in words. */
    public record Held(String originId, long projectId, List<String> reasons) {

        public Held {
            reasons = List.copyOf(reasons);
        }
    }

    public DirectCostPlan {
        directCosts = List.copyOf(directCosts);
        held = List.copyOf(held);
        notes = List.copyOf(notes);
    }
}
