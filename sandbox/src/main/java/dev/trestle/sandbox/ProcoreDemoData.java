package dev.trestle.sandbox;

import dev.trestle.sandbox.netsuite.NetSuiteRecord;
import dev.trestle.sandbox.netsuite.NetSuiteReferenceData;
import dev.trestle.sandbox.procore.ProcoreCommitment;
import dev.trestle.sandbox.procore.ProcoreCostCode;
import dev.trestle.sandbox.procore.ProcoreCostType;
import dev.trestle.sandbox.procore.ProcoreData;
import dev.trestle.sandbox.procore.ProcoreProject;
import dev.trestle.sandbox.procore.ProcoreRequisition;
import dev.trestle.sandbox.procore.ProcoreSandbox;
import dev.trestle.sandbox.procore.ProcoreVendor;
import dev.trestle.sandbox.procore.ProjectStages;
import dev.trestle.sandbox.procore.WbsCode;
import dev.trestle.sandbox.procore.WbsSegment;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic demo data for the Procore connector: the Procore company's vendors, projects,
 * cost codes, cost types and WBS, commitments and subcontractor invoices, and the NetSuite vendors, jobs and
 * items they are matched against.
 * Which record is which case is fixed by position (see {@link ProcoreDemoCases}); the seed only
 * varies addresses, unmatched phones and timestamps.
 *
 * @param netsuiteRecords NetSuite vendor, job and otherChargePurchaseItem records by record type
 */
