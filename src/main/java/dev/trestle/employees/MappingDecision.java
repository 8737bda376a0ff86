package dev.trestle.employees;

import java.util.List;

/** What the matcher decided for one Precoro user in one run. */
record MappingDecision(long precoroUserId, String email, String normalizedEmail, String name, MappingStatus status,
        MappingReason reasonCode, String reason, String netsuiteEmployeeId, List<ConflictCandidate> candidates) {
}
