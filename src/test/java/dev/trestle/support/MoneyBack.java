package dev.trestle.support;

import dev.trestle.links.LinkKind;
import dev.trestle.links.LinkMethod;
import dev.trestle.links.Links;
import dev.trestle.sandbox.MoneyBackDemoCases;
import dev.trestle.sandbox.Sandbox;
import io.quarkus.arc.Arc;
import java.time.Duration;

/** The state the tests of the money flows back from NetSuite start from. */
public final class MoneyBack {

    private MoneyBack() {
    }

    /**
     * A fresh installation with the sandbox's money-back demo, and the links the exports of its bills left (each
     * exported Procore invoice linked to its NetSuite bill); returns which records are which.
     */
    public static MoneyBackDemoCases demo(Sandbox sandbox, Database database) {
        Hub.freshInstallation(sandbox, database);
        sandbox.resetWithMoneyBackDemo();
        MoneyBackDemoCases cases = sandbox.moneyBackCases();
        linkExportedBills(cases);
        return cases;
    }

    /** The BILL links of the demo's exported invoices, made (and audited) as their exports made them. */
    public static void linkExportedBills(MoneyBackDemoCases cases) {
        Links links = Arc.container().instance(Links.class).get();
        for (int i = 0; i < cases.exportedInvoices().size(); i++) {
            links.link(LinkKind.BILL, Long.toString(cases.exportedInvoices().get(i)),
                    Long.toString(cases.procoreBills().get(i)), LinkMethod.EXPORT, "test")
                    .await().atMost(Duration.ofSeconds(10));
        }
    }
}
