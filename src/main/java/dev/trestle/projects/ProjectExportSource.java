package dev.trestle.projects;

import dev.trestle.connectors.procore.ProcoreConnector;
import dev.trestle.connectors.procore.ProcoreProject;
import dev.trestle.links.LinkKind;
import dev.trestle.links.Links;
import dev.trestle.links.RecordLink;
import dev.trestle.settings.SettingsService;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;

/**
 * What the planners of project-based exports (the project, its cost codes) read, side by side:
 * the Procore project, when the integration was connected, the project's link, and one more
 * read of the planner's own.
 *
 * @param connectedAt when the integration was connected; the project sync rules compare with it
 * @param link        the hub's link of the project to a NetSuite job, or null
 * @param extra       the planner's own read
 */
public record ProjectExportSource<T>(ProcoreProject project, Instant connectedAt, RecordLink link, T extra) {

    /** Reads everything for the project {@code sourceId}; a malformed id fails as INVALID_ARGUMENT. */
    public static <T> Uni<ProjectExportSource<T>> read(String sourceId, ProcoreConnector procore, SettingsService settings,
            Links links, LongFunction<Uni<T>> extra) {
        long id;
        try {
            id = ProjectIds.parse(sourceId);
        } catch (RuntimeException invalid) {
            return Uni.createFrom().failure(invalid);
        }
        String procoreId = String.valueOf(id);
        return Uni.combine().all()
                .unis(procore.project(id), settings.current(), links.byLeftIds(LinkKind.PROJECT, List.of(procoreId)),
                        extra.apply(id))
                .asTuple()
                .map(read -> new ProjectExportSource<>(read.getItem1(), read.getItem2().connectedAt,
                        read.getItem3().get(procoreId), read.getItem4()));
    }
}
