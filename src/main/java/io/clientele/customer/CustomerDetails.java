package io.clientele.customer;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.clientele.shared.CustomerReference;
import io.clientele.shared.EmailAddress;

/** Everything known about a customer except secrets. */
public record CustomerDetails(CustomerId id, CustomerReference reference, EmailAddress email,
		@Nullable Salutation salutation, String firstName, String lastName, @Nullable Gender gender,
		@Nullable LocalDate dateOfBirth, @Nullable String phone, @Nullable String company, CustomerLocale locale,
		@Nullable Instant confirmedAt, Instant createdAt, Instant updatedAt, @Nullable Instant anonymizedAt,
		@Nullable Instant blockedAt, @Nullable Instant registeredAt, @Nullable String preferredShippingMethod,
		boolean marketingConsent, @Nullable Instant marketingConsentChangedAt, long version) {

	/** Whether staff blocked the account's login. */
	public boolean blocked() {
		return blockedAt != null;
	}

	/** Whether the account was closed and its personal data removed. */
	public boolean anonymized() {
		return anonymizedAt != null;
	}

	/** Whether the account has a login (a password), "registered" in Kentico's words. */
	public boolean registered() {
		return registeredAt != null;
	}

	public boolean confirmed() {
		return confirmedAt != null;
	}

	public String fullName() {
		return firstName + " " + lastName;
	}

}
