package dev.trestle.approvals;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** A user designated by an admin to approve exports to NetSuite, identified by their subject. */
@Entity
@Table(name = "accounting_approver")
@Description("A user an admin designated to approve exports to NetSuite.")
public class AccountingApprover {

    @Id
    @Column(name = "subject")
    @NonNull
    @Description("The approver's subject: the sub claim of their tokens (from the hub's one trusted issuer). "
            + "Not a display name: two people may share a name, and one person's name may change.")
    public String user;

    @Column(name = "designated_by")
    @NonNull
    @Description("The admin who designated them, by the name their token showed.")
    public String designatedBy;

    @Column(name = "designated_by_subject")
    @Description("The subject of the admin who designated them; empty for designations recorded before "
            + "people were told apart by subject.")
    public String designatedBySubject;

    @Column(name = "designated_at")
    @NonNull
    public Instant designatedAt;
}
