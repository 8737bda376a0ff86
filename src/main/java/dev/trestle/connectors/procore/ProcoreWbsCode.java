package dev.trestle.connectors.procore;

import java.util.List;

/**
 * One work breakdown structure code of a project: a combination of segment values, such as
 * cost code {@code 01-100} and cost type {@code L}, plus any custom segments.
 *
 * @param id             Procore's id of the code
 * @param flatCode       all segment values joined with their delimiters, e.g. {@code 01-100.L}
 * @param description    may be null
 * @param costCode       the value of the cost code segment; null when the code has none
 * @param costType       the value of the cost type (line item type) segment; null when the code has none
 * @param customSegments the values of the custom segments, in segment order; empty when there are none
 */
public record ProcoreWbsCode(long id, String flatCode, String description, String costCode, String costType,
        List<String> customSegments) {

    public ProcoreWbsCode {
        customSegments = List.copyOf(customSegments);
    }
}
