package dev.trestle.directcosts;

import java.util.Locale;
import org.eclipse.microprofile.graphql.Description;

/** Procore's {@code direct_cost_type}. */
@Description("The kind of a Procore direct cost (Procore's direct_cost_type).")
public enum DirectCostType {
    @Description("A vendor's invoice booked without a commitment (from NetSuite: a vendor bill).")
    INVOICE,
    @Description("An expense (from NetSuite: a journal entry).")
    EXPENSE,
    @Description("Payroll.")
    PAYROLL;

    /** The type Procore names ({@code invoice}, {@code expense}, {@code payroll}); null for any other. */
    static DirectCostType of(String procoreType) {
        if (procoreType == null) {
            return null;
        }
        for (DirectCostType type : values()) {
            if (type.name().toLowerCase(Locale.ROOT).equals(procoreType)) {
                return type;
            }
        }
        return null;
    }
}
