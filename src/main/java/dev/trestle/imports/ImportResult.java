package dev.trestle.imports;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * What an import from NetSuite into Procore did.
 *
 * @param created Procore records created (or adopted) and linked
 * @param skipped NetSuite records left alone: already linked, inactive, or their Procore record is linked elsewhere
 */
@Description("What an import from NetSuite into Procore did.")
public record ImportResult(@NonNull int created, @NonNull int skipped) {
}
