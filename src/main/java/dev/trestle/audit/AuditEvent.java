package dev.trestle.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of the audit trail: who did what to which subject, and when. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String action;

    @Column(name = "subject_type", nullable = false)
    public String subjectType;

    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    public String details;

    public static AuditEvent of(Instant at, String actor, String action, String subjectType, String subjectId,
            String details) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = at;
        event.actor = actor;
        event.action = action;
        event.subjectType = subjectType;
        event.subjectId = subjectId;
        event.details = details;
        return event;
    }
}
