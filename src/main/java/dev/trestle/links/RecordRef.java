package dev.trestle.links;

import dev.trestle.connectors.UpstreamSystem;
import java.util.Objects;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * A record in one of the systems: which system, the system's own name of the record type
 * (Procore {@code vendor}, {@code requisition}; NetSuite {@code vendorBill}; Precoro
 * {@code supplier}), and its id there.
 */
@Name("RecordRef")
@Description("A record in one of the systems: the system, its own name of the record type, and the record's id there.")
public record RecordRef(@NonNull UpstreamSystem system, @NonNull String type, @NonNull String id) {

    public RecordRef {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    /** The audit trail's subject type of the record: {@code ProcoreVendor}, {@code ProcoreWbsCode}, {@code NetSuiteVendorBill}. */
    public String subjectType() {
        return subjectType(system, type);
    }

    /** The audit subject type of records of {@code type} in {@code system}. */
    public static String subjectType(UpstreamSystem system, String type) {
        StringBuilder name = new StringBuilder(system.displayName());
        for (String word : type.split("_")) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return name.toString();
    }

    @Override
    public String toString() {
        return system.displayName() + " " + type + " " + id;
    }
}
