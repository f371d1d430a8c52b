package io.clientele.address;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An address of a customer's address book. */
public record AddressDetails(UUID id, String salutation, String firstName, String lastName, String address1,
		String address2, @Nullable String address3, String zipCode, String city, String iso2Code,
		@Nullable String company, @Nullable String phone, boolean defaultBilling, boolean defaultShipping,
		Instant createdAt, Instant updatedAt) {

	/** The country's English name, as Glue sends it ({@code Germany} for {@code DE}). */
	public String countryName() {
		return Locale.of("", iso2Code).getDisplayCountry(Locale.ENGLISH);
	}

}
