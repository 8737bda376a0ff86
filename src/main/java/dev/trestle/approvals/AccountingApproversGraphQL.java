package dev.trestle.approvals;

import dev.trestle.security.CurrentUser;
import dev.trestle.security.RequiresRole;
import dev.trestle.security.Roles;
import io.smallrye.mutiny.Uni;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
@RequiresRole({Roles.VIEWER, Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN})
public class AccountingApproversGraphQL {

    private final AccountingApprovers approvers;
    private final CurrentUser currentUser;

    public AccountingApproversGraphQL(AccountingApprovers approvers, CurrentUser currentUser) {
        this.approvers = approvers;
        this.currentUser = currentUser;
    }

    @Query
    @NonNull
    @Description("The designated accounting approvers.")
    public Uni<List<@NonNull AccountingApprover>> accountingApprovers() {
        return approvers.all();
    }

    @Mutation
    @NonNull
    @RequiresRole(Roles.ADMIN)
    @Description("Designates a user (who also needs the approver role in their token) as an accounting approver. "
            + "user is their subject: the sub claim of their tokens, not a display name.")
    public Uni<AccountingApprover> designateAccountingApprover(@NonNull String user) {
        return approvers.designate(user, currentUser.user());
    }

    @Mutation
    @NonNull
    @RequiresRole(Roles.ADMIN)
    @Description("Withdraws a designation (user is their subject, as for designateAccountingApprover); "
            + "false if the user was not designated.")
    public Uni<Boolean> withdrawAccountingApprover(@NonNull String user) {
        return approvers.withdraw(user, currentUser.user());
    }
}
