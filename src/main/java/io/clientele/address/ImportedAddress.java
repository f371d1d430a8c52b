package io.clientele.address;

import io.clientele.customer.CustomerId;

/**
 * One address of a bulk import, checked by the caller with {@link AddressBook#check}.
 *
 * @param line where it came from (a file's line number)
 * @param defaultBilling whether it becomes the default billing address; false never takes
 * a default away
 * @param defaultShipping the same for shipping
 */
public record ImportedAddress(long line, CustomerId customer, AddressData address, boolean defaultBilling,
		boolean defaultShipping) {
}
