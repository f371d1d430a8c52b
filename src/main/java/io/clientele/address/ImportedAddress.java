package io.clientele.address;

import io.clientele.customer.CustomerId;

/**
 * One address of a bulk import, checked by the caller with {@link AddressBook#check}.
 *
 * @param line where it came from (a file's line number)
 * @param defaultBilling whether it becomes the default billing address; false never takes
 * a default away * @param defaultShipping the same for shipping
 * @param firstOfCustomer whether it is the customer's first address of the import: it
 * then becomes each default the customer has none of (and that no row asks for)
 */
public record ImportedAddress(long line, CustomerId customer, AddressData address, boolean defaultBilling,
		boolean defaultShipping, boolean firstOfCustomer) {
}
