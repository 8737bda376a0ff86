package dev.trestle.exports;

import dev.trestle.links.LinkKind;
import java.util.Map;

/**
 * One write an export makes: an upsert of a NetSuite record by external id (so that repeating
 * it cannot create a second record), standing for one Procore record.
 *
 * @param recordType NetSuite record type, e.g. {@code vendor}
 * @param externalId the NetSuite external id, derived from the Procore id
 * @param body       the exact JSON body sent
 * @param linkKind   the kind of link made once it lands
 * @param procoreId  the Procore record it stands for
 */
public record NetSuiteWrite(String recordType, String externalId, Map<String, Object> body, LinkKind linkKind,
        String procoreId) {
}
