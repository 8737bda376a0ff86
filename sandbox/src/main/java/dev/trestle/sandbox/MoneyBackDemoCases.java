package dev.trestle.sandbox;

import java.util.List;
import java.util.Map;

/**
 * Which records of the money-back demo ({@link MoneyBackDemoData}, NetSuite back to Procore) are which case.
 * Ids depend on what the demo is added to (generated invoices come first), so the cases are the ones of the
 * data as last loaded ({@link Sandbox#moneyBackCases()}); {@code null} fields when the demo is off.
 *
 * @param commitments          the commitments of the demo's Procore invoices (vendor A's, vendor B's)
 * @param exportedInvoices     Procore subcontractor invoices already exported as NetSuite bills (their
 *                             {@code origin_id} is the bill's internal id), in the order of {@code procoreBills}
 * @param procoreBills         the NetSuite bills of those invoices (external id {@code procore-requisition-<id>})
 * @param paymentOverSeveralBills a payment of vendor A applied to the first bill in full and to part of the second
 * @param partialPayment       a later payment of vendor A paying the rest of the second bill
 * @param paymentToVoid        a payment of vendor B (part of the third bill) that a test voids after an import
 * @param paymentToDelete      a payment of vendor B (another part of the third bill) that a test deletes after an import
 * @param voidedPayment        a payment of vendor B voided before any import
 * @param billsNotFromProcore  NetSuite bills entered in NetSuite (no external id) on the exported project: the
 *                             first maps entirely (an item line on an exported cost-code item and an expense line
 *                             on a mapped account), the second has a line on an account nothing maps
 * @param billOnOtherProject   a NetSuite bill whose lines point at a job that is no exported project
 * @param journals             journal entries on the exported project: the first maps entirely through the
 *                             account map, the second has a line on an account nothing maps
 * @param accountCostCodes     the account to WBS code map the demo assumes (NetSuite account id to the Procore
 *                             WBS flat code on the exported project); the travel account is deliberately absent
 * @param unmappedAccount      the account no line maps from
 * @param generatedPayments    the generated bill payments ({@code --netsuite-bill-payments}), each applied in full to
 *                             one generated Procore-originated bill
 */
public record MoneyBackDemoCases(List<Long> commitments, List<Long> exportedInvoices, List<Long> procoreBills,
        Long paymentOverSeveralBills, Long partialPayment, Long paymentToVoid, Long paymentToDelete,
        Long voidedPayment, List<Long> billsNotFromProcore, Long billOnOtherProject, List<Long> journals,
        Map<String, String> accountCostCodes, String unmappedAccount, List<Long> generatedPayments) {

    static MoneyBackDemoCases none() {
        return new MoneyBackDemoCases(List.of(), List.of(), List.of(), null, null, null, null, null, List.of(), null,
                List.of(), Map.of(), null, List.of());
    }
}
