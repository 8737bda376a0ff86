package dev.trestle.employees;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("EmployeeFilter")
@Description("Narrows the employee list. All given conditions must hold.")
public class EmployeeFilter {
    @Description("True: only users mapped to a NetSuite employee; false: only those that are not.")
    public Boolean netsuiteIntegrated;
    @Description("Only users in one of these mapping statuses.")
    public List<@NonNull MappingStatus> status;
    @Description("Case-insensitive part of the email or name.")
    public String search;
}
