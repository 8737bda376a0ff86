package dev.trestle.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trestle.links.LinkKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an approver approves is what is sent: the stored payload reads back exactly, money included. */
class OutboxPayloadTest {

    @Test
    void aStoredBillReadsBackWithExactDecimalsNeverDoubles() {
        Map<String, Object> body = Map.of("item", Map.of("items", List.of(Map.of("amount", new BigDecimal("0.10")),
                Map.of("amount", new BigDecimal("12345678901234.57")))));
        OutboxWrite write = OutboxWrite.intoNetSuite("vendorBill", "procore-requisition-1", body, LinkKind.BILL, "1");

        OutboxWrite read = ExportStore.writes(ExportStore.json(List.of(write))).get(0);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) ((Map<String, Object>) read.body().get("item"))
                .get("items");
        assertEquals(new BigDecimal("0.10"), lines.get(0).get("amount"));
        assertEquals(new BigDecimal("12345678901234.57"), lines.get(1).get("amount"));
        assertEquals(write.source(), read.source());
        assertEquals(write.destination(), read.destination());
        assertEquals("{\"amount\":0.10}", ExportStore.json(Map.of("amount", lines.get(0).get("amount"))));
    }
}
