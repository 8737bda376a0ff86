package dev.trestle.employees;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/** One change of a user's mapping: kept for good, so the history of a pair can be read back. */
@Entity
@Table(name = "employee_mapping_change")
@Description("A change of a user's mapping: status, email or matched NetSuite employee.")
public class EmployeeMappingChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Ignore
    public Long id;

    @Column(name = "precoro_user_id")
    @Ignore
    public long precoroUserId;

    @Column(name = "changed_at")
    @NonNull
    public Instant changedAt;

    @Column(name = "run_id")
    @Description("The sync run that made the change.")
    public Long runId;

    @Enumerated(EnumType.STRING)
    @Column(name = "old_status")
    public MappingStatus oldStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "new_status")
    @NonNull
    public MappingStatus newStatus;

    @Column(name = "old_email")
    public String oldEmail;

    @Column(name = "new_email")
    public String newEmail;

    @Column(name = "old_netsuite_employee_id")
    public String oldNetsuiteEmployeeId;

    @Column(name = "new_netsuite_employee_id")
    public String newNetsuiteEmployeeId;

    public String reason;
}
