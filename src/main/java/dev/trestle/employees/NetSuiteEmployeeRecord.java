package dev.trestle.employees;

import dev.trestle.connectors.netsuite.NetSuiteEmployee;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** A NetSuite employee as the hub read it, and when. */
@Name("NetSuiteEmployee")
@Description("A NetSuite employee, with when and where the hub read it.")
public record NetSuiteEmployeeRecord(
        String id,
        String entityId,
        String firstName,
        String lastName,
        String email,
        boolean inactive,
        @NonNull @Description("When this was NetSuite's record.") Instant asOf,
        @NonNull ReadFrom readFrom) {

    static NetSuiteEmployeeRecord of(NetSuiteEmployee employee, Instant asOf, ReadFrom readFrom) {
        return new NetSuiteEmployeeRecord(employee.id(), employee.entityId(), employee.firstName(),
                employee.lastName(), employee.email(), employee.inactive(), asOf, readFrom);
    }
}
