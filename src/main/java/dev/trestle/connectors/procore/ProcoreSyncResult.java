package dev.trestle.connectors.procore;

import java.util.Map;
import java.util.Set;

/**
 * What one sync action with many entries did, by Procore id: the records it wrote, and the
 * entries it refused with Procore's reasons. Procore answers 200 either way.
 *
 * @param synced   ids of the records Procore returned as written
 * @param rejected reasons by id for the entries Procore refused
 */
public record ProcoreSyncResult(Set<Long> synced, Map<Long, String> rejected) {

    public ProcoreSyncResult {
        synced = Set.copyOf(synced);
        rejected = Map.copyOf(rejected);
    }
}
