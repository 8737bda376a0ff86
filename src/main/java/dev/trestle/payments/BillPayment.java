package dev.trestle.payments;

import dev.trestle.money.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * A NetSuite vendor payment as the import reads it: its check number ({@code tranId}), date and
 * the bills it is applied to, each with the amount applied.
 *
 * @param voided NetSuite's void flag: a voided payment paid nothing
 */
public record BillPayment(String id, String checkNumber, LocalDate date, boolean voided, List<Application> applications) {

    /** The part of a payment applied to one bill. */
    public record Application(String billId, Money amount) {
    }

    public BillPayment {
        applications = List.copyOf(applications);
    }
}
