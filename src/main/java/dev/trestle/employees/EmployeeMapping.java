package dev.trestle.employees;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The hub's view of one Precoro user and the NetSuite employee it is matched to, if any. */
@Entity
@Table(name = "employee_mapping")
public class EmployeeMapping {

    @Id
    @Column(name = "precoro_user_id")
    public long precoroUserId;

    /** As stored in Precoro. */
    public String email;

    @Column(name = "normalized_email")
    public String normalizedEmail;

    public String name;

    @Enumerated(EnumType.STRING)
    public MappingStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason_code")
    public MappingReason reasonCode;

    public String reason;

    @Column(name = "netsuite_employee_id")
    public String netsuiteEmployeeId;

    @Convert(converter = ConflictCandidatesConverter.class)
    public List<ConflictCandidate> candidates = List.of();

    /** When the user was matched to its current NetSuite employee. */
    @Column(name = "matched_at")
    public Instant matchedAt;

    /** When a sync last decided this mapping (changed or not). */
    @Column(name = "evaluated_at")
    public Instant evaluatedAt;

    @Column(name = "run_id")
    public Long runId;

    /** Whether the decision says anything this row does not already say. */
    boolean sameAs(MappingDecision decision) {
        return status == decision.status()
                && reasonCode == decision.reasonCode()
                && Objects.equals(email, decision.email())
                && Objects.equals(name, decision.name())
                && Objects.equals(reason, decision.reason())
                && Objects.equals(netsuiteEmployeeId, decision.netsuiteEmployeeId())
                && Objects.equals(candidates, decision.candidates());
    }
}
