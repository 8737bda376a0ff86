package dev.trestle.capabilities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog of flows: every unsupported flow says why, and the seed's excluded objects are there. */
class IntegrationCapabilitiesTest {

    @Test
    void everyUnsupportedFlowSaysWhyAndNoSupportedOneDoes() {
        for (IntegrationCapability flow : IntegrationCapabilities.all()) {
            if (flow.supported()) {
                assertNull(flow.reason(), flow.object());
            } else {
                assertFalse(flow.reason() == null || flow.reason().isBlank(), flow.object());
            }
        }
    }

    @Test
    void theSeedsExcludedObjectsAreListedAsUnsupported() {
        for (String object : List.of("Procore owner invoices and their payments", "Procore prime contracts",
                "Procore owner change orders")) {
            IntegrationCapability flow = IntegrationCapabilities.all().stream()
                    .filter(candidate -> candidate.object().equals(object)).findFirst().orElseThrow();
            assertFalse(flow.supported(), object);
            assertEquals(IntegrationCapabilities.OWNER_SIDE, flow.reason());
        }
        assertTrue(IntegrationCapabilities.all().stream()
                .anyMatch(flow -> flow.supported() && flow.direction() == IntegrationCapability.FlowDirection.MATCH));
    }
}
