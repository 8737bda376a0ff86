package dev.trestle.projects;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ProjectFilter")
@Description("Narrows the project list. All given conditions must hold.")
public class ProjectFilter {
    @Description("Only projects in one of these link statuses.")
    public List<@NonNull ProjectLinkStatus> linkStatus;
    @Description("Case-insensitive part of the name or project number, on either side.")
    public String search;
}
