package dev.trestle.directcosts;

import dev.trestle.money.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans the Procore direct costs of one NetSuite vendor bill (entered in NetSuite, not made from a
 * Procore invoice) or journal entry, as the seed has it: its lines costed to an exported project
 * become a direct cost on that project (bills as {@code invoice} direct costs with the linked
 * Procore vendor and the invoice number, journals as {@code expense}), amounts to the cent. Pure: no
 * I/O, the same input gives the same plan.
 *
 * <p>Rules:
 * <ul>
 *   <li>One direct cost per (document, Procore project); its origin id is derived from both, and each
 *       line's from the direct cost's and the NetSuite line, so a changed document updates the same
 *       direct cost and lines.</li>
 *   <li>A line's WBS code comes from its item (an exported cost-code item) or, failing that, from the
 *       configured account map on the line's project. Never guessed.</li>
 *   <li>The policy for lines that map to nothing: the whole direct cost of that project is held, and
 *       every such line is named with its account, so that a person fixes the map or the line; the
 *       direct costs on the document's other projects go ahead. A document is never half-written
 *       into one project.</li>
 *   <li>A bill needs its vendor linked to a Procore company; otherwise its direct costs are held.</li>
 *   <li>Lines costed to no project, or to a project that is not exported, are not Procore's: they are
 *       left out and counted in a note.</li>
 *   <li>A direct cost whose lines add up to nothing or less is held (Procore books costs, not credits
 *       of a whole document).</li>
 * </ul>
 */
public final class DirectCostPlanner {

    /** Where the WBS codes of a project come from. */
    public interface WbsCodes {
        /**
         * The WBS code of this Procore project that an exported cost-code item stands for; null when the item is
         * not one, or stands for a WBS code of another project.
         */
        Long forItem(long projectId, String itemId);

        /** The WBS code the configured account map gives on this Procore project; null when none. */
        Long forAccount(long projectId, String accountId);
    }

    private DirectCostPlanner() {
    }

    /** The origin id of the direct cost of one document on one Procore project. */
    public static String originId(CostDocument document, long projectId) {
        return originPrefix(document) + projectId;
    }

    /** What the origin ids of every direct cost of one document start with. */
    public static String originPrefix(CostDocument document) {
        return "netsuite-" + document.type().key() + "-" + document.id() + "-project-";
    }

    /**
     * @param projects the exported projects: NetSuite job id to Procore project id
     * @param vendors  the linked vendors: NetSuite vendor id to Procore company id
     */
    public static DirectCostPlan plan(CostDocument document, Map<String, Long> projects, Map<String, Long> vendors,
            WbsCodes wbs) {
        String name = (document.type() == CostDocument.Type.BILL ? "Bill " : "Journal ")
                + (document.tranId() == null || document.tranId().isBlank()
                        ? document.id() : document.tranId() + " (" + document.id() + ")");
        Map<Long, List<CostDocument.Line>> byProject = new LinkedHashMap<>();
        int notProcores = 0;
        for (CostDocument.Line line : document.lines()) {
            Long project = line.projectId() == null ? null : projects.get(line.projectId());
            if (project == null) {
                notProcores++;
            } else {
                byProject.computeIfAbsent(project, p -> new ArrayList<>()).add(line);
            }
        }
        List<String> notes = new ArrayList<>();
        if (notProcores > 0) {
            notes.add(name + ": " + notProcores + " line(s) are costed to no exported project and stay in NetSuite.");
        }
        Long vendor = null;
        String vendorProblem = null;
        if (document.type() == CostDocument.Type.BILL) {
            vendor = document.vendorId() == null ? null : vendors.get(document.vendorId());
            if (vendor == null) {
                vendorProblem = name + ": its vendor (NetSuite " + document.vendorId()
                        + ") is linked to no Procore company; link it, and the bill's direct costs follow.";
            }
        }
        List<DirectCostPlan.DirectCost> directCosts = new ArrayList<>();
        List<DirectCostPlan.Held> held = new ArrayList<>();
        for (Map.Entry<Long, List<CostDocument.Line>> project : byProject.entrySet()) {
            long projectId = project.getKey();
            String originId = originId(document, projectId);
            List<String> reasons = new ArrayList<>();
            if (vendorProblem != null) {
                reasons.add(vendorProblem);
            }
            List<DirectCostPlan.CostLine> lines = new ArrayList<>();
            for (CostDocument.Line line : project.getValue()) {
                Long code = line.itemId() == null ? null : wbs.forItem(projectId, line.itemId());
                if (code == null && line.accountId() != null) {
                    code = wbs.forAccount(projectId, line.accountId());
                }
                if (code == null) {
                    reasons.add(name + ", line " + line.id() + describe(line) + " on account "
                            + (line.accountId() == null ? "(none)" : line.accountId())
                            + " maps to no WBS code of Procore project " + projectId
                            + ": give it an exported cost-code item or map its account; the direct cost is held "
                            + "until every line maps.");
                } else {
                    lines.add(new DirectCostPlan.CostLine(originId + "-line-" + line.id(), code, line.amount(),
                            line.memo()));
                }
            }
            if (reasons.isEmpty() && lines.stream().map(DirectCostPlan.CostLine::amount).reduce(Money::plus)
                    .orElseThrow().value().signum() <= 0) {
                reasons.add(name + ": its lines on Procore project " + projectId + " add up to nothing or less.");
            }
            if (reasons.isEmpty()) {
                directCosts.add(new DirectCostPlan.DirectCost(originId, projectId, document.type().directCostType(),
                        document.date(), document.type() == CostDocument.Type.BILL ? document.tranId() : null, vendor,
                        name, lines));
            } else {
                held.add(new DirectCostPlan.Held(originId, projectId, reasons));
            }
        }
        return new DirectCostPlan(directCosts, held, notes);
    }

    private static String describe(CostDocument.Line line) {
        return line.memo() == null || line.memo().isBlank() ? "" : " (" + line.memo() + ")";
    }
}
