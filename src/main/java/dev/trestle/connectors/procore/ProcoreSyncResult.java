package dev.trestle.connectors.procore;

import java.util.Map;
import java.util.Set;

/**
 * What one sync action with many entries did: the records it wrote, and the entries it refused
 * with Procore's reasons, by Procore id and (for entries that carry one) by origin id. Procore
 * answers 200 either way.
 *
 * @param synced           ids of the records Procore returned as written
 * @param rejected         reasons by id for the entries Procore refused that name an id
 * @param syncedByOrigin   Procore ids of the written records, by their origin id
 * @param rejectedByOrigin reasons by origin id for refused entries that carry one
 */
public record ProcoreSyncResult(Set<Long> synced, Map<Long, String> rejected, Map<String, Long> syncedByOrigin,
        Map<String, String> rejectedByOrigin) {

    public ProcoreSyncResult {
        synced = Set.copyOf(synced);
        rejected = Map.copyOf(rejected);
        syncedByOrigin = Map.copyOf(syncedByOrigin);
        rejectedByOrigin = Map.copyOf(rejectedByOrigin);
    }
}
