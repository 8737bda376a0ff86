package dev.trestle.exports;

import jakarta.persistence.Column;
import dev.trestle.connectors.UpstreamSystem;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/** An export a requester asked for: what it sends, who decided, how delivery went. Written by {@link ExportStore}. */
@Entity
@Table(name = "export_request")
@Description("An export to NetSuite: what it sends, who asked, who decided, and how delivery went.")
public class ExportRequest {

    @Id
    @NonNull
    @org.eclipse.microprofile.graphql.Id
    public Long id;

    @Enumerated(EnumType.STRING)
    @NonNull
    public ExportKind kind;

    @Enumerated(EnumType.STRING)
    @Ignore
    public UpstreamSystem destination;

    @Column(name = "source_id")
    @NonNull
    @Description("The record exported: in Procore a company, a project, the project whose cost codes are exported, or "
            + "a subcontractor invoice; in Precoro a purchase order's idn.")
    public String sourceId;

    @Column(name = "source_scope")
    @Description("The Procore project of a subcontractor invoice; empty for other kinds.")
    public String sourceScope;

    @Enumerated(EnumType.STRING)
    @NonNull
    public ExportStatus status;

    @Column(name = "requested_by")
    @NonNull
    @Description("Who asked for it, by the name their token showed.")
    public String requestedBy;

    @Column(name = "requested_by_subject")
    @Description("The subject (sub claim) of who asked for it: the person that may not decide on it or retry it, "
            + "and the only one that may resubmit it. Empty for requests recorded before people were told apart by subject.")
    public String requestedBySubject;

    @Column(name = "requested_at")
    @NonNull
    public Instant requestedAt;

    @Column(name = "decided_by")
    @Description("The accounting approver who approved or rejected it, by the name their token showed.")
    public String decidedBy;

    @Column(name = "decided_by_subject")
    @Description("The subject (sub claim) of the accounting approver who approved or rejected it.")
    public String decidedBySubject;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Ignore
    public String payload;

    @Column(name = "preview_notes")
    @Ignore
    public String previewNotes;

    @Description("Delivery attempts so far, over all of its NetSuite writes.")
    public int attempts;

    @Column(name = "next_attempt_at")
    @Description("When a failed write is tried again automatically; empty when no retry is planned.")
    public Instant nextRetryAt;

    @Column(name = "last_error_code")
    @Description("NetSuite's own error code (o:errorCode) of the last failure, or the hub's code.")
    public String errorCode;

    @Column(name = "last_error_detail")
    @Description("NetSuite's detail of the last failure.")
    public String errorDetail;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
