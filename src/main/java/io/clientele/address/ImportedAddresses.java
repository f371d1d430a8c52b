package io.clientele.address;

/**
 * What a batch of an address import did.
 *
 * @param created addresses added
 * @param updated addresses the customer already had that became a default
 * @param unchanged addresses the customer already had, as the import describes them
 */
public record ImportedAddresses(long created, long updated, long unchanged) {
}
