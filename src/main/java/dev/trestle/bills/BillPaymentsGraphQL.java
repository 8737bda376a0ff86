package dev.trestle.bills;

import dev.trestle.graphql.RequestReads;
import dev.trestle.money.Money;
import dev.trestle.security.RequiresRole;
import dev.trestle.security.Roles;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

/**
 * The money back on the bills graph: a bill's NetSuite payments and its payment state, resolved for a whole page of
 * bills at once, sharing one read ({@link BillPayments}, through {@link RequestReads}).
 */
@GraphQLApi
@RequiresRole({Roles.VIEWER, Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN})
public class BillPaymentsGraphQL {

    private final BillPayments payments;
    private final RequestReads reads;

    public BillPaymentsGraphQL(BillPayments payments, RequestReads reads) {
        this.payments = payments;
        this.reads = reads;
    }

    @Name("payments")
    @Description("The NetSuite vendor payments applied to the bill's NetSuite vendor bill, by NetSuite id, each with "
            + "the amount it applies to this bill and the Procore commitment payment it was imported as (with drift "
            + "when NetSuite voided or deleted it since). Empty while there is no NetSuite bill. Read for the whole "
            + "page at once.")
    public Uni<List<@NonNull List<@NonNull NetSuitePayment>>> payments(@Source List<Bill> bills) {
        List<String> ids = billIds(bills);
        return read(ids).map(byBill -> bills.stream()
                .map(bill -> bill.netsuiteBill() == null ? List.<NetSuitePayment>of()
                        : byBill.getOrDefault(bill.netsuiteBill().id(), List.of()))
                .toList());
    }

    @Name("paymentState")
    @Description("How much of the NetSuite vendor bill is paid (see BillPaymentState); empty while there is no NetSuite "
            + "bill, or NetSuite shows no total.")
    public Uni<List<BillPaymentState>> paymentState(@Source List<Bill> bills) {
        List<String> ids = billIds(bills);
        return read(ids).map(byBill -> bills.stream().map(bill -> {
            if (bill.netsuiteBill() == null) {
                return null;
            }
            Money total = bill.netsuiteBill().total();
            Money paid = byBill.getOrDefault(bill.netsuiteBill().id(), List.of()).stream()
                    .map(NetSuitePayment::amountApplied).filter(Objects::nonNull).reduce(Money::plus).orElse(null);
            return BillPaymentState.of(total, paid);
        }).toList());
    }

    /** One read per page, whichever of the fields (or aliases) asks first. */
    private Uni<Map<String, List<NetSuitePayment>>> read(List<String> ids) {
        return reads.once("netsuite:bill-payments:" + ids, () -> payments.ofBills(ids));
    }

    private static List<String> billIds(List<Bill> bills) {
        return bills.stream().filter(bill -> bill.netsuiteBill() != null).map(bill -> bill.netsuiteBill().id())
                .distinct().toList();
    }
}
