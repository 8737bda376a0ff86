package dev.trestle.sync;

/** What a run counted. {@code mapped + notMapped + conflicts == scanned}. */
public record SyncCounts(int scanned, int mapped, int notMapped, int conflicts, int unchanged) {
}
