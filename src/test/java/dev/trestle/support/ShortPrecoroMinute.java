package dev.trestle.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Precoro's duplicate-GET window of a minute shortened to five seconds, in the sandbox and in the hub alike, for
 * tests of flows that read one Precoro record again soon after (a purchase order changed right after the hub read
 * it): their subject is what the flow does with the change, and a minute's wait per change would make them slow
 * without checking more. The rule itself, at its real minute, is the subject of the sandbox's and the connector's
 * own tests (PrecoroDuplicateGetTest, the Precoro connector tests) and is what the benchmarks run with.
 */
public class ShortPrecoroMinute implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("trestle.sandbox.precoro.duplicate-window", "PT5S",
                "trestle.precoro.duplicate-window", "5s");
    }
}
