package io.clientele.address;

import org.jspecify.annotations.Nullable;

/**
 * An address as entered. On a change, null fields stay as they are; at creation they are
 * empty. {@link AddressBook#check} reports what is wrong field by field.
 */
public record AddressData(@Nullable String salutation, @Nullable String firstName, @Nullable String lastName,
		@Nullable String address1, @Nullable String address2, @Nullable String address3, @Nullable String zipCode,
		@Nullable String city, @Nullable String iso2Code, @Nullable String company, @Nullable String phone) {
}
