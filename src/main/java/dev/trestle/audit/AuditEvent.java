package dev.trestle.audit;

import dev.trestle.security.UserRef;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;

/**
 * One entry of the audit trail: who did what to which subject, and when. Who: the name shown
 * ({@code actor}) and, for people, the subject of their token ({@code actorSubject}), which is
 * what identifies them (see {@link UserRef}).
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    @Description("Who did it, by the name their token showed (or the hub's own worker).")
    public String actor;

    @Column(name = "actor_subject")
    @Description("The subject (sub claim) of the person who did it; empty for the hub's own work and for "
            + "entries recorded before people were told apart by subject.")
    public String actorSubject;

    @Column(nullable = false)
    public String action;

    @Column(name = "subject_type", nullable = false)
    public String subjectType;

    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    public String details;

    /** An entry of something a person did. */
    public static AuditEvent of(Instant at, UserRef actor, String action, String subjectType, String subjectId,
            String details) {
        AuditEvent event = of(at, actor.name(), action, subjectType, subjectId, details);
        event.actorSubject = actor.subject();
        return event;
    }

    /** An entry that names its actor only (the hub's own work, or features that record a name). */
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
