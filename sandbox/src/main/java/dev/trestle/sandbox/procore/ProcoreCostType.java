package dev.trestle.sandbox.procore;

/**
 * A cost type ("line item type"). Cost types belong to the company; projects use them through
 * their cost codes.
 *
 * @param baseType Procore's fixed classification underneath the company's own name
 */
public record ProcoreCostType(long id, String name, String code, String baseType, String originId)
        implements OriginIndexedStore.Entry {
}
