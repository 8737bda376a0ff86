package dev.trestle.imports;

import dev.trestle.capabilities.IntegrationCapabilities;
import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.exports.ExportService;
import dev.trestle.payments.BillPaymentImporter;
import dev.trestle.projects.ProjectImporter;
import dev.trestle.security.CurrentUser;
import dev.trestle.security.RequiresRole;
import dev.trestle.security.Roles;
import dev.trestle.vendors.VendorImporter;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

/** Imports from NetSuite into Procore, on request (the seed: project and accounting teams ask). */
@GraphQLApi
@RequiresRole({Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN})
public class ImportsGraphQL {

    @Description("What an import brings from NetSuite into Procore.")
    public enum ImportKind {
        @Description("NetSuite vendors that are not linked become Procore directory companies.")
        VENDORS,
        @Description("NetSuite projects (jobs) that are not linked become Procore projects.")
        PROJECTS,
        @Description("NetSuite bill payments applied to bills that came from Procore subcontractor invoices become "
                + "commitment payments on those invoices, one per bill (US companies only; elsewhere NOT_SUPPORTED). "
                + "Payments voided or deleted in NetSuite after they were imported are reported in notes.")
        BILL_PAYMENTS,
        @Description("Not supported (the owner side of a project stays in Procore): refused with NOT_SUPPORTED.")
        OWNER_INVOICE_PAYMENTS
    }

    @Input("RequestImportInput")
    public static class RequestImportInput {
        @NonNull
        public ImportKind kind;
    }

    private final ExportService outbox;
    private final VendorImporter vendors;
    private final ProjectImporter projects;
    private final BillPaymentImporter payments;
    private final CurrentUser currentUser;

    public ImportsGraphQL(ExportService outbox, VendorImporter vendors, ProjectImporter projects,
            BillPaymentImporter payments, CurrentUser currentUser) {
        this.outbox = outbox;
        this.vendors = vendors;
        this.projects = projects;
        this.payments = payments;
        this.currentUser = currentUser;
    }

    @Mutation
    @NonNull
    @Description("Imports now, without an approval step: every NetSuite record of the kind that is not linked yet "
            + "gets a Procore record, linked to it (both sides keep the other's id). The writes go through the "
            + "outbox; the answer comes when they landed, or after a while (20 s by default) with what is still pending (it goes on by "
            + "itself). Running it again creates nothing twice; asked for while it runs, it answers with that run.")
    public Uni<ImportResult> requestImport(@NonNull RequestImportInput input) {
        return switch (input.kind) {
            case VENDORS -> outbox.runImport(input.kind.name(), vendors.plan(), currentUser.user()).map(ImportResult::of);
            case PROJECTS -> outbox.runImport(input.kind.name(), projects.plan(), currentUser.user())
                    .map(ImportResult::of);
            case BILL_PAYMENTS -> outbox.runImport(input.kind.name(), payments.plan(), currentUser.user())
                    .map(ImportResult::of);
            case OWNER_INVOICE_PAYMENTS -> Uni.createFrom().failure(
                    new TrestleException(ErrorCode.NOT_SUPPORTED, IntegrationCapabilities.OWNER_SIDE));
        };
    }
}
