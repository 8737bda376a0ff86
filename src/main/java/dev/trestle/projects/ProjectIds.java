package dev.trestle.projects;

import dev.trestle.errors.TrestleException;

/** Procore project ids as they arrive from callers (GraphQL IDs, export source ids). */
public final class ProjectIds {

    private ProjectIds() {
    }

    public static long parse(String id) {
        if (id != null && id.strip().matches("[0-9]{1,18}")) {
            return Long.parseLong(id.strip());
        }
        throw TrestleException.invalidArgument("A Procore project id is a number of up to 18 digits.");
    }
}
