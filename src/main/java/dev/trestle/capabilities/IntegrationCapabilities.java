package dev.trestle.capabilities;

import static dev.trestle.capabilities.IntegrationCapability.FlowDirection.EXPORT;
import static dev.trestle.capabilities.IntegrationCapability.FlowDirection.IMPORT;
import static dev.trestle.capabilities.IntegrationCapability.FlowDirection.LINK;
import static dev.trestle.capabilities.IntegrationCapability.FlowDirection.MATCH;
import static dev.trestle.connectors.UpstreamSystem.NETSUITE;
import static dev.trestle.connectors.UpstreamSystem.PRECORO;
import static dev.trestle.connectors.UpstreamSystem.PROCORE;
import static dev.trestle.capabilities.IntegrationCapability.supported;
import static dev.trestle.capabilities.IntegrationCapability.unsupported;

import java.util.List;

/**
 * Every flow of the integration as the seeds name them, with what the hub does today. The flows the
 * seed rules out (owner invoices and their payments, prime contracts, owner change orders) are
 * listed too, so that a person asking finds the reason instead of a missing button; requests for
 * them are refused with {@link #OWNER_SIDE} and its like.
 */
public final class IntegrationCapabilities {

    /** Why the owner side of a project is not synced: the seed's own rule, in words for people. */
    public static final String OWNER_SIDE = "The integration does not sync the owner side of a project: owner invoices "
            + "and their payments, prime contracts and owner change orders stay in Procore.";
    /** The flow of bill payments, which the seed allows for US companies only. */
    static final String BILL_PAYMENTS = "NetSuite vendor bill payments";

    private static final List<IntegrationCapability> ALL = List.of(
            supported("Precoro users and NetSuite employees", PRECORO, NETSUITE, MATCH,
                    "Once Sync Employee is on: at once, on a schedule and on request; by email, never created"),
            supported("Procore companies and NetSuite vendors", PROCORE, NETSUITE, LINK,
                    "A person links them, helped by scored suggestions; never automatically"),
            supported("Procore companies (directory vendors)", PROCORE, NETSUITE, EXPORT, "On approval"),
            supported("NetSuite vendors", NETSUITE, PROCORE, IMPORT, "On request"),
            supported("Procore projects", PROCORE, NETSUITE, EXPORT,
                    "On approval; not projects in progress or created before the connection"),
            supported("NetSuite projects (jobs)", NETSUITE, PROCORE, IMPORT, "On request"),
            supported("Procore WBS codes (cost code, cost type, custom segments)", PROCORE, NETSUITE, EXPORT,
                    "On approval, as Other Charge items"),
            supported("Procore subcontractor invoices", PROCORE, NETSUITE, EXPORT,
                    "On approval, as vendor bills; approved, approved as noted or pending owner approval invoices of a "
                            + "linked vendor and project whose WBS codes are exported; closed out in Procore with the "
                            + "bill's id"),
            supported(BILL_PAYMENTS, NETSUITE, PROCORE, IMPORT,
                    "On request and hourly, what changed since the last run (everything once a day), as commitment "
                            + "payments on the Procore invoices their bills came from (US companies only)"),
            supported("NetSuite vendor bills and journals", NETSUITE, PROCORE, IMPORT,
                    "On request and hourly, what changed since the last run (everything once a day), as direct costs "
                            + "on exported projects: bills entered in NetSuite as invoices, journals as expenses; a "
                            + "direct cost with a line on no exported cost-code item or mapped account is held and "
                            + "named"),
            supported("Precoro suppliers and NetSuite vendors", PRECORO, NETSUITE, LINK,
                    "By the NetSuite id Precoro carries, else a person links them, helped by scored suggestions"),
            supported("Precoro purchase orders", PRECORO, NETSUITE, EXPORT,
                    "When approved in Precoro (its webhook, and a poll as a safety net), after an accounting approver "
                            + "approves (or at once, when an admin turned on the automatic approval); as purchase "
                            + "orders whose Employee is the one matched to the purchaser; the NetSuite id goes back "
                            + "to Precoro"),
            unsupported("Procore owner invoices and their payments", PROCORE, NETSUITE, EXPORT, "Never", OWNER_SIDE),
            unsupported("Procore prime contracts", PROCORE, NETSUITE, EXPORT, "Never", OWNER_SIDE),
            unsupported("Procore owner change orders", PROCORE, NETSUITE, EXPORT, "Never", OWNER_SIDE));

    private IntegrationCapabilities() {
    }

    public static List<IntegrationCapability> all() {
        return ALL;
    }

    /**
     * The flows as they stand for a Procore company in {@code country} (ISO code as Procore gives it;
     * null when unknown): bill payments only for a US company.
     */
    public static List<IntegrationCapability> forCountry(String country) {
        if (country == null || "US".equals(country)) {
            return ALL;
        }
        return ALL.stream().map(flow -> flow.object().equals(BILL_PAYMENTS)
                ? unsupported(flow.object(), flow.from(), flow.to(), flow.direction(), flow.trigger(), usOnly(country))
                : flow).toList();
    }

    /** Why bill payments are refused for a company outside the US, in words for people. */
    public static String usOnly(String country) {
        return "Bill payments become commitment payments for US companies only; the Procore company is in "
                + (country == null || country.isBlank() ? "no country Procore names" : country) + ".";
    }
}
