package dev.trestle.imports;

/** What an import did: records it created, and records it left alone. */
public record ImportResult(int created, int skipped) {
}
