package dev.trestle.links;

import dev.trestle.connectors.UpstreamSystem;
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

/**
 * That two records of different systems are the same thing, how that was decided and when. The
 * kind says which system and type each side is ({@link LinkKind}).
 */
@Entity
@Table(name = "record_link")
@Description("Two records of different systems that are the same thing: how and when that was decided.")
public class RecordLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Ignore
    public Long id;

    @Enumerated(EnumType.STRING)
    @Ignore
    public LinkKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "left_system")
    @Ignore
    public UpstreamSystem leftSystem;

    @Column(name = "left_type")
    @Ignore
    public String leftType;

    @Column(name = "left_id")
    @Ignore
    public String leftId;

    @Enumerated(EnumType.STRING)
    @Column(name = "right_system")
    @Ignore
    public UpstreamSystem rightSystem;

    @Column(name = "right_type")
    @Ignore
    public String rightType;

    @Column(name = "right_id")
    @Ignore
    public String rightId;

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

    /** A new link of {@code kind} between its left record {@code leftId} and its right record {@code rightId}. */
    public static RecordLink of(LinkKind kind, String leftId, String rightId, LinkMethod method, String actor,
            Instant at) {
        RecordLink link = new RecordLink();
        link.kind = kind;
        RecordRef left = kind.left(leftId);
        RecordRef right = kind.right(rightId);
        link.leftSystem = left.system();
        link.leftType = left.type();
        link.leftId = left.id();
        link.rightSystem = right.system();
        link.rightType = right.type();
        link.rightId = right.id();
        link.method = method;
        link.linkedBy = actor;
        link.linkedAt = at;
        return link;
    }

    @NonNull
    @Description("The record on the left of this kind of link (the Procore or Precoro record).")
    public RecordRef getLeft() {
        return new RecordRef(leftSystem, leftType, leftId);
    }

    @NonNull
    @Description("The record on the right of this kind of link (the NetSuite record).")
    public RecordRef getRight() {
        return new RecordRef(rightSystem, rightType, rightId);
    }

    @Deprecated
    @Description("The Procore record's id, when one side is in Procore. Use left/right.")
    public String getProcoreId() {
        return idIn(UpstreamSystem.PROCORE);
    }

    @Deprecated
    @Description("The NetSuite record's id, when one side is in NetSuite. Use left/right.")
    public String getNetsuiteId() {
        return idIn(UpstreamSystem.NETSUITE);
    }

    private String idIn(UpstreamSystem system) {
        return leftSystem == system ? leftId : rightSystem == system ? rightId : null;
    }
}
