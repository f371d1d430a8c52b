package io.clientele.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import io.clientele.shared.CustomerReference;
import io.clientele.shared.EmailAddress;

/**
 * A customer account. Its data was checked by {@link CustomerRules} before it got here.
 */
@Table("customer")
class Customer {

	@Id
	private final UUID id;

	private final String customerReference;

	private String email;

	private @Nullable Salutation salutation;

	private String firstName;

	private String lastName;

	private @Nullable Gender gender;

	private @Nullable LocalDate dateOfBirth;

	private @Nullable String phone;

	private @Nullable String company;

	private String locale;

	private @Nullable Instant confirmedAt;

	private final Instant createdAt;

	private Instant updatedAt;

	private @Nullable Instant anonymizedAt;

	private @Nullable Instant blockedAt;

	private @Nullable Instant registeredAt;

	private @Nullable String preferredShippingMethod;

	private boolean marketingConsent;

	private @Nullable Instant marketingConsentChangedAt;

	@Version
	private @Nullable Long version;

	@PersistenceCreator
	Customer(UUID id, String customerReference, String email, @Nullable Salutation salutation, String firstName,
			String lastName, @Nullable Gender gender, @Nullable LocalDate dateOfBirth, @Nullable String phone,
			@Nullable String company, String locale, @Nullable Instant confirmedAt, Instant createdAt,
			Instant updatedAt, @Nullable Instant anonymizedAt, @Nullable Instant blockedAt,
			@Nullable Instant registeredAt, @Nullable String preferredShippingMethod, boolean marketingConsent,
			@Nullable Instant marketingConsentChangedAt, @Nullable Long version) {
		this.id = id;
		this.customerReference = customerReference;
		this.email = email;
		this.salutation = salutation;
		this.firstName = firstName;
		this.lastName = lastName;
		this.gender = gender;
		this.dateOfBirth = dateOfBirth;
		this.phone = phone;
		this.company = company;
		this.locale = locale;
		this.confirmedAt = confirmedAt;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.anonymizedAt = anonymizedAt;
		this.blockedAt = blockedAt;
		this.registeredAt = registeredAt;
		this.preferredShippingMethod = preferredShippingMethod;
		this.marketingConsent = marketingConsent;
		this.marketingConsentChangedAt = marketingConsentChangedAt;
		this.version = version;
	}

	static Customer register(CustomerReference reference, RegisterCustomer data, Instant now) {
		return new Customer(UUID.randomUUID(), reference.value(), EmailAddress.of(data.email()).value(),
				Salutation.parse(data.salutation()).orElse(null), data.firstName().strip(), data.lastName().strip(),
				blankToNull(data.gender()) == null ? null : Gender.parse(data.gender()).orElseThrow(),
				data.dateOfBirth(), blankToNull(data.phone()), blankToNull(data.company()),
				CustomerLocale.parse(data.locale()).orElseThrow().code(), data.confirmed() ? now : null, now, now, null,
				null, null, null, false, null, null);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** The profile as registration data, to check changes against the same rules. */
	RegisterCustomer asRegistration(ChangeProfile changes) {
		return new RegisterCustomer(pick(changes.salutation(), salutation == null ? "" : salutation.name()),
				pick(changes.firstName(), firstName), pick(changes.lastName(), lastName), email,
				changes.gender() != null ? changes.gender() : gender == null ? null : gender.name(),
				changes.dateOfBirth() != null ? changes.dateOfBirth() : dateOfBirth,
				changes.phone() != null ? changes.phone() : phone,
				changes.company() != null ? changes.company() : company, locale, confirmedAt != null);
	}

	/** Applies changes that {@link CustomerRules} accepted. */
	void changeProfile(ChangeProfile changes, Instant now) {
		var merged = asRegistration(changes);
		salutation = Salutation.parse(merged.salutation()).orElse(salutation);
		firstName = merged.firstName().strip();
		lastName = merged.lastName().strip();
		gender = blankToNull(merged.gender()) == null ? null : Gender.parse(merged.gender()).orElseThrow();
		dateOfBirth = merged.dateOfBirth();
		phone = blankToNull(merged.phone());
		company = blankToNull(merged.company());
		updatedAt = now;
	}

	private static String pick(@Nullable String change, String current) {
		return change != null ? change : current;
	}

	/**
	 * Removes the personal data for good: names, salutation, gender, birth date and
	 * phone, and an unreachable random address in place of the e-mail address (so the
	 * address can register again). The reference and the company stay, as in Spryker.
	 * Anonymising twice changes nothing.
	 */
	boolean anonymize(Instant now) {
		if (anonymizedAt != null) {
			return false;
		}
		var random = java.util.UUID.randomUUID().toString().replace("-", "");
		email = random.substring(0, 16) + "@" + random.substring(16) + ".invalid";
		salutation = null;
		firstName = "";
		lastName = "";
		gender = null;
		dateOfBirth = null;
		phone = null;
		registeredAt = null;
		preferredShippingMethod = null;
		if (marketingConsent) {
			marketingConsent = false;
			marketingConsentChangedAt = now;
		}
		anonymizedAt = now;
		updatedAt = now;
		return true;
	}

	/**
	 * Blocks (or, with false, unblocks) the account's login; the account stays as it is.
	 */
	void block(boolean blocked, Instant now) {
		blockedAt = blocked ? (blockedAt == null ? now : blockedAt) : null;
		updatedAt = now;
	}

	/**
	 * Marks the account as having a login (its first password); returns false when it had
	 * one already.
	 */
	boolean markRegistered(Instant now) {
		if (registeredAt != null || anonymizedAt != null) {
			return false;
		}
		registeredAt = now;
		updatedAt = now;
		return true;
	}

	/**
	 * Sets the preferences that {@link CustomerManagement#changePreferences} accepted;
	 * the consent's time changes only when the consent does.
	 */
	void changePreferences(CustomerLocale newLocale, @Nullable String shippingMethod, boolean marketing, Instant now) {
		locale = newLocale.code();
		preferredShippingMethod = shippingMethod;
		if (marketing != marketingConsent) {
			marketingConsent = marketing;
			marketingConsentChangedAt = now;
		}
		updatedAt = now;
	}

	/** A new address the customer proved to own (by a mailed link): it is confirmed. */
	void changeEmail(EmailAddress newEmail, Instant now) {
		email = newEmail.value();
		confirmedAt = now;
		updatedAt = now;
	}

	/** Whether the stored version is the one the caller saw. */
	boolean hasVersion(long expected) {
		return (version == null ? 0 : version) == expected;
	}

	/** Marks the e-mail address as confirmed; confirming again changes nothing. */
	void confirm(Instant now) {
		if (confirmedAt == null) {
			confirmedAt = now;
			updatedAt = now;
		}
	}

	CustomerId id() {
		return new CustomerId(id);
	}

	CustomerDetails details() {
		return new CustomerDetails(id(), CustomerReference.of(customerReference), EmailAddress.of(email), salutation,
				firstName, lastName, gender, dateOfBirth, phone, company, CustomerLocale.parse(locale).orElseThrow(),
				confirmedAt, createdAt, updatedAt, anonymizedAt, blockedAt, registeredAt, preferredShippingMethod,
				marketingConsent, marketingConsentChangedAt, version == null ? 0 : version);
	}

}