public record ProcoreDemoData(ProcoreData procore, Map<String, List<NetSuiteRecord>> netsuiteRecords,
        ProcoreDemoCases cases) {

    /** Procore vendor name and its NetSuite counterpart's name for the name-match cases. */
    private static final String[][] NAME_MATCHES = {
        {"Apex Concrete, LLC", "APEX CONCRETE LLC"}, {"Blue Ridge Electric Inc.", "Blue Ridge Electric, Inc"},
        {"Cornerstone Masonry", "Cornerstone Masonry"}, {"Delta Mechanical Co.", "Delta Mechanical Co"},
        {"Evergreen Landscaping", "evergreen landscaping"}, {"Foothill Drywall", "Foothill  Drywall"},
        {"Granite Peak Excavation", "Granite Peak Excavation."}, {"Harborline Plumbing", "HARBORLINE PLUMBING"}};
    /** Procore name, NetSuite name, shared email (Procore's spelling; NetSuite's differs in case). */
    private static final String[][] EMAIL_MATCHES = {
        {"Ironwood Framing", "IWF Holdings", "office@ironwoodframing.example.com"},
        {"Juniper Glass & Glazing", "JGG Services LLC", "ar@juniperglass.example.com"},
        {"Keystone Roofing", "KR Contracting", "billing@keystoneroofing.example.com"},
        {"Lakeside Steel Erectors", "LSE Industrial", "accounts@lakesidesteel.example.com"}};
    /** Procore name, NetSuite name, the phone digits they share. */
    private static final String[][] PHONE_MATCHES = {
        {"Meridian Fire Protection", "MFP Systems", "5552013012"},
        {"Northgate Insulation", "NG Thermal", "5552013013"},
        {"Oakridge Millwork", "ORM Woodworks", "5552013014"},
        {"Pioneer Paving", "Pioneer Asphalt Group", "5552013015"}};
    private static final String[] PROCORE_ONLY = {"Quartz Tile Works", "Riverbend Surveying", "Sterling HVAC",
        "Trinity Demolition", "Union Crane Rental", "Vista Glazing Supply", "Westgate Fencing", "Yellowstone Welding",
        "Zenith Acoustics", "Alder Creek Testing Labs", "Birchwood Cabinets", "Canyon Traffic Control",
        "Driftwood Signage", "Eastbay Environmental", "Fairview Flooring", "Goldline Pumps", "Hillcrest Sealants",
        "Inland Rebar Supply", "Jetstream Ductwork", "Kingsley Elevators Service"};
    private static final String[] NETSUITE_ONLY = {"Office Depot Business", "Pacific Gas Utility",
        "Metro Waste Services", "Summit Equipment Leasing", "Coastal Insurance Brokers", "Acme Safety Supply",
        "Lumber Liquidators Pro", "Bay Area Couriers", "Citywide Portable Toilets"};
    private static final String[] CITIES = {"San Francisco", "Oakland", "San Jose", "Sacramento", "Fresno",
        "Santa Rosa", "Stockton", "Modesto"};
    private static final String[] STREETS = {"Market St", "Harbor Blvd", "Industrial Way", "Mission Rd",
        "Commerce Dr", "Railroad Ave", "Quarry Ln", "Bayshore Blvd"};

    private record ProjectSpec(String name, String number, boolean active, String stage, boolean beforeConnection) {
    }

    private static final ProjectSpec[] PROJECTS = {
        new ProjectSpec("Harbor View Medical Office", "P-1001", true, ProjectStages.COURSE_OF_CONSTRUCTION, true),
        new ProjectSpec("Riverside Elementary Expansion", "P-1002", true, ProjectStages.COURSE_OF_CONSTRUCTION, true),
        new ProjectSpec("Mission Street Lofts", "P-1003", true, ProjectStages.PRE_CONSTRUCTION, true),
        new ProjectSpec("Cedar Park Library Renovation", null, true, ProjectStages.PRE_CONSTRUCTION, true),
        new ProjectSpec("Old Town Parking Structure", "P-1005", false, ProjectStages.POST_CONSTRUCTION, true),
        new ProjectSpec("Northshore Distribution Center", "P-1006", true, ProjectStages.PRE_CONSTRUCTION, false),
        new ProjectSpec("Bayfront Hotel Tower", "P-1007", true, ProjectStages.COURSE_OF_CONSTRUCTION, false),
        new ProjectSpec("Westfield Transit Hub", "P-1008", true, ProjectStages.PRE_CONSTRUCTION, false),
        new ProjectSpec("Sunset Ridge Apartments", null, true, ProjectStages.PRE_CONSTRUCTION, false),
        new ProjectSpec("Granite Falls Water Treatment", "P-1010", true, ProjectStages.BIDDING, false),
        new ProjectSpec("Elm Street Fire Station", "P-1011", false, ProjectStages.WARRANTY, false),
        new ProjectSpec("Lakeview Community Center", "P-1012", true, ProjectStages.PRE_CONSTRUCTION, false)};

    /** Division, code, name, and whether equipment is bookable on it. */
    private static final String[][] COST_CODES = {
        {"01", "100", "General Conditions", "E"}, {"03", "300", "Cast-in-Place Concrete", "E"},
        {"05", "120", "Structural Steel", "E"}, {"09", "250", "Gypsum Board", ""},
        {"22", "100", "Plumbing", ""}, {"26", "100", "Electrical", ""}};
    /** Name, code, base type of the company's cost types. */
    private static final String[][] COST_TYPES = {
        {"Labor", "L", "labor"}, {"Materials", "M", "material"}, {"Subcontract", "S", "commitment"},
        {"Equipment", "E", "equipment"}, {"Other", "O", "other"}};
    private static final String[][] PHASES = {{"P1", "Phase 1 - Shell"}, {"P2", "Phase 2 - Fit-out"}};

    private static final long FIRST_COST_TYPE_ID = 5_300_000_001L;
    private static final long FIRST_COST_CODE_ID = 5_200_000_001L;
    private static final long FIRST_SEGMENT_ID = 5_400_000_001L;
    private static final long FIRST_WBS_CODE_ID = 5_500_000_001L;
    private static final long FIRST_COMMITMENT_ID = ProcoreSandbox.FIRST_COMMITMENT_ID;
    private static final long FIRST_COMMITMENT_LINE_ID = 5_610_000_001L;
    private static final long FIRST_CONTRACT_ITEM_ID = 5_710_000_001L;
    private static final long FIRST_PERIOD_ID = 5_800_000_000L;

    public static ProcoreDemoData generate(long seed) {
        return generate(seed, 0);
    }

    /**
     * The demo data plus {@code generatedVendors} Procore-only vendors named "Generated Supplier
     * 00001" and so on, after the demo ones: many records to export, none matching NetSuite.
     */
    public static ProcoreDemoData generate(long seed, int generatedVendors) {
        return generate(seed, generatedVendors, 0, 0);
    }

    /**
     * As {@link #generate(long, int)}, plus {@code generatedInvoices} approved subcontractor invoices of
     * {@code linesPerInvoice} contract items each, every one on a commitment of its own on the linked project with
     * a linked vendor, billing WBS codes that are exported as items: many invoices to export, all exportable.
     */
    public static ProcoreDemoData generate(long seed, int generatedVendors, int generatedInvoices, int linesPerInvoice) {
        return new Generator(new Random(seed), generatedVendors, generatedInvoices, linesPerInvoice).run();
    }

    private static final class Generator {
        private final Random random;
        private final List<ProcoreVendor> vendors = new ArrayList<>();
        private final List<NetSuiteRecord> netsuiteVendors = new ArrayList<>();
        private final int generatedVendors;
        private final int generatedInvoices;
        private final int linesPerInvoice;
        private int phones;

        Generator(Random random, int generatedVendors, int generatedInvoices, int linesPerInvoice) {
            this.random = random;
            this.generatedVendors = generatedVendors;
            this.generatedInvoices = generatedInvoices;
            this.linesPerInvoice = linesPerInvoice;
        }

        ProcoreDemoData run() {
            List<ProcoreDemoCases.VendorMatch> byName = new ArrayList<>();
            List<ProcoreDemoCases.VendorMatch> byEmail = new ArrayList<>();
            List<ProcoreDemoCases.VendorMatch> byPhone = new ArrayList<>();
            List<ProcoreDemoCases.VendorMatch> linked = new ArrayList<>();
            for (String[] pair : NAME_MATCHES) {
                byName.add(new ProcoreDemoCases.VendorMatch(
                        procoreVendor(pair[0], email(pair[0], "info"), phone(), true, null),
                        netsuiteVendor(pair[1], email(pair[1], "remit"), phone(), false)));
            }
            for (String[] triple : EMAIL_MATCHES) {
                byEmail.add(new ProcoreDemoCases.VendorMatch(
                        procoreVendor(triple[0], triple[2], phone(), true, null),
                        netsuiteVendor(triple[1], triple[2].toUpperCase(Locale.ROOT).charAt(0) + triple[2].substring(1),
                                phone(), false)));
            }
            for (String[] triple : PHONE_MATCHES) {
                String d = triple[2];
                byPhone.add(new ProcoreDemoCases.VendorMatch(
                        procoreVendor(triple[0], null, "(" + d.substring(0, 3) + ") " + d.substring(3, 6) + "-"
                                + d.substring(6), true, null),
                        netsuiteVendor(triple[1], null, d.substring(0, 3) + "-" + d.substring(3, 6) + "-" + d.substring(6),
                                false)));
            }
            procoreVendor("Quarry Stone Supply", email("Quarry Stone Supply", "sales"), phone(), true, null);
            netsuiteVendor("Quarry Stone Supply", null, phone(), false);
            netsuiteVendor("QUARRY STONE SUPPLY", null, phone(), false);
            procoreVendor("Redwood Scaffolding", null, phone(), true, null);
            netsuiteVendor("Redwood Scaffolding", null, phone(), true);
            for (String name : new String[] {"Summit Elevator Co.", "Tidewater Waterproofing"}) {
                String netsuiteId = String.valueOf(NetSuiteReferenceData.FIRST_VENDOR_ID + netsuiteVendors.size());
                linked.add(new ProcoreDemoCases.VendorMatch(procoreVendor(name, email(name, "ap"), phone(), true,
                        netsuiteId), netsuiteVendor(name, email(name, "ap"), phone(), false)));
            }
            List<Long> procoreOnly = new ArrayList<>();
            List<Long> inactive = new ArrayList<>();
            List<Long> noContact = new ArrayList<>();
            for (int i = 0; i < PROCORE_ONLY.length; i++) {
                boolean contact = i != 10 && i != 11;
                boolean active = i < 16;
                long id = procoreVendor(PROCORE_ONLY[i], contact ? email(PROCORE_ONLY[i], "office") : null,
                        contact ? phone() : null, active, null);
                procoreOnly.add(id);
                if (!active) {
                    inactive.add(id);
                }
                if (!contact) {
                    noContact.add(id);
                }
            }
            for (int i = 1; i <= generatedVendors; i++) {
                String name = String.format(Locale.ROOT, "Generated Supplier %05d", i);
                procoreVendor(name, email(name, "ap"), null, true, null);
            }
            List<String> netsuiteOnly = new ArrayList<>();
            for (String name : NETSUITE_ONLY) {
                netsuiteOnly.add(netsuiteVendor(name, email(name, "billing"), phone(), false));
            }
            ProcoreDemoCases cases = new ProcoreDemoCases(List.copyOf(byName), List.copyOf(byEmail),
                    List.copyOf(byPhone), List.copyOf(linked), List.copyOf(procoreOnly), List.copyOf(inactive),
                    List.copyOf(noContact), List.copyOf(netsuiteOnly));

            List<ProcoreProject> projects = projects();
            List<ProcoreCostType> costTypes = new ArrayList<>();
            for (int i = 0; i < COST_TYPES.length; i++) {
                costTypes.add(new ProcoreCostType(FIRST_COST_TYPE_ID + i, COST_TYPES[i][0], COST_TYPES[i][1],
                        COST_TYPES[i][2], null));
            }
            List<ProcoreCostCode> costCodes = new ArrayList<>();
            List<WbsSegment> segments = new ArrayList<>();
            List<WbsCode> wbsCodes = new ArrayList<>();
            for (ProcoreProject project : projects) {
                structure(project, costTypes, costCodes, segments, wbsCodes);
            }
            Invoices invoices = new Invoices(projects, costCodes, wbsCodes);
            invoices.demo();
            invoices.generated(generatedInvoices, linesPerInvoice);
            ProcoreData procore = new ProcoreData(List.copyOf(vendors), projects, List.copyOf(costTypes),
                    List.copyOf(costCodes), List.copyOf(segments), List.copyOf(wbsCodes),
                    List.copyOf(invoices.commitments), List.copyOf(invoices.requisitions));
            return new ProcoreDemoData(procore, Map.of("vendor", List.copyOf(netsuiteVendors), "job", jobs(),
                    "otherChargePurchaseItem", invoices.exportedItems()), cases);
        }

        private long procoreVendor(String name, String email, String phone, boolean active, String originId) {
            long id = ProcoreSandbox.FIRST_VENDOR_ID + vendors.size();
            Instant created = around(-400, -10);
            String abbreviation = name.split("[ ,.]")[0];
            vendors.add(new ProcoreVendor(id, name, abbreviation, email, phone,
                    (100 + random.nextInt(9800)) + " " + STREETS[random.nextInt(STREETS.length)],
                    CITIES[random.nextInt(CITIES.length)], "CA", String.valueOf(94000 + random.nextInt(1000)), "US",
                    active, originId, null, originId, created, created.plus(Duration.ofDays(random.nextInt(30)))));
            return id;
        }

        private String netsuiteVendor(String name, String email, String phone, boolean inactive) {
            long id = NetSuiteReferenceData.FIRST_VENDOR_ID + netsuiteVendors.size();
            JsonObject fields = new JsonObject()
                    .put("entityId", "V" + id)
                    .put("companyName", name)
                    .put("isPerson", false)
                    .put("isInactive", inactive)
                    .put("subsidiary", new JsonObject().put("id", NetSuiteReferenceData.SUBSIDIARY_ID));
            if (email != null) {
                fields.put("email", email);
            }
            if (phone != null) {
                fields.put("phone", phone);
            }
            Instant created = around(-900, -30);
            netsuiteVendors.add(new NetSuiteRecord("vendor", id, null, fields, created, created));
            return String.valueOf(id);
        }

        private List<NetSuiteRecord> jobs() {
            String[][] specs = {{"P-1001", "Harbor View Medical Office", "F"}, {"P-1012", "Lakeview Community Center", "F"},
                {"NS-2001", "Corporate Yard Improvements", "F"}, {"NS-2002", "Warehouse Racking Retrofit", "F"},
                {"NS-2003", "Airport Cargo Apron", "T"}, {"NS-2004", "Downtown Streetscape Phase 2", "F"}};
            List<NetSuiteRecord> jobs = new ArrayList<>();
            for (int i = 0; i < specs.length; i++) {
                Instant created = around(-500, 60);
                jobs.add(new NetSuiteRecord("job", NetSuiteReferenceData.FIRST_JOB_ID + i, null, new JsonObject()
                        .put("entityId", specs[i][0])
                        .put("companyName", specs[i][1])
                        .put("isInactive", specs[i][2].equals("T"))
                        .put("parent", new JsonObject().put("id", NetSuiteReferenceData.PARENT_CUSTOMER_ID))
                        .put("subsidiary", new JsonObject().put("id", NetSuiteReferenceData.SUBSIDIARY_ID)),
                        created, created));
            }
            return List.copyOf(jobs);
        }

        private List<ProcoreProject> projects() {
            List<ProcoreProject> projects = new ArrayList<>();
            for (int i = 0; i < PROJECTS.length; i++) {
                ProjectSpec spec = PROJECTS[i];
                Instant created = spec.beforeConnection() ? around(-300, -5) : around(5, 120);
                LocalDate start = LocalDate.ofInstant(created, ZoneOffset.UTC).plusDays(14 + random.nextInt(60));
                String origin = i == 0 ? ProcoreDemoCases.LINKED_PROJECT_JOB : null;
                projects.add(new ProcoreProject(ProcoreSandbox.FIRST_PROJECT_ID + i, spec.name(), spec.number(),
                        spec.active(), spec.stage(), start, origin, null, null, created,
                        created.plus(Duration.ofHours(random.nextInt(200)))));
            }
            return List.copyOf(projects);
        }

        private void structure(ProcoreProject project, List<ProcoreCostType> types, List<ProcoreCostCode> codes,
                List<WbsSegment> segments, List<WbsCode> wbsCodes) {
            long segmentBase = FIRST_SEGMENT_ID + segments.size();
            WbsSegment costCodeSegment = new WbsSegment(segmentBase, project.id(), "Cost Code", "cost_code", 1, ".",
                    "tiered");
            WbsSegment costTypeSegment = new WbsSegment(segmentBase + 1, project.id(), "Cost Type", "line_item_type", 2,
                    ".", "flat");
            segments.add(costCodeSegment);
            segments.add(costTypeSegment);
            boolean custom = project.id() == ProcoreDemoCases.CUSTOM_SEGMENT_PROJECT;
            WbsSegment phaseSegment = null;
            if (custom) {
                phaseSegment = new WbsSegment(segmentBase + 2, project.id(), "Phase", "custom", 3, ".", "flat");
                segments.add(phaseSegment);
            }
            if (project.id() == ProcoreDemoCases.PROJECT_WITHOUT_COST_CODES) {
                return;
            }
            boolean linked = project.originId() != null;
            for (String[] spec : COST_CODES) {
                String fullCode = spec[0] + "-" + spec[1];
                List<ProcoreCostType> assigned = types.stream()
                        .filter(t -> !t.code().equals("O") && (!t.code().equals("E") || spec[3].equals("E")))
                        .toList();
                ProcoreCostCode code = new ProcoreCostCode(FIRST_COST_CODE_ID + codes.size(), project.id(), spec[1],
                        fullCode, spec[2], linked ? "cc-" + fullCode : null, null,
                        assigned.stream().map(ProcoreCostType::id).toList());
                codes.add(code);
                for (ProcoreCostType type : assigned) {
                    List<String[]> phases = custom ? List.of(PHASES) : java.util.Collections.singletonList(null);
                    for (String[] phase : phases) {
                        List<WbsCode.SegmentItem> items = new ArrayList<>();
                        items.add(new WbsCode.SegmentItem(costCodeSegment.id(), fullCode, code.name()));
                        items.add(new WbsCode.SegmentItem(costTypeSegment.id(), type.code(), type.name()));
                        String flat = fullCode + costCodeSegment.delimiter() + type.code();
                        String description = code.name() + " - " + type.name();
                        if (phase != null) {
                            items.add(new WbsCode.SegmentItem(phaseSegment.id(), phase[0], phase[1]));
                            flat += costTypeSegment.delimiter() + phase[0];
                            description += " - " + phase[1];
                        }
                        wbsCodes.add(new WbsCode(FIRST_WBS_CODE_ID + wbsCodes.size(), project.id(), flat, description,
                                List.copyOf(items)));
                    }
                }
            }
        }

        /**
         * The commitments and subcontractor invoices of {@link ProcoreDemoCases} (see there for which is which),
         * and the NetSuite items the linked project's WBS codes were exported as (all but
         * {@link ProcoreDemoCases#WBS_CODE_NOT_EXPORTED}), with the hub's external ids.
         */
        private final class Invoices {
            private final List<ProcoreProject> projects;
            private final List<ProcoreCostCode> costCodes;
            private final List<WbsCode> wbsCodes;
            final List<ProcoreCommitment> commitments = new ArrayList<>();
            final List<ProcoreRequisition> requisitions = new ArrayList<>();
            private long lineIds = FIRST_COMMITMENT_LINE_ID;
            private long itemIds = FIRST_CONTRACT_ITEM_ID;

            Invoices(List<ProcoreProject> projects, List<ProcoreCostCode> costCodes, List<WbsCode> wbsCodes) {
                this.projects = projects;
                this.costCodes = costCodes;
                this.wbsCodes = wbsCodes;
            }

            void demo() {
                long linked = ProcoreDemoCases.LINKED_PROJECT;
                long vendorA = ProcoreDemoCases.LINKED_VENDOR_A;
                long vendorB = ProcoreDemoCases.LINKED_VENDOR_B;
                ProcoreCommitment concrete = commitment(linked, ProcoreCommitment.WORK_ORDER, "SC-101",
                        "Concrete & Foundations", vendorA, "10", new Object[][] {
                            {"03-300.S", "Foundations and slabs", "150000.00"},
                            {"03-300.M", "Concrete supply", "42000.00"},
                            {"01-100.S", "Mobilization", "8000.00"}});
                ProcoreCommitment electrical = commitment(linked, ProcoreCommitment.WORK_ORDER, "SC-102", "Electrical",
                        vendorB, "5", new Object[][] {
                            {"26-100.S", "Electrical rough-in and trim", "98000.00"},
                            {"26-100.M", "Switchgear and fixtures", "15500.50"}});
                ProcoreCommitment steel = commitment(linked, ProcoreCommitment.PURCHASE_ORDER, "PO-103",
                        "Structural steel supply", vendorB, "0", new Object[][] {
                            {"05-120.M", "Wide-flange beams and columns", "64000.00"}});
                ProcoreCommitment plumbing = commitment(linked, ProcoreCommitment.WORK_ORDER, "SC-104", "Plumbing",
                        ProcoreDemoCases.INVOICE_VENDOR_NOT_LINKED, "10", new Object[][] {
                            {"22-100.S", "Plumbing rough-in", "45000.00"}});
                ProcoreCommitment siteConcrete = commitment(ProcoreDemoCases.INVOICE_PROJECT_NOT_EXPORTED,
                        ProcoreCommitment.WORK_ORDER, "SC-201", "Site concrete", vendorA, "10", new Object[][] {
                            {"03-300.S", "Site paving and curbs", "30000.00"}});
                List<Object[]> many = new ArrayList<>();
                for (WbsCode w : wbsCodes) {
                    if (w.projectId() == linked && !w.flatCode().equals(ProcoreDemoCases.WBS_CODE_NOT_EXPORTED)) {
                        many.add(new Object[] {w.flatCode(), "Finishes package " + w.flatCode(),
                            String.format(Locale.ROOT, "%d.%02d", 5000 + 250 * many.size(), (many.size() * 37) % 100)});
                    }
                }
                ProcoreCommitment finishes = commitment(linked, ProcoreCommitment.WORK_ORDER, "SC-105",
                        "General finishes package", vendorA, "10", many.toArray(Object[][]::new));
                ProcoreCommitment drywall = commitment(linked, ProcoreCommitment.PURCHASE_ORDER, "PO-106",
                        "Gypsum board materials", vendorA, "5", new Object[][] {
                            {ProcoreDemoCases.WBS_CODE_NOT_EXPORTED, "Gypsum board and studs", "22750.75"}});

                // Commitment, status, invoice number, per line: work completed this period and materials stored
                // as fractions (percent) of the scheduled value.
                invoice(concrete, "approved", "INV-1001", 30, 5);
                invoice(concrete, "under_review", "INV-1002", 20, 0);
                invoice(concrete, "draft", "INV-1003", 10, 0);
                invoice(electrical, "approved_as_noted", "INV-2001", 25, 10);
                invoice(electrical, "revise_and_resubmit", "INV-2002", 15, 0);
                invoice(steel, "pending_owner_approval", "INV-3001", 40, 0);
                invoice(steel, "approved", "INV-3002", 0, 30);
                invoice(plumbing, "approved", "INV-4001", 35, 0);
                invoice(siteConcrete, "approved", "INV-5001", 50, 0);
                invoice(finishes, "approved", "INV-6001", 33, 7);
                invoice(drywall, "approved", "INV-7001", 45, 0);
                invoice(drywall, "draft", "INV-7002", 20, 0);
            }

            void generated(int count, int lines) {
                List<WbsCode> exported = wbsCodes.stream().filter(w -> w.projectId() == ProcoreDemoCases.LINKED_PROJECT
                        && !w.flatCode().equals(ProcoreDemoCases.WBS_CODE_NOT_EXPORTED)).toList();
                for (int n = 1; n <= count; n++) {
                    Object[][] sov = new Object[lines][];
                    for (int m = 0; m < lines; m++) {
                        WbsCode w = exported.get(m % exported.size());
                        sov[m] = new Object[] {w.flatCode(), "Generated line " + (m + 1),
                            String.format(Locale.ROOT, "%d.%02d", 1000 + 10 * m + n % 10, (n + m) % 100)};
                    }
                    ProcoreCommitment c = commitment(ProcoreDemoCases.LINKED_PROJECT, ProcoreCommitment.WORK_ORDER,
                            String.format(Locale.ROOT, "GEN-%05d", n), "Generated subcontract " + n,
                            ProcoreDemoCases.LINKED_VENDOR_A, "10", sov);
                    invoice(c, "approved", String.format(Locale.ROOT, "GEN-INV-%05d", n), 40, 0);
                }
            }

            private ProcoreCommitment commitment(long projectId, String kind, String number, String title, long vendor,
                    String retainage, Object[][] sov) {
                List<ProcoreCommitment.Line> lines = new ArrayList<>();
                for (Object[] spec : sov) {
                    WbsCode w = wbs(projectId, (String) spec[0]);
                    lines.add(new ProcoreCommitment.Line(lineIds++, (String) spec[1], costCode(projectId, w).id(),
                            w.id(), new BigDecimal((String) spec[2])));
                }
                Instant created = ProcoreDemoCases.CONNECTION_INSTANT.plus(Duration.ofDays(3 + commitments.size()));
                ProcoreCommitment c = new ProcoreCommitment(FIRST_COMMITMENT_ID + commitments.size(), projectId, kind,
                        number, title, "Approved", true, vendor, new BigDecimal(retainage).setScale(2),
                        LocalDate.ofInstant(created, ZoneOffset.UTC), null, null, null, List.copyOf(lines), created,
                        created);
                commitments.add(c);
                return c;
            }

            private void invoice(ProcoreCommitment c, String status, String invoiceNumber, int workPercent,
                    int storedPercent) {
                List<ProcoreRequisition> earlier = requisitions.stream()
                        .filter(r -> r.commitmentId() == c.id()).toList();
                int number = earlier.size() + 1;
                List<ProcoreRequisition.Item> items = new ArrayList<>();
                for (ProcoreCommitment.Line line : c.lines()) {
                    BigDecimal previous = BigDecimal.ZERO;
                    BigDecimal previousRetainage = BigDecimal.ZERO;
                    for (ProcoreRequisition r : earlier) {
                        for (ProcoreRequisition.Item i : r.items()) {
                            if (i.lineItemId() == line.id()) {
                                previous = previous.add(i.workCompletedThisPeriod()).add(i.materialsPresentlyStored());
                                previousRetainage = previousRetainage.add(i.retainageThisPeriod());
                            }
                        }
                    }
                    BigDecimal work = percent(line.amount(), workPercent);
                    BigDecimal stored = percent(line.amount(), storedPercent);
                    BigDecimal retainage = percent(work.add(stored), c.retainagePercent());
                    items.add(new ProcoreRequisition.Item(itemIds++, line.id(), line.costCodeId(), line.wbsCodeId(),
                            line.description(), line.amount(), previous, work, stored, previousRetainage, retainage,
                            null));
                }
                LocalDate start = LocalDate.of(2025, 9, 1).plusMonths(number - 1);
                LocalDate end = start.plusMonths(1).minusDays(1);
                Instant submitted = end.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
                long periodId = FIRST_PERIOD_ID + (c.projectId() - ProcoreSandbox.FIRST_PROJECT_ID) * 100 + number;
                requisitions.add(new ProcoreRequisition(ProcoreSandbox.FIRST_REQUISITION_ID + requisitions.size(),
                        c.projectId(), c.id(), number, invoiceNumber, status, end, start, end, periodId, null, null,
                        List.copyOf(items), status.equals("draft") ? null : submitted, submitted.minusSeconds(3600),
                        submitted));
            }

            /** The items the linked project's WBS codes became in NetSuite (the hub's external id and item name). */
            List<NetSuiteRecord> exportedItems() {
                List<NetSuiteRecord> items = new ArrayList<>();
                ProcoreProject project = projects.stream().filter(p -> p.id() == ProcoreDemoCases.LINKED_PROJECT)
                        .findFirst().orElseThrow();
                for (WbsCode w : wbsCodes) {
                    if (w.projectId() != project.id() || w.flatCode().equals(ProcoreDemoCases.WBS_CODE_NOT_EXPORTED)) {
                        continue;
                    }
                    Instant created = ProcoreDemoCases.CONNECTION_INSTANT.plus(Duration.ofDays(1));
                    items.add(new NetSuiteRecord("otherChargePurchaseItem", NetSuiteReferenceData.FIRST_ITEM_ID
                            + items.size(), ProcoreDemoCases.itemExternalId(project.id(), w.id()), new JsonObject()
                            .put("itemId", project.projectNumber() + "-" + w.flatCode())
                            .put("displayName", w.description())
                            .put("subsidiary", new JsonObject().put("items", new io.vertx.core.json.JsonArray()
                                    .add(new JsonObject().put("id", NetSuiteReferenceData.SUBSIDIARY_ID))))
                            .put("expenseAccount", new JsonObject().put("id", NetSuiteReferenceData.EXPENSE_ACCOUNT_ID)),
                            created, created));
                }
                return List.copyOf(items);
            }

            private WbsCode wbs(long projectId, String flatCode) {
                return wbsCodes.stream().filter(w -> w.projectId() == projectId && w.flatCode().equals(flatCode))
                        .findFirst().orElseThrow(() -> new IllegalStateException("no WBS code " + flatCode + " on "
                                + projectId));
            }

            private ProcoreCostCode costCode(long projectId, WbsCode w) {
                String fullCode = w.segmentItems().get(0).code();
                return costCodes.stream().filter(c -> c.projectId() == projectId && c.fullCode().equals(fullCode))
                        .findFirst().orElseThrow();
            }

            private static BigDecimal percent(BigDecimal amount, Number percent) {
                return amount.multiply(new BigDecimal(percent.toString())).divide(BigDecimal.valueOf(100), 2,
                        RoundingMode.HALF_UP);
            }
        }

        /** An instant between {@code fromDays} and {@code toDays} days from the connection instant. */
        private Instant around(int fromDays, int toDays) {
            long span = Duration.ofDays(toDays - fromDays).toSeconds();
            return ProcoreDemoCases.CONNECTION_INSTANT.plus(Duration.ofDays(fromDays))
                    .plusSeconds((long) (random.nextDouble() * span));
        }

        /** A phone no other demo vendor has (the shared ones of the phone cases live in 555-201-30xx). */
        private String phone() {
            int slot = phones++;
            return "(555) 010-" + String.format(Locale.ROOT, "%04d", 1000 + slot * 10 + random.nextInt(10));
        }

        private static String email(String company, String mailbox) {
            String domain = company.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            return mailbox + "@" + domain + ".example.com";
        }
    }
}
