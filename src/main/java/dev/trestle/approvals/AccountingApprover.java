package dev.trestle.approvals;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** A user designated by an admin to approve exports to NetSuite. */
@Entity
@Table(name = "accounting_approver")
@Description("A user an admin designated to approve exports to NetSuite.")
public class AccountingApprover {

    @Id
    @Column(name = "user_name")
    @NonNull
    public String user;

    @Column(name = "designated_by")
    @NonNull
    public String designatedBy;

    @Column(name = "designated_at")
    @NonNull
    public Instant designatedAt;
}
