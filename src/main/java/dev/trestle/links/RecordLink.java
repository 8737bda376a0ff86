package dev.trestle.links;

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

/** That a Procore record and a NetSuite record are the same thing, how that was decided and when. */
@Entity
@Table(name = "record_link")
@Description("A Procore record and the NetSuite record that is the same thing: how and when that was decided.")
public class RecordLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Ignore
    public Long id;

    @Enumerated(EnumType.STRING)
    @Ignore
    public LinkKind kind;

    @Column(name = "procore_id")
    @NonNull
    public String procoreId;

    @Column(name = "netsuite_id")
    @NonNull
    public String netsuiteId;

    @Enumerated(EnumType.STRING)
    @NonNull
    public LinkMethod method;

    @Column(name = "linked_by")
    @NonNull
    public String linkedBy;

    @Column(name = "linked_at")
    @NonNull
    public Instant linkedAt;

    @Column(name = "unlinked_by")
    public String unlinkedBy;

    @Column(name = "unlinked_at")
    public Instant unlinkedAt;
}
