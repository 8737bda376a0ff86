package dev.trestle.sandbox.procore;

import java.util.List;

/**
 * A project cost code. Cost codes are tiered (division, then code), so {@code fullCode} is
 * {@code "<division>-<code>"}, e.g. {@code "03-300"}.
 *
 * @param lineItemTypeIds the cost types assigned to this cost code on the project
 */
public record ProcoreCostCode(long id, long projectId, String code, String fullCode, String name, String originId,
        String originData, List<Long> lineItemTypeIds) implements OriginIndexedStore.Entry {
}
